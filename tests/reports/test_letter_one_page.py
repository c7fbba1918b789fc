"""A short letter fits one page when it can: rather than carry its last paragraph, closing
and signature (kept together, never alone) over to a page of their own, it is set a little
tighter. Pages are rendered and read back line by line (``page_breaks``)."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.models.enums import CaseKind
from app.reports import (
    EXTENSION_NOTICE,
    REFUSAL,
    LetterKind,
    RefusalGround,
    default_font_stack,
    default_letterhead,
    render_letter,
)
from app.reports.content import LetterContent
from app.reports.layout import lay_out_pages, letter_story
from app.reports.letters import lay_out_letter, letter_content
from app.reports.pages import PageDecorations
from app.reports.styles import letter_styles
from tests.reports import samples
from tests.reports.page_breaks import body_lines, cut_paragraphs
from tests.reports.test_letter_page_breaks import BASE, SENTENCE

# QA's cases: an EU access request extended by two months (GDPR Art. 12(3)) and a refusal on
# two grounds, each about a fifth of a page too long for their closing.
EXTENSION = replace(
    samples.EXTENSION,
    case=samples.case(
        CaseKind.ACCESS, "EU", subject_name="Big Att", issued_date=date(2026, 11, 30)
    ),
    reasons=("complexity: 40 systems",),
    original_due_date=date(2026, 12, 8),
    extended_due_date=date(2027, 2, 8),
)
REFUSAL_FACTS = replace(
    samples.REFUSAL_FACTS,
    case=samples.case(CaseKind.ACCESS, issued_date=date(2026, 11, 30)),
    grounds=(
        RefusalGround("trade_secret", "涉及商业秘密 <b>& {0} %s"),
        RefusalGround("retention_period", "依法保存"),
    ),
)
CLOSING = ("如您对本函有任何疑问", "此致", "敬礼！", "须云科技有限公司", "2026年11月30日")


def _pages_as_usual(content: LetterContent) -> int:
    """The pages the letter takes in the usual (not compact) layout."""
    fonts = default_font_stack()
    styles = letter_styles("zh", fonts)
    pages = PageDecorations(
        default_letterhead(), "zh", content.reference_line, content.page_number, fonts, styles
    )
    story = letter_story(content, default_letterhead(), fonts)
    return lay_out_pages(story, pages, content.title)[1]


@pytest.mark.parametrize(
    ("kind", "facts"), [(EXTENSION_NOTICE, EXTENSION), (REFUSAL, REFUSAL_FACTS)]
)
def test_a_short_chinese_letter_keeps_its_closing_on_its_one_page(
    kind: LetterKind[Any], facts: Any
) -> None:
    head = default_letterhead()
    content = letter_content(kind, facts, "zh", head, kind.jurisdiction_of(facts))
    assert _pages_as_usual(content) == 2  # the closing alone would go over
    pages = body_lines(render_letter(kind, facts, "zh", head))
    assert len(pages) == 1
    text = "".join(pages[0])
    positions = [text.index(part) for part in CLOSING]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_letter_that_needs_two_pages_keeps_its_closing_with_the_last_lines(
    language: str,
) -> None:
    # 8 to 29 one-line paragraphs and a last one of three lines: whichever layout the letter
    # gets, no paragraph leaves a lone line, and the closing never opens a page.
    for count in range(8, 30, 3):
        short = tuple(f"第{n}段：短句。" for n in range(1, count + 1))
        paragraphs = (*short, "末段：" + SENTENCE[language] * 3)
        content = replace(BASE, language=language, paragraphs=paragraphs)
        pages = body_lines(lay_out_letter(content, default_letterhead()))
        cuts = cut_paragraphs(pages, paragraphs)
        assert all(min(c.lines_before, c.lines_after) >= 2 for c in cuts), count
        closing_page = next(p for p in pages if any(line.startswith("此致") for line in p))
        assert not closing_page[0].startswith("此致"), count
