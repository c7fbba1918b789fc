"""Errors the user can act on, shown as clear messages in the GUI and the CLI.

Anything that is not a ``PrivacyDeskError`` is a bug. Messages never contain personal data
(names, e-mail addresses, message text), because they may reach logs.
"""

from collections.abc import Mapping


class PrivacyDeskError(Exception):
    """Base class of every user-facing error."""


# --- store --------------------------------------------------------------------------------


class StoreError(PrivacyDeskError):
    """The case database cannot be opened or used."""


class WrongKeyError(StoreError):
    """The key or passphrase does not open this encrypted database."""


class WrongBackupKeyError(WrongKeyError):
    """The passphrase or recovery key the user gave for a backup was read and does not open it
    (unlike ``KeyUnavailableError``, where none was given); nothing was restored."""


class NotADatabaseError(StoreError):
    """The file is not a Privacy Desk case database (plain SQLite, another format, or damaged)."""


class DamagedDatabaseError(StoreError):
    """The case database file is truncated or damaged (restore it from a backup)."""


class DatabaseLockedError(StoreError):
    """Another process holds the database (another Privacy Desk window, a backup tool)."""


class KeyUnavailableError(StoreError):
    """No key is stored for this database and no passphrase was given."""


class DatabaseMissingError(StoreError):
    """The database file does not exist and creating it was not asked for."""


class ReadOnlyDatabaseError(StoreError):
    """The database file, or the folder holding it, cannot be written."""


class DiskFullError(StoreError):
    """The disk (or the quota) holding the case database or a file being written is full:
    the write that did not fit was undone, nothing saved before it was lost (SQLITE_FULL,
    ENOSPC)."""


class DatabaseInUseError(DatabaseLockedError):
    """Another Privacy Desk window or command has this database open (its instance lock)."""


class NewerSchemaError(StoreError):
    """The database records a schema revision this version of the app does not know: a newer
    version wrote it. It is left as it was; only an update of the app opens it."""


class LegacyFormatError(StoreError):
    """The database was written by SQLCipher 3; it opens only after migration to SQLCipher 4."""


class BackupError(StoreError):
    """A backup or restore copy failed its check (integrity or row counts); nothing was replaced."""


class TeamServerError(StoreError):
    """The team's PostgreSQL server cannot be used: unreachable, no such database, a URL that
    is not a PostgreSQL one, or a schema this login may not upgrade."""


class TeamServerAuthError(TeamServerError):
    """The server refused the login (wrong user name or password)."""


class InsecureConnectionError(TeamServerError):
    """TLS is required (any host but this machine) and was refused: the server offers no TLS,
    its certificate does not verify, or the URL asks for a mode that does not verify it."""


class NewerTeamSchemaError(TeamServerError, NewerSchemaError):
    """The team database records a schema revision this version of the app does not know: a
    newer version upgraded it (shown where the team server's problems are)."""


class TeamMigrationError(StoreError):
    """Moving a local database to the team server was refused or did not verify (a target
    that already holds data, differing row counts or rows, a broken audit chain)."""


class ConcurrentEditError(StoreError):
    """Someone else saved the same record since it was loaded; nothing of this save was written.

    The message names the record and the changed fields only (no values: they may be personal
    data); ``changes`` maps each changed field to its value now in the database, for the UI to
    show beside the user's own edit.

    Attributes:
        entity: the record's kind, e.g. ``"case"``.
        identity: its primary key.
        label: a non-personal label (a case reference) or ``None``.
        changes: field name -> the other person's saved value; empty when it was deleted.
        deleted: the record no longer exists.
    """

    def __init__(
        self,
        entity: str,
        identity: tuple[object, ...],
        label: str | None,
        changes: dict[str, object],
        *,
        deleted: bool = False,
    ) -> None:
        self.entity = entity
        self.identity = identity
        self.label = label
        self.changes = changes
        self.deleted = deleted
        name = f"{entity} {label}" if label else f"{entity} #{', '.join(map(str, identity))}"
        what = "deleted" if deleted else "changed"
        fields = f" (fields: {', '.join(sorted(changes))})" if changes else ""
        super().__init__(
            f"Someone else {what} {name} since you opened it{fields}; your changes were not "
            "saved. Reload it and make them again."
        )


# --- domain -------------------------------------------------------------------------------


class CaseNotFoundError(PrivacyDeskError):
    """No case has the given reference."""


class RuleError(PrivacyDeskError):
    """A rule file (``resources/rules/*.toml``) is malformed.

    Attributes:
        file: the rule file's path as text.
        line: 1-based line of the offending field, or ``None`` when unknown.
        field: dotted name of the offending field (e.g. ``"access.period.unit"``).
    """

    def __init__(self, file: str, line: int | None, field: str, problem: str) -> None:
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: field '{field}': {problem}")


class UnknownRuleError(PrivacyDeskError):
    """No rule set exists for the jurisdiction, or it has no rule for the request kind."""


class ExtensionNotAllowedError(PrivacyDeskError):
    """An extension was asked for under a rule that has none (e.g. China: no extension in law)."""


class DeadlineInputError(PrivacyDeskError):
    """A clock input is inconsistent: a pause ending before it starts, identity verified before
    receipt, an open pause without an as-of date, or a date that cannot be read."""


class MessageParseError(PrivacyDeskError):
    """An incoming file cannot be read as a message (reason given without its content)."""


class TemplateError(PrivacyDeskError):
    """A letter template is malformed or names an unknown field."""


class LetterError(PrivacyDeskError):
    """A letter cannot be produced (e.g. characters the font lacks)."""


class TemplateFieldError(TemplateError):
    """A letter template names a field (placeholder or condition) the letter does not provide.

    Attributes:
        file: the template file's path as text.
        field: the offending placeholder, condition or key (e.g. ``"paragraphs[2].text"``).
        problem: what is wrong, without personal data.
    """

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: field '{field}': {problem}")


class FontLoadError(LetterError):
    """A letter font file is missing or cannot be embedded (e.g. CFF-outline OpenType)."""


class MissingGlyphsError(LetterError):
    """The letter contains characters no letter font can draw.

    Attributes:
        code_points: the missing characters as ``"U+XXXX"`` strings, sorted, without duplicates.
        coverage: what a font must cover to print them (e.g. "CJK Extension B"), when the
            computer's fonts were searched too; empty otherwise.
        fonts: example fonts to install for them (TrueType outlines), with ``coverage``.
    """

    def __init__(self, code_points: list[str], *, coverage: str = "", fonts: str = "") -> None:
        self.code_points = code_points
        self.coverage = coverage
        self.fonts = fonts
        listed = ", ".join(code_points)
        super().__init__(
            f"no font on this computer has the characters {listed}; install a TrueType (.ttf) "
            f"font covering {coverage}, such as {fonts}"
            if coverage
            else f"characters the letter fonts lack: {listed}"
        )


class TriageVocabularyError(RuleError):
    """A triage vocabulary or rule file (``resources/triage/**/*.toml``) is malformed.

    Carries the same ``file``, ``line`` and ``field`` as ``RuleError``; the message names the
    file and the dotted field, never any message content.
    """


class ExportPathError(PrivacyDeskError):
    """A file the user asked for cannot be written where they chose."""


class ScheduleError(PrivacyDeskError):
    """A holiday schedule entered by an administrator is inconsistent (names the date)."""


class ClockError(PrivacyDeskError):
    """A change to a case's clock is not allowed (e.g. resuming a clock that is not paused)."""


class ClockNotPausedError(ClockError):
    """The clock of the case is running: there is no pause to end."""


class PauseBeforeReceiptError(ClockError):
    """A pause would start before the request was received: there was no clock to stop."""


class ClockNotRunningError(ClockError):
    """No statutory deadline runs on the case (answered or closed, not a request, or none
    counted): its clock cannot be stopped, restarted or extended (GDPR Art. 12(3), PIPL
    Art. 50: pauses and extensions serve a deadline still running)."""


class LetterheadImageError(LetterError):
    """A letterhead image (logo, signature or seal) is missing, unreadable or not PNG/JPEG.

    Attributes:
        role: which image (``"logo"`` or ``"signature_image"``).
        problem: what is wrong (names the file, never its content).
    """

    def __init__(self, role: str, problem: str) -> None:
        self.role = role
        self.problem = problem
        super().__init__(f"letterhead {role}: {problem}")


class RefusalGroundError(LetterError):
    """A refusal names a ground that the jurisdiction's list (``jurisdictions.toml``) lacks.

    Attributes:
        jurisdiction: the rule set's code. ground: the ground's key as given.
    """

    def __init__(self, jurisdiction: str, ground: str, known: list[str]) -> None:
        self.jurisdiction = jurisdiction
        self.ground = ground
        super().__init__(
            f"no refusal ground '{ground}' for jurisdiction {jurisdiction}; "
            f"known: {', '.join(known) or '(none)'}"
        )


class WorkflowError(PrivacyDeskError):
    """A workflow action cannot be done as asked."""


class TransitionBlockedError(WorkflowError):
    """A guard blocks a case transition; ``missing`` lists what must happen first.

    Nothing has been written when this is raised.
    """

    def __init__(self, message: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing = missing


class HandlerError(WorkflowError):
    """A case cannot be assigned to this handler: a malformed user name, or (once the team has
    a staff list) someone who is not an active member of Settings › Staff and roles. The
    message names the user name (a staff login, not a data subject's data) when well formed.

    Nothing has been written when this is raised.
    """


class HoldOnAccessCopyError(WorkflowError):
    """A legal hold planned on an access or copy request: a retention obligation keeps data
    from deletion, never from the data subject's copy (PIPL Art. 45; GDPR Art. 15(3))."""

    def __init__(self) -> None:
        super().__init__(
            "A legal hold keeps data from deletion, not from the data subject: on an access or "
            "copy request every category held goes into the copy. Plan this category as "
            "exported (or as none held)."
        )


class CopyLeftOutError(LetterError):
    """An access response would leave a category the company holds out of the copy without
    saying why (PIPL Art. 45; a request met only in part gives the grounds, Art. 50)."""

    def __init__(self) -> None:
        super().__init__(
            "A data category held is neither exported nor refused: mark it exported (or as "
            "none held) before writing the access response, so that no category is left out "
            "of the copy without a reason."
        )


class InventoryError(PrivacyDeskError):
    """The data inventory file is malformed (names the file and field)."""


class FormExportError(PrivacyDeskError):
    """A web-form export (CSV or XLSX) cannot be read: unreadable file, neither CSV nor XLSX, an
    encoding that is neither UTF-8 nor GB18030, or no header row (names the file, never its
    content)."""


class SettingsError(PrivacyDeskError):
    """A settings value is invalid; ``field`` names it (e.g. ``rules.ecommerce_art31.months``).

    Nothing has been written when this is raised. The message (English, for logs and the
    command line) is ``"{field}: {problem}"``; the window names the field by its label and
    makes its own sentence from ``field``, ``problem`` and ``values`` (``app.ui.settings_errors``).

    Attributes:
        field: the setting's dotted key.
        problem: what is wrong, in English, without the value (it may be personal data).
        values: the numbers and keys the problem names, for the UI's sentence, e.g.
            ``{"minimum_months": 36, "rule": "ecommerce_art31"}`` for a statutory floor.
    """

    def __init__(
        self, field: str, problem: str, *, values: Mapping[str, int | str] | None = None
    ) -> None:
        self.field = field
        self.problem = problem
        self.values: Mapping[str, int | str] = dict(values or {})
        super().__init__(f"{field}: {problem}")


class SettingsPermissionError(PrivacyDeskError):
    """The current user may not change team settings (only active managers and admins may)."""


class ManualIntakeError(PrivacyDeskError):
    """A request entered by hand (phone, letter, in person) cannot be recorded as given;
    ``field`` names the input at fault (``received_at``, ``email``, ``phone``, ...). The message
    never quotes the value (it may be personal data)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class DemoDataError(PrivacyDeskError):
    """The demo database cannot be made or opened: e.g. a file of its name exists and is not a
    demo database (it is left untouched)."""


class ActorError(PrivacyDeskError):
    """The person acting on the command line cannot be named (``--actor`` empty, reserved,
    or no login name known); the audit trail needs a person for every change."""


class DateOutOfRangeError(DeadlineInputError):
    """A date outside the years the deadline engine counts (1970-2200): a mistyped or forged
    date, never a real request's; the case is flagged for a person instead."""


class CaseAnsweredError(WorkflowError):
    """A workflow step that would change the record of a case's answer (its triage, its clock,
    the plan or record of what was done for each data category) on a case answered or closed
    (``app.services.workflow.gates``)."""


class CategoryDoneError(WorkflowError):
    """A data category whose action was carried out would be planned or recorded again: the
    record of what was deleted, exported or held, when and by whom, stays (PIPL Art. 47; the
    deletion-done letter rests on it)."""

    def __init__(self) -> None:
        super().__init__(
            "The action for this data category has been carried out and recorded already: that "
            "record stays as it is."
        )
