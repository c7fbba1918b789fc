"""Letters in Traditional Chinese (``zh-Hant``) for Hong Kong and Taiwan data subjects (QA14 F8):
the laws' own terms (PDPO Cap. 486: 個人資料, 查閱資料要求, 改正資料要求; Taiwan's 個人資料保護法:
查詢或請求閱覽, 請求製給複製本, 請求補充或更正), not the mainland's (个人信息); alone and
before the English text (``zh-Hant+en``); every Traditional glyph embedded. Expected sentences are
written out by hand from the templates and the statutes' wording.
"""

from dataclasses import replace

import pytest

from app.errors import TemplateError
from app.models import Letter
from app.models.enums import CaseKind
from app.reports import LETTER_KINDS, AcknowledgementFacts, default_letterhead, render_letter
from app.services.letter_languages import LANGUAGES, chinese_for, default_letter_language
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

ACK = AcknowledgementFacts(
    reference="PD-2026-000026",
    kind=CaseKind.ACCESS,
    requester_name="陳大文",
    received_date=samples.RECEIVED,
    due_date=None,
    due_provisional=False,
    issued_date=samples.ISSUED,
    jurisdiction="HK",
)


def _text(pdf: bytes) -> str:
    return squash("".join(read_pdf(pdf)[0]))


def _ack(language: str, **changes: object) -> str:
    facts = replace(ACK, **changes)  # type: ignore[arg-type]
    return _text(
        render_letter(LETTER_KINDS["acknowledgement"], facts, language, default_letterhead())
    )


def test_a_hong_kong_access_request_is_acknowledged_in_the_pdpo_terms() -> None:
    text = _ack("zh-Hant")
    assert (
        squash(
            "您好！我們已於2026年10月8日收到您就個人資料提出的請求，並已根據香港《個人資料（私隱）"
            "條例》（第486章）第18條及第19條（查閱資料要求）的規定予以登記受理。"
        )
        in text
    )
    assert "個人資料權利請求受理回執" in text and "請求類型查閱" in text
    # Traditional glyphs of the text (資, 與, 於, 個, 查閱) are printed, not dropped.
    for word in ("資料", "與您相關", "於", "個人", "查閱"):
        assert word in text
    for mainland in ("个人信息", "個人信息", "个人资料", "核验"):
        assert mainland not in text


def test_a_hong_kong_correction_request_is_a_data_correction_request() -> None:
    text = _ack("zh-Hant", kind=CaseKind.CORRECTION)
    assert squash("第22條及第23條（改正資料要求）的規定予以登記受理") in text


def test_a_taiwan_copy_request_uses_the_taiwan_act_terms() -> None:
    text = _ack("zh-Hant", jurisdiction="TW", kind=CaseKind.COPY)
    # PDPA (Taiwan) art. 3 item 2 and art. 10: 請求製給複製本.
    assert squash("並已根據《個人資料保護法》第3條第2款及第10條（請求製給複製本）的規定") in text


def test_the_taiwan_rights_paragraph_lists_the_article_3_rights() -> None:
    facts = replace(samples.ACCESS, case=samples.case(CaseKind.ACCESS, "TW"))
    text = _text(
        render_letter(LETTER_KINDS["access_response"], facts, "zh-Hant", default_letterhead())
    )
    assert (
        squash(
            "依《個人資料保護法》第3條，您就您的個人資料得行使下列權利：查詢或請求閱覽、請求製給"
            "複製本、請求補充或更正、請求停止蒐集、處理或利用，以及請求刪除。"
        )
        in text
    )


def test_bilingual_traditional_prints_the_traditional_text_then_the_english() -> None:
    pdf = render_letter(LETTER_KINDS["acknowledgement"], ACK, "zh-Hant+en", default_letterhead())
    pages = [squash(page) for page in read_pdf(pdf)[0]]
    assert len(pages) == 2
    assert "個人資料權利請求受理回執" in pages[0] and "本函為中英文對照" in pages[0]
    assert (
        squash(
            "registered it as a request under sections 18 and 19 of the Personal Data (Privacy) "
            "Ordinance (Cap. 486) (data access request)."
        )
        in pages[1]
    )


@pytest.mark.parametrize("key", sorted(LETTER_KINDS))
def test_every_letter_kind_has_a_traditional_template(key: str) -> None:
    """Every kind renders in zh-Hant for a Hong Kong case (an extension notice excepted: the
    PDPO has no extension, s.19(2) only a notice before the 40 days end)."""
    from tests.reports.test_letter_law_named import _facts

    facts = _facts(key, "HK", "zh-Hant")
    if key == "extension_notice":
        facts = replace(facts, case=replace(facts.case, jurisdiction="TW"))
    text = _text(render_letter(LETTER_KINDS[key], facts, "zh-Hant", default_letterhead()))
    # The samples' own data is Simplified (the requester's words); the templates' is not.
    assert "個人信息" not in text.replace("個人信息保護法", "")
    assert "個人資料" in text


def test_an_unknown_script_is_refused() -> None:
    with pytest.raises(TemplateError, match="zh-Hans"):
        render_letter(LETTER_KINDS["acknowledgement"], ACK, "zh-Hans", default_letterhead())


@pytest.mark.parametrize(
    ("case_language", "jurisdiction", "expected"),
    [
        ("zh", "HK", "zh-Hant"),
        ("zh", "tw", "zh-Hant"),
        ("zh", "SG", "zh"),  # Singapore writes Simplified Chinese
        ("zh", "CN", "zh"),
        ("en", "HK", "en"),
        (None, "HK", "zh-Hant+en"),
        ("", "CN", "zh+en"),
        ("zh", None, "zh"),
    ],
)
def test_the_default_letter_language_follows_the_jurisdictions_script(
    case_language: str | None, jurisdiction: str | None, expected: str
) -> None:
    assert default_letter_language(case_language, jurisdiction) == expected


def test_the_chinese_of_a_jurisdiction() -> None:
    assert [chinese_for(code) for code in ("HK", "TW", "SG", "CN", None)] == [
        "zh-Hant",
        "zh-Hant",
        "zh",
        "zh",
        "zh",
    ]


def test_a_stored_letter_can_hold_every_language_code() -> None:
    """PostgreSQL enforces the column's length ("zh-Hant+en" is 10 characters; revision 0017)."""
    length = Letter.__table__.c.language.type.length
    assert length is not None and length >= max(len(code) for code in LANGUAGES) == 10


def test_a_taiwan_extension_notice_cites_article_13() -> None:
    """Taiwan PDPA art. 13: once, by at most 15 days (art. 10) or 30 days (art. 11), with the
    reason in writing. The sample's dates (due Mon 9 Nov 2026, extended to Fri 8 Jan 2027, an EU
    case's two months) are printed as given: the length of an extension is the clock's to check
    (tw.toml), not the letter's."""
    facts = replace(samples.EXTENSION, case=replace(samples.EXTENSION.case, jurisdiction="TW"))
    pdf = render_letter(LETTER_KINDS["extension_notice"], facts, "zh-Hant", default_letterhead())
    assert squash(
        "現依照《個人資料保護法》第13條關於必要時得延長一次、延長期間不得逾15日（依第10條之請求）"
        "或30日（依第11條之請求），並應將其原因以書面通知請求人的規定，將答覆期限延長至2027年1月8日。"
    ) in _text(pdf)
