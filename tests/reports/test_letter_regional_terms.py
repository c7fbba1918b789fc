"""Chinese letters name each jurisdiction's own things (session 12 letters task).

1. Taiwan's 個人資料保護法 writes 身分 (Art. 2 (1) 國民身分證統一編號) and 當事人
   (Art. 2 (9)), where the shared Traditional templates write Hong Kong's 身份 and the PDPO's
   資料當事人
   (``[wording_by_jurisdiction.TW]`` of zh_Hant/terms.toml).
2. The identity request names the jurisdiction's identity documents (``identity_documents`` of
   jurisdictions.toml), not the mainland's 居民身份证 for a Hong Kong or Singapore requester.
3. The GDPR in Traditional Chinese is Hong Kong's 《通用數據保障條例》 (PCPD), not the mainland's
   《通用數據保護條例》; Taiwan's name is 《一般資料保護規則》.

Letters are rendered to PDF through ``render_letter`` and read back; the expected sentences are
written out by hand from the templates.
"""

from dataclasses import replace
from pathlib import Path

import pytest

from app.errors import TemplateFieldError
from app.models.enums import CaseKind
from app.reports import (
    LETTER_KINDS,
    AcknowledgementFacts,
    default_letterhead,
    render_letter,
)
from app.reports.outcome_letters import ExplanationFacts
from app.reports.template_wording import in_local_words
from app.reports.templates import load_template
from app.reports.terms import load_terms
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

_ZH_HANT_PROOF = (
    "正反面的複印件或照片，可遮蓋與核實無關的資料；以及您註冊{account}時使用的手機號碼或"
    "電子郵件地址。"
)
_ZH_PROOF = (
    "正反面的复印件或照片，可遮盖与核验无关的信息；以及您注册账号时使用的手机号码或电子邮箱。"
)
_EN_PROOF = ", with details not needed to verify you masked;"


def _text(pdf: bytes) -> str:
    return squash("".join(read_pdf(pdf)[0]))


def _identity(language: str, jurisdiction: str) -> str:
    case = samples.case(CaseKind.COPY, jurisdiction, subject_name="林志明")
    facts = replace(samples.IDENTITY, case=case, proofs=())
    letter = LETTER_KINDS["identity_request"]
    return _text(render_letter(letter, facts, language, default_letterhead()))


def _ack(language: str, jurisdiction: str, kind: CaseKind) -> str:
    facts = AcknowledgementFacts(
        reference="PD-2026-000031",
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


@pytest.mark.parametrize(
    ("language", "jurisdiction", "expected"),
    [
        # Hong Kong Identity Card (Registration of Persons Ordinance, Cap. 177): 香港身份證.
        (
            "zh-Hant",
            "HK",
            "有效身份證明文件（如香港身份證、護照）" + _ZH_HANT_PROOF.format(account="帳戶"),
        ),
        # Taiwan: 國民身分證, and 身分 / 帳號 in the template's own words too.
        (
            "zh-Hant",
            "TW",
            "有效身分證明文件（如國民身分證、護照）" + _ZH_HANT_PROOF.format(account="帳號"),
        ),
        # Singapore: NRIC (citizens, permanent residents) or a work pass (foreigners, with a FIN).
        ("zh", "SG", "有效身份证件（如身份证（NRIC）、准证、护照）" + _ZH_PROOF),
        ("zh", "HK", "有效身份证件（如香港身份证、护照）" + _ZH_PROOF),
        ("zh", "TW", "有效身份证件（如国民身分证、护照）" + _ZH_PROOF),
        # The mainland keeps its Resident Identity Card; elsewhere a neutral passport.
        ("zh", "CN", "有效身份证件（如居民身份证、护照）" + _ZH_PROOF),
        ("zh", "JP", "有效身份证件（如护照）" + _ZH_PROOF),
        ("en", "HK", "a valid identity document (such as a Hong Kong Identity Card or a passport)"),
        ("en", "TW", "a valid identity document (such as a National Identification Card or a"),
        ("en", "SG", "a valid identity document (such as an NRIC, a work pass or a passport)"),
        ("en", "CN", "a valid identity document (such as a Resident Identity Card or a passport)"),
        (
            "en",
            "EU",
            "a valid identity document (such as an identity card or passport)" + _EN_PROOF,
        ),
    ],
)
def test_the_identity_request_names_the_jurisdictions_own_documents(
    language: str, jurisdiction: str, expected: str
) -> None:
    text = _identity(language, jurisdiction)
    assert squash(expected) in text
    if jurisdiction != "CN":
        for mainland in ("居民身份证", "居民身份證", "Resident Identity Card"):
            assert mainland not in text


def test_a_taiwan_letter_writes_taiwans_shen_fen_and_dang_shi_ren() -> None:
    text = _identity("zh-Hant", "TW")
    assert (
        squash("防止他人冒用您的身分，在處理您的請求之前，我們需要先核實提出請求的人的身分。")
        in text
    )
    assert squash("只有在確認提出請求的人是當事人本人或依法有權代其行事的人之後") in text
    assert squash("請勿在普通電子郵件正文或社交媒體中發送身分證明文件的照片") in text
    assert "身份" not in text and "資料當事人" not in text


@pytest.mark.parametrize("jurisdiction", ["HK", "SG", "CN"])
def test_other_traditional_letters_keep_shen_fen_with_ren(jurisdiction: str) -> None:
    text = _identity("zh-Hant", jurisdiction)
    assert (
        squash("防止他人冒用您的身份，在處理您的請求之前，我們需要先核實提出請求的人的身份。")
        in text
    )
    assert squash("只有在確認提出請求的人是資料當事人本人或依法有權代其行事的人之後") in text
    assert "身分" not in text


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        ("TW", "後續安排：為保護您的個人資料安全、防止他人冒用您的身分，我們將首先核實您的身分。"),
        ("HK", "後續安排：為保護您的個人資料安全、防止他人冒用您的身份，我們將首先核實您的身份。"),
    ],
)
def test_the_acknowledgement_writes_the_jurisdictions_shen_fen(
    jurisdiction: str, expected: str
) -> None:
    assert squash(expected) in _ack("zh-Hant", jurisdiction, CaseKind.ACCESS)


@pytest.mark.parametrize(
    ("jurisdiction", "kind_row"),
    [("TW", "請求類型註銷帳號"), ("HK", "請求類型註銷帳戶"), ("SG", "請求類型註銷帳戶")],
)
def test_an_account_is_a_zhang_hao_in_taiwan(jurisdiction: str, kind_row: str) -> None:
    text = _ack("zh-Hant", jurisdiction, CaseKind.ACCOUNT_CANCELLATION)
    assert squash(kind_row) in text


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [
        # Hong Kong and Taiwan both write 雲端服務 (the TW regulator entry: 雲端服務為數位發展部),
        # not the mainland's 雲服務; Taiwan's 帳號 for an online account.
        ("HK", "是為了向您提供您使用的雲端服務、履行與您訂立的合約、保障帳戶及系統安全"),
        ("TW", "是為了向您提供您使用的雲端服務、履行與您訂立的合約、保障帳號及系統安全"),
    ],
)
def test_the_explanation_names_a_cloud_service_as_hong_kong_and_taiwan_do(
    jurisdiction: str, expected: str
) -> None:
    facts = ExplanationFacts(case=samples.case(CaseKind.EXPLANATION, jurisdiction), categories=())
    letter = LETTER_KINDS["explanation_given"]
    text = _text(render_letter(letter, facts, "zh-Hant", default_letterhead()))
    assert squash(expected) in text
    assert "雲服務" not in text


@pytest.mark.parametrize(
    ("language", "jurisdiction", "expected"),
    [
        (
            "zh-Hant",
            "EU",
            "依照歐盟《通用數據保障條例》（GDPR）第12條第6款，資料控制者對提出請求的自然人的身份"
            "存在合理懷疑時，可以要求其提供確認身份所必需的補充資料。",
        ),
        (
            "zh-Hant",
            "UK",
            "依照英國《通用數據保障條例》（UK GDPR）第12條第6款，資料控制者對提出請求的自然人的"
            "身份存在合理懷疑時",
        ),
        # Simplified Chinese (mainland, Singapore) keeps the mainland's name.
        ("zh", "EU", "依照欧盟《通用数据保护条例》（GDPR）第12条第6款，数据控制者"),
    ],
)
def test_the_gdpr_has_its_hong_kong_name_in_traditional_chinese(
    language: str, jurisdiction: str, expected: str
) -> None:
    text = _identity(language, jurisdiction)
    assert squash(expected) in text
    assert "通用數據保護條例" not in text


def test_the_gdpr_would_have_its_taiwan_name_in_a_taiwan_letter() -> None:
    # No Taiwan letter cites the GDPR today; the replacement is applied to every template text.
    terms = load_terms("zh-Hant")
    template = load_template(LETTER_KINDS["identity_request"].spec, "zh-Hant")
    local = in_local_words(template, terms.wording_for("tw"))
    texts = [block.text for block in local.paragraphs]
    assert (
        "依照歐盟《一般資料保護規則》（GDPR）第12條第6款，資料控制者對提出請求的自然人的身分存在"
        "合理懷疑時，可以要求其提供確認身分所必需的補充資料。"
    ) in texts
    assert in_local_words(template, terms.wording_for("HK")) is template


@pytest.mark.parametrize(
    "bad", ['"身份" = "{name}"', '"{x}" = "身分"', '"" = "身分"', '"身份" = 1']
)
def test_a_wording_replacement_that_could_break_a_placeholder_is_refused(
    tmp_path: Path, bad: str
) -> None:
    shipped = load_terms("zh-Hant")
    folder = tmp_path / "zh_Hant"
    folder.mkdir()
    text = shipped.path.read_text(encoding="utf-8")
    (folder / "terms.toml").write_text(
        text + f"\n[wording_by_jurisdiction.MO]\n{bad}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateFieldError) as caught:
        load_terms("zh-Hant", tmp_path)
    assert "wording_by_jurisdiction.MO" in str(caught.value)


def test_taiwans_words_replace_the_template_never_a_filled_in_value() -> None:
    # A proof the handler typed (and a name) print as typed: only the template is rewritten.
    case = samples.case(CaseKind.COPY, "TW", subject_name="資料當事人身份")
    facts = replace(samples.IDENTITY, case=case, proofs=("香港身份證副本（在台居留者）",))
    letter = LETTER_KINDS["identity_request"]
    text = _text(render_letter(letter, facts, "zh-Hant", default_letterhead()))
    assert squash("香港身份證副本（在台居留者）") in text
    assert squash("資料當事人身份先生／女士：") in text
    assert squash("防止他人冒用您的身分") in text
