"""No lone line at a page break (widows and orphans): paragraphs keep two lines on each side,
and so do lists and tables, in every template and both languages; nothing is lost or doubled.
The pages are rendered for real and read back line by line (``page_breaks``)."""

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from app.reports import (
    ACCESS_RESPONSE,
    DELETION_DONE,
    default_font_stack,
    default_letterhead,
    render_letter,
)
from app.reports.blocks import KeptTogetherTable, item_list
from app.reports.content import Items, LetterContent
from app.reports.layout import build_letter_pdf
from app.reports.letters import letter_content
from app.reports.styles import FRAME_WIDTH, letter_styles
from tests.reports import samples
from tests.reports.page_breaks import Cut, body_lines, cut_lists, cut_paragraphs

LONG_NAME = "欧阳娜娜娜娜·Alexandria Konstantinopoulou-Featherstonehaugh"
BASE = LetterContent(
    language="zh",
    title="测试函件",
    reference_line="编号：PD-2026-000123",
    date_line="",
    salutation=f"尊敬的{LONG_NAME}：",
    facts=(),
    paragraphs=(),
    closing=(("此致", 2.0), ("敬礼！", 0.0)),
    signature=("须云科技有限公司",),
    page_number="第 {page} 页 共 {pages} 页",
)
SENTENCE = {
    "zh": "个人信息处理者应当建立便捷的个人权利申请受理和处理机制。",
    "en": "A personal information handler shall establish convenient ways to accept requests. ",
}


def _lone(cuts: Sequence[Cut]) -> list[Cut]:
    return [cut for cut in cuts if min(cut.lines_before, cut.lines_after) < 2]


def _blocks(contents: Sequence[LetterContent]) -> tuple[list[str], list[tuple[str, ...]]]:
    """The paragraphs (list items too) and the lists of ``contents``, body and annex."""
    paragraphs: list[str] = []
    lists: list[tuple[str, ...]] = []
    for content in contents:
        for block in (*content.paragraphs, *content.annex):
            if isinstance(block, str):
                paragraphs.append(block)
            elif isinstance(block, Items):
                lists.append(block.items)
                paragraphs += block.items
    return paragraphs, lists


def _squashed(pdf: bytes) -> str:
    return "".join("".join(page) for page in body_lines(pdf))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_paragraphs_keep_two_lines_on_each_side_of_a_page_break(language: str) -> None:
    # 8 to 29 one-line paragraphs, then one of 12 lines and a last one: the foot of page 1
    # moves through the long paragraph line by line.
    cuts: list[Cut] = []
    for count in range(8, 30):
        short = tuple(f"第{n}段：短句。" for n in range(1, count + 1))
        paragraphs = (*short, "长段：" + SENTENCE[language] * 12, "末段：" + SENTENCE[language] * 3)
        content = replace(BASE, language=language, paragraphs=paragraphs)
        pdf = build_letter_pdf(content, default_letterhead(), default_font_stack())
        cuts += cut_paragraphs(body_lines(pdf), paragraphs)
        printed = _squashed(pdf)
        for paragraph in paragraphs:  # nothing lost or doubled at a page break
            assert printed.count("".join(paragraph.split())) == 1, (count, paragraph[:8])
    assert len(cuts) >= 5  # the sweep does cut paragraphs
    assert _lone(cuts) == []


def _access(count: int) -> Any:
    categories = tuple(
        f"类别{n:02d}：" + "账号信息与实名认证信息及其他相关记录" * (1 + n * 7 % 4)
        for n in range(1, count + 1)
    )
    case = replace(samples.ACCESS.case, subject_name=LONG_NAME)
    return replace(samples.ACCESS, categories=categories, case=case)


def _deletion(count: int) -> Any:
    deleted = tuple(
        f"删除项目{n:02d}：" + "营销偏好与访问日志" * (1 + n % 5) for n in range(1, count + 1)
    )
    return replace(samples.DELETION, deleted=deleted, case=replace(samples.DELETION.case))


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
@pytest.mark.parametrize(
    ("kind", "facts_of"), [(ACCESS_RESPONSE, _access), (DELETION_DONE, _deletion)]
)
def test_long_lists_of_data_categories_leave_no_lone_line(
    language: str, kind: Any, facts_of: Any
) -> None:
    letterhead = default_letterhead()
    cuts: list[Cut] = []
    for count in (12, 21, 30, 36, 45):
        facts = facts_of(count)
        pdf = render_letter(kind, facts, language, letterhead)
        languages = ("zh", "en") if language == "zh+en" else (language,)
        contents = [letter_content(kind, facts, lang, letterhead, "CN") for lang in languages]
        paragraphs, lists = _blocks(contents)
        pages = body_lines(pdf)
        cuts += cut_paragraphs(pages, paragraphs) + cut_lists(pages, lists)
        printed = _squashed(pdf)
        for item in lists[0]:  # every category printed once per language
            assert printed.count("".join(item.split())) == len(languages), (count, item[:6])
    assert cuts  # the lists do run over pages
    assert _lone(cuts) == []


def _one_line_items(count: int) -> KeptTogetherTable:
    styles = letter_styles("zh", default_font_stack())
    items = Items(tuple(f"类别{n:02d}：账号信息" for n in range(1, count + 1)))
    table = item_list(items, default_font_stack(), styles)
    table.wrap(FRAME_WIDTH, 10_000)
    return table


def test_a_list_cut_before_its_last_item_gives_it_a_companion_on_the_next_page() -> None:
    table = _one_line_items(5)
    row = table._rowHeights[0]
    parts = table.split(FRAME_WIDTH, 4 * row + 1)  # room for four of five rows
    assert [len(p._cellvalues) for p in parts if isinstance(p, KeptTogetherTable)] == [3, 2]
    assert parts[1].action[0] == "frameEnd"  # the two go to the next page together


def test_a_list_with_room_for_one_item_starts_on_the_next_page() -> None:
    table = _one_line_items(5)
    assert table.split(FRAME_WIDTH, 1.5 * table._rowHeights[0]) == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_paragraph_style_forbids_widows_and_orphans(language: str) -> None:
    styles = letter_styles(language, default_font_stack())
    for name, style in vars(styles).items():
        assert (style.allowWidows, style.allowOrphans) == (0, 0), name
