"""Recording a request received by phone, by letter or in person as a case.

The case is made the way imported messages are (``app.services.importing``): the next
reference, the data subject matched by e-mail, phone or account ID (``match_or_create_subject``),
a ``case.created`` audit event, the clock computed from the rule book (``recompute_clock``) and
duplicates flagged (``link_new_case``). What a message file gives an import, staff give here: the
receipt instant (``ReceivedAtSource.ENTERED``), the kind and the jurisdiction, so there is no
triage proposal. The staff member's summary of the call, letter or visit is kept as the first
incoming ``Message`` of the case (there is no message file to keep as the original).
"""

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind
from app.models.base import utc_now
from app.models.enums import CaseStatus, MessageDirection, ReceivedAtSource, ReviewFlag
from app.services.audit import record_event
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook
from app.services.manual_intake_subject import given_reasons, requester_given, separate_subject
from app.services.manual_request import CheckedRequest, check_request
from app.services.manual_request import (  # re-exported: callers pass it to record_manual_request
    ManualRequest as ManualRequest,
)
from app.services.references import next_reference
from app.services.subjects import identifiers_of, match_or_create_subject
from app.services.workflow.correspondence import record_message
from app.services.workflow.linking import link_new_case

SUBJECT_LINE_LENGTH = 120


def record_manual_request(
    session: Session,
    request: ManualRequest,
    rule_book: RuleBook,
    *,
    today: date,
    actor: str,
    now: datetime | None = None,
) -> Case:
    """Validate ``request`` and record it as a new case in ``session`` (the caller commits).

    The clock is computed at once from the rule book (e.g. CN: 15 working days on the State
    Council calendar, 2019 App认定方法; receipt day is day 0, 民法典 art. 201). Access and copy
    start on identity verification (GB/T 35273-2020 §8.7); until it is recorded their dates
    are counted from receipt, the earliest they can be.

    The case is linked to the data subject holding an identifier given (``new_subject``: to a
    new one instead); a name or identifier given that the subject does not hold is kept on the
    case as a ``requester`` reason, so nothing the requester said is lost.

    Args:
        today: the local date (for the clock's running pauses; none yet on a new case).
        actor: the staff member, recorded in the audit trail and on the summary message.
        now: the current instant (aware UTC); the receipt may not be after it.

    Returns:
        The new ``Case`` (flushed, with its reference).

    Raises:
        ManualIntakeError: see ``check_request``; nothing is written.
    """
    checked = check_request(request, rule_book, now=now)
    case = _new_case(session, checked)
    session.add(case)
    record_event(session, "case.created", case=case, actor=actor, payload=_payload(checked))
    record_message(
        session,
        case,
        MessageDirection.INCOMING,
        checked.summary,
        channel=request.channel.value,
        occurred_at=request.received_at,
        actor=actor,
    )
    recompute_clock(session, case, rule_book, cause="case_created", today=today, actor=actor)
    link_new_case(session, case, actor=actor)
    return case


def _new_case(session: Session, checked: CheckedRequest) -> Case:
    request = checked.request
    subject = _subject(session, checked)
    flags = (
        set()
        if (checked.email or checked.phone or checked.account_id)
        else {ReviewFlag.UNKNOWN_REQUESTER.value}
    )
    return Case(
        reference=next_reference(session, utc_now().year),
        kind=request.kind,
        status=CaseStatus.NEW,
        jurisdiction=checked.jurisdiction,
        channel=request.channel,
        language=request.language or None,
        subject=subject,
        subject_line=_subject_line(checked.summary),
        received_at=request.received_at,
        received_at_source=ReceivedAtSource.ENTERED,
        review_flags=sorted(flags),
        triage_reasons=_entered_reasons(checked) + _given_reasons(checked, subject),
    )


def _entered_reasons(checked: CheckedRequest) -> list[dict[str, str]]:
    """Staff classified the request themselves: the reason is their entry, not a signal."""
    request = checked.request
    values = {
        "kind": request.kind.value,
        "jurisdiction": checked.jurisdiction,
        "language": request.language,
    }
    return [
        {"field": field, "signal": "entered", "evidence": f"{value} ({request.channel.value})"}
        for field, value in values.items()
        if value
    ]


def _subject(session: Session, checked: CheckedRequest) -> DataSubject | None:
    """Find the data subject by e-mail, phone or account ID, or create one (DESIGN.md §4);
    with ``new_subject``, always a new one. A subject stored without a name takes the name
    given."""
    language = checked.request.language or None
    if checked.request.new_subject and (checked.name or _identifiers(checked)):
        return separate_subject(session, checked.name, _identifiers(checked), language)
    subject = match_or_create_subject(
        session,
        name=checked.name,
        email=checked.email,
        phone=checked.phone,
        account_id=checked.account_id,
        language=language,
    )
    if subject is not None and not subject.display_name:
        subject.display_name = checked.name
    return subject


def _identifiers(checked: CheckedRequest) -> dict[IdentifierKind, str]:
    return identifiers_of(checked.email, checked.phone, checked.account_id)


def _given_reasons(checked: CheckedRequest, subject: DataSubject | None) -> list[dict[str, str]]:
    given = requester_given(subject, checked.name, _identifiers(checked))
    return given_reasons(given, checked.request.channel)


def _subject_line(summary: str) -> str:
    first = summary.splitlines()[0].strip()
    return first if len(first) <= SUBJECT_LINE_LENGTH else first[: SUBJECT_LINE_LENGTH - 1] + "…"


def _payload(checked: CheckedRequest) -> dict[str, object]:
    request = checked.request
    return {
        "source": "manual",
        "channel": request.channel.value,
        "kind": request.kind.value,
        "jurisdiction": checked.jurisdiction,
        "received_at": request.received_at.isoformat(),
        "new_subject": request.new_subject,
    }
