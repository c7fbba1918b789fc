"""Letter fonts: embedded TrueType faces, per-character font choice and glyph checks.

ReportLab's ``TTFont`` embeds a subset of each TrueType font actually used, so a letter carries
only the glyphs it prints. No single freely licensed TrueType-outline face covers both Latin and
CJK well (Droid Sans Fallback has no Latin letters), so each character is set in the first face
of a stack that has it. Nothing ever falls back to a standard-14 font such as Helvetica: those
have no CJK glyphs and would print boxes.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.errors import FontLoadError, MissingGlyphsError
from app.reports.subsets import memoise_font_streams, memoise_widths
from app.resources import resource_path

# Characters that only steer layout; the markup layer turns them into breaks or spaces.
_LAYOUT_CHARACTERS = frozenset("\n\t")


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


@dataclass(frozen=True)
class FontStack:
    """Faces tried in order for each character, one stack per weight.

    Attributes:
        regular: faces for body text, most preferred first.
        bold: faces for titles and the company name, in the same order of scripts.
    """

    regular: tuple[LetterFont, ...]
    bold: tuple[LetterFont, ...]

    @property
    def base_font(self) -> str:
        """Return the registered name of the first regular face (the paragraph default)."""
        return self.regular[0].name

    def missing_code_points(self, text: str) -> list[str]:
        """List the characters of ``text`` no regular face can draw.

        Args:
            text: plain text as it will be printed.

        Returns:
            Sorted, distinct ``"U+XXXX"`` strings (at least four hex digits); empty if all print.
        """
        return list(_missing(self, text))

    def face_name(self, ch: str) -> str | None:
        """Return the registered name of the regular face that sets ``ch``, ``None`` if none."""
        face = self._face_for(ch, self.regular)
        return face.name if face else None

    def check_printable(self, texts: list[str]) -> None:
        """Raise unless every character of every text has a glyph.

        Args:
            texts: all plain strings a letter will print.

        Raises:
            MissingGlyphsError: listing the missing code points (never the surrounding text).
        """
        missing = sorted(set().union(*(self.missing_code_points(text) for text in texts)))
        if missing:
            raise MissingGlyphsError(missing)

    def markup(self, text: str, *, bold: bool = False) -> str:
        """Turn plain text into Paragraph markup that prints it literally.

        Every ``&``, ``<`` and ``>`` is escaped (so ``Smith&Jones`` and pasted HTML print as
        typed), runs of characters are wrapped in ``<font name=…>`` for the face that has them,
        and line feeds become ``<br/>``.

        Args:
            text: plain text; characters without a glyph must have been rejected before.
            bold: use the bold stack.

        Returns:
            ReportLab Paragraph markup.
        """
        return "".join(
            "<br/>" if run is None else f'<font name="{run[0]}">{escape(run[1])}</font>'
            for run in self.runs(text, bold=bold)
        )

    def runs(self, text: str, *, bold: bool = False) -> tuple[tuple[str, str] | None, ...]:
        """Split plain text into runs of one face each, ``None`` marking a line break.

        Cached per text: a batch of letters sets the same template sentences many times.

        Args:
            text: plain text; characters without a glyph must have been rejected before.
            bold: use the bold stack.

        Returns:
            ``(registered face name, text)`` pairs and ``None`` for each line feed.
        """
        return _runs(self, text, bold)

    def _line_runs(self, line: str, faces: tuple[LetterFont, ...]) -> list[tuple[str, str]]:
        runs: list[tuple[str, list[str]]] = []
        for ch in line:
            face = self._face_for(ch, faces) or self._face_for(ch, self.regular) or faces[0]
            # A space joins the current run, so mixed text does not split into many fonts.
            name = runs[-1][0] if runs and ch == " " else face.name
            if runs and runs[-1][0] == name:
                runs[-1][1].append(ch)
            else:
                runs.append((name, [ch]))
        return [(name, "".join(chars)) for name, chars in runs]

    @staticmethod
    def _face_for(ch: str, faces: tuple[LetterFont, ...]) -> LetterFont | None:
        return next((face for face in faces if ord(ch) in face.code_points), None)


@functools.lru_cache(maxsize=1 << 14)
def _runs(stack: FontStack, text: str, bold: bool) -> tuple[tuple[str, str] | None, ...]:
    faces = stack.bold if bold else stack.regular
    runs: list[tuple[str, str] | None] = []
    for index, line in enumerate(text.replace("\r\n", "\n").replace("\t", " ").split("\n")):
        runs += [None] if index else []
        runs += stack._line_runs(line, faces)
    return tuple(runs)


@functools.lru_cache(maxsize=1 << 14)
def _missing(stack: FontStack, text: str) -> tuple[str, ...]:
    missing = {ch for ch in text if stack._face_for(ch, stack.regular) is None}
    return tuple(f"U+{ord(ch):04X}" for ch in sorted(missing - _LAYOUT_CHARACTERS))


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
    _memoise_subsets(font)
    pdfmetrics.registerFont(font)
    code_points = frozenset(cp for cp in font.face.charToGlyph if _prints(cp))
    return LetterFont(name=name, path=path, code_points=code_points)


def _memoise_subsets(font: TTFont) -> None:
    """Let the font reuse the subsets it has already built (a batch's letters share most).

    ReportLab embeds each run of up to 256 characters used by a document as a subset it builds
    from the font file every time; letters from one template repeat the same runs (the Latin
    text and digits above all, and the template's Chinese once ``subsets.reserve_codes`` has
    ordered them), and building a subset was a third of a letter's build time. The subset
    bytes depend only on the character list, so a cache is exact; so is reusing the deflated
    stream of the same bytes (``subsets.memoise_font_streams``).
    """
    build = font.face.makeSubset
    cached = functools.lru_cache(maxsize=256)(lambda subset: build(list(subset)))
    font.face.makeSubset = lambda subset: cached(tuple(subset))
    add_objects = font.face.addSubsetObjects

    def add_subset_objects(doc: PDFDocument, subset_name: str, subset: list[int]) -> object:
        reference = add_objects(doc, subset_name, subset)
        memoise_font_streams(doc, font.face.filename, subset_name)
        return reference

    font.face.addSubsetObjects = add_subset_objects
    add_font_objects = font.addObjects

    def add_objects_memoised(doc: PDFDocument) -> None:
        add_font_objects(doc)
        memoise_widths(doc)

    font.addObjects = add_objects_memoised


def _prints(code_point: int) -> bool:
    """Return whether a cmap entry is a visible character (controls map to .notdef-like glyphs)."""
    return unicodedata.category(chr(code_point)) not in ("Cc", "Cs")


@functools.cache
def default_font_stack() -> FontStack:
    """Return the shipped stack: Noto Sans, then WenQuanYi Micro Hei, then Droid Sans Fallback.

    Noto Sans sets Latin, Greek and Cyrillic (and has a bold). WenQuanYi Micro Hei sets Chinese
    with mainland punctuation (，：； at the lower left of the box; Droid Sans Fallback centres
    them). Droid Sans Fallback adds CJK Extension A (e.g. 㐀, 䶮), which Micro Hei lacks.

    Returns:
        The ``FontStack`` (registered once per process).

    Raises:
        FontLoadError: a shipped font file is missing or damaged.
    """
    fonts_dir = resource_path("fonts")
    latin = load_font("PD-NotoSans", fonts_dir / "NotoSans-Regular.ttf")
    latin_bold = load_font("PD-NotoSans-Bold", fonts_dir / "NotoSans-Bold.ttf")
    chinese = load_font("PD-WenQuanYiMicroHei", fonts_dir / "wqy-microhei.ttc")
    rare = load_font("PD-DroidSansFallback", fonts_dir / "DroidSansFallbackFull.ttf")
    return FontStack(regular=(latin, chinese, rare), bold=(latin_bold, chinese, rare))
