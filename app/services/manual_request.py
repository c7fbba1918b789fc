"""A request received by phone, by letter or in person, as staff enter it, and its checks.

Nothing is written until ``check_request`` accepts every field; ``app.services.manual_intake``
then records the checked request as a case.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from app.clock import COMPANY_ZONE  # a time staff type without a zone is Beijing time
from app.errors import ManualIntakeError
from app.models.base import utc_now
from app.models.enums import CaseKind, Channel
from app.services.contact_points import normalise_email, normalise_phone
from app.services.deadlines import RuleBook
from app.services.settings import has_invisible_characters
from app.services.subjects import MAX_IDENTIFIER_LENGTH, MAX_NAME_LENGTH
from app.services.typed_text import has_direction_controls

MANUAL_CHANNELS = (Channel.PHONE, Channel.LETTER, Channel.IN_PERSON)
# Kinds a person can ask for; ``reminder`` and ``not_a_request`` are triage's verdicts on mail.
MANUAL_KINDS = tuple(k for k in CaseKind if k not in (CaseKind.REMINDER, CaseKind.NOT_A_REQUEST))
EARLIEST_RECEIPT_YEAR = 2000
# A clock a minute fast on the phone desk is not a receipt in the future.
CLOCK_TOLERANCE = timedelta(minutes=1)
MAX_SUMMARY_LENGTH = 20_000
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
            over-long summary or one holding a bidi embedding, override or isolate.
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
    if has_direction_controls(summary):
        raise ManualIntakeError(
            "The text holds direction-changing characters; type it again.", "summary"
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
