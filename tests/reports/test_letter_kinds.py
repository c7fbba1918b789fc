"""Every response letter in Chinese, English and bilingual: rendered for real, read back with pypdf.

Expected texts are written out from the templates and the statutes (deadlines.md §3, §4), never
taken from the code's output.
"""

import re
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.errors import LetterError, MissingGlyphsError, RefusalGroundError, TemplateError
from app.models.enums import CaseKind
from app.reports import (
    LETTER_KINDS,
    Addressee,
    PartyRole,
    RefusalGround,
    default_letterhead,
    letter_version,
    render_cancellation_confirmation,
    render_extension_notice,
    render_letter,
    render_partial_refusal,
    render_refusal,
)
from tests.reports import samples
from tests.reports.pdf_reading import SUBSET_PREFIX, read_pdf, squash

SHIPPED_FONTS = {"NotoSans-Regular", "NotoSans-Bold", "WenQuanYiMicroHei-0", "DroidSansFallback"}
LANGUAGES = ("zh", "en", "zh+en")
# What each letter must say, per language: fields, legal citations, remedies.
REQUIRED: dict[str, dict[str, list[str]]] = {
    "identity_request": {
        "zh": [
            "身份核验通知",
            "居民身份证正反面复印件",
            "账号绑定手机号接收的验证码截图",
            "GB/T 35273-2020）第8.7条",
            "答复期限暂停计算",
            "https://upload.xuyun.example/PD-2026-000123",
            "请于2026年11月5日前提交上述材料",
        ],
        "en": [
            "Verifying your identity",
            "居民身份证正反面复印件",
            "clause 8.7",
            "The time limit for our reply is paused until we receive this proof",
            "https://upload.xuyun.example/PD-2026-000123",
            "Please send the proof by 5 November 2026",
        ],
    },
    "clarification_request": {
        "zh": [
            "请求内容确认函",
            "您希望查阅哪一个账号的个人信息？",
            "答复期限暂停计算",
            "请于2026年11月5日前答复",
        ],
        "en": [
            "Clarifying your request",
            "您所说的“全部记录”是否包括工单通话录音？",
            "The time limit for our reply is paused",
            "Please reply by 5 November 2026",
        ],
    },
    "extension_notice": {
        "zh": [
            "延期答复通知",
            "GDPR）第12条第3款",
            "原答复期限2026年11月9日",
            "延长后的答复期限2027年1月8日前",
            "eight years of support tickets",
            "本通知在原答复期限届满前发出",
        ],
        "en": [
            "Extension of the time to reply",
            "Article 12(3) of the General Data Protection Regulation",
            "Original due date 9 November 2026",
            "New due date 8 January 2027",
            "eight years of support tickets",
            "This notice is sent before the original due date",
        ],
    },
    "access_response": {
        "zh": [
            "一、处理目的",
            "提供云计算服务并履行服务合同",
            "二、处理的个人信息种类",
            "实名认证信息",
            "三、个人信息的接收方",
            "须付支付有限公司",
            "四、保存期限",
            "交易完成后3年",
            "五、个人信息的来源",
            "六、您的权利",
            "第四十五条",
            "附件：个人信息副本",
            "zhang.san@example.com",
            "203.0.113.7",
        ],
        "en": [
            "1. Purposes of processing",
            "2. Categories of personal information",
            "3. Recipients",
            "4. How long we keep it",
            "5. Where it came from",
            "6. Your rights",
            "Article 45",
            "Annex: copy of your personal information",
            "Data items and content",
            "zhang.san@example.com",
        ],
    },
    "correction_done": {
        "zh": [
            "个人信息更正完成通知",
            "2026年10月19日",
            "联系地址",
            "浙江省杭州市西湖区文三路 100 号",
        ],
        "en": ["Your personal information has been corrected", "19 October 2026", "联系地址"],
    },
    "deletion_done": {
        "zh": [
            "人脸识别信息",
            "依法保存的个人信息",
            "《中华人民共和国个人信息保护法》第四十七条第二款",
            "订单与交易记录",
            "《中华人民共和国电子商务法》第三十一条",
            "2029年10月19日",
            "停止除存储和采取必要的安全保护措施之外的处理",
        ],
        "en": [
            "Information we must keep for now",
            "Article 47(2) of the Personal Information Protection Law",
            "Kept until",
            "19 October 2029",
            "will only store it and keep it secure",
        ],
    },
    "cancellation_confirmation": {
        # Cancelled Thu 2026-10-15: +6 calendar months = 2027-04-15; +3 years = 2029-10-15.
        "zh": [
            "您的账号已于2026年10月15日注销",
            "人脸识别信息",
            "处理记录（包括您的联系方式、身份核验材料和往来函件）保存6个月，至2027年4月15日",
            "《中华人民共和国个人信息保护法》第四十七条第二款",
            "访问日志《中华人民共和国网络安全法》第二十三条（2025年修正，原第二十一条）："
            "网络日志留存不少于六个月2027年4月15日",
            "订单与交易记录《中华人民共和国电子商务法》第三十一条：商品和服务信息、交易信息"
            "自交易完成之日起保存不少于三年2029年10月15日",
        ],
        "en": [
            "Your account was cancelled on 15 October 2026",
            "for 6 months after cancellation, until 15 April 2027",
            "Article 47(2) of the Personal Information Protection Law",
            "Cybersecurity Law of the PRC, Article 23 (2025 amendment; formerly Article 21)",
            "E-Commerce Law of the PRC, Article 31",
            "15 October 2029",
        ],
    },
    "refusal": {
        "zh": [
            "经审查，我们决定不予办理该请求，理由如下",
            "法律、行政法规规定的保存期限未届满",
            "（《中华人民共和国个人信息保护法》第四十七条第二款）。订单记录须保存至2029年10月15日。",
            "涉及商业秘密（GB/T 35273-2020 第8.7条）",
            "一、向我们投诉",
            "privacy@xuyun.example",
            "二、向监管部门投诉：您可以向国家网信部门或者其他履行个人信息保护职责的部门",
            "第六十五条",
            "三、司法救济",
            "第五十条第二款",
            "您可以依法向人民法院提起诉讼",
        ],
        "en": [
            "Decision on your request",
            "A retention period set by law",
            "Article 47(2)",
            "The request concerns trade secrets (GB/T 35273-2020, clause 8.7)",
            "1. Complain to us",
            "2. Complain to the regulator",
            "Cyberspace Administration of China",
            "3. Go to court",
            "Article 50(2)",
            "bring a lawsuit in a people's court",
        ],
    },
    "partial_refusal": {
        "zh": [
            "已办理的事项",
            "已提供账号信息和订单记录的副本。",
            "不予办理的理由",
            "涉及商业秘密（GB/T 35273-2020 第8.7条）。风控模型的评分规则。",
            "国家网信部门",
            "您可以依法向人民法院提起诉讼",
        ],
        "en": [
            "What we have done",
            "Why we cannot do the rest",
            "The request concerns trade secrets",
            "Cyberspace Administration of China",
            "people's court",
        ],
    },
    "complaint_response": {
        "zh": [
            "投诉处理结果告知函",
            "因工单转派错误未能按时处理",
            "经核查，您的投诉成立",
            "已调整工单转派规则",
            "国家网信部门",
            "人民法院",
        ],
        "en": [
            "Outcome of your complaint",
            "your complaint is justified",
            "已调整工单转派规则",
            "Cyberspace Administration of China",
            "people's court",
        ],
    },
}


def _text(data: bytes) -> str:
    return squash("".join(read_pdf(data)[0]))


def _without_decorations(page: str) -> str:
    """Return a continuation page's text without running head and footer (squashed)."""
    text = squash(page)
    for head in ("须云科技有限公司", "XuyunTechnologyCo.,Ltd.", "编号：PD-2026-000123"):
        text = text.removeprefix(head)
    return re.sub(r"(第\d+页共\d+页)?(/?Page\d+of\d+)?$", "", text)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", sorted(samples.SAMPLES))
def test_every_letter_states_its_content(key: str, language: str) -> None:
    kind, facts = samples.SAMPLES[key]
    data = render_letter(kind, facts, language, default_letterhead())
    text = _text(data)
    for lang in ("zh", "en") if language == "zh+en" else (language,):
        for sentence in REQUIRED[key][lang]:
            assert squash(sentence) in text, (lang, sentence)
    assert "PD-2026-000123" in text
    for font in read_pdf(data)[1]:
        assert font.subtype == "/TrueType" and font.has_font_file2, font
        assert SUBSET_PREFIX.match(font.base_font) and font.base_font[8:] in SHIPPED_FONTS, font
    assert b"Helvetica" not in data


@pytest.mark.parametrize("key", sorted(samples.SAMPLES))
def test_bilingual_letter_prints_chinese_first_then_english(key: str) -> None:
    kind, facts = samples.SAMPLES[key]
    pages = read_pdf(render_letter(kind, facts, "zh+en", default_letterhead()))[0]
    text = squash("".join(pages))
    zh_title, en_title = REQUIRED[key]["zh"][0], REQUIRED[key]["en"][0]
    assert text.index(squash(zh_title)) < text.index(squash(en_title))
    assert "两种文本如有不一致，以中文文本为准" in text
    assert squash("If the two texts differ, the Chinese text prevails.") in text
    assert squash(f"第 1 页 共 {len(pages)} 页 / Page 1 of {len(pages)}") in squash(pages[0])


def test_bilingual_annex_is_printed_once_with_both_headers() -> None:
    kind, facts = samples.SAMPLES["access_response"]
    text = _text(render_letter(kind, facts, "zh+en", default_letterhead()))
    assert text.count("203.0.113.7") == 1
    assert (
        "附件：个人信息副本" in text and squash("Annex: copy of your personal information") in text
    )
    assert "数据项及内容" in text and squash("Data items and content") in text


@pytest.mark.parametrize("key", sorted(LETTER_KINDS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_loads_and_has_a_version(key: str, language: str) -> None:
    version = letter_version(LETTER_KINDS[key], language)
    assert (version.key, version.language, len(version.sha256)) == (key, language, 64)


@pytest.mark.parametrize(
    ("jurisdiction", "ground", "regulator", "remedy"),
    [
        ("EU", "manifestly_unfounded", "Data Protection Commission", "GDPR Article 79"),
        ("UK", "excessive", "Information Commissioner's Office", "Data Protection Act 2018"),
        ("US-CA", "statutory_exemption", "California Privacy Protection Agency", "§1798.150"),
    ],
)
def test_refusal_names_the_jurisdictions_ground_regulator_and_remedy(
    jurisdiction: str, ground: str, regulator: str, remedy: str
) -> None:
    facts = replace(
        samples.REFUSAL_FACTS,
        case=samples.case(CaseKind.ACCESS, jurisdiction),
        grounds=(RefusalGround(ground),),
    )
    text = _text(render_refusal(facts, "en", default_letterhead()))
    citation = {"EU": "GDPR Article 12(5)(b)", "UK": "UK GDPR Article 12(5)(b)"}
    assert squash(citation.get(jurisdiction, "Civil Code §1798.145")) in text
    assert squash(regulator) in text and squash(remedy) in text
    assert "privacy@xuyun.example" in text  # internal complaint channel


def test_a_lead_authority_other_than_the_dpc_can_be_named() -> None:
    case = samples.case(CaseKind.ACCESS, "EU", regulator="the CNIL, 3 Place de Fontenoy, Paris")
    facts = replace(samples.REFUSAL_FACTS, case=case, grounds=(RefusalGround("excessive"),))
    text = _text(render_refusal(facts, "en", default_letterhead()))
    assert squash("the CNIL, 3 Place de Fontenoy, Paris") in text
    assert "DataProtectionCommission" not in text


def test_every_ground_of_every_jurisdiction_prints() -> None:
    from app.reports.jurisdictions import load_jurisdictions

    for language in ("zh", "en"):
        table, _sha = load_jurisdictions(language)
        for code in ("CN", "EU", "UK", "US-CA"):
            grounds = tuple(RefusalGround(key) for key in table[code].grounds)
            facts = replace(
                samples.REFUSAL_FACTS, case=samples.case(CaseKind.ACCESS, code), grounds=grounds
            )
            text = _text(render_refusal(facts, language, default_letterhead()))
            for ground in table[code].grounds.values():
                assert squash(ground) in text, (language, code, ground)


def test_grounds_are_the_same_in_both_languages() -> None:
    from app.reports.jurisdictions import load_jurisdictions

    zh, en = load_jurisdictions("zh")[0], load_jurisdictions("en")[0]
    assert zh.keys() == en.keys()
    for code in zh:
        assert zh[code].grounds.keys() == en[code].grounds.keys(), code
    # deadlines.md §3.1: the company list plus the GB/T additions.
    assert {
        "national_security",
        "public_interest",
        "criminal_justice",
        "vital_interests",
        "self_disclosed",
        "other_legal_grounds",
        "legal_obligation",
        "abuse_of_rights",
        "serious_harm",
        "trade_secret",
    } <= set(zh["CN"].grounds)


def test_a_ground_from_another_jurisdiction_is_rejected() -> None:
    facts = replace(samples.REFUSAL_FACTS, grounds=(RefusalGround("manifestly_unfounded"),))
    with pytest.raises(RefusalGroundError) as caught:
        render_refusal(facts, "zh", default_letterhead())
    assert caught.value.ground == "manifestly_unfounded" and caught.value.jurisdiction == "CN"
    with pytest.raises(LetterError):
        render_refusal(replace(facts, grounds=()), "zh", default_letterhead())


def test_partial_refusal_lists_what_was_done() -> None:
    text = _text(render_partial_refusal(samples.PARTIAL, "en", default_letterhead()))
    assert text.index("Whatwehavedone") < text.index("已提供账号信息") < text.index("Whywecannot")


@pytest.mark.parametrize(
    ("cancelled", "six_months"),
    [
        (date(2026, 10, 15), "2027年4月15日"),
        (date(2026, 8, 31), "2027年2月28日"),  # no 31 February: month end
        (date(2028, 2, 29), "2028年8月29日"),
    ],
)
def test_cancellation_records_are_kept_calendar_months(cancelled: date, six_months: str) -> None:
    facts = replace(samples.CANCELLATION, cancellation_date=cancelled)
    text = _text(render_cancellation_confirmation(facts, "zh", default_letterhead()))
    assert f"往来函件）保存6个月，至{six_months}，期满后删除或者匿名化处理" in text


def test_extension_is_refused_where_the_law_has_none() -> None:
    china = replace(samples.EXTENSION, case=replace(samples.EXTENSION.case, jurisdiction="CN"))
    with pytest.raises(LetterError, match="no extension"):
        render_extension_notice(china, "zh", default_letterhead())


def test_extension_notice_must_precede_the_original_due_date() -> None:
    late = replace(samples.EXTENSION.case, issued_date=date(2026, 11, 10))
    with pytest.raises(LetterError, match="before the original due date"):
        render_extension_notice(replace(samples.EXTENSION, case=late), "en", default_letterhead())
    backwards = replace(samples.EXTENSION, extended_due_date=date(2026, 11, 9))
    with pytest.raises(LetterError, match="after the original"):
        render_extension_notice(backwards, "en", default_letterhead())


def test_us_california_extension_cites_the_ccpa() -> None:
    case = replace(samples.EXTENSION.case, jurisdiction="US-CA")
    text = _text(
        render_extension_notice(replace(samples.EXTENSION, case=case), "en", default_letterhead())
    )
    assert squash("Civil Code §1798.130(a)(2) and 11 CCR §7021(b)") in text


def test_identity_request_when_the_clock_keeps_running() -> None:
    facts = replace(
        samples.IDENTITY,
        case=samples.case(CaseKind.ACCESS, "US-CA"),
        clock_paused=False,
        due_date=date(2026, 11, 22),
    )
    kind, _facts = samples.SAMPLES["identity_request"]
    text = _text(render_letter(kind, facts, "en", default_letterhead()))
    running = "is not paused while we verify your identity: we must reply by"
    assert squash(f"{running} 22 November 2026") in text
    assert squash("the statutory time limit for our reply (the California Consumer") in text
    assert "11CCR§7060" in text and "pauseduntilwereceive" not in text


@pytest.mark.parametrize(
    ("role", "zh_line", "en_line"),
    [
        (
            PartyRole.GUARDIAN,
            "您以张三的监护人身份代其提出本请求",
            "on behalf of 张三 as their parent or guardian",
        ),
        (
            PartyRole.CLOSE_RELATIVE,
            "您以已故的张三的近亲属身份提出本请求",
            "as a close relative of the late 张三",
        ),
        (
            PartyRole.AUTHORISED_AGENT,
            "您以张三的授权代理人身份代其提出本请求",
            "as their authorised agent",
        ),
    ],
)
def test_letters_to_a_party_acting_for_the_subject(
    role: PartyRole, zh_line: str, en_line: str
) -> None:
    case = samples.case(CaseKind.DELETION, addressee=Addressee("李四", role))
    facts = replace(samples.REFUSAL_FACTS, case=case)
    zh = _text(render_refusal(facts, "zh", default_letterhead()))
    en = _text(render_refusal(facts, "en", default_letterhead()))
    assert "尊敬的李四：" in zh and squash(zh_line) in zh
    assert "Dear李四," in en and squash(en_line) in en
    article_49 = "第四十九条"
    assert (article_49 in zh) == (role is PartyRole.CLOSE_RELATIVE)


def test_close_relative_of_an_eu_subject_gets_no_pipl_citation() -> None:
    case = samples.case(CaseKind.ACCESS, "EU", addressee=Addressee(None, PartyRole.CLOSE_RELATIVE))
    facts = replace(samples.REFUSAL_FACTS, case=case, grounds=(RefusalGround("excessive"),))
    en = _text(render_refusal(facts, "en", default_letterhead()))
    assert squash("Dear Sir or Madam,") in en and "Article49" not in en and "Yoursfaithfully" in en


HOSTILE = [
    "数值 0.1 <A <0.9",
    "请尽快处理 <b>紧急",
    "Smith&Jones 数据科技有限公司",
    '<span style="color:red">王五</span> &amp; &#65; ]]> {reference} {{ }}',
]


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_text_prints_literally_in_lists_and_tables(hostile: str, language: str) -> None:
    access = replace(
        samples.ACCESS,
        case=replace(samples.ACCESS.case, subject_name=hostile),
        purposes=(hostile,),
        data_copy=(replace(samples.ACCESS.data_copy[0], items=hostile),),
    )
    kind, _facts = samples.SAMPLES["access_response"]
    text = _text(render_letter(kind, access, language, default_letterhead()))
    assert text.count(squash(hostile)) >= 3  # salutation, purpose, annex cell (x2 bilingual)


def test_missing_glyphs_in_a_table_cell_are_reported() -> None:
    access = replace(
        samples.ACCESS, data_copy=(replace(samples.ACCESS.data_copy[0], items="𠀾😀"),)
    )
    kind, _facts = samples.SAMPLES["access_response"]
    with pytest.raises(MissingGlyphsError) as caught:
        render_letter(kind, access, "zh+en", default_letterhead())
    assert caught.value.code_points == ["U+1F600", "U+2003E"]


def test_five_thousand_characters_in_an_annex_cell_flow_over_pages() -> None:
    details = ("我要求查阅我在贵公司云平台上的全部个人信息，包括订单、发票和访问日志。" * 150)[
        :5000
    ]
    access = replace(
        samples.ACCESS, data_copy=(replace(samples.ACCESS.data_copy[0], items=details),)
    )
    kind, _facts = samples.SAMPLES["access_response"]
    for language in LANGUAGES:
        pages = read_pdf(render_letter(kind, access, language, default_letterhead()))[0]
        headers = ("数据项及内容", "Dataitemsandcontent")  # the annex table's repeated header
        annex_start = next(
            i for i, page in enumerate(pages) if any(h in squash(page) for h in headers)
        )
        assert len(pages) - annex_start >= 3, language  # the cell alone fills more than two pages
        annex = "".join(_without_decorations(page) for page in pages[annex_start:])
        assert details[:300] in annex and details[-300:] in annex, language
        for character in "阅求订。":  # in the cell only: nothing lost or doubled at page breaks
            assert annex.count(character) == details.count(character), (language, character)


def test_unknown_language_is_rejected() -> None:
    kind, facts = samples.SAMPLES["refusal"]
    for language in ("fr", "zh+fr", "../zh", ""):
        with pytest.raises(TemplateError):
            render_letter(kind, facts, language, default_letterhead())


def test_empty_lists_print_the_templates_fallback() -> None:
    access: Any = replace(samples.ACCESS, recipients=(), data_copy=())
    kind, _facts = samples.SAMPLES["access_response"]
    zh = _text(render_letter(kind, access, "zh", default_letterhead()))
    assert "我们未向任何第三方提供您的个人信息。" in zh and "我们未持有与您相关的个人信息。" in zh


def test_rendering_is_deterministic_across_a_batch() -> None:
    # Fonts, templates, subsets and the letterhead are cached between letters: the same facts
    # must still give the same bytes (the stored SHA-256 proves which letter was sent).
    kind, facts = samples.SAMPLES["deletion_done"]
    first = render_letter(kind, facts, "zh+en", default_letterhead())
    for number in range(3):
        other = replace(facts, case=replace(facts.case, subject_name=f"王{number}"))
        render_letter(kind, other, "zh+en", default_letterhead())
    assert render_letter(kind, facts, "zh+en", default_letterhead()) == first
