"""The dashboard report's words in Chinese and English, and the short names of statuses and
kinds its charts print (the letters' kind names are whole phrases, too long for an axis)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from app.models.enums import CaseKind, CaseStatus

LANGUAGES = ("zh", "en")

_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "个人信息主体请求处理看板",
        "as_of": "统计日期：{date}",
        "intro": (
            "本报告汇总截至统计日的未结案件（新建、已分拣、等待申请人、办理中、复核中）及近期办理情况。"
            "按期答复率与答复用时按{start}起至统计日已答复的案件计算，日期按 {zone}。"
        ),
        "open": "未结案件",
        "due_soon": "7日内到期",
        "overdue": "已逾期",
        "on_time": "按期答复率（近 90 日）",
        "rate": "{rate:.1f}%（{on_time} / {answered}）",
        "none_answered": "期间无已答复案件",
        "median": "答复用时中位数",
        "days": "{days:g} 天",
        "extensions": "延期次数（近 90 日）",
        "by_status": "未结案件（按状态）",
        "by_kind": "未结案件（按请求类型）",
        "weekly": "每周收案与结案（近 12 周）",
        "received": "收案",
        "closed": "结案",
        "workload": "经办人工作量",
        "handler": "经办人",
        "unassigned": "未分配",
        "no_open": "当前没有未结案件。",
        "calendar": "未来 30 日到期日历",
        "calendar_note": (
            "格中数字为当日到期的未结案件数；黄色为 7 日内到期。另有已逾期案件 {overdue} 件。"
        ),
        "weekdays": "周一 周二 周三 周四 周五 周六 周日",
    },
    "en": {
        "title": "Privacy requests dashboard",
        "as_of": "As of {date}",
        "intro": (
            "Open cases (new, triaged, awaiting the requester, in progress, in review) as of the "
            "report date, and recent handling. The on-time rate and the days to respond cover "
            "the cases answered from {start} to the report date; dates are in {zone}."
        ),
        "open": "Open cases",
        "due_soon": "Due within 7 days",
        "overdue": "Overdue",
        "on_time": "Answered on time (90 days)",
        "rate": "{rate:.1f}% ({on_time} of {answered})",
        "none_answered": "No case answered in the period",
        "median": "Median days to respond",
        "days": "{days:g} days",
        "extensions": "Extensions (90 days)",
        "by_status": "Open cases by status",
        "by_kind": "Open cases by kind of request",
        "weekly": "Cases received and closed per week (12 weeks)",
        "received": "Received",
        "closed": "Closed",
        "workload": "Workload per handler",
        "handler": "Handler",
        "unassigned": "Unassigned",
        "no_open": "There are no open cases.",
        "calendar": "Deadlines in the next 30 days",
        "calendar_note": (
            "Each number is the open cases due that day; amber: due within 7 days. "
            "A further {overdue} open cases are overdue."
        ),
        "weekdays": "Mon Tue Wed Thu Fri Sat Sun",
    },
}

_STATUS = {
    CaseStatus.NEW: ("新建", "New"),
    CaseStatus.TRIAGED: ("已分拣", "Triaged"),
    CaseStatus.AWAITING_REQUESTER: ("等待申请人", "Awaiting requester"),
    CaseStatus.IN_PROGRESS: ("办理中", "In progress"),
    CaseStatus.IN_REVIEW: ("复核中", "In review"),
    CaseStatus.RESPONDED: ("已答复", "Responded"),
    CaseStatus.IN_RETENTION: ("保存期内", "In retention"),
    CaseStatus.CLOSED: ("已结案", "Closed"),
}

_KIND = {
    CaseKind.ACCESS: ("查阅", "Access"),
    CaseKind.COPY: ("复制", "Copy"),
    CaseKind.CORRECTION: ("更正补充", "Correction"),
    CaseKind.DELETION: ("删除", "Deletion"),
    CaseKind.ACCOUNT_CANCELLATION: ("注销账号", "Account cancellation"),
    CaseKind.CONSENT_WITHDRAWAL: ("撤回同意", "Consent withdrawal"),
    CaseKind.OBJECTION: ("限制或拒绝处理", "Objection / restriction"),
    CaseKind.EXPLANATION: ("解释说明", "Explanation"),
    CaseKind.COMPLAINT: ("投诉举报", "Complaint"),
    CaseKind.REGULATOR_INQUIRY: ("监管问询", "Regulator inquiry"),
    CaseKind.REMINDER: ("催办", "Reminder"),
    CaseKind.NOT_A_REQUEST: ("非权利请求", "Not a request"),
    CaseKind.OTHER: ("其他", "Other"),
}


def text_for(language: str) -> dict[str, str]:
    """Return the report's words in ``language`` ("zh" or "en").

    Raises:
        ValueError: another language.
    """
    if language not in _TEXT:
        raise ValueError(f"the dashboard report is in Chinese or English, not {language!r}")
    return _TEXT[language]


def status_name(status: CaseStatus, language: str) -> str:
    """Return the short printed name of a status in ``language``."""
    return _STATUS[status][LANGUAGES.index(language)]


def kind_name(kind: CaseKind, language: str) -> str:
    """Return the short printed name of a request kind in ``language``."""
    return _KIND[kind][LANGUAGES.index(language)]


def zone_text(zone: ZoneInfo, day: date, language: str) -> str:
    """Return the zone the report's dates are in, named and with its offset on ``day`` (noon),
    e.g. ``Asia/Shanghai（UTC+08:00）`` in Chinese (full-width brackets, GB/T 15834-2011) or
    ``Europe/Berlin (UTC+01:00)`` in English: the zone's abbreviation alone is ambiguous (CST
    is China, Cuba and US Central time) and a computer's own zone need not be the report's."""
    offset = datetime.combine(day, time(12), zone).strftime("%z")  # e.g. "+0800"
    shown = "UTC" if offset in ("+0000", "-0000") else f"UTC{offset[:3]}:{offset[3:5]}"
    return f"{zone.key}（{shown}）" if language == "zh" else f"{zone.key} ({shown})"
