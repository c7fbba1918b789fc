"""The letterhead of a Traditional Chinese letter (QA18 F11): Hong Kong and Taiwan letters print
the company's Traditional name and address where Settings › Letterhead holds them, else the
Simplified ones with their labels in Traditional (邮政编码 -> 郵政編碼; Taiwan's post writes
郵遞區號) from the ``zh_Hant`` terms. The signature's company name follows the letterhead's.
Expected texts are written out by hand from resources/letterhead.toml."""

from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import TemplateFieldError
from app.models.enums import CaseKind
from app.reports import LETTER_KINDS, AcknowledgementFacts, default_letterhead, render_letter
from app.reports.letterhead import Letterhead
from app.reports.terms import load_terms
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

ACK = AcknowledgementFacts(
    reference="PD-2026-000003",
    kind=CaseKind.ACCESS,
    requester_name="陳大文",
    received_date=samples.RECEIVED,
    due_date=None,
    due_provisional=False,
    issued_date=samples.ISSUED,
    jurisdiction="HK",
)
SIMPLIFIED_NAME = "须云科技有限公司"
TRADITIONAL_NAME = "須雲科技有限公司"
# The shipped default's addresses, whitespace squashed as read_pdf gives them.
SIMPLIFIED_STREET = "浙江省杭州市余杭区文一西路1288号云栖大厦B座17层"
TRADITIONAL_STREET = "浙江省杭州市餘杭區文一西路1288號雲棲大廈B座17層"
# A letterhead entered before the Traditional fields existed: Simplified only.
SIMPLIFIED_ONLY = replace(default_letterhead(), company_name_hant=None, address_hant=None)


def _ack(language: str, jurisdiction: str, letterhead: Letterhead) -> str:
    facts = replace(ACK, jurisdiction=jurisdiction)
    pdf = render_letter(LETTER_KINDS["acknowledgement"], facts, language, letterhead)
    return squash("".join(read_pdf(pdf)[0]))


def test_a_hong_kong_letter_prints_the_traditional_letterhead_and_signature() -> None:
    text = _ack("zh-Hant", "HK", default_letterhead())
    assert TRADITIONAL_STREET in text and "郵政編碼：311121" in text
    # Letterhead and signature: the Traditional name twice, the Simplified one nowhere.
    assert text.count(TRADITIONAL_NAME) == 2 and SIMPLIFIED_NAME not in text
    for simplified in ("邮政编码", "余杭区", "云栖大厦"):
        assert simplified not in text


def test_a_taiwan_letter_names_the_postal_code_as_taiwan_does() -> None:
    text = _ack("zh-Hant", "TW", default_letterhead())
    assert TRADITIONAL_STREET in text and "郵遞區號：311121" in text
    assert "郵政編碼" not in text and "邮政编码" not in text


@pytest.mark.parametrize(("jurisdiction", "label"), [("HK", "郵政編碼"), ("TW", "郵遞區號")])
def test_without_traditional_fields_the_simplified_ones_print_with_traditional_labels(
    jurisdiction: str, label: str
) -> None:
    text = _ack("zh-Hant", jurisdiction, SIMPLIFIED_ONLY)
    # The registered name and the place names as entered; the label in the reader's script.
    assert text.count(SIMPLIFIED_NAME) == 2 and SIMPLIFIED_STREET in text
    assert f"{label}：311121" in text and "邮政编码" not in text


def test_simplified_and_english_letters_keep_their_letterheads() -> None:
    zh = _ack("zh", "CN", default_letterhead())
    assert zh.count(SIMPLIFIED_NAME) == 2 and "邮政编码：311121" in zh
    assert TRADITIONAL_NAME not in zh and "郵政編碼" not in zh
    en = _ack("en", "HK", default_letterhead())
    assert "XuyunTechnologyCo.,Ltd." in en and TRADITIONAL_NAME not in en


def test_a_bilingual_traditional_letter_prints_both_addresses_in_traditional_then_english() -> None:
    head = default_letterhead().in_traditional(())
    assert head.name_for("zh-Hant+en") == TRADITIONAL_NAME
    assert head.address_for("zh-Hant+en") == (
        "浙江省杭州市餘杭區文一西路 1288 號雲棲大廈 B 座 17 層\n郵政編碼：311121\n"
        "17/F, Tower B, Yunqi Building, 1288 Wenyi West Road\n"
        "Yuhang District, Hangzhou, Zhejiang 311121, China"
    )
    assert head.name_for("zh+en") == SIMPLIFIED_NAME
    text = _ack("zh-Hant+en", "HK", default_letterhead())
    assert TRADITIONAL_STREET in text and "1288WenyiWestRoad" in text


def test_the_traditional_terms_list_the_letterhead_words() -> None:
    terms = load_terms("zh-Hant")
    hk, tw = terms.letterhead_words_for("HK"), terms.letterhead_words_for("tw")
    assert ("邮政编码", "郵政編碼") in hk and ("郵政編碼", "郵遞區號") not in hk
    assert tw[-2:] == (("郵政編碼", "郵遞區號"), ("郵編", "郵遞區號"))  # after the common ones
    assert load_terms("zh").letterhead_words_for("CN") == ()


def test_a_letterhead_word_with_a_brace_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "zh_Hant"
    folder.mkdir()
    shipped = (load_terms("zh-Hant").path).read_text(encoding="utf-8")
    (folder / "terms.toml").write_text(
        shipped + '\n[letterhead_words_by_jurisdiction.MO]\n"郵編" = "{x}"\n', encoding="utf-8"
    )
    with pytest.raises(TemplateFieldError, match=r"letterhead_words_by_jurisdiction\.MO"):
        load_terms("zh-Hant", tmp_path)
