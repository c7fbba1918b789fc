"""The letters' ReportLab paragraph: its CJK wrapping is the breaker of
``app.reports.linebreak`` (GB/T 15834-2011 §5 at line ends, no line past the width), its
fragments are made from font runs without parsing markup, and the line breaks of paragraphs
set before are remembered, since a batch of letters from one template sets the same sentences
at the same widths again and again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import Paragraph
from reportlab.platypus.paraparser import ParaFrag

from app.reports.linebreak import split_frags, split_lines

# Line breaks of paragraphs already broken in this process.
_BREAKS: dict[tuple[Any, ...], Any] = {}
_BREAKS_LIMIT = 4096


def _frag_key(frag: Any) -> tuple[Any, ...]:
    """Everything of a ``from_runs`` fragment that line breaking or drawing reads."""
    hard = hasattr(frag, "lineBreak")
    style = (frag.textColor, frag.rise, frag.bold, frag.italic)
    return (frag.fontName, frag.fontSize, frag.text, *style, hard)


def _copy_lines(lines: Any) -> Any:
    """Return fresh line objects: ReportLab's paragraph split edits the words it is given."""
    fresh = [line.clone(words=[word.clone() for word in line.words]) for line in lines.lines]
    return lines.clone(lines=fresh)


def cached_split_lines(frags: Sequence[Any], max_widths: Sequence[float]) -> Any:
    """:func:`split_lines`, remembered per fragments and widths (exact: the key holds all
    that the result depends on). Callers share the result and must not edit it
    (``LetterParagraph`` copies it before a page split, the one place ReportLab edits lines).
    """
    key = (tuple(max_widths), *map(_frag_key, frags))
    lines = _BREAKS.get(key)
    if lines is None:
        if len(_BREAKS) >= _BREAKS_LIMIT:
            _BREAKS.clear()
        lines = _BREAKS[key] = split_lines(frags, max_widths)
    return lines


class LetterParagraph(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``Paragraph`` whose CJK wrapping uses :func:`split_lines` (set ``wordWrap='CJK'``).

    Bullets are not supported (letters use none).
    """

    @classmethod
    def from_runs(
        cls, runs: Sequence[tuple[str, str] | None], style: ParagraphStyle
    ) -> LetterParagraph:
        """Make a paragraph from font runs (``FontStack.runs``) without parsing any markup.

        The fragments are the ones ReportLab's parser makes for ``<font name=…>`` runs and
        ``<br/>``; text is never read as markup, so nothing needs escaping.
        """
        _family, bold, italic = ps2tt(style.fontName)
        common = {"rise": 0, "greek": 0, "bold": bold, "italic": italic}
        common |= {"fontSize": style.fontSize, "textColor": style.textColor}
        frags: list[Any] = []
        for run in runs:
            name, text = run if run else (frags[-1].fontName if frags else style.fontName, "")
            frag = ParaFrag(fontName=name, text=text, link=[], us_lines=[], **common)
            if run is None:
                frag.lineBreak = True
            frags.append(frag)
        paragraph = cls("", style, frags=frags)
        paragraph._plain_runs = True
        return paragraph

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802  # ReportLab API
        """The lines' own fragments as written (``split_frags``), else ReportLab's split
        function given a copy of the lines (they may be shared)."""
        split = super()._get_split_blParaFunc()

        def frags(lines: Any, start: int, stop: int) -> Any:
            own = split_frags(lines, start, stop)
            return own if own is not None else split(_copy_lines(lines), start, stop)

        return frags

    def breakLinesCJK(self, maxWidths: float | list[float]) -> Any:  # noqa: N802, N803  # ReportLab API
        """Break into lines that never exceed ``maxWidths`` (points); see the module docstring."""
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        self.height = 0
        if getattr(self, "_plain_runs", False):
            return cached_split_lines(self.frags, widths)
        return split_lines(self.frags, widths)
