"""RFC 5322 date-times as mail writes them (a Date: header, a Received: stamp, a forwarded
message's Date:), read into UTC instants, with what is known of their zone.

``email.utils`` parses the date. A zone written as a name is then checked against
``zone_names``: a name with several meanings (China's "CST", India's "IST") is read by the
meaning that gives the earliest instant, so that no deadline counted from it is late, and the
date is marked ``zone_ambiguous`` for a person to confirm. A numeric offset is unambiguous and
wins over a comment naming a zone ("+0800 (CST)").

Home-grown web forms and some mail gateways write the offset in forms RFC 5322 does not allow
("GMT+0800", "UTC+8", "GMT+8", "+08:00"), which the stdlib reads as no zone at all (UTC): a
Chinese mail's receipt eight hours late (QA20 N11). Such an offset, written right after the
time, is rewritten as RFC 5322's "+0800" before the date is read; it states the zone as plainly.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from app.services.intake.zone_names import zone_name_offsets

# The year as written after "day month" (RFC 5322 §3.3 date = day month year).
_WRITTEN_YEAR = re.compile(r"\b\d{1,2}\s+[A-Za-z]{3,}\s+(\d{3,})\b")
# An offset written right after the time in a form RFC 5322 does not allow: "GMT+0800",
# "UTC+8", "UT+8", "GMT+8", "+08:00", "+8"; not "+0800", nor a zone name before the sign
# ("CST+0800", read below by its offset).
_LOOSE_OFFSET = re.compile(
    r"(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?![\d:])",
    re.ASCII | re.IGNORECASE,
)
# A zone name written right after the time ("10:00:00 CST"; Java's "10:00:00 CST 2026").
_ZONE_NAME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*([A-Za-z]{3,4})\b")


@dataclass(frozen=True)
class MailDate:
    """A mail date-time, read.

    Attributes:
        instant: aware UTC instant; ``None`` when absent or unreadable.
        zone_known: whether the date states its zone (an offset other than ``-0000``, or a
            zone name ``zone_names`` or the stdlib knows); without one the time was read as UTC.
        zone_ambiguous: whether the zone is a name with several meanings (``zone_names``):
            the instant is the earliest of its readings.
        offset: the UTC offset the date was read in; ``None`` when its zone is unknown.
    """

    instant: datetime | None
    zone_known: bool = False
    zone_ambiguous: bool = False
    offset: timedelta | None = None


def read_mail_date_zone(value: str | None) -> MailDate:
    """Parse an RFC 5322 date-time (see the module docstring).

    Args:
        value: the date text, or ``None``.

    Returns:
        The date read. Its instant is ``None`` when absent or unparsable, or when its year is
        written with three or more digits but is below 1000 (``0001``): the stdlib reads such
        a year as a two-digit one (``2001``), a real-looking date the message never stated.
        Without a zone, with ``-0000`` or with an unknown zone name (RFC 5322 §3.3 and §4.3:
        the local time's zone is unknown) the time is read as UTC and ``zone_known`` is
        false: the instant may be off by up to 14 hours. Never raises.
    """
    if value is None or not value.strip() or _year_misread(value):
        return MailDate(None)
    value = _LOOSE_OFFSET.sub(_rfc_offset, value, count=1)
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (ValueError, TypeError, IndexError, OverflowError):
        return MailDate(None)
    wall = parsed.replace(tzinfo=None)
    named = _ZONE_NAME.search(value)
    offsets = zone_name_offsets(named.group(1), wall) if named else ()
    # parsedate_to_datetime gives a naive datetime for exactly the unknown zones.
    offset = timedelta(minutes=offsets[0]) if offsets else parsed.utcoffset()
    try:
        instant = (wall - (offset or timedelta(0))).replace(tzinfo=UTC)
    except OverflowError:
        return MailDate(None)
    return MailDate(instant, offset is not None, len(offsets) > 1, offset)


def read_mail_date(value: str | None) -> tuple[datetime | None, bool]:
    """Parse an RFC 5322 date-time: ``(instant in UTC, zone known)`` of
    ``read_mail_date_zone``."""
    read = read_mail_date_zone(value)
    return read.instant, read.zone_known


def parse_mail_date(value: str | None) -> datetime | None:
    """Parse an RFC 5322 date-time into an aware UTC instant (see ``read_mail_date_zone``; a
    time without a known zone is read as UTC, an ambiguous zone name by its earliest reading)."""
    return read_mail_date_zone(value).instant


def _rfc_offset(match: re.Match[str]) -> str:
    """The time ``match`` (``_LOOSE_OFFSET``) found, with its offset written as RFC 5322's
    ``+HHMM``; as written when the offset cannot be one (over 14 hours, 60 minutes or more)."""
    hours, minutes = int(match.group(3)), int(match.group(4) or 0)
    if hours > 14 or minutes > 59:
        return match.group(0)
    return f"{match.group(1)} {match.group(2)}{hours:02d}{minutes:02d}"


def _year_misread(value: str) -> bool:
    """Return whether ``email.utils`` would misread the written year: it adds 2000 or 1900 to
    any year below 100 however many digits it has (RFC 5322 §4.3 allows that only for two-
    and three-digit obsolete years, and a three-digit one means 1900 + it)."""
    written = _WRITTEN_YEAR.search(value)
    return written is not None and int(written.group(1)) < 1000
