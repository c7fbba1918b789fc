"""The dashboard page over the hand-built cases of ``tests/services/test_dashboard.py`` (whose
figures are worked out there by hand), its item models under ``qtmodeltester``, and the PDF
export."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.services.dashboard import DashboardFigures, DeadlineDay, HandlerLoad
from app.store import Database
from app.ui.dashboard_models import AMBER, SORT_ROLE, DeadlineCalendarModel, WorkloadModel
from app.ui.dashboard_page import DashboardPage
from tests.reports.pdf_reading import read_pdf, squash
from tests.services.test_dashboard import TODAY, add_cases
from tests.zones import computer_zone

# Noon of TODAY in Shanghai (UTC+08:00 all year since 1991).
NOON = datetime(2026, 3, 10, 4, 0, tzinfo=UTC)


@pytest.fixture
def page(qtbot: QtBot, database: Database) -> DashboardPage:
    with database.session() as session:
        add_cases(session)
    return _refreshed(qtbot, database, NOON)


def test_tiles_show_the_figures_overdue_in_red(page: DashboardPage) -> None:
    assert page.open_tile.value.text() == "8"
    assert page.due_soon_tile.value.text() == "3"
    assert page.overdue_tile.value.text() == "2"
    assert "color: #c62828" in page.overdue_tile.value.styleSheet()
    assert page.on_time_tile.value.text() == "75.0 %"
    assert page.median_tile.value.text() == "14.5"
    assert page.extensions_tile.value.text() == "2"
    assert page.export_button.isEnabled()


def test_charts_have_a_bar_per_status_and_kind_and_the_weekly_totals(page: DashboardPage) -> None:
    assert page.status_chart.bar_count() == 5
    assert page.kind_chart.bar_count() == 5  # access, copy, correction, deletion, complaint
    assert page.weekly_chart.totals() == (11, 2)  # received and closed over the 12 weeks


def test_workload_table_lists_handlers_then_unassigned(page: DashboardPage) -> None:
    model = page.workload_model
    rows = [
        [model.data(model.index(row, column)) for column in range(4)]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["li.wei", "4", "0", "2"],
        ["wang.fang", "2", "1", "1"],
        ["Unassigned", "2", "1", "0"],
    ]


def test_calendar_grid_starts_on_today_and_marks_the_coming_week(page: DashboardPage) -> None:
    model = page.calendar_model
    today_cell = model.index(0, 1)  # Tuesday 10 March, in the first week's row
    assert model.data(today_cell) == "03-10\n1"
    assert model.data(today_cell, Qt.ItemDataRole.BackgroundRole).color() == AMBER
    assert model.data(model.index(0, 0)) is None  # Monday 9 March is past
    last = model.index(4, 2)  # Wednesday 8 April = today + 29
    assert model.data(last, Qt.ItemDataRole.UserRole) == date(2026, 4, 8)
    assert model.data(last, Qt.ItemDataRole.BackgroundRole) is None  # beyond the week: plain
    assert model.rowCount() == 5


def test_refresh_while_running_runs_once_more(qtbot: QtBot, page: DashboardPage) -> None:
    seen: list[object] = []
    page.refreshed.connect(seen.append)
    page.refresh()
    page.refresh()  # asked while the first runs: done after it
    page.refresh()  # and asked again: still only once more
    qtbot.waitUntil(lambda: len(seen) == 2 and page.refresh_button.isEnabled(), timeout=10_000)
    assert len(seen) == 2


def test_changes_while_hidden_refresh_on_show(qtbot: QtBot, page: DashboardPage) -> None:
    page.hide()
    page.data_changed()  # hidden: nothing computed yet
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.show()
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.data_changed()  # shown: at once


def test_export_writes_the_pdf(qtbot: QtBot, page: DashboardPage, tmp_path: Path) -> None:
    target = tmp_path / "dashboard.pdf"
    with qtbot.waitSignal(page.exported, timeout=30_000) as done:
        page.export_pdf(target, "en")
    assert done.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")


def test_export_starts_where_the_last_export_went_and_keeps_only_a_written_folder(
    qtbot: QtBot, page: DashboardPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA17 F10: the dialog was given "dashboard.pdf", so it opened in the working folder.
    monkeypatch.chdir(tmp_path)
    chosen = tmp_path / "报表"
    chosen.mkdir()
    answers = [str(tmp_path / "gone" / "d.pdf"), str(chosen / "d.pdf"), ""]
    asked: list[str] = []

    def dialog(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return answers[len(asked) - 1], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    failures: list[str] = []
    monkeypatch.setattr(page, "_export_failed", lambda message, _known: failures.append(message))
    for _attempt in range(2):  # into a missing folder (fails), then into the chosen one
        page._ask_export("en")
        assert not page.export_button.isEnabled()  # exporting
        qtbot.waitUntil(page.export_button.isEnabled, timeout=30_000)
    page._ask_export("en")
    assert Path(asked[0]).is_absolute() and Path(asked[0]).parent != tmp_path
    assert Path(asked[0]).name == "dashboard.pdf"
    assert asked[1] == asked[0]  # the folder the write failed in was not kept
    assert asked[2] == str(chosen / "dashboard.pdf")
    assert len(failures) == 1 and (chosen / "d.pdf").read_bytes().startswith(b"%PDF")


def _refreshed(qtbot: QtBot, database: Database, instant: datetime) -> DashboardPage:
    page = DashboardPage(database, lambda: instant)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    return page


def _long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def test_a_computer_a_day_behind_shanghai_states_shanghais_date_and_zone(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    # 20:00 UTC on 10 March: 04:00 on 11 March in Shanghai, 13:00 on 10 March in Los Angeles
    # (PDT, UTC-07:00, from 8 March 2026). The figures and the date stated are Shanghai's.
    with computer_zone("America/Los_Angeles"):
        page = _refreshed(qtbot, database, datetime(2026, 3, 10, 20, 0, tzinfo=UTC))
        shown = page.as_of.text()
        with qtbot.waitSignal(page.exported, timeout=30_000):
            page.export_pdf(tmp_path / "dashboard.pdf", "en")
    assert page.figures is not None and page.figures.today_date == date(2026, 3, 11)
    assert page.calendar_model.data(page.calendar_model.index(0, 2)).startswith("03-11")
    assert shown == f"As of {_long_date(date(2026, 3, 11))} · dates in Asia/Shanghai (UTC+08:00)"
    report = squash("".join(read_pdf((tmp_path / "dashboard.pdf").read_bytes())[0]))
    assert squash("As of 11 March 2026") in report
    assert squash("dates are in Asia/Shanghai (UTC+08:00).") in report


def test_a_computer_a_day_ahead_of_shanghai_counts_shanghais_today(
    qtbot: QtBot, database: Database
) -> None:
    with database.session() as session:
        add_cases(session)
    # 12:00 UTC on 10 March: 02:00 on 11 March at Kiritimati (UTC+14:00), 20:00 on 10 March
    # (TODAY) in Shanghai: the hand-worked figures of TODAY.
    with computer_zone("Pacific/Kiritimati"):
        page = _refreshed(qtbot, database, datetime(2026, 3, 10, 12, 0, tzinfo=UTC))
        shown = page.as_of.text()
    assert page.figures is not None and page.figures.today_date == TODAY
    assert (page.due_soon_tile.value.text(), page.overdue_tile.value.text()) == ("3", "2")
    assert shown == f"As of {_long_date(TODAY)} · dates in Asia/Shanghai (UTC+08:00)"


def test_a_computer_in_shanghai_states_the_date_alone(qtbot: QtBot, database: Database) -> None:
    with computer_zone("Asia/Shanghai"):
        page = _refreshed(qtbot, database, NOON)
        shown = page.as_of.text()
    assert shown == f"As of {_long_date(TODAY)}"


def _figures() -> DashboardFigures:
    days = tuple(DeadlineDay(date(2026, 3, 1 + n), n % 3, n < 8) for n in range(30))
    loads = (HandlerLoad("王芳", 3, 1, 2), HandlerLoad(None, 1, 0, 0))
    return DashboardFigures(
        date(2026, 3, 1), date(2025, 12, 2), (), (), 0, 0, 0, 0, None, 0, (), loads, days,
    )  # fmt: skip


def test_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    figures = _figures()
    workload, calendar = WorkloadModel(), DeadlineCalendarModel()
    workload.set_rows(figures.workload)
    calendar.set_days(figures.deadline_days)
    qtmodeltester.check(workload)  # type: ignore[no-untyped-call]
    qtmodeltester.check(calendar)  # type: ignore[no-untyped-call]
    assert workload.data(workload.index(0, 1), SORT_ROLE) == 3
    # 1 March 2026 is a Sunday: the grid's first row holds it alone, in the last column.
    assert calendar.rowCount() == 6 and calendar.data(calendar.index(0, 6)) == "03-01"
    assert calendar.flags(calendar.index(0, 0)) == Qt.ItemFlag.NoItemFlags
    assert calendar.rowCount(calendar.index(0, 6)) == 0 and workload.rowCount(QModelIndex()) == 2


def test_every_bar_names_its_category_whole_and_shows_its_count_past_its_end(
    page: DashboardPage,
) -> None:
    # At 150 % "Objection / restri…" was cut and a one-case bar's white count was lost.
    chart = page.kind_chart.chart()
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert not axis.truncateLabels()
    series = chart.series()[0]
    assert isinstance(series, QHorizontalBarSeries)
    assert series.labelsPosition() == QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd


def test_the_export_button_is_a_push_button_with_its_languages(page: DashboardPage) -> None:
    # A push button keeps room for its menu arrow beside "Export PDF…".
    assert isinstance(page.export_button, QPushButton)
    menu = page.export_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["In Chinese…", "In English…"]
