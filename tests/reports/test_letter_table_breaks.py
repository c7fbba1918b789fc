"""Tables and lists over a page break: a row is never cut in two (unless it is taller than a
page), the header repeats only at the head of a page, and a list starts under its heading on
the page where the heading stands instead of jumping whole to the next page.

The letters are rendered for real and read back from the PDF (``page_breaks``, ``read_pdf``).
"""

import functools
from dataclasses import replace
from datetime import date

import pytest

from app.reports import (
    CANCELLATION_CONFIRMATION,
    default_font_stack,
    default_letterhead,
    render_letter,
)
from app.reports.blocks import HeadedList, KeptTogetherTable, data_table, item_list
from app.reports.content import Items, TableBlock
from app.reports.facts import CancellationFacts
from app.reports.letter_rows import HeldCategory
from app.reports.letters import letter_content
from app.reports.styles import FRAME_WIDTH, letter_styles, paragraph
from tests.reports import samples
from tests.reports.page_breaks import body_lines, cut_lists
from tests.reports.pdf_reading import read_pdf, squash

RULE_KEYS = ("ecommerce_art31", "accounting_archives", "csl_art23")
HEADER = {"zh": "信息类别保存依据保存至", "en": "CategoryWhywekeepitKeptuntil"}
LIST_HEADING = {"zh": "一、已删除或者匿名化处理的信息", "en": "1.Deletedoranonymised"}


def _cancellation(held: int, deleted: int = 2) -> CancellationFacts:
    """A cancellation holding ``held`` categories under the shipped rules (three lines each
    in the table) after deleting ``deleted`` one-line categories."""
    holds = tuple(
        HeldCategory(
            f"业务类别{n:02d}",
            "",
            date(2027 + n % 10, 1 + n % 12, 1),
            samples.RULES[RULE_KEYS[n % 3]],
        )
        for n in range(held)
    )
    deleted_now = tuple(f"已删除类别{n:02d}" for n in range(deleted))
    return replace(samples.CANCELLATION, held=holds, deleted_now=deleted_now)


def _languages(language: str) -> tuple[str, ...]:
    return ("zh", "en") if language == "zh+en" else (language,)


def _held_rows(facts: CancellationFacts, language: str) -> list[tuple[str, ...]]:
    content = letter_content(CANCELLATION_CONFIRMATION, facts, language, default_letterhead(), "CN")
    tables = [block for block in content.paragraphs if isinstance(block, TableBlock)]
    return [tuple(squash(cell) for cell in row) for row in tables[0].rows]


# (held, deleted): the deleted list's length moves the table's page break through its rows
# (QA found a row cut in two with 3 holds after 3-5 deleted categories).
SWEEP = (*((3, deleted) for deleted in range(8)), (5, 5), (12, 2), (40, 2))


@functools.cache
def _rendered(language: str) -> tuple[tuple[CancellationFacts, bytes], ...]:
    letterhead = default_letterhead()
    sweep = (_cancellation(held, deleted) for held, deleted in SWEEP)
    return tuple(
        (facts, render_letter(CANCELLATION_CONFIRMATION, facts, language, letterhead))
        for facts in sweep
    )


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_a_held_row_stands_whole_on_one_page(language: str) -> None:
    for facts, pdf in _rendered(language):
        pages = [squash(text) for text in read_pdf(pdf)[0]]
        for lang in _languages(language):
            for row in _held_rows(facts, lang):
                # ReportLab draws a cell's lines one after the other: a row cut in two has
                # its basis on two pages and so wholly on none.
                whole = [page for page in pages if all(cell in page for cell in row)]
                assert whole, (len(facts.held), len(facts.deleted_now), lang, row[0])


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_the_table_header_repeats_only_at_the_head_of_a_page(language: str) -> None:
    for facts, pdf in _rendered(language):
        pages = body_lines(pdf)
        for lang in _languages(language):
            rows = _held_rows(facts, lang)
            _check_headers(pages, lang, [row[0] for row in rows], {row[2] for row in rows})


def _check_headers(
    pages: list[list[str]], lang: str, categories: list[str], dates: set[str]
) -> None:
    """Assert that each page the table stands on has its header once, above its rows, and at
    the head of the page when the table continues from the page before."""
    table_pages = 0
    for number, lines in enumerate(pages, start=1):
        rows = [i for i, line in enumerate(lines) if _is_row_start(line, categories, dates)]
        headers = [i for i, line in enumerate(lines) if line == HEADER[lang]]
        if not rows:
            continue
        table_pages += 1
        assert len(headers) == 1, (number, lang)  # once per page, never mid-page
        assert headers[0] < rows[0], (number, lang)
        if table_pages > 1:  # a continued table: the header heads the page
            assert headers[0] == 0, (number, lang)
    assert table_pages >= 1


def _is_row_start(line: str, categories: list[str], dates: set[str]) -> bool:
    """Whether a body line is a row's first line: its category and its date."""
    return any(line.startswith(c) for c in categories) and any(line.endswith(d) for d in dates)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("held", [0, 3])
def test_a_long_list_starts_under_its_heading_and_splits_over_the_pages(
    language: str, held: int
) -> None:
    facts = _cancellation(held, deleted=30)
    pages = body_lines(
        render_letter(CANCELLATION_CONFIRMATION, facts, language, default_letterhead())
    )
    items = [squash(item) for item in facts.deleted_now]
    heading_page = next(n for n, lines in enumerate(pages) if LIST_HEADING[language] in lines)
    assert heading_page == 0
    first_page = pages[0]
    after_heading = first_page[first_page.index(LIST_HEADING[language]) + 1 :]
    assert after_heading[0] == items[0]
    assert len([line for line in first_page if line in items]) >= 10  # page 1 is filled
    cuts = cut_lists(pages, [facts.deleted_now])
    assert cuts and all(min(c.lines_before, c.lines_after) >= 2 for c in cuts)
    printed = [line for lines in pages for line in lines if line in items]
    assert printed == items  # every item once, in order


def _held_table(rows: int) -> KeptTogetherTable:
    block = TableBlock(
        columns=("类别", "依据", "保存至"),
        rows=tuple(("订单", "法律依据第一行，" * 12, "2030年1月1日") for _ in range(rows)),
        widths=(2, 4, 2),
    )
    table = data_table(block, default_font_stack(), letter_styles("zh", default_font_stack()))
    table.wrap(FRAME_WIDTH, 10_000)
    return table


def test_a_split_table_sends_its_rest_to_the_next_page_without_cutting_a_row() -> None:
    table = _held_table(4)
    header, row = table._rowHeights[0], table._rowHeights[1]
    parts = table.split(FRAME_WIDTH, header + 2.6 * row)  # room for two rows and a half
    assert parts[1].action[0] == "frameEnd"  # the rest starts on the next page
    assert [len(parts[0]._cellvalues), len(parts[2]._cellvalues)] == [3, 3]  # header + 2 each


def test_a_row_taller_than_a_page_is_still_cut_to_fit() -> None:
    block = TableBlock(columns=("类别", "依据"), rows=(("订单", "很长的依据。" * 900),))
    table = data_table(block, default_font_stack(), letter_styles("zh", default_font_stack()))
    parts = table.split(FRAME_WIDTH, 600)
    assert len(parts) == 3 and parts[1].action[0] == "frameEnd"
    assert len(parts[0]._cellvalues) == len(parts[2]._cellvalues) == 2  # header + part row


def test_a_heading_goes_over_with_the_first_items_of_its_list_only() -> None:
    fonts, styles = default_font_stack(), letter_styles("zh", default_font_stack())
    items = item_list(Items(tuple(f"类别{n:02d}" for n in range(10))), fonts, styles)
    heading = paragraph(fonts, "一、已删除的信息", styles.heading_in_body, bold=True)
    headed = HeadedList(heading, items)
    _w, height = headed.wrap(FRAME_WIDTH, 10_000)
    row = items._rowHeights[0]
    parts = headed.split(FRAME_WIDTH, height - 6 * row)  # room for the heading and 4 items
    assert parts[0] is heading
    assert [len(part._cellvalues) for part in parts if isinstance(part, KeptTogetherTable)] == [
        4,
        6,
    ]
    assert headed.split(FRAME_WIDTH, height - 9 * row) == []  # one item alone: all goes over
