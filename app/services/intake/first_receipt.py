"""When the company first received a request that a colleague forwarded to the privacy team.

A data subject writes to one of the company's mailboxes (customer service, sales); a colleague
forwards the mail to the privacy mailbox a day later. The statutory clock started when the
company received the request, by any of its channels (PIPL Art. 50 and GB/T 35273-2020 §8.7:
the personal information handler's receipt; GDPR Art. 12(3): "receipt of the request" by the
controller), not when the privacy team did. So when a forward from the company's own domains
(``controller_domains``) holds another person's message that was addressed (To:/Cc:) to one of
those domains, the case is received at that message's own date, flagged
``received_earlier_by_company``, with the forward's instant kept beside it.

That date is written by the sender's client (an attached message's Date:) or quoted by the
forwarder's (a "Sent:" line, ``quoted_dates``), and is taken only when plausible: not later
than the forward, not in the future, and not more than ``LONGEST_PERIOD`` (92 days) before
the forward. The longest time any rule gives to answer, extension included, is three months
(GDPR Art. 12(3): one month plus two; CCPA: 45 plus 45 days): a request received earlier
would have been overdue under every law before it was forwarded, which is an old thread quoted
or a wrong date far more often than a real receipt, and a person must look either way. A date
missing, unreadable, ambiguous or implausible keeps the forward's instant and flags
``original_date_not_used``. When the forward's own date cannot be a receipt
(``receipt_checks.implausible_receipt``: "Date: 2099", or before 2000), it is no yardstick:
the original is judged against the import's time instead (not in the future, not more than
92 days before it) and, when plausible, is the receipt, the one good date the mail holds. In
a chain of forwards, each message addressed to the company is a receipt by it, however deep
(each level attached, as a message/rfc822 part or the whole body, or quoted inline:
``ForwardedRequest.chain``); the earliest plausible one (of the outermost ten) counts. A
forward from outside the company's domains (a reseller, a relative) changes nothing here,
except in two chains that show the request reached the company itself: the company's own
people passed on a person's request made to the company and an outsider brought it back
(outside counsel returning it: ``company_passed_on``, QA19 F12), or a requester sends her own
unanswered request to the company again (``own_request_to_company``, QA19 F13), or a listed
authority's letter to the company is passed on (``forwarded_authority``, QA20 N8). The earlier
receipt is then flagged for a person to check against the mailbox it names. A level of the
chain SENT from the company's domains (support@ forwarding the request to counsel) proves the
company held the request by its date, so its plausible date is a receipt too: with the
original's own date missing, the company's dated forward, not counsel's return, counts
(QA20 N3; still flagged ``original_date_not_used``). A sent level's own missing date flags
nothing: it hides no receipt.

A forwarded date line without a zone ("Sent: Sunday, November 29, 2026 11:00 PM", "发送时间:
2026年11月29日 23:00") is in the forwarder's local time. The forward's own Date: offset gives
it, unless that is ``+0000``, ``-0000`` or missing: mail servers (Exchange Online among them)
write Date: in UTC whatever the sender's zone, so such an offset says nothing of the local
time. The line is then read in UTC and in the company's zone, the earlier instant taken (no
deadline counted from it is late) and the receipt flagged ``date_without_zone`` (QA20 N2).
"""

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import islice

from app.clock import COMPANY_ZONE
from app.models.enums import ReviewFlag
from app.services.controller_domains import is_controller_address
from app.services.intake.forwarded_requester import (
    another_person,
    company_passed_on,
    own_request_to_company,
)
from app.services.intake.message import IncomingMessage
from app.services.intake.quoted_dates import WrittenDate, read_written_date
from app.services.intake.reasons import TriageReason
from app.services.intake.triage import TriageProposal
from app.services.receipt_checks import PLAUSIBLE_CLOCK_SKEW, implausible_receipt

LONGEST_PERIOD = timedelta(days=92)
# Forwards of forwards read for a receipt by the company: a real chain is a few deep; a body
# quoting thousands of header blocks would cost a date reading each.
_MAX_CHAIN = 10


@dataclass(frozen=True)
class FirstReceipt:
    """The company's first receipt of a forwarded request, as far as the forward shows it.

    Attributes:
        received_at: the case's receipt instant (aware UTC): the earliest plausible date of
            a forwarded message addressed to or sent from the company, else ``forwarded_at``.
        forwarded_at: the forward's own receipt instant (aware UTC).
        problem: why a forwarded message's date was not used (``"missing"``,
            ``"unreadable"``, ``"ambiguous"``, ``"later_than_forward"``, ``"future"``,
            ``"too_old"``: the innermost such message's), ``None`` when every one was.
        zone_assumed: whether the date taken stated no zone and was read in the forward's
            (else the company's) zone.
        zone_ambiguous: whether the date taken named a zone of several meanings ("CST"),
            read by the one giving the earliest instant (``zone_names``).
        zone_unknown: whether the date taken stated no zone and the forward's own Date: gave
            none either (none, ``+0000`` or ``-0000``): read by the earlier of UTC and the
            company's zone.
    """

    received_at: datetime
    forwarded_at: datetime
    problem: str | None
    zone_assumed: bool = False
    zone_ambiguous: bool = False
    zone_unknown: bool = False

    @property
    def earlier(self) -> bool:
        """Whether the company received the request before the forward."""
        return self.received_at < self.forwarded_at

    @property
    def replaces_forward(self) -> bool:
        """Whether ``received_at`` is a forwarded message's date, not the forward's: earlier
        than it, or the forward's own date was implausible (see the module docstring)."""
        return self.received_at != self.forwarded_at

    @property
    def flags(self) -> frozenset[ReviewFlag]:
        """``received_earlier_by_company``, ``original_date_not_used``,
        ``date_zone_ambiguous`` (the date taken is the earliest reading of a zone name) and/or
        ``date_without_zone`` (the date taken and the forward both stated no local zone)."""
        found = {ReviewFlag.RECEIVED_EARLIER_BY_COMPANY} if self.earlier else set()
        if self.zone_ambiguous and self.replaces_forward:
            found.add(ReviewFlag.DATE_ZONE_AMBIGUOUS)
        if self.zone_unknown and self.replaces_forward:
            found.add(ReviewFlag.DATE_WITHOUT_ZONE)
        return frozenset(found | ({ReviewFlag.ORIGINAL_DATE_NOT_USED} if self.problem else set()))


def first_company_receipt(
    msg: IncomingMessage,
    own_domains: frozenset[str],
    forwarded_at: datetime,
    now: datetime,
    *,
    authority_letter: bool = False,
) -> FirstReceipt | None:
    """Return when the company first received the request ``msg`` forwards (see the module
    docstring).

    Args:
        msg: the forward as parsed. own_domains: the controller's mail domains.
        forwarded_at: ``msg``'s receipt instant (``receipt_instant``; aware).
        now: the import's time (aware), against which a date in the future is told.
        authority_letter: whether ``msg`` forwards a listed authority's letter addressed to
            the company (``forwarded_authority.authority_letter``): passed on by an
            outsider, its date is a receipt too (QA20 N8).

    Returns:
        ``None`` when ``msg`` is no forward of another person's mail from the company's own
        domains nor one of the two outsiders' chains the module docstring names, or none of
        the messages it forwards was addressed to the company; else the receipt to record.
    """
    request = msg.forwarded_request
    sender = msg.from_address
    if request is None or sender is None:
        return None
    if is_controller_address(sender, own_domains):
        if not any(another_person(s, msg, own_domains) for s in msg.forwarded):
            return None
    elif not (
        authority_letter
        or company_passed_on(msg, own_domains)
        or own_request_to_company(msg, own_domains)
    ):
        return None
    forwarded_at = forwarded_at.astimezone(UTC)
    now = now.astimezone(UTC)
    # A forward dated 2099 is no yardstick: the original is judged against the import's time.
    forward_doubtful = implausible_receipt(forwarded_at, now)
    zone = _local_zone(msg.date_zone, forwarded_at)
    taken: list[tuple[datetime, bool, bool, bool]] = []
    problem: str | None = None
    found = False
    for node in islice(request.chain(), _MAX_CHAIN):
        received = any(is_controller_address(a, own_domains) for a in node.recipients)
        # The company's own forward of the request (support@ to outside counsel) shows it
        # held the request by that forward's date, the original's own date unusable or not.
        by = node.sender.address if node.sender is not None else None
        sent = by is not None and is_controller_address(by, own_domains)
        if not (received or sent):
            continue
        found = found or received
        written = _read_in(node.date, zone)
        yardstick = None if forward_doubtful else forwarded_at
        why = written.problem or _implausible(written.instant, yardstick, now)
        if why is not None or written.instant is None:
            if received:  # a sent level's missing date hides no receipt: no flag of its own
                problem = why or "unreadable"
        else:
            assumed = not written.zone_stated
            unknown = assumed and zone is None
            taken.append((written.instant, assumed, written.zone_ambiguous, unknown))
    if not found:
        return None
    earliest, assumed, ambiguous, unknown = min(taken, default=(forwarded_at, False, False, False))
    received_at = earliest if forward_doubtful and taken else min(earliest, forwarded_at)
    return FirstReceipt(received_at, forwarded_at, problem, assumed, ambiguous, unknown)


def _local_zone(stated: tzinfo | None, forwarded_at: datetime) -> tzinfo | None:
    """The forwarder's local zone as its Date: states it; ``None`` when it states none or
    UTC (``+0000``: a server's normalisation as often as the sender's zone)."""
    if stated is None or not stated.utcoffset(forwarded_at):
        return None
    return stated


def _read_in(text: str | None, zone: tzinfo | None) -> WrittenDate:
    """Read a forwarded date ``text`` in ``zone``; without one, in UTC and in the company's
    zone, the earlier instant (a zone-less line's earliest plausible reading)."""
    if zone is not None:
        return read_written_date(text, zone)
    in_utc, in_company = read_written_date(text, UTC), read_written_date(text, COMPANY_ZONE)
    if in_utc.instant is None or in_company.instant is None:
        return in_utc
    return in_company if in_company.instant < in_utc.instant else in_utc


def _implausible(
    instant: datetime | None, forwarded_at: datetime | None, now: datetime
) -> str | None:
    """Why ``instant`` cannot be the company's receipt: judged against the forward's instant,
    or against the import's time ``now`` when ``forwarded_at`` is ``None`` (implausible)."""
    if instant is None:
        return None
    if instant > now + PLAUSIBLE_CLOCK_SKEW:
        return "future"
    if forwarded_at is not None and instant > forwarded_at:
        return "later_than_forward"
    if (forwarded_at or now) - instant > LONGEST_PERIOD:
        return "too_old"
    return None


def with_first_receipt(proposal: TriageProposal, first: FirstReceipt) -> TriageProposal:
    """Return ``proposal`` with ``first``'s flags and its dates as ``received`` evidence: the
    first receipt (``first_received``, ISO 8601 UTC) when it replaces the forward's, the
    forward's (``forwarded_at``), and why a forwarded message's date was not used
    (``original_date_not_used``)."""
    reasons = []
    if first.replaces_forward:
        reasons.append(TriageReason("received", "first_received", first.received_at.isoformat()))
    reasons.append(TriageReason("received", "forwarded_at", first.forwarded_at.isoformat()))
    if first.problem is not None:
        reasons.append(TriageReason("received", "original_date_not_used", first.problem))
    return replace(
        proposal,
        reasons=(*proposal.reasons, *reasons),
        flags=proposal.flags | first.flags,
    )
