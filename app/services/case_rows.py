"""The read models of a case: frozen rows for the list, the detail pane and the CLI.

Never live ORM objects, so views can hold them across sessions (STYLE.md §5); built by
``app.services.case_queries``.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from app.models.enums import (
    AttachmentKind,
    CategoryActionKind,
    Channel,
    MessageDirection,
    PauseReason,
)
from app.services.case_list_terms import CaseRow

if TYPE_CHECKING:  # types only: the case list's rows load before the deadline engine
    from app.services.deadlines import Basis, Confidence, DeadlineExplanation


@dataclass(frozen=True)
class TriageReasonRow:
    """Why triage proposed a value: the field, the kind of signal and the evidence."""

    field: str
    signal: str
    evidence: str


@dataclass(frozen=True)
class LetterRow:
    """A stored letter of a case: what it is, who approved it, how it went out, and its PDF.

    ``pdf`` is the stored document (the detail pane previews it from memory, never from a
    temporary file); instants are aware UTC.
    """

    letter_id: int
    template_key: str
    language: str
    version: int
    sha256: str
    generated_at: datetime
    template_version: str = ""
    generated_by: str = ""
    approved_by: str | None = None
    approved_at: datetime | None = None
    sent_channel: str | None = None
    sent_at: datetime | None = None
    pdf: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class PauseRow:
    """A clock pause: first and last paused day (rule time zone), open while ``end_date`` is
    ``None``."""

    start_date: date
    end_date: date | None
    reason: PauseReason


@dataclass(frozen=True)
class EventRow:
    """One entry of the case's audit trail: when (aware UTC), who, what, and the event's
    payload as (key, value) text pairs (payloads hold no personal data, see ``record_event``)."""

    occurred_at: datetime
    actor: str
    action: str
    details: tuple[tuple[str, str], ...] = ()
    event_id: int = 0


@dataclass(frozen=True)
class CategoryRow:
    """What is done to one data category of the inventory for the case.

    ``hold_until``/``hold_rule``/``hold_source`` are set for a legal hold (PIPL Art. 47 ¶2: only
    storage and security measures until then), e.g. E-Commerce Law Art. 31 for transaction
    records; ``done_at`` (aware UTC) is ``None`` while the action is unsettled.
    """

    category: str
    name_zh: str
    name_en: str
    action: CategoryActionKind
    hold_until: date | None
    hold_rule: str | None
    hold_source: str | None
    note: str
    planned_by: str
    done_by: str | None
    done_at: datetime | None


@dataclass(frozen=True)
class NoteRow:
    """An internal note (never shown to the requester); ``written_at`` aware UTC."""

    note_id: int
    author: str
    written_at: datetime
    text: str


@dataclass(frozen=True)
class MessageRow:
    """A message to or from the requester; ``occurred_at`` aware UTC."""

    direction: MessageDirection
    channel: str
    occurred_at: datetime
    summary: str
    recorded_by: str


@dataclass(frozen=True)
class AttachmentRow:
    """A file kept with the case (its bytes stay in the database until copied out).

    ``size`` in bytes; ``sha256`` hex; ``purged`` when retention removed the content.
    """

    attachment_id: int
    kind: AttachmentKind
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    retention_until: date | None
    purged: bool


@dataclass(frozen=True)
class RuleSource:
    """The rule behind a deadline: its reference, legal source, confidence and basis
    (``resources/rules/<code>.toml``; reference/deadlines.md)."""

    rule_ref: str
    source: str
    confidence: "Confidence"
    basis: "Basis"
    awaiting_verification: bool
    source_zh: str = ""  # ``source`` in Chinese where the rule set gives it

    def source_in(self, language: str) -> str:
        """Return the legal source in ``language`` (``"zh"``: Chinese where given), else English."""
        return (self.source_zh if language == "zh" else "") or self.source


@dataclass(frozen=True)
class StatedPeriod:
    """A regulator's stated period as its date was last counted (``clock.stated_deadline``):
    ``n`` ``unit`` ("working_days", "working_days_mon_sat" (Monday to Saturday: Werktage,
    jours ouvrables), "calendar_days" or "months") from the local receipt date
    (day 0), and ``calendar``, the holiday calendar spec ("holidays:PL") a working-day count
    consulted (the member state's, else the rule set's own); ``None`` for a calendar-day or
    month count, which consults no holiday calendar to count."""

    n: int
    unit: str
    calendar: str | None


@dataclass(frozen=True)
class CaseDetail:
    """Everything the detail pane shows of one case."""

    row: CaseRow
    subject_line: str
    message_text: str
    rule_ref: str | None
    ack_due_date: date | None
    internal_target_date: date | None
    extended_due_date: date | None
    extension_reason: str | None
    pauses: tuple[PauseRow, ...]
    explanation: "DeadlineExplanation | None"
    triage_reasons: tuple[TriageReasonRow, ...]
    letters: tuple[LetterRow, ...]
    events: tuple[EventRow, ...]
    channel: Channel = Channel.EMAIL
    assignee: str | None = None
    rule: RuleSource | None = None
    categories: tuple[CategoryRow, ...] = ()
    notes: tuple[NoteRow, ...] = ()
    messages: tuple[MessageRow, ...] = ()
    attachments: tuple[AttachmentRow, ...] = ()
    # A regulator's date: the period it was counted from and on which calendar (or None).
    stated_period: StatedPeriod | None = None

    @property
    def binding_due_date(self) -> date | None:
        """The date the answer is due by: the extended date once extended, else the due date."""
        return self.extended_due_date or self.row.due_date
