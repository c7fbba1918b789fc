"""Characters a letter never draws and text that must not steer the letter around it: bidi
controls, joiners and other default-ignorable code points, and line separators in names.

A requester's name or free text is printed as written, but it is not allowed to act on the
letter's own words. An unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) in a name would otherwise
reverse the rest of the sentence after it ("Trojan Source", CVE-2021-42574): each filled-in
value is closed on its own (``closed_bidi``). Default-ignorable characters (Unicode
DerivedCoreProperties, ``Default_Ignorable_Code_Point``; UAX #9 rule X9 for the bidi controls)
have no visible form: no font needs a glyph for them (a letter is not refused for a stray
ARABIC LETTER MARK) and none is drawn, so none prints as a box (``is_invisible``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

# UAX #9 explicit formatting characters: embeddings and overrides, closed by PDF (U+202C) ...
_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_POP_EMBEDDING = "\u202c"
# ... and isolates (Unicode 6.3), closed by PDI (U+2069).
_ISOLATES = frozenset("\u2066\u2067\u2068")
_POP_ISOLATE = "\u2069"
BIDI_CONTROLS = _EMBEDDINGS | _ISOLATES | {_POP_EMBEDDING, _POP_ISOLATE}
"""The explicit bidi formatting characters (UAX #9 §2): steer the order, never drawn."""

# Default_Ignorable_Code_Point outside the Cf category (Unicode 15.1 DerivedCoreProperties).
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0000, 0xE0FFF),
)
# Format (Cf) characters that are drawn: the prepended concatenation marks (Arabic number
# signs, Syriac abbreviation mark, Kaithi number signs) and the interlinear annotation marks.
_VISIBLE_FORMAT = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2"
    "\U000110bd\U000110cd\ufff9\ufffa\ufffb"
)
# Line and paragraph separators a pasted text may hold instead of a line feed.
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_ANY_BREAK = re.compile("[ \t]*\n[ \t\n]*")


@functools.lru_cache(maxsize=1 << 12)
def is_invisible(ch: str) -> bool:
    """Return whether ``ch`` is a default-ignorable code point (never drawn, needs no glyph).

    Args:
        ch: one character.
    """
    code_point = ord(ch)
    if any(first <= code_point <= last for first, last in _IGNORABLE_RANGES):
        return True
    return unicodedata.category(ch) == "Cf" and ch not in _VISIBLE_FORMAT


def closed_bidi(text: str) -> str:
    """Return ``text`` with every embedding, override and isolate it opens closed at its end,
    so that it cannot reorder the letter's words after it (UAX #9 rules X6a, X7: a PDF closes
    the last embedding only within the innermost isolate; a PDI closes its isolate and every
    embedding opened in it; unmatched closers do nothing).

    Args:
        text: one filled-in value (a name, a list item, a table cell).

    Returns:
        ``text`` itself when it leaves nothing open, else ``text`` followed by the closers.
    """
    opened = open_controls(text)
    closers = (_POP_ISOLATE if control in _ISOLATES else _POP_EMBEDDING for control in opened)
    return text + "".join(reversed(list(closers)))


def open_controls(text: str) -> str:
    """Return the embeddings, overrides and isolates ``text`` leaves open, outermost first:
    what a line broken inside them hands on to the next (UAX #9 resolves levels over the
    whole paragraph, the letters' bidi pass line by line).

    Args:
        text: bidi controls and text, in logical order.
    """
    if not any(ch in BIDI_CONTROLS for ch in text):
        return ""
    stack: list[str] = []
    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            stack.append(ch)
        elif ch == _POP_EMBEDDING and stack and stack[-1] in _EMBEDDINGS:
            stack.pop()
        elif ch == _POP_ISOLATE and any(opened in _ISOLATES for opened in stack):
            while stack.pop() not in _ISOLATES:
                pass
    return "".join(stack)


def unified_line_breaks(text: str) -> str:
    """Return ``text`` with every line or paragraph separator (CR LF, CR, U+2028, U+2029, ...)
    written as a line feed, the one break the layout knows."""
    return _LINE_BREAKS.sub("\n", text)


def one_line(text: str) -> str:
    """Return a name on one line: each line break, with the blanks around it, becomes one
    space (a name is printed inside a sentence; an address pasted into it must not break the
    salutation over many lines)."""
    return _ANY_BREAK.sub(" ", unified_line_breaks(text)).strip()
