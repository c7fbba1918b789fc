"""Starting the desktop app: unlock the database (asking for a passphrase where needed), then
show the main window."""

import sys
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox

from app.clock import company_today
from app.errors import (
    DamagedDatabaseError,
    KeyUnavailableError,
    PrivacyDeskError,
    TeamServerError,
    WrongKeyError,
)
from app.store.first_look import FirstLook, first_look, let_go_of_look_ahead
from app.store.keys import RawKey, passphrase_from_environment
from app.store.location import default_database_path
from app.store.secrets import SecretStore, system_secret_store
from app.ui.background import stop_all
from app.ui.main_thread_gc import MainThreadCollector
from app.ui.main_window import MainWindow
from app.ui.messages import error_text
from app.ui.team_settings import TeamSettings
from app.ui.translations import LanguageSettings, LanguageSwitcher, Translations
from app.ui.unlock_dialog import UnlockDialog
from app.ui.window_size import initial_window_size, should_maximize

if TYPE_CHECKING:
    from app.services.deadlines import RuleBook
    from app.store import Database

# SQLAlchemy (Database, unlock, the team server) is imported only where this module needs it
# beyond a first look at an existing database: the list paints before (README "Speed").


def open_database_interactively(
    path: Path, secrets: SecretStore | None = None
) -> "Database | None":
    """Open (or create) the database at ``path``, asking for the passphrase while needed.

    Args:
        path: the database file.
        secrets: the keyring to use (the system's when ``None``; looking it up costs time).

    Returns:
        The open ``Database``, or ``None`` when the user cancels or the file cannot be used
        (after a message saying why).
    """
    from app.store import unlock

    secrets = secrets or system_secret_store()
    passphrase = passphrase_from_environment()
    problem = ""
    while True:
        try:
            return unlock(path, secrets=secrets, passphrase=passphrase, create=True)
        except (KeyUnavailableError, WrongKeyError) as error:
            problem = (
                "" if passphrase is None and isinstance(error, KeyUnavailableError) else str(error)
            )
        except PrivacyDeskError as error:
            title = QApplication.translate("Unlock", "Privacy Desk")
            QMessageBox.critical(None, title, open_failure_text(error))
            return None
        dialog = UnlockDialog(creating=not path.exists(), problem=problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        passphrase = dialog.passphrase()


def open_failure_text(error: PrivacyDeskError) -> str:
    """The message shown when the database cannot be opened, in the UI language: for a damaged
    file also the folder of this computer's automatic backups, when one is set (the window,
    where that setting is shown, does not open)."""
    text = error_text(str(error))
    if not isinstance(error, DamagedDatabaseError):
        return text
    from app.ui.safety_settings import SafetySettings  # the backup code: not before the list

    folder = SafetySettings(QSettings()).folder()
    if folder is not None:
        where = QApplication.translate("Unlock", "The automatic backups are in '%1'.")
        text += "\n\n" + where.replace("%1", str(folder))
    return text


def open_database_at_start(path: Path) -> "Database | FirstLook | None":
    """Open the team server saved in the settings (asking again when it fails), else the
    local database at ``path``: a first look at it where that can be had (an existing file,
    its key at hand, at the newest schema), else the full way (asking for a passphrase)."""
    settings, secrets = QSettings(), system_secret_store()
    if TeamSettings(settings).url() is None:
        look = first_look(path, secrets, passphrase_from_environment())
        return look if look is not None else open_database_interactively(path, secrets)
    let_go_of_look_ahead()  # main.py's look at the local file: the team server is used
    from app.ui.team_connect import TeamConnectDialog, open_team_from_settings  # SQLAlchemy

    problem = ""
    try:
        database = open_team_from_settings(settings, secrets)
    except TeamServerError as error:
        database, problem = None, str(error)
    if database is not None:
        return database
    dialog = TeamConnectDialog(settings, secrets, problem=problem)
    return dialog.database() if dialog.exec() == QDialog.DialogCode.Accepted else None


CLOCK_REFRESH_DELAY_MS = 500
# At the exit, how long running background work (stopping at its next check) is waited for.
STOP_TIMEOUT_MS = 30_000


def _load_rule_book() -> "RuleBook":
    from app.services.deadlines import load_rule_book  # with holidays: after the first paint

    return load_rule_book()


def refresh_clocks(
    database: "Database", rules: "Callable[[], RuleBook]", window: QMainWindow
) -> None:
    """Recompute the open cases whose rule file changed since they were computed, and show
    the result (a rule file is part of the app and can change with an update). A rule set
    that does not load is reported by the window, which then ends the app."""
    from app.services.clock_refresh import refresh_after_rule_change  # after the first paint

    try:
        rule_book = rules()
    except PrivacyDeskError:
        return
    with database.session() as session:
        changed = refresh_after_rule_change(session, rule_book, today=company_today())
        # Its pages (an index of every open case's clock) would stay cached in this pooled
        # connection, where the list may not come back (the pool hands out the connection
        # returned last): 3 MiB at a million cases, out of the one cache budget.
        database.release_cache(session)
    if changed and isinstance(window, MainWindow):
        window.refresh()


def run(argv: Sequence[str]) -> int:
    """Run the desktop app; returns the process exit status."""
    app = QApplication(list(argv))
    app.setApplicationName("Privacy Desk")
    app.setOrganizationName("PrivacyDesk")
    # Background tasks must never be the thread that deletes a window (see main_thread_gc).
    collector = MainThreadCollector(parent=app)
    collector.start()
    translations = Translations(app)  # before any dialog, the unlock dialog included
    translations.apply(LanguageSettings(QSettings()).effective())
    # Loaded once, when the window builds its tools after the first paint (0.2 s): the list
    # shows dates already computed and stored.
    rules = cache(_load_rule_book)
    path = default_database_path()
    created = not path.exists()
    database = open_database_at_start(path)
    if database is None:
        return 1
    return _work(app, translations, database, rules, created=created)


def _work(
    app: QApplication,
    translations: Translations,
    first: "Database | FirstLook",
    rules: "Callable[[], RuleBook]",
    *,
    created: bool,
) -> int:
    """Show the main window over ``first`` and run the event loop; close the database in use
    at the end. Returns the exit status."""
    switchers: list[LanguageSwitcher] = []  # the window's signal needs the switcher made with it

    def make(old: QMainWindow | None) -> QMainWindow:
        new = main_window(old, first, rules)
        new.language_chosen.connect(lambda language: switchers[0].switch(language))
        return new

    switcher = LanguageSwitcher(translations, make)
    switchers.append(switcher)
    window = switcher.window
    window.resize(initial_window_size(window))
    if should_maximize(window):  # e.g. 150 % on a laptop screen: the list needs the width
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    window.show()
    # Once the list has painted: at a million cases finding the stale ones takes a moment.
    QTimer.singleShot(CLOCK_REFRESH_DELAY_MS, lambda: _refresh_clocks(switcher.window, rules))
    if created and not isinstance(first, FirstLook) and isinstance(first.key, RawKey):
        # The key lives only in this computer's keyring: offer the printable recovery sheet.
        from app.ui.recovery_offer import RecoveryOffer  # a new database only: QR code, PDF

        RecoveryOffer(first.key, first.path.name, parent=window).open()
    try:
        return app.exec()
    finally:
        # Work still running (a demo being made, an import) stops before its window and the
        # databases go: nothing is reported to a deleted window (QA18 F12).
        stop_all(STOP_TIMEOUT_MS)
        last = switcher.window
        if isinstance(last, MainWindow):
            last.leave_demo()  # closes the demo database, back on the real one
            last.close_database()
        else:
            first.close()


def _refresh_clocks(window: QMainWindow, rules: "Callable[[], RuleBook]") -> None:
    if isinstance(window, MainWindow):
        refresh_clocks(window.database, rules, window)


def main_window(
    old: QMainWindow | None, first: "Database | FirstLook", rules: "Callable[[], RuleBook]"
) -> MainWindow:
    """The first window over ``first``, or a rebuild of ``old`` (a new UI language) showing
    what it shows: the same database (the demo stays the demo), view, search, selected case
    and note draft (``app.ui.language_switch``)."""
    if isinstance(old, MainWindow):
        from app.ui.language_switch import rebuilt_window  # with the tools, already imported

        return rebuilt_window(old)
    # The list paints first; the menus, detail pane and dashboard are built right after.
    return MainWindow(first, rules, defer_tools=True)


if __name__ == "__main__":
    sys.exit(run(sys.argv))
