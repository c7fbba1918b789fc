"""Time-zone names a mail date writes instead of a numeric offset, and every UTC offset each
name is written for.

RFC 5322 §4.3 (obs-zone) gives "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST" and "PDT" their
US meanings, and the stdlib reads them so. But mail clients and programs write other zones'
abbreviations too, and several abbreviations stand for more than one zone (IANA tz database
abbreviations, files ``asia``, ``europe``, ``northamerica``):

- "CST": China Standard Time (+0800: Chinese mail clients, and Java's ``Date.toString()`` on a
  machine in China), US Central (−0600, RFC 5322) or Cuba (−0500);
- "CDT": US Central Daylight (−0500, RFC 5322) or Cuba Daylight (−0400);
- "IST": India (+0530), Irish Standard Time (+0100, Ireland's summer time) or Israel (+0200);
- "BST": British Summer Time (+0100) or Bangladesh (+0600);
- "AST": Atlantic (−0400) or Arabia Standard Time (+0300).

The US names are also mislabelled by season: "PST" written in July, when the Pacific coast
keeps −0700, or "EDT" written in January. A name of a US region whose offset on that day
differs from the name's gets that offset as a further meaning.

A deadline counted from a later reading than the true one is late, so the caller takes the
reading that gives the EARLIEST instant (the largest offset) and flags the date for review.

Names with one meaning in the tz database ("JST", "KST", "HKT", "SGT", "CET", "CEST",
"AEST"...) are read at that offset: RFC 5322 §4.3 would have any other name read as -0000
(local time unknown), which put a Tokyo or Hong Kong mail's receipt 8-9 hours late. "EST" and
"CST" keep their US (RFC 5322) and Chinese meanings only, not Australia's older use of them
(+1000 / +0930): that would move every US East Coast mail 15 hours earlier; Australian mail
writes "AEST" / "ACST" today.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

# Name -> the offsets (minutes east of UTC) it is written for; the first is RFC 5322's where
# it defines the name. A name with one offset is unambiguous.
_MEANINGS: dict[str, tuple[int, ...]] = {
    "CST": (-360, 480, -300),
    "CDT": (-300, -240),
    "IST": (330, 60, 120),
    "BST": (60, 360),
    "AST": (-240, 180),
    "GST": (240, -120),  # Gulf (+0400) or South Georgia (-0200)
    # One meaning each (tz database abbreviations).
    "JST": (540,),
    "KST": (540,),
    "HKT": (480,),
    "SGT": (480,),
    "MYT": (480,),
    "PHT": (480,),
    "AWST": (480,),
    "WIB": (420,),
    "ICT": (420,),
    "NPT": (345,),
    "PKT": (300,),
    "MSK": (180,),
    "EEST": (180,),
    "EET": (120,),
    "CEST": (120,),
    "MESZ": (120,),  # German: Mitteleuropäische Sommerzeit
    "SAST": (120,),
    "CET": (60,),
    "MEZ": (60,),  # German: Mitteleuropäische Zeit
    "WEST": (60,),
    "WET": (0,),
    "ACST": (570,),
    "ACDT": (630,),
    "AEST": (600,),
    "AEDT": (660,),
    "NZST": (720,),
    "NZDT": (780,),
    "HST": (-600,),
    "AKST": (-540,),
    "AKDT": (-480,),
}
# RFC 5322's US names: the region whose offset on the day tells a seasonal mislabel.
_US_REGIONS: dict[str, tuple[str, int]] = {
    "EST": ("America/New_York", -300),
    "EDT": ("America/New_York", -240),
    "CST": ("America/Chicago", -360),
    "CDT": ("America/Chicago", -300),
    "MST": ("America/Denver", -420),
    "MDT": ("America/Denver", -360),
    "PST": ("America/Los_Angeles", -480),
    "PDT": ("America/Los_Angeles", -420),
}
NAMES = frozenset(_MEANINGS) | frozenset(_US_REGIONS)


def zone_name_offsets(name: str, wall: datetime) -> tuple[int, ...]:
    """Return every UTC offset the zone ``name`` may stand for at the wall-clock time
    ``wall`` (see the module docstring).

    Args:
        name: the zone abbreviation as written, any case ("cst").
        wall: the date's local time as written (naive; an aware one's zone is ignored).

    Returns:
        The offsets in minutes east of UTC, largest (earliest instant) first; empty when the
        name is none of ``NAMES``. More than one means the name is ambiguous.
    """
    key = name.upper()
    offsets = set(_MEANINGS.get(key, ()))
    if key in _US_REGIONS:
        region, named = _US_REGIONS[key]
        offsets.add(named)
        try:
            actual = ZoneInfo(region).utcoffset(wall.replace(tzinfo=None))
        except (OverflowError, ValueError):
            actual = None
        if actual is not None:
            offsets.add(int(actual.total_seconds()) // 60)
    return tuple(sorted(offsets, reverse=True))
