"""One embedded TrueType face: registering it with ReportLab and reading its coverage."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.errors import FontLoadError
from app.reports.subsets import memoise_subsets


@dataclass(frozen=True)
class LetterFont:
    """One registered TrueType face.

    Attributes:
        name: the name it is registered under in ReportLab.
        path: the ``.ttf`` file it was read from.
        code_points: the Unicode code points its cmap maps to a glyph.
    """

    name: str
    path: Path
    code_points: frozenset[int]


def load_font(name: str, path: Path, subfont_index: int = 0) -> LetterFont:
    """Register a TrueType font with ReportLab (once per name) and read its coverage.

    Args:
        name: the name to register it under.
        path: a TrueType-outline ``.ttf`` file, or a ``.ttc`` collection.
        subfont_index: the face within a ``.ttc`` collection (0 for a ``.ttf``).

    Returns:
        The registered ``LetterFont``.

    Raises:
        FontLoadError: the file is missing or unreadable, or not a TrueType-outline font
            (e.g. a CFF-outline ``.otf`` such as Noto Sans CJK; choose a TrueType-outline font).
    """
    try:
        font = TTFont(name, str(path), subfontIndex=subfont_index)
    except (TTFError, OSError) as exc:
        raise FontLoadError(f"letter font {path.name} cannot be embedded: {exc}") from exc
    memoise_subsets(font)
    pdfmetrics.registerFont(font)
    # A code mapped to glyph 0 (.notdef; e.g. the U+FFFF end marker of a cmap) has no glyph.
    mapped = font.face.charToGlyph.items()
    code_points = frozenset(cp for cp, glyph in mapped if glyph and _prints(cp))
    return LetterFont(name=name, path=path, code_points=code_points)


def _prints(code_point: int) -> bool:
    """Return whether a cmap entry is a visible character (controls map to .notdef-like glyphs)."""
    return unicodedata.category(chr(code_point)) not in ("Cc", "Cs")
