"""Line breaking for letters that mix Chinese and Latin text.

ReportLab's own CJK wrapping (``wordWrap='CJK'``) breaks between any two characters, splits
e-mail addresses, case references and URLs when they start in the first half of a line, and
lets closing punctuation hang past the right margin. This breaker keeps every line inside the
width and follows the Chinese rules of GB/T 15834-2011 §5 (no closing punctuation at a line
start, no opening punctuation at a line end) by pushing the preceding character down instead.
Breaks fall between CJK characters, after spaces, and never inside a run of Latin characters
unless the run is longer than a whole line.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, ParaLines

from app.reports.invisible import is_invisible, open_controls
from app.reports.shaping import run_width, shaped_advances, shaped_words

_CANNOT_START = frozenset("，。、；：？！）》〉」』】〕］｝”’…—·％‰,.;:?!)]}%")
_CANNOT_END = frozenset("（《〈「『【〔［｛“‘([{")
# Widths are floats summed in a different order than ReportLab's stringWidth of the whole line.
_FUZZ = 1e-6


@functools.lru_cache(maxsize=1 << 16)
def _character_width(ch: str, font_name: str, font_size: float) -> float:
    return float(stringWidth(ch, font_name, font_size))


class _Glyph(str):
    """One character with its fragment and width, as ReportLab's ``cjkU`` (widths cached)."""

    frag: Any
    width: float


def _glyph(ch: str, frag: Any) -> _Glyph:
    glyph = _Glyph(ch)
    glyph.frag = frag
    # A default-ignorable character (a joiner, a bidi mark) takes no room and is not drawn.
    visible = ch and not is_invisible(ch)
    glyph.width = _character_width(ch, frag.fontName, frag.fontSize) if visible else 0.0
    return glyph


@functools.lru_cache(maxsize=256)
def _ascent_descent(font_name: str, font_size: float) -> tuple[float, float]:
    ascent, descent = getAscentDescent(font_name, font_size)
    return float(ascent), float(descent)


def make_line(
    glyphs: Sequence[Any], max_width: float, used: float, hard: bool, opened: str = ""
) -> Any:
    """Return a ReportLab CJK ``FragLine`` (as ``makeCJKParaLine`` makes) for one line.

    Consecutive glyphs of the same fragment become one word; ReportLab compares fragments
    attribute by attribute for this, which was a quarter of a letter's build time. A line with
    right-to-left or shaping scripts is put in visual order and shaped (``shaping``), under
    the bidi controls ``opened`` by earlier lines of its paragraph.
    """
    shaped = shaped_words(glyphs, opened)
    if shaped is not None:
        visual = [frag.clone(text=text) for frag, text in shaped]
        return _frag_line(visual, max_width, sum(run_width(w.text, w) for w in visual), hard)
    words: list[Any] = []
    frag: Any = None
    chars: list[str] = []
    for glyph in glyphs:
        if glyph and is_invisible(glyph):
            continue  # never drawn: a face without it would print a box
        if glyph.frag is not frag:
            if frag is not None:
                words.append(frag.clone(text="".join(chars)))
            frag, chars = glyph.frag, []
        chars.append(glyph)
    if frag is not None:
        words.append(frag.clone(text="".join(chars)))
    return _frag_line(words, max_width, used, hard)


def _frag_line(words: list[Any], max_width: float, used: float, hard: bool) -> Any:
    metrics = [_ascent_descent(word.fontName, word.fontSize) for word in words] or [(0.0, 0.0)]
    return FragLine(
        kind=1,
        extraSpace=max_width - used,
        wordCount=1,
        words=words,
        fontSize=max((word.fontSize for word in words), default=0),
        ascent=max(0.0, *(ascent for ascent, _descent in metrics)),
        descent=min(0.0, *(descent for _ascent, descent in metrics)),
        maxWidth=max_width,
        currentWidth=used,
        lineBreak=hard,
    )


def _frag_glyphs(frag: Any) -> list[_Glyph]:
    """A fragment's characters; where its text needs shaping, each is as wide as HarfBuzz sets
    it (joined Arabic is narrower than its isolated letters), so lines fill the width."""
    glyphs = [_glyph(ch, frag) for ch in (frag.text or [""])]
    advances = shaped_advances(frag.text or "", frag.fontName, frag.fontSize)
    for glyph, width in zip(glyphs, advances or [glyph.width for glyph in glyphs], strict=True):
        glyph.width = width
    return glyphs


def _is_token_character(ch: str) -> bool:
    """Return whether ``ch`` belongs to a Latin-style token (word, e-mail, URL, reference)."""
    return bool(ch) and not ch.isspace() and unicodedata.east_asian_width(ch) not in ("W", "F")


def break_allowed(text: Sequence[str], index: int) -> bool:
    """Return whether a line may end just before ``text[index]``.

    Args:
        text: the paragraph's characters (one-character strings).
        index: position of the character that would start the next line, ``0 < index < len``.

    Returns:
        ``True`` where a break is allowed.
    """
    before, after = text[index - 1], text[index]
    if after.isspace() or after in _CANNOT_START or before in _CANNOT_END:
        return False
    return not (_is_token_character(before) and _is_token_character(after))


def _is_hard_break(glyph: Any) -> bool:
    return glyph == "" and hasattr(glyph.frag, "lineBreak")


def line_end(glyphs: Sequence[Any], start: int, max_width: float) -> tuple[int, bool]:
    """Find where the line that starts at ``start`` ends.

    Args:
        glyphs: characters with ``.frag`` and ``.width`` in points, as ReportLab's ``cjkU``.
        start: index of the line's first glyph.
        max_width: the width available, in points.

    Returns:
        ``(end, hard)``: the line is ``glyphs[start:end]``; ``hard`` when it ends at a ``<br/>``.
    """
    width, last_break = 0.0, None
    for index in range(start, len(glyphs)):
        glyph = glyphs[index]
        if _is_hard_break(glyph):
            return index + 1, True
        if index > start and break_allowed(glyphs, index):
            last_break = index
        width += float(glyph.width)
        if width > max_width + _FUZZ and not glyph.isspace():
            # No allowed break (one token longer than the line): break mid-token, keep progress.
            return (last_break if last_break is not None else max(index, start + 1)), False
    return len(glyphs), False


def _without_trailing_spaces(line: list[Any], hard: bool) -> list[Any]:
    """Drop spaces at the end of a line (kept after a ``<br/>`` marker's text only)."""
    marker = line[-1:] if hard else []
    body = line[:-1] if hard else line
    while body and body[-1].isspace():
        body = body[:-1]
    return body + marker


def split_lines(frags: Sequence[Any], max_widths: Sequence[float]) -> Any:
    """Break a paragraph's fragments into ReportLab CJK-style lines.

    Args:
        frags: the ``ParaFrag`` objects of a parsed Paragraph.
        max_widths: available width per line in points (the last one repeats).

    Returns:
        A ``ParaLines(kind=1)`` as ReportLab's ``cjkFragSplit`` returns.
    """
    glyphs = [glyph for frag in frags for glyph in _frag_glyphs(frag)]
    lines: list[Any] = []
    start, opened = 0, ""
    while start < len(glyphs):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end, hard = line_end(glyphs, start, max_width)
        line = _without_trailing_spaces(glyphs[start:end], hard)
        used = sum(float(glyph.width) for glyph in line)
        lines.append(make_line(line, max_width, used, hard, opened))
        # An override goes on to the next line, not past a line feed (a paragraph end, B).
        opened = "" if hard else open_controls(opened + "".join(line))
        first, start = start, end
        while start < len(glyphs) and glyphs[start].isspace():
            start += 1
        lines[-1].logical = glyphs[first:start]  # what a page split hands on (split_frags)
    return ParaLines(kind=1, lines=lines)


def split_frags(lines: Any, start: int, stop: int) -> list[Any] | None:
    """Return the fragments of ``lines.lines[start:stop]`` as written, for a page split.

    ReportLab rebuilds them from the drawn words, joined by spaces: a line break typed in the
    text is lost, and a right-to-left line's words, already in visual order, would be
    reordered a second time. Each line keeps its characters in logical order, with the spaces
    and the line break the breaker took out (``split_lines``); ``None`` for lines made
    elsewhere.
    """
    glyphs = [glyph for line in lines.lines[start:stop] for glyph in getattr(line, "logical", [])]
    if any(not hasattr(line, "logical") for line in lines.lines[start:stop]):
        return None
    frags: list[Any] = []
    for glyph in glyphs:
        if frags and frags[-1][0] is glyph.frag:
            frags[-1][1].append(glyph)
        else:
            frags.append((glyph.frag, [glyph]))
    return [frag.clone(text="".join(chars)) for frag, chars in frags]
