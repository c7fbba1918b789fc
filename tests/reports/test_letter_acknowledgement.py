"""The acknowledgement of receipt, rendered for real and read back from the PDF."""

from dataclasses import replace

import pytest

from app.errors import LetterError, MissingGlyphsError, TemplateError
from app.models.enums import CaseKind
from app.reports import (
    AcknowledgementFacts,
    Letterhead,
    acknowledgement_version,
    default_letterhead,
    render_acknowledgement,
)
from tests.reports.pdf_reading import SUBSET_PREFIX, PdfFont, read_pdf, squash

SHIPPED_FONTS = {"NotoSans-Regular", "NotoSans-Bold", "WenQuanYiMicroHei-0", "DroidSansFallback"}
ZH_SENTENCES = [
    "个人信息权利请求受理回执",
    "编号：PD-2026-000123",
    "尊敬的张三：",
    "您好！我们已于2026年10月8日收到您就个人信息提出的请求，并已根据"
    "《中华人民共和国个人信息保护法》第四章（个人在个人信息处理活动中的权利）的规定予以登记受理。",
    "受理编号PD-2026-000123",
    "请求类型删除",
    "收到日期2026年10月8日",
    "答复期限2026年10月28日前",
    "我们将首先核验您的身份",
    "请发送电子邮件至privacy@xuyun.example与我们联系，并在来信中注明受理编号PD-2026-000123。",
    "此致敬礼！",
    "须云科技有限公司个人信息保护团队2026年10月9日",
    "第1页共1页",
]
EN_SENTENCES = [
    "Acknowledgement of your request",
    "Our reference: PD-2026-000123",
    "9 October 2026",
    "Dear 张三,",
    "We received your request on 8 October 2026 and have registered it as a request under "
    "Chapter III (Rights of the data subject) of the General Data Protection Regulation (EU) "
    "2016/679.",
    "Type of request Deletion of your personal information",
    "Date received 8 October 2026",
    "Response due by 28 October 2026",
    "we must first verify your identity",
    "please write to privacy@xuyun.example, quoting reference PD-2026-000123.",
    "Yours sincerely,",
    "Privacy Team Xuyun Technology Co., Ltd.",
    "Page 1 of 1",
]


def _letter_text(facts: AcknowledgementFacts, language: str, head: Letterhead | None = None) -> str:
    """Render and return the whole letter's text without whitespace."""
    data = render_acknowledgement(facts, language, head or default_letterhead())
    return squash("".join(read_pdf(data)[0]))


def _assert_embedded_subsets_only(fonts: list[PdfFont], data: bytes) -> None:
    assert fonts, "no fonts found"
    for font in fonts:
        assert font.subtype == "/TrueType" and font.has_font_file2, font
        assert SUBSET_PREFIX.match(font.base_font), font  # "/AAAAAA+": a subset, not the whole font
        assert font.base_font[8:] in SHIPPED_FONTS, font
    assert b"Helvetica" not in data


def test_chinese_acknowledgement_states_the_facts(facts: AcknowledgementFacts) -> None:
    data = render_acknowledgement(facts, "zh", default_letterhead())
    texts, fonts = read_pdf(data)
    text = squash("".join(texts))
    for sentence in ZH_SENTENCES:
        assert squash(sentence) in text, sentence
    assert "暂定" not in text
    _assert_embedded_subsets_only(fonts, data)
    assert {"NotoSans-Regular", "WenQuanYiMicroHei-0"} <= {f.base_font[8:] for f in fonts}


def test_english_acknowledgement_states_the_facts(facts: AcknowledgementFacts) -> None:
    data = render_acknowledgement(replace(facts, jurisdiction="EU"), "en", default_letterhead())
    texts, fonts = read_pdf(data)
    text = squash("".join(texts))
    for sentence in EN_SENTENCES:
        assert squash(sentence) in text, sentence
    assert "provisional" not in text
    _assert_embedded_subsets_only(fonts, data)


def test_provisional_due_date_is_said_to_be_provisional(facts: AcknowledgementFacts) -> None:
    provisional = replace(facts, due_provisional=True)
    zh = _letter_text(provisional, "zh")
    en = _letter_text(provisional, "en")
    assert "答复期限2026年10月28日前（暂定）" in zh
    assert "国家法定节假日安排尚未正式公布，因此该期限为暂定日期" in zh
    assert squash("Response due by 28 October 2026 (provisional)") in en
    assert squash("Please note that this date is provisional.") in en


def test_unknown_due_date_and_unnamed_requester(facts: AcknowledgementFacts) -> None:
    open_case = replace(facts, due_date=None, requester_name="  ")
    zh = _letter_text(open_case, "zh")
    en = _letter_text(open_case, "en")
    assert "尊敬的用户：" in zh and "答复期限待定，确定后我们将另行书面通知您" in zh
    assert "DearSirorMadam," in en and "Yoursfaithfully," in en and "Yourssincerely" not in en
    assert squash("Response due by To be confirmed") in en


@pytest.mark.parametrize(
    ("jurisdiction", "zh_basis", "en_basis"),
    [
        (
            "CN",
            "《中华人民共和国个人信息保护法》第四章",
            "Personal Information Protection Law of the People's Republic of China",
        ),
        (
            "EU",
            "欧盟《通用数据保护条例》（GDPR）第三章",
            "General Data Protection Regulation (EU) 2016/679",
        ),
        ("US-CA", "《加利福尼亚州消费者隐私法》", "the California Consumer Privacy Act"),
        # Singapore names its own Act (QA14 F8), a deletion request its law in general terms.
        (
            "SG",
            "新加坡《2012年个人资料保护法》（PDPA）",
            "the Personal Data Protection Act 2012 (Singapore)",
        ),
        # Only a jurisdiction without a rule set falls back on the default.
        ("XX", "适用的个人信息保护法律法规", "the applicable data protection law"),
    ],
)
def test_legal_basis_follows_the_jurisdiction(
    facts: AcknowledgementFacts, jurisdiction: str, zh_basis: str, en_basis: str
) -> None:
    case = replace(facts, jurisdiction=jurisdiction)
    zh = _letter_text(case, "zh")
    en = _letter_text(case, "en")
    assert squash(zh_basis) in zh
    assert squash(en_basis) in en


# A complaint is not a request to exercise a right (PIPL Arts. 44-50): its kind is a matter's.
_KIND_LABEL = {False: "请求类型", True: "事项类型"}


@pytest.mark.parametrize("kind", list(CaseKind))
def test_every_request_kind_has_a_printed_name(facts: AcknowledgementFacts, kind: CaseKind) -> None:
    zh = _letter_text(replace(facts, kind=kind), "zh")
    assert _KIND_LABEL[kind is CaseKind.COMPLAINT] in zh
    assert kind.value not in zh  # the term from terms.toml, never the enum value


def test_pipl_terms_name_the_kinds(facts: AcknowledgementFacts) -> None:
    expected = {
        CaseKind.ACCESS: "查阅",
        CaseKind.COPY: "复制",
        CaseKind.CORRECTION: "更正",
        CaseKind.DELETION: "删除",
        CaseKind.ACCOUNT_CANCELLATION: "注销账号",
        CaseKind.CONSENT_WITHDRAWAL: "撤回同意",
        CaseKind.EXPLANATION: "解释说明",
        CaseKind.COMPLAINT: "投诉举报",
    }
    for kind, term in expected.items():
        zh = _letter_text(replace(facts, kind=kind), "zh")
        assert _KIND_LABEL[kind is CaseKind.COMPLAINT] + term in zh, kind


@pytest.mark.parametrize(
    "hostile",
    [
        "Zoë Smith&Jones <b>紧急",
        "数值 0.1 <A <0.9",
        "请尽快处理 <b>紧急",
        '<span style="color:red">王五</span>',
        "S&P 500 &amp; &#65; &lt;x&gt; ]]> <!-- -->",
        "{reference} {{ }} %s",
    ],
)
def test_user_text_prints_literally(facts: AcknowledgementFacts, hostile: str) -> None:
    for language in ("zh", "en"):
        data = render_acknowledgement(
            replace(facts, requester_name=hostile), language, default_letterhead()
        )
        assert squash(hostile) in squash("".join(read_pdf(data)[0])), language


def test_letterhead_with_ampersand_prints_exactly(facts: AcknowledgementFacts) -> None:
    letterhead = Letterhead(
        company_name="Smith&Jones 数据科技有限公司",
        address="上海市 <浦东新区> 1 号 & 2 号",
        privacy_contact="dpo+cn@smith-jones.example",
    )
    for language in ("zh", "en"):
        text = _letter_text(facts, language, letterhead)
        assert "Smith&Jones数据科技有限公司" in text
        assert "Smith&Jones;" not in text
        assert squash("上海市 <浦东新区> 1 号 & 2 号") in text
        assert "dpo+cn@smith-jones.example" in text


@pytest.mark.parametrize(
    ("name", "missing"),
    [
        ("张三😀", ["U+1F600"]),
        ("𠀾", ["U+2003E"]),
        ("李😀四𠀾😀", ["U+1F600", "U+2003E"]),
        # VARIATION SELECTOR-16 is default-ignorable: never drawn, so it needs no glyph.
        ("❤️", ["U+2764"]),
    ],
)
def test_characters_without_a_glyph_are_reported(
    facts: AcknowledgementFacts, name: str, missing: list[str]
) -> None:
    with pytest.raises(MissingGlyphsError) as caught:
        render_acknowledgement(replace(facts, requester_name=name), "zh", default_letterhead())
    assert caught.value.code_points == missing
    assert isinstance(caught.value, LetterError)
    for code_point in missing:
        assert code_point in str(caught.value)
    assert "张" not in str(caught.value) and "李" not in str(caught.value)  # no personal data


def test_cjk_extension_a_and_latin_accents_print(facts: AcknowledgementFacts) -> None:
    name = "㐀䶮 Müller-Łukasz Ørsted Κώστας Дмитрий"  # U+3400, U+4DAE: CJK Ext-A
    data = render_acknowledgement(replace(facts, requester_name=name), "zh", default_letterhead())
    assert "DroidSansFallback" in {font.base_font[8:] for font in read_pdf(data)[1]}
    text = _letter_text(replace(facts, requester_name=name), "zh")
    assert squash(name) in text


def test_missing_glyphs_in_the_letterhead_are_reported(facts: AcknowledgementFacts) -> None:
    letterhead = replace(default_letterhead(), company_name="须云😀科技")
    with pytest.raises(MissingGlyphsError) as caught:
        render_acknowledgement(facts, "zh", letterhead)
    assert caught.value.code_points == ["U+1F600"]


def test_unknown_language_is_a_template_error(facts: AcknowledgementFacts) -> None:
    with pytest.raises(TemplateError):
        render_acknowledgement(facts, "fr", default_letterhead())
    with pytest.raises(TemplateError):
        render_acknowledgement(facts, "../zh", default_letterhead())


def test_template_version_is_a_stable_content_hash() -> None:
    zh, en = acknowledgement_version("zh"), acknowledgement_version("en")
    assert (zh.key, zh.language, en.language) == ("acknowledgement", "zh", "en")
    assert len(zh.sha256) == 64 and int(zh.sha256, 16) >= 0
    assert zh == acknowledgement_version("zh") and zh.sha256 != en.sha256


@pytest.mark.parametrize(
    ("language", "complaint_text", "request_text"),
    [
        ("zh", "我们将核查您反映的情况", "我们将首先核验您的身份"),
        ("en", "we will look into what you have told us", "we must first verify your identity"),
    ],
)
def test_a_complaint_is_acknowledged_as_a_complaint_without_an_identity_check(
    facts: AcknowledgementFacts, language: str, complaint_text: str, request_text: str
) -> None:
    complaint = _letter_text(replace(facts, kind=CaseKind.COMPLAINT), language)
    assert squash(complaint_text) in complaint
    assert squash(request_text) not in complaint  # a complainant is not asked for identity
    request = _letter_text(facts, language)  # the deletion request: identity first
    assert squash(request_text) in request and squash(complaint_text) not in request
