"""Printed names (Chinese, English) of the codes a case file shows: audit actions, outcomes,
identity-check methods, attachment kinds, letter templates, channels and letter languages; and
the deadline rule of a due date no rule computed, with the regulator's period and the calendar
it was counted on (the places' names from ``app.services.region_names``, as the window's).

Plain Python because app/reports does not use Qt (the UI has its own translated labels in
``app.ui.labels``); request kinds and statuses come from ``app.reports.dashboard_text`` so the
two reports name them alike. The Chinese wording follows the PIPL's terms (个人信息主体, 查阅,
复制, 更正, 删除, 注销账号). A code not listed prints as recorded, so nothing is hidden.
"""

from app.models.enums import CaseKind, CaseStatus
from app.reports.dashboard_text import kind_name, status_name
from app.services.case_rows import StatedPeriod
from app.services.region_names import region_name

_ACTION = {
    "case.created": ("案件已创建", "Case created"),
    "case.viewed": ("案件已查看", "Case viewed"),
    "case.triaged": ("已分拣", "Triaged"),
    "case.triage_reverted": ("已撤销分拣", "Triage undone"),
    "case.status_changed": ("状态已变更", "Status changed"),
    "case.receipt_confirmed": ("收到日期已确认", "Receipt date confirmed"),
    "case.exported": ("案卷已导出", "Case file exported"),
    "case.anonymised": ("案件已匿名化", "Case anonymised"),
    "case.purged": ("案件数据已清除", "Case data purged"),
    "clock.recomputed": ("期限已计算", "Deadline computed"),
    "clock.paused": ("已暂停计时", "Clock stopped"),
    "clock.resumed": ("已恢复计时", "Clock restarted"),
    "clock.extended": ("期限已延长", "Deadline extended"),
    "clock.extension_reason_corrected": ("延期理由已更正", "Extension reason corrected"),
    "clock.stated_deadline": (
        "按监管来函所述期限确定答复期限",
        "Deadline taken from the regulator's letter",
    ),
    "clock.due_date_set": ("已手动设定答复期限", "Due date set by hand"),
    "clock.due_date_released": ("答复期限已恢复按规则计算", "Due date handed back to its rule"),
    "identity.checked": ("身份已核验", "Identity checked"),
    "subject.corrected": ("已更正申请人信息", "Requester details corrected"),
    "subject.name_shortened": ("申请人姓名已截短", "Requester's name shortened"),
    "note.added": ("已添加备注", "Note added"),
    "note.withdrawn": ("已撤回备注", "Note withdrawn"),
    "message.recorded": ("已登记往来消息", "Message recorded"),
    "party.added": ("已添加相关方", "Party added"),
    "category.planned": ("已规划类别处理", "Category action planned"),
    "category.done": ("类别处理已完成", "Category action done"),
    "review.requested": ("已提请复核", "Review requested"),
    "review.decided": ("复核已决定", "Review decided"),
    "letter.generated": ("函件已生成", "Letter generated"),
    "letter.approved": ("函件已批准", "Letter approved"),
    "letter.sent": ("函件已发送", "Letter sent"),
    "attachment.copied": ("附件已导出", "Attachment copied out"),
    "attachments.purged": ("附件已清除", "Attachments purged"),
    "reminder.received": ("已收到催办", "Reminder received"),
    "case.flagged_duplicate": ("已标记为可能重复", "Flagged as a possible duplicate"),
}

_OUTCOME = {
    "fulfilled": ("已满足", "Fulfilled"),
    "partially_fulfilled": ("部分满足", "Partially fulfilled"),
    "refused": ("已拒绝", "Refused"),
    "withdrawn": ("已撤回", "Withdrawn"),
    "unverifiable": ("无法核验身份", "Identity not verifiable"),
    "not_a_request": ("非权利请求", "Not a request"),
    "duplicate": ("重复请求", "Duplicate"),
    "redirected_to_self_service": ("已引导自助办理", "Redirected to self-service"),
}

_METHOD = {
    "account_login": ("账号登录", "Signed in to the account"),
    "sms_code": ("短信验证码", "SMS code"),
    "id_document": ("身份证件", "Identity document"),
    "face_verification": ("人脸识别", "Face verification"),
    "known_correspondence": ("已知通信地址", "Known correspondence address"),
    "other": ("其他", "Other"),
}

_ATTACHMENT = {
    "original_message": ("原始邮件", "Original message"),
    "correspondence": ("往来函件", "Correspondence"),
    "id_document": ("身份证件", "Identity document"),
    "evidence": ("证明材料", "Evidence"),
}

# Short names of the templates in resources/letters/<language>/*.toml.
_TEMPLATE = {
    "acknowledgement": ("受理回执", "Acknowledgement"),
    "identity_request": ("身份核验通知", "Identity request"),
    "clarification_request": ("补充说明通知", "Clarification request"),
    "extension_notice": ("延期通知", "Extension notice"),
    "access_response": ("查阅答复", "Access response"),
    "correction_done": ("更正完成通知", "Correction done"),
    "deletion_done": ("删除完成通知", "Deletion done"),
    "cancellation_confirmation": ("注销账号确认", "Cancellation confirmation"),
    "refusal": ("拒绝通知", "Refusal"),
    "partial_refusal": ("部分拒绝通知", "Partial refusal"),
    "complaint_response": ("投诉举报答复", "Complaint response"),
    "consent_withdrawn": ("撤回同意办理结果告知函", "Consent withdrawn"),
    "objection_granted": ("限制或拒绝处理办理结果告知函", "Objection met"),
    "explanation_given": ("处理规则解释说明函", "Explanation given"),
}

_CHANNEL = {
    "email": ("电子邮件", "E-mail"),
    "web_form": ("网页表单", "Web form"),
    "phone": ("电话", "Phone"),
    "letter": ("信函", "Letter"),
    "in_person": ("当面", "In person"),
}

_LETTER_LANGUAGE = {
    "zh": ("中文", "Chinese"),
    "en": ("英文", "English"),
    "zh+en": ("中英双语", "Chinese + English"),
    "zh-Hant": ("繁体中文", "Traditional Chinese"),
    "zh-Hant+en": ("繁体中文、英文双语", "Traditional Chinese + English"),
    "en+zh": ("英中双语", "English + Chinese"),
}

# A due date no rule computed: where it came from (app.services.clock_values.DueDateSource's
# values, written out: this module is read at the window's first paint, which loads no
# database code, and clock_values imports the models).
_REGULATOR_LETTER = "stated:regulator_letter"
_RULE = {
    _REGULATOR_LETTER: ("依据监管机构来函设定", "Set by the regulator's letter"),
    "stated:by_hand": ("人工设定", "Set by hand"),
}
# After the regulator's letter: the period it states, counted from the receipt (day 0), and for
# working days the holiday calendar counted on, worded as the window's case header words it
# (app.ui.calendar_names.stated_calendar_line, context CaseHeader).
_PERIOD = {
    "zh": {
        "working_days": "{n}个工作日",
        "working_days_mon_sat": "{n}个工作日（周一至周六）",
        "calendar_days": "{n}日",
        "months": "{n}个月",
    },
    "en": {
        "working_days": "{n} working days",
        "working_days_mon_sat": "{n} working days (Monday to Saturday)",
        "calendar_days": "{n} calendar days",
        "months": "{n} months",
    },
}
_ONE = {
    "working_days": "1 working day",
    "working_days_mon_sat": "1 working day (Monday to Saturday)",
    "calendar_days": "1 calendar day",
    "months": "1 month",
}
# The units counted on a holiday calendar: Monday to Friday, and Monday to Saturday (Werktage,
# jours ouvrables, giorni feriali), both less the state's public holidays.
_ON_A_CALENDAR = ("working_days", "working_days_mon_sat")
_STATED = {"zh": "：自收到之日起{period}", "en": ": {period} after the day of receipt"}
_COUNTED_ON = {
    "zh": "，按{place}法定节假日计算工作日",
    "en": ", counted on the official holidays of {place}",
}

_TABLES = {
    "action": _ACTION,
    "outcome": _OUTCOME,
    "method": _METHOD,
    "attachment": _ATTACHMENT,
    "template": _TEMPLATE,
    "channel": _CHANNEL,
    "letter_language": _LETTER_LANGUAGE,
    "rule": _RULE,
}


def printed_name(table: str, code: str | None, language: str) -> str:
    """Return the printed name of ``code`` from ``table`` (``action``, ``outcome``, ``method``,
    ``attachment``, ``template``, ``channel``, ``letter_language``, ``rule``, ``kind``,
    ``status``) in
    ``language`` (``zh``, else English); ``—`` for no code, an unknown code as recorded.

    Raises:
        KeyError: an unknown table.
    """
    if not code:
        return "—"
    if table in ("kind", "status"):
        return _enum_name(table, code, language)
    names = _TABLES[table].get(code)
    if names is None:
        return code
    return names[0] if language == "zh" else names[1]


def rule_wording(rule_ref: str | None, period: StatedPeriod | None, language: str) -> str:
    """Return the Deadline rule row of a case file in ``language`` (``zh``, else English): a
    rule's reference as recorded, "Set by the regulator's letter" or "Set by hand" for a date
    no rule computed; after the regulator's letter, the period it states as it was counted
    (``period``: ``app.services.regulator_limit_record.period_on_record``), from the day of
    receipt (day 0: Reg. 1182/71 art. 3(1); 民法典 art. 201) and, for working days, on which
    state's public holidays (Reg. 1182/71 art. 2(1)): ": 7 working days after the day of
    receipt, counted on the official holidays of Poland" (：自收到之日起7个工作日，按波兰法定
    节假日计算工作日), with "(Monday to Saturday)" (（周一至周六）) after the period where the
    letter counts Saturdays (Werktage, jours ouvrables); "—" for none."""
    worded = printed_name("rule", rule_ref, language)
    if rule_ref != _REGULATOR_LETTER or period is None:
        return worded
    shown = "zh" if language == "zh" else "en"
    units = _PERIOD[shown]
    if period.unit not in units:
        return worded
    if shown == "en" and period.n == 1:
        counted = _ONE[period.unit]
    else:
        counted = units[period.unit].format(n=period.n)
    worded += _STATED[shown].format(period=counted)
    if period.unit in _ON_A_CALENDAR and period.calendar:
        worded += _COUNTED_ON[shown].format(place=_place(period.calendar, shown))
    return worded


def _place(spec: str, language: str) -> str:
    """The place whose holidays the calendar ``spec`` (``holidays:PL``) marks ("Poland", 波兰);
    a spec naming no listed place as written, so nothing is hidden."""
    prefix, _colon, region = spec.partition(":")
    place = region_name(region, language) if prefix == "holidays" else None
    return place or spec


def _enum_name(table: str, code: str, language: str) -> str:
    shown = "zh" if language == "zh" else "en"
    try:
        if table == "kind":
            return kind_name(CaseKind(code), shown)
        return status_name(CaseStatus(code), shown)
    except ValueError:
        return code
