"""Letter fonts: embedded TrueType faces, per-character font choice and glyph checks.

ReportLab's ``TTFont`` embeds a subset of each TrueType font actually used, so a letter carries
only the glyphs it prints. No single freely licensed TrueType-outline face covers both Latin and
CJK well (Droid Sans Fallback has no Latin letters), so each character is set in the first face
of a stack that has it. Nothing ever falls back to a standard-14 font such as Helvetica: those
have no CJK glyphs and would print boxes. Characters no bundled face has are set in a face
borrowed from the computer (``system_fonts``); right-to-left and shaping scripts are ordered
and shaped line by line (``shaping``, called by ``linebreak``).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from app.errors import FontLoadError, MissingGlyphsError
from app.reports.font_files import LetterFont, load_font
from app.reports.invisible import is_invisible
from app.reports.system_fonts import (
    FontFile,
    SystemFontFinder,
    finder_from_environment,
    install_advice,
)
from app.resources import resource_path

__all__ = [
    "FontStack",
    "LetterFont",
    "SystemFaces",
    "default_font_stack",
    "load_font",
    "use_system_fonts",
]

# Characters that only steer layout; the markup layer turns them into breaks or spaces.
_LAYOUT_CHARACTERS = frozenset("\n\t")


class SystemFaces:
    """Faces borrowed from the computer for characters no bundled face has, added as needed.

    One per ``FontStack``. ``generation`` changes whenever the faces do and keys every cache
    of texts set with the stack, so nothing cached before a face was added goes stale.

    Attributes:
        faces: the borrowed faces, in the order they were found.
    """

    def __init__(self) -> None:
        self.faces: tuple[LetterFont, ...] = ()
        self.generation = 0

    def forget(self) -> None:
        """Drop every borrowed face (the next letter borrows again, from the current finder)."""
        self.faces, self.generation = (), self.generation + 1

    def borrow(self, code_points: Iterable[int]) -> None:
        """Borrow installed faces for as many of ``code_points`` as the computer has.

        A face found for one character is tried for the others before asking again, so a
        name in one script costs one lookup. Faces that fail to load are passed over.
        """
        finder = _SYSTEM_FINDER[0]
        for code_point in sorted(code_points):
            if finder is None or any(code_point in face.code_points for face in self.faces):
                continue
            face = _borrowed_face(finder, code_point)
            if face is not None and face not in self.faces:
                self.faces, self.generation = (*self.faces, face), self.generation + 1


# The process's finder of installed fonts; ``None`` turns borrowing off. A list, so that
# ``use_system_fonts`` can swap it (tests point it at a folder of their own). Worker processes
# (``letter_pool``, spawned) start from the environment (``PRIVACY_DESK_FONT_DIRS``).
_SYSTEM_FINDER: list[SystemFontFinder | None] = [finder_from_environment()]


def use_system_fonts(finder: SystemFontFinder | None) -> SystemFontFinder | None:
    """Set where letters borrow faces for characters the bundled ones lack.

    The shipped stack (``default_font_stack``) forgets the faces it borrowed before; other
    stacks keep theirs. Worker processes read ``PRIVACY_DESK_FONT_DIRS`` instead (see
    ``system_fonts.finder_from_environment``).

    Args:
        finder: the finder to use, or ``None`` to borrow nothing (bundled faces only).

    Returns:
        The finder used until now (to restore it).
    """
    previous = _SYSTEM_FINDER[0]
    _SYSTEM_FINDER[0] = finder
    default_font_stack().system.forget()
    return previous


def _borrowed_face(finder: SystemFontFinder, code_point: int) -> LetterFont | None:
    """Load the face the finder offers for ``code_point``, passing over faces ReportLab refuses
    (e.g. a font whose licence bits forbid subsetting) until one loads or none is left."""
    while (found := finder.face_for(code_point)) is not None:
        face = _system_face(found)
        if face is not None:
            return face
        finder.reject(found)
    return None


@functools.lru_cache(maxsize=64)
def _system_face(found: FontFile) -> LetterFont | None:
    digest = hashlib.sha256(f"{found.path}#{found.index}".encode()).hexdigest()[:8]
    try:
        return load_font(f"PD-System-{digest}", found.path, found.index)
    except FontLoadError:
        return None


@dataclass(frozen=True)
class FontStack:
    """Faces tried in order for each character, one stack per weight.

    The bundled faces come first; faces borrowed from the computer (``system``) follow, in
    both weights (a borrowed face is used as found, usually regular).

    Attributes:
        bundled_regular: shipped faces for body text, most preferred first.
        bundled_bold: shipped faces for titles and the company name, same order of scripts.
        system: faces borrowed from the computer so far (identity, not contents, compared).
    """

    bundled_regular: tuple[LetterFont, ...]
    bundled_bold: tuple[LetterFont, ...]
    system: SystemFaces = field(default_factory=SystemFaces)

    @property
    def regular(self) -> tuple[LetterFont, ...]:
        """Return the regular faces: bundled, then borrowed."""
        return self.bundled_regular + self.system.faces

    @property
    def bold(self) -> tuple[LetterFont, ...]:
        """Return the bold faces: bundled, then borrowed."""
        return self.bundled_bold + self.system.faces

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
        return list(_missing(self, text, self.system.generation))

    def face_name(self, ch: str) -> str | None:
        """Return the registered name of the regular face that sets ``ch``, ``None`` if none."""
        face = self._face_for(ch, self.regular)
        return face.name if face else None

    def check_printable(self, texts: list[str]) -> None:
        """Raise unless every character of every text has a glyph.

        Args:
            texts: all plain strings a letter will print.

        Characters no bundled face has are looked for in the computer's fonts first (see
        ``app.reports.system_fonts``); only what no installed font has is refused.

        Raises:
            MissingGlyphsError: listing the missing code points (never the surrounding text)
                and what kind of font to install for them.
        """
        missing = self.unprintable(texts)
        if missing:
            coverage, fonts = install_advice([int(code[2:], 16) for code in missing])
            raise MissingGlyphsError(missing, coverage=coverage, fonts=fonts)

    def unprintable(self, texts: list[str]) -> list[str]:
        """List the characters of ``texts`` that no face can draw, bundled or installed.

        Characters no bundled face has are looked for in the computer's fonts first (see
        ``app.reports.system_fonts``), and the faces found are borrowed for the stack.

        Args:
            texts: plain strings as they will be printed.

        Returns:
            Sorted, distinct ``"U+XXXX"`` strings (as ``missing_code_points``); empty if all
            print.
        """
        missing = self._missing_in(texts)
        if missing:
            self.system.borrow(int(code[2:], 16) for code in missing)
            missing = self._missing_in(texts)
        return missing

    def _missing_in(self, texts: list[str]) -> list[str]:
        return sorted(set().union(*(self.missing_code_points(text) for text in texts)))

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
        return _runs(self, text, bold, self.system.generation)

    def _line_runs(self, line: str, faces: tuple[LetterFont, ...]) -> list[tuple[str, str]]:
        runs: list[tuple[str, list[str]]] = []
        for ch in line:
            face = self._face_for(ch, faces) or self._face_for(ch, self.regular) or faces[0]
            # A space joins the current run, so mixed text does not split into many fonts; so
            # does an invisible character (a joiner stays with the letters it joins).
            joins = runs and (ch == " " or is_invisible(ch))
            name = runs[-1][0] if joins else face.name
            if runs and runs[-1][0] == name:
                runs[-1][1].append(ch)
            else:
                runs.append((name, [ch]))
        return [(name, "".join(chars)) for name, chars in runs]

    @staticmethod
    def _face_for(ch: str, faces: tuple[LetterFont, ...]) -> LetterFont | None:
        return next((face for face in faces if ord(ch) in face.code_points), None)


@functools.lru_cache(maxsize=1 << 14)
def _runs(
    stack: FontStack, text: str, bold: bool, _generation: int
) -> tuple[tuple[str, str] | None, ...]:
    faces = stack.bold if bold else stack.regular
    runs: list[tuple[str, str] | None] = []
    for index, line in enumerate(text.replace("\r\n", "\n").replace("\t", " ").split("\n")):
        runs += [None] if index else []
        runs += stack._line_runs(line, faces)
    return tuple(runs)


@functools.lru_cache(maxsize=1 << 14)
def _missing(stack: FontStack, text: str, _generation: int) -> tuple[str, ...]:
    faces = stack.regular
    # Default-ignorable characters are never drawn, so need no glyph (``invisible``).
    missing = {ch for ch in text if stack._face_for(ch, faces) is None and not is_invisible(ch)}
    return tuple(f"U+{ord(ch):04X}" for ch in sorted(missing - _LAYOUT_CHARACTERS))


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
    return FontStack((latin, chinese, rare), (latin_bold, chinese, rare))
