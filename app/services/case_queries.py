"""Read models of cases for the list, the detail pane and ``python -m app list``.

Rows are frozen dataclasses, never live ORM objects, so views can hold them across sessions
(STYLE.md §5).
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import CaseNotFoundError
from app.models import Attachment, Case, DataSubject, Event, IdentifierKind
from app.models.enums import (
    AttachmentKind,
    CaseKind,
    CaseOutcome,
    CaseStatus,
    PauseReason,
    ReviewFlag,
)
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.clock import deadline_for
from app.services.deadlines import DeadlineExplanation, RuleBook, explain_deadline
from app.services.intake import parse_message


@dataclass(frozen=True)
class CaseRow:
    """One case as the case list shows it."""

    reference: str
    kind: CaseKind
    status: CaseStatus
    outcome: CaseOutcome | None
    language: str | None
    jurisdiction: str
    requester_name: str | None
    requester_email: str | None
    received_at: datetime
    due_date: date | None
    due_provisional: bool
    review_flags: tuple[ReviewFlag, ...]

    def days_left(self, today: date) -> int | None:
        """Calendar days from ``today`` to the due date (negative when overdue), or ``None``."""
        return None if self.due_date is None else (self.due_date - today).days

    def as_json(self) -> dict[str, Any]:
        """Return the row as JSON-ready values (dates ISO 8601, the instant in UTC)."""
        return {
            "reference": self.reference,
            "kind": self.kind.value,
            "status": self.status.value,
            "outcome": self.outcome.value if self.outcome else None,
            "language": self.language,
            "jurisdiction": self.jurisdiction,
            "requester_name": self.requester_name,
            "requester_email": self.requester_email,
            "received_at": self.received_at.isoformat(),
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_date_provisional": self.due_provisional if self.due_date else None,
            "review_flags": [flag.value for flag in self.review_flags],
        }


@dataclass(frozen=True)
class TriageReasonRow:
    """Why triage proposed a value: the field, the kind of signal and the evidence."""

    field: str
    signal: str
    evidence: str


@dataclass(frozen=True)
class LetterRow:
    """A stored letter of a case."""

    letter_id: int
    template_key: str
    language: str
    version: int
    sha256: str
    generated_at: datetime


@dataclass(frozen=True)
class PauseRow:
    """A clock pause: first and last paused day (rule time zone), open while ``end_date`` is
    ``None``."""

    start_date: date
    end_date: date | None
    reason: PauseReason


@dataclass(frozen=True)
class EventRow:
    """One entry of the case's audit trail."""

    occurred_at: datetime
    actor: str
    action: str


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
    explanation: DeadlineExplanation | None
    triage_reasons: tuple[TriageReasonRow, ...]
    letters: tuple[LetterRow, ...]
    events: tuple[EventRow, ...]


def _row(case: Case) -> CaseRow:
    subject: DataSubject | None = case.subject
    return CaseRow(
        reference=case.reference,
        kind=case.kind,
        status=case.status,
        outcome=case.outcome,
        language=case.language,
        jurisdiction=case.jurisdiction,
        requester_name=subject.display_name if subject else None,
        requester_email=subject.identifier(IdentifierKind.EMAIL) if subject else None,
        received_at=case.received_at,
        due_date=case.due_date,
        due_provisional=case.due_provisional,
        review_flags=tuple(ReviewFlag(flag) for flag in case.review_flags),
    )


def list_cases(session: Session) -> list[CaseRow]:
    """Return every case, newest receipt first."""
    query = (
        select(Case)
        .options(selectinload(Case.subject).selectinload(DataSubject.identifiers))
        .order_by(Case.received_at.desc(), Case.id.desc())
    )
    return [_row(case) for case in session.scalars(query)]


def find_case(session: Session, reference: str) -> Case:
    """Return the case with ``reference``.

    Raises:
        CaseNotFoundError: no such case.
    """
    case = session.scalar(select(Case).where(Case.reference == reference.strip().upper()))
    if case is None:
        raise CaseNotFoundError(f"No case has the reference '{reference.strip()[:40]}'.")
    return case


def case_detail(
    session: Session,
    reference: str,
    rule_book: RuleBook,
    *,
    today: date,
    actor: str = SYSTEM_ACTOR,
    record_view: bool = True,
) -> CaseDetail:
    """Return the detail of a case and record that ``actor`` viewed its personal data.

    Args:
        today: the local date (a running pause counts up to it).
        record_view: false when the same person's screen is only refreshed with the case it
            already shows (a view is recorded once, not at every refresh).

    Raises:
        CaseNotFoundError: no such case.
    """
    case = find_case(session, reference)
    if record_view:
        record_event(session, "case.viewed", case=case, actor=actor)
    original = _original_message(case)
    deadline = deadline_for(session, case, rule_book, today=today)
    return CaseDetail(
        row=_row(case),
        subject_line=case.subject_line,
        message_text=parse_message(original.content).body_text if original else "",
        rule_ref=case.rule_ref,
        ack_due_date=case.ack_due_date,
        internal_target_date=case.internal_target_date,
        extended_due_date=case.extended_due_date,
        extension_reason=case.extension_reason,
        pauses=tuple(PauseRow(p.start_date, p.end_date, p.reason) for p in case.pauses),
        explanation=explain_deadline(deadline) if deadline else None,
        triage_reasons=tuple(TriageReasonRow(**reason) for reason in case.triage_reasons),
        letters=tuple(
            LetterRow(lt.id, lt.template_key, lt.language, lt.version, lt.sha256, lt.generated_at)
            for lt in case.letters
        ),
        events=tuple(
            EventRow(e.occurred_at, e.actor, e.action)
            for e in session.scalars(
                select(Event).where(Event.case_id == case.id).order_by(Event.id)
            )
        ),
    )


def _original_message(case: Case) -> Attachment | None:
    return next((a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE), None)
