"""Instants shown in this computer's time zone, with the zone named where it could be misread.

Stored instants are timezone-aware UTC; people read the clock of where they sit, so the list
and the detail show local time (a team in Beijing sees a message sent 09:30 +08:00 as 09:30,
not 01:30). Legal due dates are calendar dates of the rule's jurisdiction and are never
converted: only instants go through here.

The zone is looked up once per value of ``$TZ`` (a dict lookup per cell afterwards, not a
system call): the case list formats a receipt time for every painted cell.
"""

import os
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QTimeZone

MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def local_zone() -> tzinfo:
    """Return this computer's time zone (IANA via Qt, which honours ``$TZ``; daylight saving
    applied per instant by zoneinfo), or its current fixed offset without a zoneinfo entry."""
    return _zone_for(os.environ.get("TZ"))


@lru_cache(maxsize=4)
def _zone_for(_tz_variable: str | None) -> tzinfo:
    """The system zone while ``$TZ`` is ``_tz_variable`` (the key only invalidates)."""
    try:
        return ZoneInfo(_system_zone_id())
    except (ZoneInfoNotFoundError, ValueError):
        fallback = datetime.now().astimezone().tzinfo
        return fallback if fallback is not None else UTC


def zone_label() -> str:
    """Return this computer's zone and its standard offset, e.g. ``Asia/Shanghai (UTC+08:00)``
    (Qt names both and honours ``$TZ``), for a form where local times are typed."""
    system = QTimeZone.systemTimeZone()
    offset = system.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.OffsetName)
    return f"{_system_zone_id()} ({offset})"


def _system_zone_id() -> str:
    """The IANA id Qt reports for this computer's zone (e.g. ``Europe/Berlin``)."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")


def local_minute(instant: datetime) -> str:
    """Return aware ``instant`` as local ``YYYY-MM-DD HH:MM`` (e.g. ``2026-11-02 09:30``)."""
    return instant.astimezone(local_zone()).strftime(MINUTE_FORMAT)


def utc_offset(instant: datetime, zone: tzinfo | None = None) -> str:
    """Return the offset of ``zone`` (default: this computer's) at aware ``instant`` as
    ``UTC+08:00`` (``UTC`` when zero)."""
    offset = instant.astimezone(zone or local_zone()).strftime("%z")  # e.g. "+0800"
    if offset in ("", "+0000", "-0000"):
        return "UTC"
    return f"UTC{offset[:3]}:{offset[3:5]}"


def zone_with_offset(zone: tzinfo, instant: datetime) -> str:
    """Return ``zone`` named with its offset at aware ``instant``, e.g. ``Asia/Shanghai
    (UTC+08:00)`` as ``zone_label`` names this computer's (a zone without an IANA key shows
    its offset alone)."""
    offset = utc_offset(instant, zone)
    key = getattr(zone, "key", None)
    return f"{key} ({offset})" if key else offset


def differs_from_local(zone: tzinfo, instant: datetime) -> bool:
    """Return whether ``zone`` is at another offset than this computer's at aware ``instant``:
    only then can its date differ from the computer's (Asia/Hong_Kong reads Shanghai's date)."""
    return instant.astimezone(zone).utcoffset() != instant.astimezone(local_zone()).utcoffset()


def local_with_offset(instant: datetime) -> str:
    """Return e.g. ``2026-11-02 09:30 (UTC+08:00)``: local time with its zone named (the
    zone's abbreviation alone is ambiguous: CST is China, Cuba and US Central time)."""
    return f"{local_minute(instant)} ({utc_offset(instant)})"


def utc_minute(instant: datetime) -> str:
    """Return e.g. ``2026-11-02 01:30 UTC``: the same instant in UTC, for a tooltip."""
    return f"{instant.astimezone(UTC).strftime(MINUTE_FORMAT)} UTC"
