"""A person's name as a letter can print it: pictographs no font can draw are left out.

A name taken from a mail's display name or a web form may carry emoji or other pictographic
symbols ("Bob 🙂 O'Brien"). They are no part of the name a letter addresses, and a colour emoji
font cannot be embedded in a PDF (``app.reports.system_fonts``), so without this no letter at
all could be produced for that person — not even the acknowledgement while the statutory clock
runs (PIPL Art. 50; GDPR Art. 12(3)). Only symbols (Unicode categories So and Sk, the emoji
modifiers, tags and the joiners and variation selectors that bind them) are left out, and only
when no font can print them: a letter, digit or ideograph no font has (CJK Extension B: 𠀀)
still stops the letter with ``MissingGlyphsError``, since a name must never be misprinted.
"""

import re
import unicodedata

from app.reports.fonts import FontStack, default_font_stack

# What binds a pictograph to its neighbours in an emoji sequence: zero width joiner, variation
# selectors, keycap and tags (https://unicode.org/reports/tr51/ §1.4).
_BINDERS = frozenset({0x200D, 0x20E3, *range(0xFE00, 0xFE10), *range(0xE0020, 0xE0080)})
_SYMBOLS = frozenset({"So", "Sk"})
_SPACES = re.compile(r"\s{2,}")


def printable_name(name: str | None, fonts: FontStack | None = None) -> str | None:
    """Return ``name`` without the pictographic symbols no font can print.

    Args:
        name: the name as recorded, or ``None``.
        fonts: the letter's font stack (default: ``default_font_stack()``); the computer's
            fonts are looked in first, as ``FontStack.unprintable`` does.

    Returns:
        The name with such symbols (and the joiners and selectors binding them) left out and
        the spaces around them closed up; ``None`` when nothing else is left (the letter then
        uses its neutral salutation) or ``name`` was ``None``. Other characters are kept,
        printable or not.

    Raises:
        FontLoadError: a shipped font file is missing or damaged.
    """
    if not name:
        return name
    stack = fonts or default_font_stack()
    missing = stack.unprintable([name])
    dropped = {int(code[2:], 16) for code in missing if _pictograph(int(code[2:], 16))}
    if not dropped:
        return name
    kept = _without(name, dropped)
    tidy = _SPACES.sub(" ", kept).strip()
    return tidy or None


def _pictograph(code: int) -> bool:
    """Whether ``code`` is a symbol (So, Sk: emoji, dingbats, skin-tone modifiers)."""
    return unicodedata.category(chr(code)) in _SYMBOLS


def _without(name: str, dropped: set[int]) -> str:
    """``name`` without the ``dropped`` code points and the joiners, selectors, modifiers and
    tags that bind them: those right after a dropped one, and a joiner right before one. A
    joiner elsewhere is kept (Devanagari and Persian need it between letters)."""
    kept: list[str] = []
    last_dropped = False
    for index, ch in enumerate(name):
        code = ord(ch)
        following = name[index + 1] if index + 1 < len(name) else ""
        binder = code in _BINDERS
        drop = (
            code in dropped
            or (binder and last_dropped)
            or (code == 0x200D and bool(following) and ord(following) in dropped)
        )
        if not drop:
            kept.append(ch)
        last_dropped = drop
    return "".join(kept)
