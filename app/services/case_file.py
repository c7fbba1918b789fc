"""The case file: everything a regulator or a court would ask about one case — summary,
timeline, letters with their hashes, identity checks and evidence — gathered for export.

Exporting it is a view of personal data, so it is itself an audit event.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Event, IdentifierKind
from app.services.audit import SYSTEM_ACTOR, record_event, verify_chain
from app.services.case_queries import find_case
from app.services.case_rows import StatedPeriod
from app.services.deadlines import RuleBook, load_rule_book
from app.services.regulator_limit_record import period_on_record


@dataclass(frozen=True)
class TimelineLine:
    """One audit event of the case."""

    occurred_at: datetime
    actor: str
    action: str
    event_hash: str


@dataclass(frozen=True)
class LetterLine:
    """A letter as stored: which template, version, hash, approval and sending."""

    template_key: str
    language: str
    version: int
    sha256: str
    generated_at: datetime
    approved_by: str | None
    sent_at: datetime | None
    sent_channel: str | None


@dataclass(frozen=True)
class EvidenceLine:
    """An attachment (the original message, ID documents, evidence) by its hash."""

    kind: str
    file_name: str
    sha256: str
    size: int
    added_at: datetime
    purged: bool


@dataclass(frozen=True)
class CheckLine:
    """An identity check."""

    method: str
    verified: bool
    checked_by: str
    checked_at: datetime
    evidence_sha256: str | None


@dataclass(frozen=True)
class CaseFile:
    """The exportable record of one case. Dates are ISO; instants aware UTC."""

    reference: str
    kind: str
    jurisdiction: str
    status: str
    outcome: str | None
    requester: str
    received_at: datetime
    due_date: date | None
    extended_due_date: date | None
    rule_ref: str | None
    responded_at: datetime | None
    closed_at: datetime | None
    timeline: tuple[TimelineLine, ...]
    letters: tuple[LetterLine, ...]
    evidence: tuple[EvidenceLine, ...]
    checks: tuple[CheckLine, ...]
    chain_verified: bool
    exported_by: str
    # The period a regulator's date was counted from and, for working days, the calendar
    # counted on (the member state's, else the rule set's own): ``period_on_record``.
    stated_period: StatedPeriod | None = None


def case_file(
    session: Session,
    reference: str,
    *,
    actor: str = SYSTEM_ACTOR,
    rule_book: RuleBook | None = None,
) -> CaseFile:
    """Gather the case file of ``reference`` and record the export in the audit trail.

    ``rule_book`` (default: the shipped one, ``load_rule_book``) names the calendar a
    regulator's working days were counted on where the letter's state was not a region of the
    rule set (the rule set's own calendar, e.g. Brazil's for an ANPD letter).

    Raises:
        CaseNotFoundError: no such case.
    """
    case = find_case(session, reference)
    record_event(session, "case.exported", case=case, actor=actor)
    subject = case.subject
    requester = " ".join(
        part
        for part in (
            subject.display_name if subject else None,
            subject.identifier(IdentifierKind.EMAIL) if subject else None,
        )
        if part
    )
    events = list(session.scalars(select(Event).where(Event.case_id == case.id).order_by(Event.id)))
    return CaseFile(
        reference=case.reference,
        kind=case.kind.value,
        jurisdiction=case.jurisdiction,
        status=case.status.value,
        outcome=case.outcome.value if case.outcome else None,
        requester=requester,
        received_at=case.received_at,
        due_date=case.due_date,
        extended_due_date=case.extended_due_date,
        rule_ref=case.rule_ref,
        responded_at=case.responded_at,
        closed_at=case.closed_at,
        timeline=tuple(TimelineLine(e.occurred_at, e.actor, e.action, e.hash) for e in events),
        letters=tuple(
            LetterLine(
                lt.template_key,
                lt.language,
                lt.version,
                lt.sha256,
                lt.generated_at,
                lt.approved_by,
                lt.sent_at,
                lt.sent_channel,
            )
            for lt in case.letters
        ),
        evidence=tuple(
            EvidenceLine(
                a.kind.value, a.file_name, a.sha256, a.size, a.added_at, a.purged_at is not None
            )
            for a in case.attachments
        ),
        checks=tuple(
            CheckLine(v.method.value, v.verified, v.checked_by, v.checked_at, v.evidence_sha256)
            for v in case.verifications
        ),
        stated_period=period_on_record(session, case, rule_book or load_rule_book()),
        chain_verified=verify_chain(session).ok,
        exported_by=actor,
    )
