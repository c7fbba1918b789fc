"""Right-to-left order and glyph shaping for the lines of a letter (Arabic, Hebrew, Thai,
Devanagari and the other scripts whose letters change form or order when set).

Letters are Chinese or English, so every paragraph runs left to right; a requester's name or
quoted text may hold right-to-left or shaping scripts. ReportLab can draw shaped text (a
``ShapedStr`` from ``ttfonts.shapeStr``, which runs HarfBuzz through ``uharfbuzz``), but its
own bidi support needs ``rlbidi``, which is not on PyPI, and only works in its own word
wrapping, not in the letters' line breaker (``linebreak``). So each broken line is put in
visual order here with python-bidi's implementation of the Unicode Bidirectional Algorithm
(UAX #9; its pure-Python ``bidi.algorithm`` gives each character's level, which the Rust
``get_display`` does not), and every run of one face and one level that holds such a script is
shaped by HarfBuzz, which also returns right-to-left runs in visual order and mirrors their
brackets. Lines of Latin and Chinese only are left exactly as before.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

# Imported here although only ReportLab calls it: without it ReportLab silently stops shaping,
# and Arabic would print with its letters unjoined. A missing install fails loudly instead.
import uharfbuzz  # type: ignore[import-untyped]  # noqa: F401
from bidi import algorithm as uax9  # type: ignore[import-untyped]  # no stubs
from reportlab.lib.abag import ABag
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import shapeFragWord

from app.reports.invisible import BIDI_CONTROLS, is_invisible

# Blocks set one glyph per character, left to right, with no shaping: Latin, Greek, Cyrillic
# and Armenian; general punctuation and symbols; CJK, kana, Hangul syllables; full-width forms.
_SIMPLE_RANGES = (
    (0x0000, 0x058F),
    (0x1D00, 0x2BFF),
    (0x2E80, 0xA4CF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x1F000, 0x1FAFF),
    (0x20000, 0x323AF),
)
# HarfBuzz's defaults plus kerning, without ReportLab's extra discretionary ligatures ("dlig"):
# a name is printed as written, never as a decorative ligature (Noto's محمد monogram).
_FEATURES = {"kern": True, "liga": True}


@functools.lru_cache(maxsize=1 << 12)
def needs_shaping(ch: str) -> bool:
    """Return whether ``ch`` belongs to a script set right to left or with shaping.

    Args:
        ch: one character.
    """
    code_point = ord(ch)
    # A bidi control steers the order even in a line of Latin letters only (an override
    # reverses them), and is never drawn: the bidi pass drops it (UAX #9 X9).
    if unicodedata.bidirectional(ch) in ("R", "AL", "AN") or ch in BIDI_CONTROLS:
        return True
    return not any(first <= code_point <= last for first, last in _SIMPLE_RANGES)


def visual_order(text: Sequence[str], opened: str = "") -> list[tuple[int, int]]:
    """Return each character's logical index and bidi level, in visual (left to right) order.

    Args:
        text: one line's characters, in logical order; the paragraph direction is left to
            right (rule P3 overridden: letters are Chinese or English).
        opened: the embeddings, overrides and isolates earlier lines of the paragraph left
            open (``invisible.open_controls``), which still hold on this line.

    Returns:
        ``(logical index, embedding level)`` pairs; odd levels run right to left.
    """
    storage = uax9.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    uax9.get_embedding_levels(_isolates_as_embeddings(opened + "".join(text)), storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index - len(opened)  # the controls handed on are dropped (X9)
    for step in (
        uax9.explicit_embed_and_overrides,
        uax9.resolve_weak_types,
        uax9.resolve_neutral_types,
        uax9.resolve_implicit_levels,
        uax9.reorder_resolved_levels,
    ):
        step(storage, False)
    return [(char["index"], char["level"]) for char in storage["chars"]]


# Default-ignorable characters that change how HarfBuzz joins or selects glyphs: ZWNJ, ZWJ
# and the variation selectors.
_SHAPING_CONTROLS = frozenset(
    "\u200c\u200d"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
_EMBEDDING_FOR_ISOLATE = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2069": "\u202c"}


def _isolates_as_embeddings(text: str) -> str:
    """Return ``text`` with each isolate written as the embedding of its direction: the pure-
    Python UAX #9 of python-bidi predates isolates (Unicode 6.3) and fails on them. An FSI
    takes the direction of the first strong character before its PDI (rule P2 on the isolate);
    the text keeps its length, so indices still match. Only the neutrals around an isolate may
    resolve differently than a viewer with isolates would set them."""
    if not any(ch in "\u2066\u2067\u2068\u2069" for ch in text):
        return text
    chars = list(text)
    for index, ch in enumerate(chars):
        if ch == "\u2068":
            chars[index] = "\u202b" if _first_strong_is_rtl(text, index + 1) else "\u202a"
        else:
            chars[index] = _EMBEDDING_FOR_ISOLATE.get(ch, ch)
    return "".join(chars)


def _first_strong_is_rtl(text: str, start: int) -> bool:
    """Whether the first strong character from ``start`` to the matching PDI is R or AL."""
    depth = 0
    for ch in text[start:]:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            if depth == 0:
                return False
            depth -= 1
        elif depth == 0 and unicodedata.bidirectional(ch) in ("L", "R", "AL"):
            return unicodedata.bidirectional(ch) != "L"
    return False


@functools.lru_cache(maxsize=1 << 12)
def shaped_advances(text: str, font_name: str, font_size: float) -> tuple[float, ...]:
    """Return each character's advance in points once ``text`` is shaped in one face.

    A cluster's advance (a ligature, a conjunct, a letter with its marks) goes to its first
    character, the others get 0. Empty when nothing in ``text`` needs shaping (callers keep
    the plain widths).

    Args:
        text: one fragment's text in logical order. font_name: a registered TrueType face.
        font_size: in points.
    """
    if not text or not any(needs_shaping(ch) for ch in text):
        return ()
    if not getattr(getFont(font_name), "shapable", False):
        return ()
    word = [0, (ABag(fontName=font_name, fontSize=font_size), text)]
    shaped = shapeFragWord(word, features=_FEATURES, force=True)[1][1]
    advances = [0.0] * len(text)
    for data in shaped.__shapeData__:
        advances[data.cluster] += data.x_advance * font_size / 1000
    return tuple(advances)


def shaped_words(glyphs: Sequence[Any], opened: str = "") -> list[tuple[Any, str]] | None:
    """Put one line in visual order and shape its complex-script runs.

    Args:
        glyphs: the line's characters in logical order, each a ``str`` with ``.frag`` (the
            ``ParaFrag`` it belongs to), as ``linebreak`` makes them.
        opened: bidi controls earlier lines left open (``visual_order``).

    Returns:
        ``(frag, text)`` words left to right (text a ``ShapedStr`` where shaped), or ``None``
        when the line has no character that needs it (callers keep their own words).
    """
    if not opened and not any(needs_shaping(glyph) for glyph in glyphs if glyph):
        return None
    runs: list[tuple[Any, int, list[int]]] = []
    for index, level in visual_order([glyph or " " for glyph in glyphs], opened):
        frag = glyphs[index].frag
        if runs and runs[-1][0] is frag and runs[-1][1] == level:
            runs[-1][2].append(index)
        else:
            runs.append((frag, level, [index]))
    # An empty glyph (what a line break leaves in the line) orders as a space but sets nothing.
    return [
        (frag, _set_run(frag, level, [glyphs[i] for i in sorted(run) if glyphs[i]]))
        for frag, level, run in runs
    ]


def _set_run(frag: Any, level: int, chars: list[str]) -> str:
    """Shape one run (given in logical order); HarfBuzz returns right-to-left runs reversed
    and hides default-ignorable characters; an unshaped run drops them (never drawn)."""
    # Bidi marks (LRM, RLM, ALM) have done their work in the order; only the joiners and
    # variation selectors still steer HarfBuzz (it hides them).
    text = "".join(ch for ch in chars if not is_invisible(ch) or ch in _SHAPING_CONTROLS)
    if not any(needs_shaping(ch) for ch in text):
        text = "".join(ch for ch in text if not is_invisible(ch))
        return text[::-1] if level % 2 else text
    if getattr(getFont(frag.fontName), "shapable", False):
        word = [0, (ABag(fontName=frag.fontName, fontSize=frag.fontSize), text)]
        shaped: str = shapeFragWord(word, features=_FEATURES, force=True)[1][1]
        return shaped
    # A face ReportLab was told not to shape (``rl_config.unShapedFontGlob``): only the order
    # can be right.
    text = "".join(ch for ch in text if not is_invisible(ch))
    return text[::-1] if level % 2 else text


def run_width(text: str, frag: Any) -> float:
    """Return the advance of a word in points: HarfBuzz's for a shaped one, else the sum of
    the characters' widths."""
    shape_data = getattr(text, "__shapeData__", None)
    if shape_data is None:
        return float(stringWidth(text, frag.fontName, frag.fontSize))
    return float(sum(data.x_advance for data in shape_data) * frag.fontSize / 1000)


class _Char(str):
    """One character with the fragment it is set in (what ``shaped_words`` reads)."""

    frag: Any


def visual_text(text: str, font_name: str, font_size: float) -> str:
    """Return one line set in one face in visual order and shaped, for ``canvas.drawString``
    or a graphics ``String`` (chart labels), which draw a ``ShapedStr`` as shaped.

    Args:
        text: the line in logical order. font_name: a registered TrueType face.
        font_size: in points.

    Returns:
        ``text`` itself when nothing in it needs ordering or shaping.
    """
    frag = ABag(fontName=font_name, fontSize=font_size)
    chars = []
    for ch in text:
        char = _Char(ch)
        char.frag = frag
        chars.append(char)
    words = shaped_words(chars)
    return text if words is None else functools.reduce(lambda a, b: a + b, (w for _f, w in words))
