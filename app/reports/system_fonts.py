"""Finding the computer's own TrueType fonts for characters the bundled letter faces lack.

A requester's name may be in any script (Arabic, Thai, Devanagari, a CJK Extension-B
ideograph...). The bundled faces cover Latin, Greek, Cyrillic and Chinese; for anything else a
letter borrows a face installed on the computer. fontconfig (``fc-list``) answers "which fonts
have this character" from its own cache where it exists (Linux, BSD, some macOS setups);
elsewhere the platform's font folders are scanned. platformdirs (our dependency for data
folders) knows no font folders, and no well-kept package lists them without pulling in a GUI
toolkit or matplotlib, so :func:`font_folders` names them itself.

Only TrueType-outline faces can be embedded by ReportLab's ``TTFont``: CFF-outline OpenType
(``.otf`` starting ``OTTO``, such as Noto Sans CJK) and colour-bitmap fonts without outlines
are skipped (``font_cmap`` reads only each face's cmap, and keeps it as ranges). Lookups are
done only when a character is missing and cached for the life of the process: a batch of
letters asks fontconfig once per distinct missing character, or reads each font's cmap once.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.reports.font_cmap import CodeRanges, read_code_ranges

log = logging.getLogger(__name__)

FONT_DIRS_VARIABLE = "PRIVACY_DESK_FONT_DIRS"
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")
# Words in a file or family name that mark a face less fit for a letter's body text.
_LESS_FIT = ("bold", "italic", "oblique", "mono", "condensed", "black", "light", "thin", "serif")
_FC_TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class FontFile:
    """One face in a font file.

    Attributes:
        path: the ``.ttf``/``.ttc`` file.
        index: the face within a ``.ttc`` collection (0 for a single font).
    """

    path: Path
    index: int = 0


def font_folders(
    platform: str = sys.platform, environ: Mapping[str, str] = os.environ, home: Path | None = None
) -> tuple[Path, ...]:
    """Return the folders where the platform installs fonts, system-wide then per user.

    Args:
        platform: ``sys.platform`` value. environ: the environment (``WINDIR``, ``LOCALAPPDATA``,
            ``XDG_DATA_HOME``). home: the user's home folder (default ``Path.home()``).

    Returns:
        Folder paths (they need not exist).
    """
    home = home or _home()
    if platform.startswith("win"):
        windir = Path(environ.get("WINDIR", r"C:\Windows"))
        local = Path(environ.get("LOCALAPPDATA", str(home / "AppData" / "Local")))
        return (windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if platform == "darwin":
        return (
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        )
    data_home = Path(environ.get("XDG_DATA_HOME", str(home / ".local" / "share")))
    return (
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        data_home / "fonts",
        home / ".fonts",
    )


def _home() -> Path:
    try:
        return Path.home()
    except RuntimeError:  # no HOME and no password entry (a service account): system folders
        return Path(os.sep, "nonexistent")


def fit_rank(name: str) -> tuple[int, int, str]:
    """Sort key for candidate faces: plain upright sans faces first, Noto Sans (the bundled
    Latin design) before others, shorter (more general) names before longer ones."""
    lowered = name.lower().replace(" ", "").replace("-", "")
    penalty = sum(word in lowered for word in _LESS_FIT) + ("notosans" not in lowered)
    return (penalty, len(lowered), lowered)


def fontconfig_candidates(code_point: int, fc_list: str) -> list[FontFile] | None:
    """Ask fontconfig for outline faces that have ``code_point``, best fit first.

    Args:
        code_point: the missing character. fc_list: path of the ``fc-list`` program.

    Returns:
        Faces (possibly CFF or Type 1 ones; the caller checks), ``None`` when fontconfig fails.
    """
    pattern = f":charset={code_point:x}:outline=True"
    command = [fc_list, "--format", "%{file}\t%{index}\t%{family[0]} %{style[0]}\n", pattern]
    try:
        output = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=_FC_TIMEOUT_SECONDS
        ).stdout
    except (OSError, subprocess.SubprocessError):
        log.warning("fontconfig could not be asked for fonts; scanning font folders instead")
        return None
    rows = [line.split("\t") for line in output.splitlines() if line.count("\t") == 2]
    ranked = sorted((row for row in rows if row[1].isdigit()), key=lambda row: fit_rank(row[2]))
    return [FontFile(Path(path), int(index)) for path, index, _name in ranked]


def folder_candidates(folders: Iterable[Path]) -> list[FontFile]:
    """List every face in ``folders`` (recursively), best fit first by file name.

    A ``.ttc`` collection contributes each of its faces.
    """
    files = sorted(
        (path for folder in folders if folder.is_dir() for path in _font_files(folder)),
        key=lambda path: fit_rank(path.stem),
    )
    return [FontFile(path, index) for path in files for index in range(_face_count(path))]


def _font_files(folder: Path) -> Iterable[Path]:
    try:
        return [path for path in folder.rglob("*") if path.suffix.lower() in FONT_SUFFIXES]
    except OSError:
        return []


def _face_count(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            head = stream.read(12)
    except OSError:
        return 0
    return int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 1


@dataclass
class SystemFontFinder:
    """Finds an installed face for a character, remembering every answer for the process.

    Attributes:
        folders: where to scan when fontconfig is absent (or ``use_fontconfig`` is false).
        use_fontconfig: ask ``fc-list`` when it is on the PATH.
        coverage: reads a face's code points (``None`` when it cannot be embedded).
    """

    folders: tuple[Path, ...] = field(default_factory=font_folders)
    use_fontconfig: bool = True
    coverage: Callable[[FontFile], CodeRanges | None] = field(default=lambda f: read_cmap(f))
    _answers: dict[int, FontFile | None] = field(default_factory=dict)
    _cmaps: dict[FontFile, CodeRanges | None] = field(default_factory=dict)
    _scanned: list[FontFile] | None = None

    def face_for(self, code_point: int) -> FontFile | None:
        """Return an embeddable installed face that has ``code_point``, ``None`` if none has.

        The first face (best fit first, see :func:`fit_rank`) whose cmap has the character
        wins; cmaps already read are tried before any new file is opened.
        """
        if code_point not in self._answers:
            self._answers[code_point] = self._find(code_point)
        return self._answers[code_point]

    def _find(self, code_point: int) -> FontFile | None:
        known = (font for font, cmap in self._cmaps.items() if cmap and code_point in cmap)
        for font in [*known, *self._candidates(code_point)]:
            cmap = self._cmap(font)
            if cmap and code_point in cmap:
                return font
        return None

    def _candidates(self, code_point: int) -> list[FontFile]:
        fc_list = shutil.which("fc-list") if self.use_fontconfig else None
        asked = fontconfig_candidates(code_point, fc_list) if fc_list else None
        if asked is not None:
            return asked
        if self._scanned is None:
            self._scanned = folder_candidates(self.folders)
        return self._scanned

    def _cmap(self, font: FontFile) -> CodeRanges | None:
        if font not in self._cmaps:
            self._cmaps[font] = self.coverage(font)
        return self._cmaps[font]

    def reject(self, font: FontFile) -> None:
        """Never offer ``font`` again (ReportLab failed to load it, e.g. embedding forbidden)."""
        self._cmaps[font] = None
        self._answers = {cp: found for cp, found in self._answers.items() if found != font}


def finder_from_environment(environ: Mapping[str, str] = os.environ) -> SystemFontFinder:
    """Return the finder the environment asks for.

    ``PRIVACY_DESK_FONT_DIRS``, when set, lists the only folders to take fonts from
    (``os.pathsep``-separated; empty: none at all) and fontconfig is not asked: for an
    administrator who wants letters set from vetted fonts only, and for tests, which must
    not depend on what a machine has installed. Unset: fontconfig, else the platform folders.
    """
    value = environ.get(FONT_DIRS_VARIABLE)
    if value is None:
        return SystemFontFinder()
    folders = tuple(Path(part) for part in value.split(os.pathsep) if part)
    return SystemFontFinder(folders=folders, use_fontconfig=False)


def read_cmap(font: FontFile) -> CodeRanges | None:
    """Return the code points a face maps to glyphs, ``None`` if ReportLab cannot embed it.

    CFF-outline and bitmap-only faces are skipped with a logged reason (the file name only:
    fonts hold no personal data).
    """
    ranges, reason = read_code_ranges(font.path, font.index)
    if ranges is None:
        log.info("skipping %s: %s", font.path.name, reason)
    return ranges


# Ideograph blocks beyond the BMP and what prints them. Only TrueType-outline fonts are
# named: the usual Noto Sans CJK / Source Han fonts are CFF and cannot be embedded.
_CJK_ADVICE = (
    (0x3400, 0x4DBF, "CJK Extension A", "Droid Sans Fallback or SimSun"),
    (0x20000, 0x2A6DF, "CJK Extension B", "HanaMinB, SimSun-ExtB or MingLiU-ExtB"),
    (0x2A700, 0x2EE5F, "CJK Extensions C to I", "Jigmo or HanaMinB"),
    (0x30000, 0x323AF, "CJK Extensions G and H", "Jigmo"),
    (0x2F800, 0x2FA1F, "CJK Compatibility Ideographs Supplement", "HanaMinB"),
)
_EMOJI_ADVICE = ("emoji", "Noto Emoji (colour emoji fonts cannot be embedded)")
# Scripts whose TrueType fonts are not called "Noto Sans <script>" (Noto's CJK fonts are CFF).
_NOT_NOTO_SANS = {
    "Cjk": ("CJK ideographs", "WenQuanYi Micro Hei or SimSun"),
    "Hangul": ("Korean (Hangul)", "NanumGothic or Malgun Gothic"),
    "Hiragana": ("Japanese kana", "IPAGothic or MS Gothic"),
    "Katakana": ("Japanese kana", "IPAGothic or MS Gothic"),
}
# Scripts whose Unicode names start with two words (most take one: ARABIC, THAI, ...).
_TWO_WORD_SCRIPTS = frozenset({"OLD", "TAI", "CANADIAN", "LINEAR", "INSCRIPTIONAL", "NEW"})


def _advice_for(code_point: int) -> tuple[str, str]:
    """Return (what a font must cover, fonts that do) for one missing character."""
    for first, last, coverage, fonts in _CJK_ADVICE:
        if first <= code_point <= last:
            return coverage, fonts
    ch = chr(code_point)
    if unicodedata.category(ch) in ("Co", "Cn"):  # private use or unassigned: no script
        return f"U+{code_point:04X}", "a font that has it"
    if (
        0x1F000 <= code_point <= 0x1FAFF
        or unicodedata.category(ch) == "So"
        or 0xFE00 <= code_point <= 0xFE0F
    ):
        return _EMOJI_ADVICE
    words = unicodedata.name(ch, "").split()
    if not words:  # controls and the like
        return f"U+{code_point:04X}", "a font that has it"
    script = " ".join(words[:2] if words[0] in _TWO_WORD_SCRIPTS else words[:1]).title()
    return _NOT_NOTO_SANS.get(script, (f"the {script} script", f"Noto Sans {script}"))


def install_advice(code_points: Iterable[int]) -> tuple[str, str]:
    """Say what to install for characters no font on the computer has (no personal data:
    only the characters' scripts or blocks, from Unicode's own names).

    Args:
        code_points: the missing characters.

    Returns:
        ``(coverage, fonts)``: e.g. ``("CJK Extension B", "HanaMinB, SimSun-ExtB or
        MingLiU-ExtB")``; several scripts are joined with ", " and " / ".
    """
    advice = list(dict.fromkeys(_advice_for(code_point) for code_point in code_points))
    return ", ".join(a for a, _ in advice), " / ".join(b for _, b in advice)
