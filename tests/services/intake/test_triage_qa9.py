"""QA9 intake defects, for the whole kind of input: letters in languages triage had no words for
(M1), web-form mail from a noreply sender (M3), a regulator's stated time limit (M4), the
default jurisdiction over the language (M5), a declared charset that does not fit (M7), Hong
Kong and the newly added rule sets' laws and regulators (L5), and a Date: without a zone (L6).
Every message is built here: headers written out, the body encoded as the test says."""

import base64
from email.header import Header

import pytest

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake import TriageProposal, TriageReason, parse_message, triage
from app.services.intake.outlook import parse_outlook_message
from app.services.intake.stated_limit import StatedLimit, find_stated_limit
from tests.services.intake.msg_builder import build_msg


def _mail(
    body: str,
    *,
    subject: str = "",
    sender: str = "Requester <requester@example.com>",
    charset: str = "utf-8",
    label: str | None = None,
    extra: str = "",
    date: str = "Mon, 02 Nov 2026 10:00:00 +0800",
) -> bytes:
    """A text/plain mail: ``body`` encoded in ``charset`` and declared as ``label`` (the
    charset itself unless given); the subject as an RFC 2047 UTF-8 encoded word."""
    encoded = base64.b64encode(body.encode(charset)).decode("ascii")
    headers = (
        f"From: {sender}\r\nTo: privacy@example.cn\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\nDate: {date}\r\n{extra}"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: text/plain; charset="{label or charset}"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n"
    )
    return headers.encode("utf-8") + encoded.encode("ascii") + b"\r\n"  # 8-bit names too


def _triage(body: str, **options: str) -> TriageProposal:
    return triage(parse_message(_mail(body, **options)))


def _reason(proposal: TriageProposal, field: str) -> TriageReason:
    return next(reason for reason in proposal.reasons if reason.field == field)


# --- M1: languages triage had no words for ---------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "body", "charset", "language", "kind"),
    [
        # Arabic: "request for access to personal data" / "I ask for a copy of all my data".
        ("طلب الوصول إلى البيانات الشخصية", "أطلب نسخة من جميع بياناتي الشخصية.", "utf-8", "ar",
         CaseKind.ACCESS),
        ("", "أرجو حذف بياناتي الشخصية من أنظمتكم.", "utf-8", "ar", CaseKind.DELETION),
        ("", "أرجو إغلاق حسابي لديكم نهائياً.", "utf-8", "ar", CaseKind.ACCOUNT_CANCELLATION),
        # Russian in Windows-1251: "request to delete personal data".
        ("Запрос на удаление персональных данных", "Прошу удалить все мои персональные данные.",
         "cp1251", "ru", CaseKind.DELETION),
        ("", "Прошу предоставить доступ к моим персональным данным.", "koi8-r", "ru",
         CaseKind.ACCESS),
        ("", "Отзываю своё согласие на обработку персональных данных.", "utf-8", "ru",
         CaseKind.CONSENT_WITHDRAWAL),
        ("", "Прошу исправить мои данные: неточные данные в профиле.", "utf-8", "ru",
         CaseKind.CORRECTION),
        # Thai, written without spaces: "please delete all my personal data".
        ("ขอลบข้อมูลส่วนบุคคล", "ข้าพเจ้าขอให้ลบข้อมูลส่วนบุคคลทั้งหมดของข้าพเจ้า", "utf-8", "th",
         CaseKind.DELETION),
        ("", "ข้าพเจ้าขอถอนความยินยอมในการใช้ข้อมูลส่วนบุคคล", "utf-8", "th",
         CaseKind.CONSENT_WITHDRAWAL),
        ("", "ข้าพเจ้าขอปิดบัญชีของข้าพเจ้า", "utf-8", "th", CaseKind.ACCOUNT_CANCELLATION),
        # Hebrew in ISO-8859-8: "request for access to personal information".
        ("בקשת גישה למידע אישי", "אני מבקש גישה לכל המידע האישי שלי.", "iso-8859-8", "he",
         CaseKind.ACCESS),
        ("", "אבקש למחוק את כל המידע האישי שלי.", "utf-8", "he", CaseKind.DELETION),
        ("", "אני מבקש לסגור את החשבון שלי.", "utf-8", "he", CaseKind.ACCOUNT_CANCELLATION),
    ],
)  # fmt: skip
def test_requests_in_new_languages_are_recognised(
    subject: str, body: str, charset: str, language: str, kind: CaseKind
) -> None:
    proposal = _triage(body, subject=subject, charset=charset)
    assert (proposal.kind, proposal.language) == (kind, language)
    assert ReviewFlag.NOT_A_REQUEST not in proposal.flags


@pytest.mark.parametrize(
    "body",
    [
        # Languages without request words: Hindi, Georgian, Armenian, Amharic, Persian wording
        # the Arabic list lacks. None of them may be concluded "not a request".
        "मैं अपने व्यक्तिगत डेटा की एक प्रति का अनुरोध करता हूं।",
        "გთხოვთ წაშალოთ ჩემი პერსონალური მონაცემები.",
        "Խնդրում եմ ջնջել իմ անձնական տվյալները։",
        "እባክዎን የግል መረጃዬን ይሰርዙ።",
        "12345 67890",  # no words at all
        # Latin-script languages without a vocabulary, read at best as a shaky guess.
        "Saya meminta penghapusan data pribadi saya dari sistem Anda.",  # Indonesian
        "Kişisel verilerimin silinmesini talep ediyorum.",  # Turkish
        "Tôi yêu cầu xóa toàn bộ dữ liệu cá nhân của tôi.",  # Vietnamese
    ],
)
def test_a_letter_triage_cannot_read_is_an_unclassified_request(body: str) -> None:
    proposal = _triage(body)
    assert proposal.kind is CaseKind.OTHER
    assert ReviewFlag.UNKNOWN_KIND in proposal.flags
    assert ReviewFlag.NOT_A_REQUEST not in proposal.flags


def test_a_weak_hint_is_an_unclassified_request_not_a_non_request() -> None:
    # One plain term ("copy", 1 point) and no privacy wording: too little to decide a kind,
    # and too much to conclude the letter asks for nothing.
    proposal = _triage("Hello, could you send a copy of last month's statement?")
    assert proposal.kind is CaseKind.OTHER
    assert _reason(proposal, "kind") == TriageReason("kind", "weak_hint", "copy")
    assert ReviewFlag.UNKNOWN_KIND in proposal.flags


def test_a_letter_read_in_full_about_nothing_private_is_still_not_a_request() -> None:
    proposal = _triage("Hello, where in the console can I download the VAT invoice for March?")
    assert proposal.kind is CaseKind.NOT_A_REQUEST
    assert ReviewFlag.NOT_A_REQUEST in proposal.flags


# --- M3: web-form mail from a noreply sender ----------------------------------------------------

_FORM_BODY = "姓名：刘洋\n邮箱：liu.yang@example.cn\n手机：13700001111\n请求类型：删除个人信息\n"


@pytest.mark.parametrize(
    "sender",
    [
        "Web Form <noreply@xuyun.example>",
        "<no-reply@forms.xuyun.example>",
        "DoNotReply <DoNotReply@xuyun.example>",
        "Form <do_not_reply+dsr@xuyun.example>",
    ],
)
def test_a_noreply_web_form_is_filed_under_reply_to_and_its_fields(sender: str) -> None:
    reply_to = f"Reply-To: {Header('刘洋', 'utf-8').encode()} <liu.yang@example.cn>\r\n"
    proposal = _triage(_FORM_BODY, subject="网站表单：删除请求", sender=sender, extra=reply_to)
    assert (proposal.requester_name, proposal.requester_email) == ("刘洋", "liu.yang@example.cn")
    assert proposal.requester_phone == "13700001111"
    requester = [r for r in proposal.reasons if r.field == "requester"]
    assert requester[0].signal == "automated_sender"
    assert TriageReason("requester", "reply_to", "liu.yang@example.cn") in requester
    assert ReviewFlag.UNKNOWN_REQUESTER not in proposal.flags


def test_a_noreply_form_without_reply_to_takes_the_labelled_fields() -> None:
    body = "Name: Maria Rossi\nEmail: maria.rossi@example.it\nRequest: erasure of my data\n"
    proposal = _triage(body, sender="Website <noreply@shop.example>")
    assert (proposal.requester_name, proposal.requester_email) == (
        "Maria Rossi",
        "maria.rossi@example.it",
    )
    assert TriageReason("requester", "form_field", "maria.rossi@example.it") in proposal.reasons


def test_reply_to_and_field_disagreeing_are_flagged() -> None:
    reply_to = "Reply-To: <someone.else@example.cn>\r\n"
    proposal = _triage(_FORM_BODY, sender="<noreply@xuyun.example>", extra=reply_to)
    assert proposal.requester_email == "someone.else@example.cn"
    assert ReviewFlag.UNKNOWN_REQUESTER in proposal.flags


def test_a_noreply_sender_alone_is_never_the_requester() -> None:
    proposal = _triage("请删除我的个人信息。", sender="系统 <noreply@xuyun.example>")
    assert proposal.requester_email is None
    assert ReviewFlag.UNKNOWN_REQUESTER in proposal.flags


def test_a_persons_own_reply_to_does_not_replace_the_sender() -> None:
    reply_to = "Reply-To: <assistant@example.com>\r\n"
    proposal = _triage("I request access to my personal data.", extra=reply_to)
    assert proposal.requester_email == "requester@example.com"


# --- M4: a regulator's stated time limit ----------------------------------------------------------


def test_a_regulator_inquiry_is_flagged_with_its_stated_limit() -> None:
    body = "你公司：我办收到用户投诉你公司未经同意发送营销短信，请于十个工作日内书面说明情况。"
    proposal = _triage(body, subject="关于用户投诉的查询", sender="网信办 <office@cac.gov.cn>")
    assert proposal.kind is CaseKind.REGULATOR_INQUIRY
    assert ReviewFlag.REGULATOR_INQUIRY in proposal.flags
    assert proposal.stated_limit == StatedLimit(10, "working_days", "十个工作日内")
    assert TriageReason("deadline", "stated_limit", "十个工作日内") in proposal.reasons


def test_every_limit_a_regulator_states_is_quoted_in_the_reason() -> None:
    # QA14 F1: the reply period and the remediation date; the earliest binds (the counting's
    # business, test_regulator_several_limits), so the person reading the reason must see both.
    body = "用户于2026年10月1日投诉，请于收到本函后七日内答复，并于2026年12月31日前完成整改。"
    proposal = _triage(body, subject="关于用户投诉的查询", sender="网信办 <office@cac.gov.cn>")
    deadline = next(reason for reason in proposal.reasons if reason.field == "deadline")
    assert "七日内" in deadline.evidence and "2026年12月31日前" in deadline.evidence


def test_a_regulator_inquiry_without_a_limit_says_so() -> None:
    body = "Dear Sir or Madam, we have received a complaint and ask for your comments."
    proposal = _triage(body, sender="ICO <casework@ico.org.uk>")
    assert proposal.kind is CaseKind.REGULATOR_INQUIRY
    assert proposal.stated_limit is None
    assert TriageReason("deadline", "no_stated_limit", "") in proposal.reasons


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("请于十个工作日内书面说明情况", StatedLimit(10, "working_days", "十个工作日内")),
        ("請於十五個工作天內回覆", StatedLimit(15, "working_days", "十五個工作天內")),
        ("应在三十日内报送材料", StatedLimit(30, "calendar_days", "三十日内")),
        ("Please respond within 10 working days.", StatedLimit(10, "working_days",
                                                               "within 10 working days")),
        ("within fourteen (14) days of this letter", StatedLimit(14, "calendar_days",
                                                                 "within fourteen (14) days")),
        ("영업일 기준 10일 이내에 제출", StatedLimit(10, "working_days", "영업일 기준 10일 이내")),
        ("innerhalb von 14 Tagen", StatedLimit(14, "calendar_days", "innerhalb von 14 Tagen")),
        # jours ouvrables are Monday to Saturday: their own unit since QA19 F1
        ("dans un délai de 15 jours ouvrables", StatedLimit(15, "working_days_mon_sat",
                                                            "dans un délai de 15 jours ouvrables")),
        ("dans un délai de 15 jours ouvrés", StatedLimit(15, "working_days",
                                                         "dans un délai de 15 jours ouvrés")),
        ("I have waited 200 days", None),
        ("within 0 days", None),
        ("within 9999 days", None),
    ],
)  # fmt: skip
def test_stated_limits_in_several_languages(text: str, limit: StatedLimit | None) -> None:
    assert find_stated_limit(text) == limit


# --- M5: the configured default, not the language ---------------------------------------------


def test_english_without_a_law_gets_the_default_jurisdiction_not_eu() -> None:
    proposal = _triage("I request access to my data.", subject="Access request")
    assert proposal.jurisdiction == "CN"
    assert _reason(proposal, "jurisdiction") == TriageReason("jurisdiction", "default", "CN")


@pytest.mark.parametrize(
    ("sender", "body", "jurisdiction", "signal", "evidence"),
    [
        ("<a@example.com>", "I request access to my data. Phone: +852 9123 4567", "HK",
         "phone_country", "+852"),
        ("<a@example.com>", "I request access to my data. Phone: +49 30 1234567", "EU",
         "phone_country", "+49"),
        ("<a@example.co.uk>", "I request access to my data.", "UK", "domain_country", ".uk"),
        ("<a@web.de>", "I request access to my data.", "EU", "domain_country", ".de"),
        ("<a@example.com.tw>", "我要查閱我的個人資料。", "TW", "domain_country", ".tw"),
        ("<a@example.com>", "個人情報の開示を請求します。", "JP", "language_default", "ja"),
    ],
)  # fmt: skip
def test_contact_country_and_single_law_languages_still_decide(
    sender: str, body: str, jurisdiction: str, signal: str, evidence: str
) -> None:
    proposal = _triage(body, sender=sender)
    assert proposal.jurisdiction == jurisdiction
    assert _reason(proposal, "jurisdiction") == TriageReason("jurisdiction", signal, evidence)


def test_a_form_row_reads_alike_with_or_without_a_formula_cell() -> None:
    # The CSV keeps '=HYPERLINK(…)' in the details, the XLSX drops the formula: both rows
    # have the request type 更正 as subject, and the subject decides when the body cannot.
    with_formula = _triage('=HYPERLINK("http://evil","x")', subject="更正")
    without = _triage("", subject="更正")
    assert (with_formula.language, with_formula.jurisdiction) == ("zh", "CN")
    assert (without.language, without.jurisdiction) == ("zh", "CN")


# --- M7: a declared charset that does not fit --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "charset", "label"),
    [
        ("本人要求刪除本人的個人資料及帳戶。陳小明", "big5", "gb2312"),
        ("本人申请删除我的个人信息和账号。", "gbk", "big5"),
        ("個人情報の開示を請求します。", "shift_jis", "euc-kr"),
        ("Прошу удалить мои персональные данные.", "utf-8", "windows-1251"),
        ("本人申请删除我的个人信息。", "utf-8", "gbk"),
    ],
)
def test_a_wrong_charset_label_is_overruled_and_flagged(
    text: str, charset: str, label: str
) -> None:
    message = parse_message(_mail(text, charset=charset, label=label))
    assert message.body_text == text
    assert ReviewFlag.CHARSET_MISMATCH in triage(message).flags


@pytest.mark.parametrize(
    ("text", "charset"),
    [
        ("本人申请删除我的个人信息，包括手机号。镕喆䶮", "gb18030"),  # GB18030-only characters
        ("本人要求查閱我的個人資料。", "big5"),
        ("Prośba o usunięcie danych osobowych.", "iso-8859-2"),
        ("Прошу удалить мои персональные данные.", "windows-1251"),
    ],
)
def test_a_right_label_is_kept_without_a_flag(text: str, charset: str) -> None:
    label = "gb2312" if charset == "gb18030" else charset
    message = parse_message(_mail(text, charset=charset, label=label))
    assert message.body_text == text
    assert ReviewFlag.CHARSET_MISMATCH not in triage(message).flags


# --- L5: Hong Kong, and the laws and regulators of TW, CA, AU, TH, CH -----------------------


@pytest.mark.parametrize(
    ("body", "sender", "jurisdiction"),
    [
        ("根據《個人資料（私隱）條例》第18條，本人要求查閱本人的個人資料。", "<a@example.com>",
         "HK"),
        ("根据《个人资料（私隐）条例》，本人要求查阅本人的个人资料。", "<a@example.com>", "HK"),
        ("I make a data access request under the Personal Data (Privacy) Ordinance.",
         "<a@example.com>", "HK"),
        ("依據個人資料保護法第10條，本人請求查閱個人資料。", "<a@example.com>", "TW"),
        ("Under PIPEDA I request access to my personal information.", "<a@example.com>", "CA"),
        ("Under the Privacy Act 1988 (APP 12) I request access to my personal information.",
         "<a@example.com>", "AU"),
        ("ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล ข้าพเจ้าขอเข้าถึงข้อมูล", "<a@example.com>",
         "TH"),
        ("Gestützt auf Art. 25 DSG (revDSG) verlange ich Auskunft.", "<a@example.com>", "CH"),
        ("本人要求刪除本人的個人資料。", "<chan@example.com.hk>", "HK"),
    ],
)  # fmt: skip
def test_new_rule_sets_laws_decide_the_jurisdiction(
    body: str, sender: str, jurisdiction: str
) -> None:
    assert _triage(body, sender=sender).jurisdiction == jurisdiction


@pytest.mark.parametrize(
    ("sender", "jurisdiction"),
    [
        ("PCPD <enquiry@pcpd.org.hk>", "HK"),
        ("OAIC <enquiries@oaic.gov.au>", "AU"),
        ("OPC <info@priv.gc.ca>", "CA"),
        ("EDÖB <info@edoeb.admin.ch>", "CH"),
        ("PDPC <info@pdpc.or.th>", "TH"),
        ("個資會 <service@pdpc.gov.tw>", "TW"),
    ],
)
def test_new_regulators_mail_is_their_inquiry(sender: str, jurisdiction: str) -> None:
    proposal = _triage("We have received a complaint about your company.", sender=sender)
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, jurisdiction)


def test_singapore_pdpa_is_not_read_as_thailands() -> None:
    # "PDPA" alone names Singapore's, Malaysia's and Thailand's laws: it decides nothing.
    proposal = _triage("Under the PDPA I request access to my personal data.")
    assert proposal.jurisdiction == "CN"


# --- L6: a Date: without a zone -------------------------------------------------------------


def test_a_date_without_a_zone_is_named_as_such() -> None:
    proposal = _triage("I request access to my data.", date="Mon, 02 Nov 2026 10:00:00")
    assert ReviewFlag.DATE_WITHOUT_ZONE in proposal.flags
    assert ReviewFlag.UNPARSABLE_DATE not in proposal.flags


def test_an_outlook_web_form_item_is_filed_under_reply_to() -> None:
    headers = (
        "Microsoft Mail Internet Headers Version 2.0\r\n"
        "From: Web Form <noreply@xuyun.example>\r\n"
        f"Reply-To: {Header('刘洋', 'utf-8').encode()} <liu.yang@example.cn>\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0800\r\n\r\n"
    )
    raw = build_msg({"0037": "网站表单：删除请求", "007D": headers, "1000": _FORM_BODY})
    proposal = triage(parse_outlook_message(raw))
    assert (proposal.requester_name, proposal.requester_email) == ("刘洋", "liu.yang@example.cn")
