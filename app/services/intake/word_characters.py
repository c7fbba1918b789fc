"""Which characters make up a word in any script, for reading labels and the values after them.

Python's ``re`` has no Unicode property classes (``\\p{M}``) and ``\\w`` leaves out combining
marks, which Thai, Devanagari and decomposed Latin letters need (ผู้ใช้, "u" + U+0308): the
mark and format-character classes are built once from ``unicodedata`` (the Unicode version of
the running Python) rather than from a further dependency (``regex``) for two classes.

Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) run on
into the next word: a label in them has no word edge, and a value in them ends where another
script starts ("账号：u10086的数据" → "u10086").
"""

import re
import unicodedata
from collections.abc import Callable
from functools import cache

# Letters of scripts written without spaces: Thai, Lao, Myanmar, Khmer, kana (the katakana
# middle dot U+30FB is punctuation), CJK ideographs with extensions and compatibility forms,
# half-width katakana.
UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3041-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U0001b000-\U0001b16f\U00020000-\U0003134f"
)
# A letter of a script written with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul...):
# a word character that is not a digit, not "_" and not an unspaced letter.
SPACED_LETTER = re.compile(rf"[^\W\d_{UNSPACED}]")
# An unspaced letter or mark (Thai and Lao vowels), not a digit of those scripts (๙).
UNSPACED_LETTER = re.compile(rf"(?!\d)[{UNSPACED}]")
# Every combining mark and format character lies below U+20000 or in the tag and
# variation-selector block (U+E0000-U+E01EF); scanning only these keeps the one-off build
# short (about 0.1 s instead of 0.7 s for all 1.1 million code points).
_SCANNED = (range(0x20000), range(0xE0000, 0xE01F0))


def is_unspaced_letter(char: str) -> bool:
    """Return whether ``char`` (one character) is a letter of a script written without
    spaces (Han, kana, Thai, Lao, Khmer, Myanmar)."""
    return UNSPACED_LETTER.match(char) is not None


@cache
def marks() -> str:
    """Return the body of a regular-expression character class (no brackets) holding every
    combining mark (categories Mn, Mc, Me)."""
    return _class_of(lambda category: category[0] == "M")


@cache
def _invisible() -> re.Pattern[str]:
    controls = "".join(
        _escaped(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if not chr(c).isspace()
    )
    return re.compile(f"[{controls}{_class_of(lambda category: category == 'Cf')}]+")


def without_invisibles(text: str) -> str:
    """Return ``text`` without invisible characters: format characters (bidirectional marks,
    embeddings, overrides and isolates U+200E/F, U+202A-E, U+2066-9; zero-width space,
    joiners; BOM; soft hyphen) and control characters other than white space (NUL...).

    An identifier copied with such a character in it is the same identifier ("u100<ZWJ>86"
    is "u10086"), and a label or value wrapped in direction marks is the label or value.

    Args:
        text: any text.

    Returns:
        The text with those characters removed (tabs, line breaks and other white space kept).
    """
    return _invisible().sub("", text)


def _code_points(wanted: Callable[[str], bool]) -> list[int]:
    return [
        code for scanned in _SCANNED for code in scanned if wanted(unicodedata.category(chr(code)))
    ]


def _class_of(wanted: Callable[[str], bool]) -> str:
    """The code points whose category passes ``wanted`` as a class body of ranges."""
    ranges: list[list[int]] = []
    for code in _code_points(wanted):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"{_escaped(low)}-{_escaped(high)}" for low, high in ranges)


def _escaped(code: int) -> str:
    return f"\\U{code:08x}"
