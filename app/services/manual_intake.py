"""Recording a request received by phone, by letter or in person as a case.

The case is made the way imported messages are (``app.services.importing``): the next
reference, the data subject matched by e-mail, phone or account ID (``match_or_create_subject``),
a ``case.created`` audit event, the clock computed from the rule book (``recompute_clock``) and
duplicates flagged (``link_new_case``). What a message file gives an import, staff give here: the
receipt instant (``ReceivedAtSource.ENTERED``), the kind and the jurisdiction, so there is no
triage proposal. The staff member's summary of the call, letter or visit is kept as the first
incoming ``Message`` of the case (there is no message file to keep as the original).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.errors import ManualIntakeError
from app.models import Case, DataSubject, IdentifierKind
from app.models.base import utc_now
from app.models.enums import (
    CaseKind,
    CaseStatus,
    Channel,
    MessageDirection,
    ReceivedAtSource,
    ReviewFlag,
)
from app.services.audit import record_event
from app.services.clock import recompute_clock
from app.services.contact_points import normalise_email, normalise_phone
from app.services.deadlines import RuleBook
from app.services.manual_intake_subject import given_reasons, requester_given, separate_subject
from app.services.references import next_reference
from app.services.settings import has_invisible_characters
from app.services.subjects import (
    MAX_IDENTIFIER_LENGTH,
    MAX_NAME_LENGTH,
    identifiers_of,
    match_or_create_subject,
)
from app.services.workflow.correspondence import record_message
from app.services.workflow.linking import link_new_case

MANUAL_CHANNELS = (Channel.PHONE, Channel.LETTER, Channel.IN_PERSON)
# The company sits in mainland China: a time staff type without a zone is Beijing time.
COMPANY_ZONE: tzinfo = ZoneInfo("Asia/Shanghai")
# Kinds a person can ask for; ``reminder`` and ``not_a_request`` are triage's verdicts on mail.
MANUAL_KINDS = tuple(k for k in CaseKind if k not in (CaseKind.REMINDER, CaseKind.NOT_A_REQUEST))
EARLIEST_RECEIPT_YEAR = 2000
# A clock a minute fast on the phone desk is not a receipt in the future.
CLOCK_TOLERANCE = timedelta(minutes=1)
MAX_SUMMARY_LENGTH = 20_000
SUBJECT_LINE_LENGTH = 120
_ACCOUNT_FORBIDDEN = frozenset(" \t\r\n<>\"'")


@dataclass(frozen=True)
class ManualRequest:
    """A request as staff entered it.

    Attributes:
        channel: phone, letter or in person (``MANUAL_CHANNELS``).
        received_at: the legal receipt instant, timezone-aware (the call, the letter's arrival
            stamp, the visit).
        kind, jurisdiction, language: as staff classified the request (jurisdiction a rule set
            code such as ``"CN"``; language ``"zh"``, ``"en"``...).
        requester_name, email, phone, account_id: as given; empty strings for none.
        summary: what the person asked for, in staff's words (free text).
        new_subject: record the requester as a data subject of their own even where an
            identifier given is held by an existing subject (staff judged it another person;
            see ``app.services.manual_intake_subject``); by default the case is linked to it.
    """

    channel: Channel
    received_at: datetime
    kind: CaseKind
    jurisdiction: str = "CN"
    language: str = "zh"
    requester_name: str = ""
    email: str = ""
    phone: str = ""
    account_id: str = ""
    summary: str = ""
    new_subject: bool = False


@dataclass(frozen=True)
class CheckedRequest:
    """A ``ManualRequest`` after validation: identifiers normalised, instant checked."""

    request: ManualRequest
    jurisdiction: str
    name: str | None
    email: str | None
    phone: str | None
    account_id: str | None
    summary: str


def local_instant(day: date, hour: int, minute: int, zone: tzinfo = COMPANY_ZONE) -> datetime:
    """Return the aware instant of ``day`` ``hour``:``minute`` on the wall clock of ``zone``
    (the company's zone by default), e.g. 2026-09-30 10:00 Beijing = 02:00 UTC."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def check_request(
    request: ManualRequest, rule_book: RuleBook, *, now: datetime | None = None
) -> CheckedRequest:
    """Validate ``request`` before anything is written.

    Args:
        now: the current instant (aware); the receipt may not be after it.

    Returns:
        The normalised values (e-mail domain lower-cased, phone as digits with an optional "+").

    Raises:
        ManualIntakeError: naming the field: a channel that is not manual, a naive, future or
            pre-2000 receipt, an unknown jurisdiction, a kind staff cannot choose, an invalid
            e-mail, phone or account ID, neither a name nor an identifier, or an empty or
            over-long summary.
    """
    _check_classification(request, rule_book)
    _check_received(request.received_at, now or utc_now())
    email = _checked(request.email, normalise_email, "email", "Enter a valid e-mail address.")
    phone = _checked(request.phone, normalise_phone, "phone", "Enter a valid phone number.")
    account_id = _checked(request.account_id, _normalise_account, "account_id",
                          "An account ID is one word of printable characters.")  # fmt: skip
    name = request.requester_name.strip()[:MAX_NAME_LENGTH] or None
    if name and has_invisible_characters(name):
        # A bidi override or control character makes a name read otherwise than it is stored.
        raise ManualIntakeError(
            "The name holds invisible or direction-changing characters; type it again.",
            "requester",
        )
    if not (name or email or phone or account_id):
        raise ManualIntakeError("Enter the requester's name or a way to reach them.", "requester")
    summary = request.summary.strip()
    if not summary or len(summary) > MAX_SUMMARY_LENGTH:
        raise ManualIntakeError(
            f"Summarise the request (1 to {MAX_SUMMARY_LENGTH} characters).", "summary"
        )
    code = request.jurisdiction.strip().upper()
    return CheckedRequest(request, code, name, email, phone, account_id, summary)


def _check_classification(request: ManualRequest, rule_book: RuleBook) -> None:
    if request.channel not in MANUAL_CHANNELS:
        raise ManualIntakeError(
            "Only phone, letter and in-person requests are entered by hand; import mail and "
            "web-form exports instead.",
            "channel",
        )
    if request.kind not in MANUAL_KINDS:
        raise ManualIntakeError("Choose what the person asks for.", "kind")
    if request.jurisdiction.strip().upper() not in rule_book.rule_sets:
        raise ManualIntakeError("Choose a jurisdiction that has a rule set.", "jurisdiction")


def _check_received(received_at: datetime, now: datetime) -> None:
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ManualIntakeError("The receipt time needs its time zone.", "received_at")
    if received_at > now + CLOCK_TOLERANCE:
        raise ManualIntakeError("The receipt time cannot be in the future.", "received_at")
    if received_at.year < EARLIEST_RECEIPT_YEAR:
        raise ManualIntakeError("The receipt time is implausibly early.", "received_at")


def _checked(
    value: str, normalise: Callable[[str], str | None], field: str, message: str
) -> str | None:
    if not value.strip():
        return None
    normalised = normalise(value)
    if normalised is None:
        raise ManualIntakeError(message, field)
    return normalised


def _normalise_account(text: str) -> str | None:
    account = text.strip()
    if len(account) > MAX_IDENTIFIER_LENGTH or not account.isprintable():
        return None
    return None if _ACCOUNT_FORBIDDEN & set(account) else account


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
