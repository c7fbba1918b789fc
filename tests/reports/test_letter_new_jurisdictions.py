"""Letter wording of the rule sets added in 2026-11 (TW, CA, AU, TH, CH): every refusal ground
prints in both languages, and extension notices exist exactly where the statute allows one
(PDPA art. 13 for TW, PIPEDA s.8(4) for CA; none in APP 12, PDPA s.30 or DPO art. 18)."""

from dataclasses import replace

import pytest

from app.errors import LetterError
from app.models.enums import CaseKind
from app.reports import RefusalGround, default_letterhead, render_extension_notice, render_refusal
from app.reports.jurisdictions import load_jurisdictions
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

NEW = ("TW", "CA", "AU", "TH", "CH")


def _text(pdf: bytes) -> str:
    return squash("".join(read_pdf(pdf)[0]))


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("code", NEW)
def test_every_ground_prints_with_the_regulator(code: str, language: str) -> None:
    table, _sha = load_jurisdictions(language)
    terms = table[code]
    assert terms.grounds, code
    facts = replace(
        samples.REFUSAL_FACTS,
        case=samples.case(CaseKind.ACCESS, code),
        grounds=tuple(RefusalGround(key) for key in terms.grounds),
    )
    text = _text(render_refusal(facts, language, default_letterhead()))
    for ground in terms.grounds.values():
        assert squash(ground) in text, (code, language, ground)
    assert squash(terms.regulator) in text


@pytest.mark.parametrize(
    ("code", "cited"),
    [
        ("TW", "Article 13 of the Personal Data Protection Act"),
        ("CA", "section 8(4) of the Personal Information Protection and Electronic Documents Act"),
    ],
)
def test_extension_notice_cites_the_statute(code: str, cited: str) -> None:
    case = replace(samples.EXTENSION.case, jurisdiction=code)
    text = _text(
        render_extension_notice(replace(samples.EXTENSION, case=case), "en", default_letterhead())
    )
    assert squash(cited) in text


@pytest.mark.parametrize("code", ["AU", "TH", "CH"])
def test_no_extension_notice_where_the_law_has_none(code: str) -> None:
    case = replace(samples.EXTENSION.case, jurisdiction=code)
    with pytest.raises(LetterError, match="no extension"):
        render_extension_notice(replace(samples.EXTENSION, case=case), "zh", default_letterhead())
