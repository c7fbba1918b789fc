"""The law that lets us keep data after an erasure, stated once above the held-data table in
the case's jurisdiction and the letter's language: PIPL Art. 47 ¶2 (China), GDPR Art. 17(3)(b)
and (e) (EU), UK GDPR Art. 17(3)(b) and (e) (UK), CCPA Civil Code §1798.105(d) (California,
the section the rule set's deletion rule cites); none for other jurisdictions, where only the
per-category bases stand. The per-category bases are unchanged (``test_letter_retention_bases``).
"""

from dataclasses import replace
from typing import Any

import pytest

from app.models.enums import CaseKind
from app.reports import (
    CANCELLATION_CONFIRMATION,
    DELETION_DONE,
    default_letterhead,
    render_letter,
)
from app.reports.letters import letter_content
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

# What each jurisdiction's basis line must cite, worked out from the statutes' text.
BASIS = {
    ("CN", "zh"): ("依据：《中华人民共和国个人信息保护法》第四十七条第二款。",),
    ("CN", "en"): ("Legal basis: Article 47(2) of the Personal Information Protection Law.",),
    ("EU", "zh"): ("依据：欧盟《通用数据保护条例》第十七条第三款第(b)项", "该条第三款第(e)项"),
    ("EU", "en"): (
        "Legal basis: Article 17(3)(b) of the General Data Protection Regulation",
        "compliance with a legal obligation",
        "defence of legal claims, Article 17(3)(e).",
    ),
    ("UK", "zh"): ("依据：英国《通用数据保护条例》第十七条第三款第(b)项", "该条第三款第(e)项"),
    ("UK", "en"): (
        "Legal basis: Article 17(3)(b) of the UK General Data Protection Regulation",
        "defence of legal claims, Article 17(3)(e).",
    ),
    ("US-CA", "zh"): ("依据：《加利福尼亚州民法典》第1798.105条(d)款",),
    ("US-CA", "en"): ("Legal basis: California Civil Code §1798.105(d)",),
}
LEAD = {"zh": "依据：", "en": "Legal basis:"}


def _facts(kind: Any, jurisdiction: str) -> Any:
    if kind is DELETION_DONE:
        return replace(samples.DELETION, case=samples.case(CaseKind.DELETION, jurisdiction))
    case = samples.case(CaseKind.ACCOUNT_CANCELLATION, jurisdiction)
    return replace(samples.CANCELLATION, case=case)


def _basis_lines(kind: Any, facts: Any, language: str, jurisdiction: str) -> list[str]:
    content = letter_content(kind, facts, language, default_letterhead(), jurisdiction)
    texts = [block for block in content.paragraphs if isinstance(block, str)]
    return [text for text in texts if text.startswith(LEAD[language])]


@pytest.mark.parametrize("kind", [DELETION_DONE, CANCELLATION_CONFIRMATION])
@pytest.mark.parametrize(("jurisdiction", "language"), sorted(BASIS))
def test_the_letter_states_the_erasure_exception_of_its_jurisdiction(
    kind: Any, jurisdiction: str, language: str
) -> None:
    lines = _basis_lines(kind, _facts(kind, jurisdiction), language, jurisdiction)
    assert len(lines) == 1, lines  # one basis, not the PIPL one beside the GDPR one
    for cited in BASIS[jurisdiction, language]:
        assert cited in lines[0]


@pytest.mark.parametrize("kind", [DELETION_DONE, CANCELLATION_CONFIRMATION])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_basis_line_without_held_data_or_for_other_jurisdictions(
    kind: Any, language: str
) -> None:
    other = _facts(kind, "BR")
    assert _basis_lines(kind, other, language, "BR") == []
    nothing_held = replace(_facts(kind, "EU"), held=())
    assert _basis_lines(kind, nothing_held, language, "EU") == []


def test_the_bilingual_eu_deletion_letter_prints_the_gdpr_basis_in_each_half() -> None:
    facts = _facts(DELETION_DONE, "EU")
    text = squash(
        "".join(read_pdf(render_letter(DELETION_DONE, facts, "zh+en", default_letterhead()))[0])
    )
    for cited in (*BASIS["EU", "zh"], *BASIS["EU", "en"]):
        assert squash(cited) in text
    assert "个人信息保护法》第四十七条" not in text and "Article47(2)" not in text
