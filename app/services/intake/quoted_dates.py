"""When a forwarded message was sent, as its forward writes it: an attached message's Date:
(RFC 5322), or the date line a mail client quotes above a message it forwards inline, in the
client's language and format ("Gesendet: Mittwoch, 11. November 2026 08:00", "Date : mer.
11 nov. 2026 à 08:00", "发送时间: 2026年11月11日(星期三) 上午8:00", "보낸 날짜: 2026년 11월 11일
수요일 오전 8:00", "Sent: Wednesday, November 11, 2026 8:00 AM").

RFC 5322 dates are read as the Date: header is (``mail_dates.read_mail_date_zone``); other
forms with dateparser (absolute dates only: no "yesterday"), the day, month and year all
required. The stdlib also reads some forms that are not RFC 5322, wrongly: "Wednesday, November
25, 2026 10:15 PM" as 10:15 with "PM" an unknown zone, "12:30 AM" as noon, and a zone after it
("PM +0800", "PM (UTC+08:00) Beijing", "UTC+8") lost. So only a strict RFC 5322 date
(``_RFC5322``) is taken from it; any other line is dateparser's, which honours AM/PM and a
stated zone or offset, and is ``unreadable`` if dateparser cannot read it either.

A quoted date line states no zone: the forwarder's mail client writes it in its own local time,
the same zone as the forward's own Date: header, which is therefore the zone it is read in
(``stated_zone``); without one, the caller passes the company's zone. A date written with
slashes or dashes whose day and month could be swapped ("11/12/2026", "11-12-2026": 11
December in Europe, 12 November in the US) is not guessed: it is ``ambiguous``. Dots
("11.12.2026") are a day-first convention and ISO 8601 ("2026-12-11") is year-month-day:
both are read.

A zone name of several meanings ("10:00 AM CST": China +0800 or US Central −0600; see
``zone_names``) is read as the Date: header's is, by the meaning giving the earliest instant,
and marked ``zone_ambiguous``; dateparser alone would take one meaning (its "IST" is Israel's).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo

from app.services.intake.mail_dates import read_mail_date_zone
from app.services.intake.word_characters import without_invisibles
from app.services.intake.zone_names import NAMES, zone_name_offsets

# The written year a date must hold before dateparser reads it: any text else would cost it a
# language detection over all it knows (a second) to find no date.
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Day and month (either order) then the year, with slashes or dashes: "11/12/2026", "3-4-26";
# not ISO's "2026-12-11", whose first number is the year.
_SWAPPABLE = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d/-])", re.ASCII)
# RFC 5322 §3.3 date-time, obsolete zone names (§4.3) and a trailing comment allowed: nothing
# else may follow the time ("PM", "CET", "UTC+8" are read by dateparser instead).
_RFC5322 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?\d{1,2}\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{2,4}\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s+(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T)(?:\s*\([^()]*\))?)?",
    re.ASCII | re.IGNORECASE,
)
# A zone name of ``zone_names`` written as a word of its own, in capitals ("10:00 AM CST"; not
# French "est").
_ZONE_NAME = re.compile(r"(?<![\w+-])(" + "|".join(sorted(NAMES)) + r")(?![\w+-])")
_MAX_LENGTH = 120  # a quoted date line is short; a longer value is not one
# The languages mail clients write a forward's date line in (dateparser's locale codes); the
# list bounds the language detection, which is slow over every language it knows.
_LANGUAGES = (
    "en", "zh", "zh-Hant", "ja", "ko", "de", "fr", "es", "it", "nl", "pt", "ru", "pl", "cs",
    "hr", "el", "he", "ar", "th", "sv", "da", "nb", "fi", "tr", "uk", "hu", "vi", "id", "ro",
    "sk",
)  # fmt: skip
_SETTINGS = {
    "PARSERS": ["absolute-time"],
    "STRICT_PARSING": True,  # day, month and year all written
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TO_TIMEZONE": "UTC",
    "DATE_ORDER": "DMY",  # "11.12.2026", "13-11-2026": day first (a swappable one is not read)
}
# A zone far from UTC, to tell whether the text states its own zone (see ``_dateparser``).
_PROBE_ZONE = "Etc/GMT-5"


@dataclass(frozen=True)
class WrittenDate:
    """A date as a forward wrote it, read.

    Attributes:
        instant: aware UTC instant; ``None`` when ``problem`` is set.
        problem: ``"missing"`` (none written), ``"unreadable"`` or ``"ambiguous"`` (day and
            month could be swapped); ``None`` when read.
        zone_stated: whether the text gave its zone (else it was read in the zone passed).
        zone_ambiguous: whether that zone was a name of several meanings (``zone_names``),
            read by the one giving the earliest instant.
    """

    instant: datetime | None
    problem: str | None
    zone_stated: bool = False
    zone_ambiguous: bool = False


def read_written_date(text: str | None, zone: tzinfo) -> WrittenDate:
    """Read a forwarded message's date as written (see the module docstring).

    Args:
        text: the Date: header value or the quoted date line's value; ``None`` if none.
        zone: the zone a date without one is read in (the forward's, else the company's).

    Returns:
        The instant in UTC, or why there is none. A date without a time is read as the
        start of its day. Never raises.
    """
    if text is None or not text.strip():
        return WrittenDate(None, "missing")
    written = " ".join(without_invisibles(text).split())
    read = read_mail_date_zone(written)
    instant = read.instant
    if instant is not None and _RFC5322.fullmatch(written):
        if read.zone_known:
            return WrittenDate(instant, None, zone_stated=True, zone_ambiguous=read.zone_ambiguous)
        wall = instant.replace(tzinfo=None)  # no zone or "-0000": read as UTC, its wall time
        try:
            return WrittenDate(wall.replace(tzinfo=zone).astimezone(UTC), None)
        except (OverflowError, ValueError):
            return WrittenDate(None, "unreadable")
    if len(written) > _MAX_LENGTH:
        return WrittenDate(None, "unreadable")
    swappable = _SWAPPABLE.search(written)
    day_or_month = (int(swappable.group(1)), int(swappable.group(3))) if swappable else (0, 0)
    if day_or_month[0] != day_or_month[1] and max(day_or_month) <= 12 and min(day_or_month):
        return WrittenDate(None, "ambiguous")
    if _YEAR.search(written) is None:  # "3/11/26": a two-digit year is not read either
        return WrittenDate(None, "unreadable")
    named = _ZONE_NAME.search(written)
    if named is not None:
        return _with_zone_name(written[: named.start()] + written[named.end() :], named.group(1))
    return _dateparser(written, zone)


def stated_zone(value: str | None) -> tzinfo | None:
    """Return the fixed UTC offset an RFC 5322 date states (a Date: header's ``+0100``), or
    ``None`` when it states none (no zone, ``-0000``, an unknown name) or is unreadable."""
    read = read_mail_date_zone(value)
    # A zone name of several meanings gives its earliest reading's offset, as the Date: does.
    return None if read.instant is None or read.offset is None else timezone(read.offset)


def _with_zone_name(rest: str, name: str) -> WrittenDate:
    """Read a date line whose zone is the name ``name`` (taken out, leaving ``rest``): by its
    meaning giving the earliest instant (``zone_names``); an offset in ``rest`` wins."""
    read = _dateparser(" ".join(rest.split()), UTC)
    if read.instant is None or read.zone_stated:
        return read
    wall = read.instant.replace(tzinfo=None)
    offsets = zone_name_offsets(name, wall)
    try:
        instant = (wall - timedelta(minutes=offsets[0])).replace(tzinfo=UTC)
    except OverflowError:
        return WrittenDate(None, "unreadable")
    return WrittenDate(instant, None, zone_stated=True, zone_ambiguous=len(offsets) > 1)


def _dateparser(written: str, zone: tzinfo) -> WrittenDate:
    """Read ``written`` with dateparser twice, in UTC and in a probe zone: the same instant
    both times means the text states its zone; else its wall-clock time is taken in ``zone``.
    """
    import dateparser  # loads its language data: only for a forward's date line

    try:
        in_utc = dateparser.parse(
            written, languages=list(_LANGUAGES), settings={**_SETTINGS, "TIMEZONE": "UTC"}
        )
        probed = dateparser.parse(
            written, languages=list(_LANGUAGES), settings={**_SETTINGS, "TIMEZONE": _PROBE_ZONE}
        )
    except Exception:  # dateparser's own and its regex library's errors: not a date it reads
        return WrittenDate(None, "unreadable")
    if not isinstance(in_utc, datetime) or in_utc.tzinfo is None:
        return WrittenDate(None, "unreadable")
    if probed == in_utc:
        return WrittenDate(in_utc.astimezone(UTC), None, zone_stated=True)
    wall = in_utc.astimezone(UTC).replace(tzinfo=None)
    try:
        return WrittenDate(wall.replace(tzinfo=zone).astimezone(UTC), None)
    except (OverflowError, ValueError):
        return WrittenDate(None, "unreadable")
