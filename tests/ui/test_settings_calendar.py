"""The holiday-calendar settings page: years and days shown, a single-day override entered
inline recomputes an open case (dates worked out by hand), a schedule file is entered."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models import Case
from app.resources import resource_path
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_calendar import CalendarDayRow, YearStatus
from app.store import Database
from app.ui.settings_calendar import CalendarPage
from app.ui.settings_calendar_models import CalendarDaysModel, CalendarYearsModel
from tests.services.settings_factory import open_case
from tests.ui.settings_fixtures import context, message_texts


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _due(database: Database) -> date | None:
    with database.session() as session:
        return session.query(Case).one().due_date


def test_the_page_shows_this_years_days(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database, rule_book: RuleBook
) -> None:
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    assert page.spec() == "holidays:CN"
    years = {row.year: row.status for row in page.years_model.rows()}
    assert years[2026] == YearStatus.OFFICIAL and years[2027] == YearStatus.PROVISIONAL
    days = {row.day: row for row in page.days_model.rows()}
    # 2026 State Council notice: Sat 28 Feb is a make-up working day, 1 Oct a day off.
    assert days[date(2026, 2, 28)].working and not days[date(2026, 10, 1)].working
    for model_class, rows in (
        (CalendarYearsModel, page.years_model.rows()),
        (CalendarDaysModel, page.days_model.rows()),
    ):
        model = model_class()
        model.set_rows(rows)
        qtmodeltester.check(model)


def test_an_inline_day_off_recomputes_the_open_case(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        open_case(session, rule_book)
    # Received Mon 2 Nov 2026: 15th working day Mon 23 Nov; Wed 11 Nov off → Tue 24 Nov.
    assert _due(database) == date(2026, 11, 23)
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.day.setDate(QDate(2026, 11, 11))
    page.day_kind.setCurrentIndex(page.day_kind.findData(False))
    page.day_name.setText("公司纪念日")
    with qtbot.waitSignal(page.recomputed, timeout=30_000) as blocker:
        page.set_day()
    assert blocker.args == [1]
    assert _due(database) == date(2026, 11, 24)
    assert CalendarDayRow(date(2026, 11, 11), False, "公司纪念日", True) in page.days_model.rows()
    message_texts(page)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        page.remove_day()
    assert _due(database) == date(2026, 11, 23)


def test_a_refused_override_is_explained(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.day.setDate(QDate(2026, 11, 10))  # a Tuesday: working already
    page.day_kind.setCurrentIndex(page.day_kind.findData(True))
    with qtbot.waitSignal(page.failed, timeout=30_000) as blocker:
        page.set_day()
    assert "working day already" in blocker.args[0]
    assert any("working day already" in text for text in message_texts(page))
    assert page.day.date() == QDate(2026, 11, 10)  # the editor keeps the input


def test_a_schedule_file_is_entered_from_the_page(
    qtbot: QtBot, database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = resource_path("calendars", "examples", "cn-2026.toml")  # the real 2026 notice
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.recomputed, timeout=30_000):
        page.enter_file(path)
    years = {row.year: row for row in page.years_model.rows()}
    assert years[2026].status == YearStatus.ENTERED
    assert years[2026].source.startswith("国务院办公厅关于2026年部分节假日安排的通知")


def test_an_incomplete_schedule_file_is_refused_on_the_page(
    qtbot: QtBot, database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    example = resource_path("calendars", "examples", "cn-2026.toml").read_text("utf-8")
    path = tmp_path / "cn-2026.toml"
    path.write_text("\n".join(x for x in example.splitlines() if "国庆节" not in x), "utf-8")
    page = CalendarPage(context(database, rule_book))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=30_000) as blocker:
        page.enter_file(path)
    assert "has no day off for National Day (国庆节)" in blocker.args[0]
    assert any("National Day (国庆节)" in text for text in message_texts(page))
    years = {row.year: row for row in page.years_model.rows()}
    assert years[2026].status == YearStatus.OFFICIAL  # the installed data, unchanged
