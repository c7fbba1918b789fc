"""Make-up working days (调休上班) named after the holiday they make up for, in Settings ›
Calendar and in the deadline breakdown, in Chinese and English (2026 State Council notice,
国办发明电〔2025〕7号); a make-up day whose holiday is not known stays plain."""

from datetime import date, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, compute_deadline, explain_deadline, load_rule_book
from app.services.settings_calendar import set_day_override
from app.store import Database
from app.ui.deadline_breakdown import DeadlineBreakdown, reason_text
from app.ui.settings_calendar import CalendarPage
from tests.services.settings_factory import TODAY
from tests.ui.settings_fixtures import context

CN = "holidays:CN"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _names(page: CalendarPage) -> dict[str, str]:
    model = page.days_model
    return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def test_the_calendar_page_names_make_up_days_in_english(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    names = _names(page)  # 2026, the year of TODAY
    assert names["2026-10-10"] == "Working day (make-up for National Day)"
    assert names["2026-09-20"] == "Working day (make-up for National Day)"
    assert names["2026-02-28"] == "Working day (make-up for Chinese New Year (Spring Festival))"
    assert names["2026-01-04"] == "Working day (make-up for New Year's Day)"
    assert names["2026-10-01"] == "National Day"


def test_the_calendar_page_names_make_up_days_in_chinese(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    names = _names(page)
    assert names["2026-10-10"] == "国庆节调休上班"
    assert names["2026-09-20"] == "国庆节调休上班"
    assert names["2026-02-14"] == "春节调休上班"
    assert names["2026-05-09"] == "劳动节调休上班"
    assert names["2026-01-04"] == "元旦调休上班"
    page.refresh(2025)
    # 2025 notice: 国庆节、中秋节 10月1日至8日, Sat 11 Oct worked.
    assert _names(page)["2025-10-11"] == "国庆节调休上班"


def test_an_entered_make_up_day_of_an_unknown_holiday_stays_plain(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    # 2027 has no notice in holidays 0.109: the package knows no make-up day to pair it with.
    with database.session() as session:
        set_day_override(
            session,
            rule_book,
            CN,
            date(2027, 2, 6),
            working=True,
            name="",
            actor="admin",
            today=TODAY,
        )
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.refresh(2027)
    assert _names(page)["2027-02-06"] == "调休工作日"


def test_the_breakdown_names_the_make_up_saturday_in_chinese(chinese: None) -> None:
    received = datetime.fromisoformat("2026-09-30T10:00:00+08:00")
    deadline = compute_deadline(load_rule_book(), "CN", CaseKind.DELETION, received)
    days = {day.day: day for day in explain_deadline(deadline).days}
    assert reason_text(days[date(2026, 10, 10)], CN) == "国庆节调休上班"
    assert reason_text(days[date(2026, 10, 10)]) == "调休工作日"


def test_the_breakdown_cites_the_chinese_legal_source_in_the_chinese_ui(
    qtbot: QtBot, chinese: None
) -> None:
    received = datetime.fromisoformat("2026-09-30T10:00:00+08:00")
    deadline = compute_deadline(load_rule_book(), "CN", CaseKind.DELETION, received)
    widget = DeadlineBreakdown()
    qtbot.addWidget(widget)
    widget.set_explanation(explain_deadline(deadline))
    # resources/rules/cn.toml [deletion] source_zh: PIPL Art. 47.
    assert "《个人信息保护法》第四十七条 [已核实]" in widget.summary.text()
    assert "PIPL" not in widget.summary.text()
