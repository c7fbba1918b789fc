"""Page layout: page numbers, running heads, long text flowing over pages."""

from dataclasses import replace

import pytest

from app.errors import LetterError
from app.reports import default_font_stack, default_letterhead
from app.reports.layout import LetterContent, build_letter_pdf
from tests.reports.pdf_reading import read_pdf, squash

CONTENT = LetterContent(
    language="zh",
    title="测试函件",
    reference_line="编号：PD-2026-000123",
    date_line="",
    salutation="尊敬的张三：",
    facts=(("受理编号", "PD-2026-000123"),),
    paragraphs=tuple(
        f"第{n}段：" + "个人信息处理者应当建立便捷的个人权利申请受理和处理机制。" * 6
        for n in range(1, 31)
    ),
    closing=(("此致", 2.0), ("敬礼！", 0.0)),
    signature=("须云科技有限公司", "2026年10月9日"),
    page_number="第 {page} 页 共 {pages} 页",
)


def test_long_letter_numbers_every_page_and_repeats_the_reference() -> None:
    texts, _fonts = read_pdf(build_letter_pdf(CONTENT, default_letterhead(), default_font_stack()))
    pages = len(texts)
    assert pages >= 3
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页共{pages}页" in squash(text)
    for text in texts[1:]:
        assert "编号：PD-2026-000123" in squash(text)  # running head on continuation pages
        assert "须云科技有限公司" in squash(text)
    joined = squash("".join(texts))
    for n in range(1, 31):
        assert f"第{n}段：" in joined


def test_english_page_numbers() -> None:
    content = replace(CONTENT, language="en", page_number="Page {page} of {pages}")
    texts, _fonts = read_pdf(build_letter_pdf(content, default_letterhead(), default_font_stack()))
    assert f"Page1of{len(texts)}" in squash(texts[0])
    assert f"Page{len(texts)}of{len(texts)}" in squash(texts[-1])


def test_five_thousand_characters_in_a_table_cell_flow_over_pages() -> None:
    details = ("我要求删除我在贵公司云平台上的全部个人信息，包括订单、发票和访问日志。" * 150)[
        :5000
    ]
    content = replace(CONTENT, facts=(("请求内容", details),), paragraphs=("正文。",))
    texts, _fonts = read_pdf(build_letter_pdf(content, default_letterhead(), default_font_stack()))
    assert len(texts) >= 3
    joined = squash("".join(texts))
    assert details[:200] in joined and details[-200:] in joined
    phrase = "我要求删除我在贵公司"
    assert joined.count(phrase) == details.count(phrase)  # nothing lost or doubled at page breaks


def test_a_tall_letterhead_pushes_the_body_down_instead_of_overlapping() -> None:
    address = "\n".join(f"地址第{n}行：某某省某某市某某区某某路{n}号" for n in range(1, 9))
    tall = replace(default_letterhead(), address=address)
    texts, _fonts = read_pdf(build_letter_pdf(CONTENT, tall, default_font_stack()))
    first = squash(texts[0])
    assert first.index("地址第8行") < first.index("编号：PD-2026-000123")


def test_a_letterhead_taller_than_half_a_page_is_refused() -> None:
    address = "\n".join(f"第{n}行" for n in range(1, 60))
    with pytest.raises(LetterError):
        build_letter_pdf(
            CONTENT, replace(default_letterhead(), address=address), default_font_stack()
        )


def test_the_closing_never_stands_alone_on_a_page() -> None:
    # Letters of 8 to 15 paragraphs of ~110 characters: for some of them the closing falls on
    # page 2; there it must come with the last paragraph ("此致" alone on a page was seen).
    moved = 0
    for count in range(8, 16):
        paragraphs = tuple(
            f"第{n}段：" + "个人信息处理者应当建立便捷的个人权利申请受理和处理机制。" * 3
            for n in range(1, count + 1)
        )
        content = replace(CONTENT, paragraphs=paragraphs)
        texts, _fonts = read_pdf(
            build_letter_pdf(content, default_letterhead(), default_font_stack())
        )
        closing_page = next(squash(text) for text in texts if "此致" in squash(text))
        assert f"第{count}段：" in closing_page, count
        moved += len(texts) > 1 and "此致" not in squash(texts[0])
    assert moved  # the range does reach the page break
