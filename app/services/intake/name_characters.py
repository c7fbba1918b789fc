"""A sender's display name without invisible characters, except the joiners and marks that a
script needs where it stands.

``header_text.visible_text`` removes controls, bidi embeddings, overrides and isolates, zero-width
space, word joiner and BOM everywhere, but keeps ZWJ, ZWNJ and the direction marks, which
Persian, Indic and emoji spellings use. In a name those stay only in the contexts where they
carry meaning, after the rules of RFC 5892 Appendix A.1/A.2 (CONTEXTJ) and Unicode TR#31 §2.3
(UTS #39 §3.1 points to them for identifiers):

- ZWNJ (U+200C) after a virama (Indic half forms), or between letters of a joining script
  (Arabic, Syriac, N'Ko, Mongolian...: "می‌خواهم");
- ZWJ (U+200D) after a virama (Malayalam chillu, Sinhala), or between two emoji (a ZWJ emoji
  sequence "👩‍💻");
- LRM, RLM, ALM (U+200E, U+200F, U+061C) inside (not at either end of) a name written partly
  in a right-to-left script (Arabic, Hebrew), where they order the mixed-direction text;
- tag characters (U+E0020-E007F) after the black flag 🏴 (subdivision flags).

Everywhere else (next to Latin or Han letters, at either end of the name, between spaces)
they are invisible noise, or a way to make two names look alike, and are removed.
"""

import unicodedata

from app.services.intake.header_text import visible_text
from app.services.intake.word_characters import without_invisibles

_ZWNJ, _ZWJ = "\u200c", "\u200d"
# Longer than any name (a name field holds 200 characters): a longer "name" loses every
# invisible character, without the context rules' per-character work.
_LONGEST_NAME = 2000
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
_VIRAMA = 9  # canonical combining class of a virama (UAX #44)
_BLACK_FLAG = "\U0001f3f4"
_TAG_CANCEL = "\U000e007f"
# Joining scripts (Joining_Type D/L/R letters, UAX #9 §3.2 / ArabicShaping.txt): Arabic
# with its supplements and presentation forms, Syriac, Thaana-adjacent N'Ko, Mandaic,
# Mongolian, Adlam, Hanifi Rohingya.
_JOINING = (
    (0x0600, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x1800, 0x18AF),
    (0x10D00, 0x10D3F),
    (0x1E900, 0x1E95F),
)
# Emoji modifiers (skin tones) and variation selectors sit between an emoji and its ZWJ.
_EMOJI_TRAIL = frozenset(chr(c) for c in (*range(0x1F3FB, 0x1F400), 0xFE0E, 0xFE0F, 0x20E3))


def visible_name(text: str) -> tuple[str, bool]:
    """Return a display name without invisible characters and whether any was removed.

    Args:
        text: the decoded display name (any script, any length: read in linear time).

    Returns:
        ``(name, removed)``: the name with controls and format characters (Unicode category
        Cf) removed where they carry no meaning (see the module docstring); tabs and line
        breaks become spaces. ``removed`` is true when an invisible character was dropped.
    """
    visible = visible_text(text)
    hidden = _invisibles(text)
    if _invisibles(visible) == 0:
        return visible, hidden > 0
    if len(visible) > _LONGEST_NAME:
        return without_invisibles(visible), True
    before = _nearest_letters(visible)
    after = _nearest_letters(visible[::-1])[::-1]
    context = _Context(any(_right_to_left(char) for char in visible))
    kept = "".join(
        char
        for index, char in enumerate(visible)
        if context.keeps(visible, index, before[index], after[index])
    )
    return kept, _invisibles(kept) < hidden


class _Context:
    """What decides a format character's fate beyond its neighbours: whether the name has
    right-to-left letters, and whether the run of tag characters being read follows 🏴."""

    def __init__(self, right_to_left: bool) -> None:
        self.right_to_left = right_to_left
        self.flag_tags = False

    def keeps(self, text: str, index: int, before: str, after: str) -> bool:
        """Whether ``text[index]`` stays, ``before`` and ``after`` being the nearest
        characters on each side that are not marks, emoji trails or format characters."""
        char = text[index]
        if not _is_tag(char):
            self.flag_tags = char == _BLACK_FLAG
        if unicodedata.category(char) != "Cf":
            return True
        if char == _ZWNJ:
            return _after_virama(text, index) or (_joining(before) and _joining(after))
        if char == _ZWJ:
            return _after_virama(text, index) or (_emoji(before) and _emoji(after))
        if char in _DIRECTION_MARKS:
            return bool(before and after) and self.right_to_left
        if _is_tag(char):
            return self.flag_tags
        return True  # visible format signs visible_text keeps (Arabic number sign U+0600...)


def _nearest_letters(text: str) -> list[str]:
    """For each index of ``text``, the nearest character before it that is not transparent
    (a mark, an emoji trail or a format character); ``""`` when there is none."""
    nearest, last = [], ""
    for char in text:
        nearest.append(last)
        if not _transparent(char):
            last = char
    return nearest


def _transparent(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or char in _EMOJI_TRAIL


def _after_virama(text: str, index: int) -> bool:
    return index > 0 and unicodedata.combining(text[index - 1]) == _VIRAMA


def _joining(char: str) -> bool:
    code = ord(char) if char else -1
    is_letter = bool(char) and unicodedata.category(char).startswith("L")
    return is_letter and any(low <= code <= high for low, high in _JOINING)


def _emoji(char: str) -> bool:
    """A pictographic emoji: a symbol (So) outside the Basic Multilingual Plane's letterlike
    and CJK blocks, or one of the BMP emoji that ZWJ sequences use (♀ ♂ ⚕ ❤ ⚖ ✈...)."""
    return bool(char) and unicodedata.category(char) == "So" and ord(char) >= 0x2000


def _right_to_left(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def _is_tag(char: str) -> bool:
    return "\U000e0020" <= char <= _TAG_CANCEL


def _invisibles(text: str) -> int:
    """How many invisible characters (format characters, controls other than white space)
    ``text`` holds."""
    return len(text) - len(without_invisibles(text))
