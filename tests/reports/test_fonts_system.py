"""Borrowing the computer's fonts for characters the bundled letter faces lack.

Every test builds the fonts it relies on (copies of bundled faces, or the Noto subsets in
``tests/reports/fonts``) in a folder of its own, so none depends on what is installed here;
``test_a_real_arabic_name_prints_or_says_what_to_install`` also asks the real computer and
asserts what it must do in either case.
"""

import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import MissingGlyphsError
from app.reports import AcknowledgementFacts, render_acknowledgement
from app.reports.dashboard_report import render_dashboard_report
from app.reports.font_cmap import CodeRanges, read_code_ranges
from app.reports.fonts import FontStack, default_font_stack, use_system_fonts
from app.reports.letterhead import default_letterhead
from app.reports.system_fonts import (
    FONT_DIRS_VARIABLE,
    FontFile,
    SystemFontFinder,
    finder_from_environment,
    fit_rank,
    font_folders,
    fontconfig_candidates,
    install_advice,
    read_cmap,
)
from app.resources import resource_path
from app.services.dashboard import HandlerLoad
from tests.reports.pdf_reading import read_pdf
from tests.reports.test_dashboard_report import FIGURES

TEST_FONTS = Path(__file__).parent / "fonts"
BUNDLED = resource_path("fonts")
ARABIC_NAME = "محمد علي"  # Muhammad Ali: U+0645 U+062D U+0645 U+062F, U+0639 U+0644 U+064A


def _folder_with(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "fonts"
    folder.mkdir(exist_ok=True)
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


@pytest.fixture
def test_fonts(tmp_path: Path) -> Iterator[Path]:
    """Letters borrow only from a folder holding the Noto test subsets (restored after)."""
    folder = _folder_with(tmp_path, *sorted(TEST_FONTS.glob("*.ttf")))
    previous = use_system_fonts(SystemFontFinder(folders=(folder,), use_fontconfig=False))
    yield folder
    use_system_fonts(previous)


@pytest.fixture
def no_fonts(tmp_path: Path) -> Iterator[None]:
    """A computer without any font of its own."""
    previous = use_system_fonts(SystemFontFinder(folders=(tmp_path,), use_fontconfig=False))
    yield
    use_system_fonts(previous)


def _acknowledgement(facts: AcknowledgementFacts, name: str, language: str = "zh") -> bytes:
    return render_acknowledgement(
        replace(facts, requester_name=name), language, default_letterhead()
    )


def _font_names(pdf: bytes) -> set[str]:
    return {font.base_font.split("+", 1)[-1] for font in read_pdf(pdf)[1]}


# --- where fonts live ---------------------------------------------------------------------


def test_windows_font_folders_are_the_system_and_the_per_user_folder() -> None:
    environ = {"WINDIR": r"D:\Win", "LOCALAPPDATA": r"C:\Users\li\AppData\Local"}
    folders = font_folders("win32", environ, Path("/home/ignored"))
    assert folders == (
        Path(r"D:\Win") / "Fonts",
        Path(r"C:\Users\li\AppData\Local") / "Microsoft" / "Windows" / "Fonts",
    )


def test_macos_and_linux_font_folders() -> None:
    home = Path("/home/li")
    assert font_folders("darwin", {}, home) == (
        Path("/System/Library/Fonts"),
        Path("/Library/Fonts"),
        home / "Library" / "Fonts",
    )
    assert font_folders("linux", {"XDG_DATA_HOME": "/data"}, home) == (
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path("/data/fonts"),
        home / ".fonts",
    )
    assert font_folders("freebsd14", {}, home)[2] == home / ".local" / "share" / "fonts"


def test_the_environment_can_restrict_fonts_to_named_folders(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    finder = finder_from_environment({FONT_DIRS_VARIABLE: f"{one}{os.pathsep}{two}"})
    assert (finder.folders, finder.use_fontconfig) == ((one, two), False)
    nothing = finder_from_environment({FONT_DIRS_VARIABLE: ""})
    assert (nothing.folders, nothing.face_for(ord("م"))) == ((), None)
    assert finder_from_environment({}).use_fontconfig


# --- which faces can be embedded ------------------------------------------------------------


def test_truetype_outlines_are_told_from_cff_ones(tmp_path: Path) -> None:
    cff = tmp_path / "NotoSansCJKsc-Regular.otf"
    cff.write_bytes(b"OTTO" + bytes(60))
    assert read_code_ranges(cff) == (None, "not TrueType outlines (CFF or damaged)")
    assert read_code_ranges(tmp_path / "absent.ttf")[1] == "unreadable (FileNotFoundError)"
    assert read_code_ranges(BUNDLED / "wqy-microhei.ttc", 2) == (
        None,
        "no such face in the collection",
    )
    second, _reason = read_code_ranges(BUNDLED / "wqy-microhei.ttc", 1)  # WenQuanYi Micro Hei Mono
    assert second is not None and ord("王") in second


def test_the_cmap_reader_agrees_with_reportlab_on_the_bundled_faces() -> None:
    # ReportLab (which embeds the face) parses the whole font; the reader only its cmap. They
    # must agree on every printable code point, except NBSP, which ReportLab adds to a face
    # that lacks it (set in the space glyph).
    for face in default_font_stack().bundled_regular:
        ranges, _reason = read_code_ranges(face.path)
        assert ranges is not None
        read = {cp for cp in range(0x30000) if cp in ranges and cp >= 0x20} - {0xA0}
        assert read == face.code_points - {0xA0}, face.name


def test_a_cff_font_is_skipped_with_a_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cff = tmp_path / "SourceHanSans.otf"
    cff.write_bytes(b"OTTO" + bytes(60))
    with caplog.at_level(logging.INFO, logger="app.reports.system_fonts"):
        assert read_cmap(FontFile(cff)) is None
    assert "skipping SourceHanSans.otf: not TrueType outlines" in caplog.text


def test_plain_upright_sans_faces_are_preferred() -> None:
    names = ["NotoSansArabic-Bold", "NotoNaskhArabic-Regular", "NotoSansArabic-Regular"]
    assert sorted(names, key=fit_rank)[0] == "NotoSansArabic-Regular"
    assert sorted(["DejaVuSans-Oblique", "DejaVuSans"], key=fit_rank) == [
        "DejaVuSans",
        "DejaVuSans-Oblique",
    ]


# --- finding a face ---------------------------------------------------------------------------


def test_scanning_finds_a_face_and_reads_each_font_once(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, *sorted(TEST_FONTS.glob("*.ttf")))
    (folder / "nested").mkdir()
    (folder / "nested" / "Broken.ttf").write_bytes(b"\x00\x01\x00\x00garbage")
    read: list[Path] = []

    def counting(font: FontFile) -> CodeRanges | None:
        read.append(font.path)
        return read_cmap(font)

    finder = SystemFontFinder(folders=(folder,), use_fontconfig=False, coverage=counting)
    arabic = finder.face_for(ord("م"))
    assert arabic == FontFile(folder / "NotoSansArabic-TestSubset.ttf", 0)
    assert finder.face_for(ord("ع")) == arabic and finder.face_for(ord("ส")) == FontFile(
        folder / "NotoSansThai-TestSubset.ttf", 0
    )
    assert finder.face_for(0x20000) is None  # CJK Extension B: no face here has it
    assert sorted(read) == sorted(set(read))  # every font read at most once...
    assert len(read) == 5  # ...and all five read once to be sure nothing has U+20000
    assert finder.face_for(0x20000) is None and len(read) == 5  # the answer is remembered


def test_fontconfig_answers_are_parsed_and_ranked(tmp_path: Path) -> None:
    fc_list = tmp_path / "fc-list"
    fc_list.write_text(
        "#!/bin/sh\n"
        'echo "$@" > ' + str(tmp_path / "args") + "\n"
        "printf '/f/NotoNaskhArabic-Bold.ttf\\t0\\tNoto Naskh Arabic Bold\\n'\n"
        "printf '/f/NotoSansArabic-Regular.ttf\\t0\\tNoto Sans Arabic Regular\\n'\n"
        "printf '/f/Fonts.ttc\\t2\\tNoto Sans Arabic UI Regular\\n'\n"
    )
    fc_list.chmod(0o755)
    found = fontconfig_candidates(0x645, str(fc_list))
    assert found == [
        FontFile(Path("/f/NotoSansArabic-Regular.ttf"), 0),
        FontFile(Path("/f/Fonts.ttc"), 2),
        FontFile(Path("/f/NotoNaskhArabic-Bold.ttf"), 0),
    ]
    assert (tmp_path / "args").read_text().split()[-1] == ":charset=645:outline=True"
    assert fontconfig_candidates(0x645, str(tmp_path / "no-such-program")) is None


def test_a_failing_fontconfig_falls_back_to_scanning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "fc-list").write_text("#!/bin/sh\nexit 1\n")
    (bin_folder / "fc-list").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_folder))
    folder = _folder_with(tmp_path, TEST_FONTS / "NotoSansHebrew-TestSubset.ttf")
    finder = SystemFontFinder(folders=(folder,))
    assert finder.face_for(ord("ד")) == FontFile(folder / "NotoSansHebrew-TestSubset.ttf")


# --- what to install ------------------------------------------------------------------------


def test_the_advice_names_the_block_or_script_and_truetype_fonts() -> None:
    assert install_advice([0x20000, 0x2A6A5]) == (
        "CJK Extension B",
        "HanaMinB, SimSun-ExtB or MingLiU-ExtB",
    )
    assert install_advice([0x0645]) == ("the Arabic script", "Noto Sans Arabic")
    assert install_advice([0x0E2A, 0x0915]) == (
        "the Thai script, the Devanagari script",
        "Noto Sans Thai / Noto Sans Devanagari",
    )
    assert install_advice([0x1F600, 0xFE0F])[0] == "emoji"
    assert install_advice([0x3400]) == ("CJK Extension A", "Droid Sans Fallback or SimSun")
    assert install_advice([0x10FFFD]) == ("U+10FFFD", "a font that has it")


def test_no_font_on_the_computer_blocks_the_letter_and_says_what_to_install(
    facts: AcknowledgementFacts,
    no_fonts: None,
) -> None:
    with pytest.raises(MissingGlyphsError) as caught:
        _acknowledgement(facts, "李𠀀" + ARABIC_NAME)
    error = caught.value
    # Sorted as text, as the bundled-fonts message always was.
    assert error.code_points == ["U+062D", "U+062F", "U+0639", "U+0644", "U+0645", "U+064A",
                                 "U+20000"]  # fmt: skip
    assert str(error) == (
        "no font on this computer has the characters U+062D, U+062F, U+0639, U+0644, U+0645, "
        "U+064A, U+20000; install a TrueType (.ttf) font covering the Arabic script, "
        "CJK Extension B, such as Noto Sans Arabic / HanaMinB, SimSun-ExtB or MingLiU-ExtB"
    )
    assert "李" not in str(error)  # no personal data: code points only


# --- letters that borrow --------------------------------------------------------------------


def test_an_arabic_name_prints_in_the_borrowed_face(
    facts: AcknowledgementFacts, test_fonts: Path
) -> None:
    pdf = _acknowledgement(facts, ARABIC_NAME)
    fonts = _font_names(pdf)
    assert "NotoSansArabic-Regular" in fonts
    assert all(font.has_font_file2 for font in read_pdf(pdf)[1])  # embedded, never standard-14
    assert not fonts & {"Helvetica", "Times-Roman", "Courier"}


@pytest.mark.parametrize(
    ("name", "face"),
    [
        ("דוד", "NotoSansHebrew-Regular"),
        ("สมชาย", "NotoSansThai-Regular"),
        ("राम", "NotoSansDevanagari-Regular"),
    ],
)
def test_hebrew_thai_and_devanagari_names_print(
    facts: AcknowledgementFacts,
    test_fonts: Path,
    name: str,
    face: str,
) -> None:
    for language in ("zh", "en", "zh+en"):
        assert face in _font_names(_acknowledgement(facts, name, language))


def test_a_character_removed_from_the_bundled_faces_is_borrowed(tmp_path: Path) -> None:
    # Only Droid Sans Fallback has CJK Extension A (U+3400) among the bundled faces; a stack
    # without it must take the character from the same face found on the computer.
    shipped = default_font_stack()
    stack = FontStack(shipped.bundled_regular[:2], shipped.bundled_bold[:2])
    assert stack.missing_code_points("㐀") == ["U+3400"]
    folder = _folder_with(tmp_path, BUNDLED / "DroidSansFallbackFull.ttf")
    previous = use_system_fonts(SystemFontFinder(folders=(folder,), use_fontconfig=False))
    try:
        stack.check_printable(["王㐀"])
        (face,) = stack.system.faces
        assert face.path == folder / "DroidSansFallbackFull.ttf"
        assert stack.runs("王㐀") == (("PD-WenQuanYiMicroHei", "王"), (face.name, "㐀"))
        loads = (HandlerLoad("王㐀", 1, 0, 0),)
        figures = replace(FIGURES, workload=loads)
        pdf = render_dashboard_report(figures, "zh", default_letterhead(), fonts=stack)
        assert "DroidSansFallback" in _font_names(pdf)
    finally:
        use_system_fonts(previous)


def test_a_real_arabic_name_prints_or_says_what_to_install(facts: AcknowledgementFacts) -> None:
    """On this computer as it is: a face with Arabic is used when one is installed; else the
    letter is refused naming the script and a font to install."""
    finder = SystemFontFinder()
    installed = finder.face_for(ord("م"))
    previous = use_system_fonts(finder)
    try:
        if installed is None:
            with pytest.raises(
                MissingGlyphsError, match="the Arabic script, such as Noto Sans Arabic"
            ):
                _acknowledgement(facts, ARABIC_NAME)
        else:
            pdf = _acknowledgement(facts, ARABIC_NAME)
            face = read_cmap(installed)
            assert face is not None and ord("م") in face
            assert len(_font_names(pdf) - _font_names(_acknowledgement(facts, "张三"))) == 1
    finally:
        use_system_fonts(previous)


def test_code_ranges_hold_a_cmap_compactly() -> None:
    ranges = CodeRanges.of([0x41, 0x42, 0x43, 0x4E00, 0x4E01, 0x20000])
    assert [cp in ranges for cp in (0x40, 0x41, 0x43, 0x44, 0x4E01, 0x4E02, 0x20000)] == [
        False, True, True, False, True, False, True,
    ]  # fmt: skip
    assert len(ranges._starts) == 3 and "A" not in ranges


def test_borrowing_can_be_turned_off_and_bold_text_borrows_too(test_fonts: Path) -> None:
    stack = default_font_stack()
    stack.check_printable(["محمد"])
    (arabic,) = stack.system.faces
    assert stack.runs("Ali محمد", bold=True) == (
        ("PD-NotoSans-Bold", "Ali "),
        (arabic.name, "محمد"),
    )
    previous = use_system_fonts(None)
    try:
        assert stack.system.faces == ()
        with pytest.raises(MissingGlyphsError, match="no font on this computer has"):
            stack.check_printable(["محمد"])
    finally:
        use_system_fonts(previous)
