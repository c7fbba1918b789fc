"""Hong Kong and Taiwan letters in their own words (QA17 F2, F3, F12): no mainland ID card,
salutation or doubled word in Traditional Chinese; a copy request is not called "including
transfer" where the law gives no portability right; the Taiwan regulator reads as one noun
inside "向{regulator}投訴". Expected texts are written out by hand from the templates."""

from dataclasses import replace

import pytest

from app.models.enums import CaseKind
from app.reports import LETTER_KINDS, AcknowledgementFacts, default_letterhead, render_letter
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash


def _text(pdf: bytes) -> str:
    return squash("".join(read_pdf(pdf)[0]))


def _ack(language: str, jurisdiction: str, kind: CaseKind = CaseKind.COPY) -> str:
    facts = AcknowledgementFacts(
        reference="PD-2026-000008",
        kind=kind,
        requester_name="林志明",
        received_date=samples.RECEIVED,
        due_date=None,
        due_provisional=False,
        issued_date=samples.ISSUED,
        jurisdiction=jurisdiction,
    )
    letter = LETTER_KINDS["acknowledgement"]
    return _text(render_letter(letter, facts, language, default_letterhead()))


def _identity(language: str, jurisdiction: str) -> str:
    case = samples.case(CaseKind.COPY, jurisdiction, subject_name="林志明")
    facts = replace(samples.IDENTITY, case=case, proofs=())
    letter = LETTER_KINDS["identity_request"]
    return _text(render_letter(letter, facts, language, default_letterhead()))


# Portability ("transfer to another handler") is PIPL Art. 45(3), GDPR Art. 20 and the like;
# Taiwan's PDPA Art. 3 gives 請求製給複製本, the PDPO s.18 a copy, neither a transfer.
@pytest.mark.parametrize(
    ("language", "jurisdiction", "kind_name"),
    [
        ("zh-Hant", "TW", "請求類型製給複製本"),
        ("zh-Hant", "HK", "請求類型索取資料副本"),
        ("zh", "TW", "请求类型制给复制本"),
        ("en", "TW", "Copy of your personal information"),
        ("en", "HK", "Copy of your personal information"),
        ("en", "SG", "Copy of your personal information"),
        ("en", "JP", "Copy of your personal information"),
        ("en", "KR", "Copy of your personal information"),
    ],
)
def test_a_copy_request_without_a_portability_right_says_no_transfer(
    language: str, jurisdiction: str, kind_name: str
) -> None:
    text = _ack(language, jurisdiction)
    assert squash(kind_name) in text
    for transfer in ("轉移", "转移", "transfer"):
        assert transfer not in text


@pytest.mark.parametrize(
    ("language", "jurisdiction", "kind_name"),
    [
        ("zh", "CN", "请求类型复制（含转移）"),  # PIPL Art. 45(3)
        ("en", "EU", "Copy of your personal information (including transfer)"),  # GDPR Art. 20
    ],
)
def test_a_copy_request_with_a_portability_right_keeps_the_transfer(
    language: str, jurisdiction: str, kind_name: str
) -> None:
    assert squash(kind_name) in _ack(language, jurisdiction)


def test_the_traditional_identity_request_names_no_mainland_document() -> None:
    # Each jurisdiction's own documents: tests/reports/test_letter_regional_terms.py.
    for jurisdiction in ("HK", "TW"):
        text = _identity("zh-Hant", jurisdiction)
        assert "林志明先生／女士：" in text
        # The identity request and the transfer-free copy kind in the facts table.
        for mainland in ("居民身份證", "電子電郵", "尊敬的", "轉移"):
            assert mainland not in text


def test_every_traditional_letter_opens_without_the_mainland_salutation() -> None:
    text = _ack("zh-Hant", "HK", CaseKind.ACCESS)
    assert "林志明先生／女士：" in text and "尊敬的" not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh-Hant",
            "也可以向個人資料保護委員會（《個人資料保護法》第1條之1；在其接管非公務機關之監督前，"
            "則為我們所屬行業之中央目的事業主管機關，雲端服務為數位發展部）投訴。",
        ),
        (
            "zh",
            "也可以向个人资料保护委员会（“个人资料保护法”第一条之一；在其接管对非公务机关的监督"
            "之前，则为我们所属行业的中央目的事业主管机关，云服务为“数位发展部”）投诉。",
        ),
        (
            "en",
            "or to the Personal Data Protection Commission (Personal Data Protection Act, Article "
            "1-1) or, until it takes over the supervision of non-government agencies, the central "
            "competent authority of our industry (for cloud services, the Ministry of Digital "
            "Affairs).",
        ),
    ],
)
def test_the_taiwan_regulator_reads_as_one_noun_in_the_extension_notice(
    language: str, expected: str
) -> None:
    # PDPA (Taiwan) Art. 13: 15 + 15 days for an Art. 10 request.
    case = samples.case(CaseKind.ACCESS, "TW", issued_date=samples.ISSUED)
    facts = replace(samples.EXTENSION, case=case, reasons=("資料量大。",))
    letter = LETTER_KINDS["extension_notice"]
    text = _text(render_letter(letter, facts, language, default_letterhead()))
    assert squash(expected) in text
    assert "）；在其接管" not in text
