"""The case browser and its lazily fetched model, over real encrypted databases: the 20 hand-built
cases of the search tests, and 20,000 generated ones for the lazy loading."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.services.case_list_source import DatabaseCaseSource
from app.services.case_search import CaseQuery, SavedView, SortColumn, count_cases, search_cases
from app.store import Database, MemorySecretStore, unlock
from app.store.reading import watch_plain_reads
from app.ui.case_browser import CaseBrowser
from app.ui.case_list_columns import Column
from app.ui.case_page_model import CasePageModel
from app.ui.deadline_badge import OVERDUE_COLOUR
from benchmarks.demo_cases import generate_cases
from tests.services.test_case_search import TODAY, _add_cases, reference, refs


@pytest.fixture
def cases(database: Database) -> Database:
    with database.session() as session:
        _add_cases(session)
    return database


@pytest.fixture(scope="module")
def many_cases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("many") / "cases.db"
    db = unlock(path, secrets=MemorySecretStore(), passphrase=None, create=True)
    generate_cases(db, 20_000, today=TODAY)
    yield db
    db.close()


class StatementCounter:
    """Counts the SQL statements an engine runs (the real ones, no mock)."""

    def __init__(self, database: Database) -> None:
        self.statements: list[str] = []
        self._engine = database.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)
        self._stop_plain = watch_plain_reads(self._engine, self._plain)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self._plain(statement, None)

    def _plain(self, statement: str, _parameters: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            self.statements.append(statement)

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)
        self._stop_plain()


def _browser(qtbot: QtBot, database: Database, user: str | None = "li.wei") -> CaseBrowser:
    browser = CaseBrowser(database, lambda: TODAY, user)
    qtbot.addWidget(browser)
    return browser


def _shown(browser: CaseBrowser) -> list[str]:
    rows = (browser.model.row_at(n) for n in range(browser.model.rowCount()))
    return [row.reference for row in rows if row is not None]


def test_the_model_passes_qtmodeltester(qtmodeltester: ModelTester, cases: Database) -> None:
    model = CasePageModel(DatabaseCaseSource(cases), CaseQuery(TODAY), lambda: TODAY, page_size=7)
    qtmodeltester.check(model)
    model.sort(Column.REQUESTER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_the_model_loads_only_the_page_of_the_row_asked_for(many_cases: Database) -> None:
    query = CaseQuery(TODAY, SavedView.ALL, sort=SortColumn.RECEIVED)
    model = CasePageModel(DatabaseCaseSource(many_cases), query, lambda: TODAY)
    counter = StatementCounter(many_cases)
    try:
        assert model.rowCount() == 20_000
        text = model.index(10_000, Column.REFERENCE).data()
        assert model.pages_loaded == 1
        assert len(counter.statements) == 2  # the page's ids, then their columns
        model.index(10_150, Column.REQUESTER).data()  # same page (10,000–10,199)
        assert len(counter.statements) == 2
    finally:
        counter.close()
    with many_cases.session() as session:
        expected = search_cases(session, CaseQuery(TODAY, offset=10_000, limit=1)).rows[0]
    assert text == expected.reference


def test_the_model_holds_a_bounded_number_of_pages(many_cases: Database) -> None:
    source = DatabaseCaseSource(many_cases)
    model = CasePageModel(source, CaseQuery(TODAY), lambda: TODAY, max_pages=4)
    for row in range(0, 20_000, 1_000):
        model.row_at(row)
    assert model.pages_loaded == 20
    assert len(model.held_rows()) == 4 * 200
    model.row_at(0)  # dropped long ago: fetched again
    assert model.pages_loaded == 21


def test_sorting_requeries_instead_of_sorting_rows(many_cases: Database) -> None:
    model = CasePageModel(DatabaseCaseSource(many_cases), CaseQuery(TODAY), lambda: TODAY)
    model.sort(Column.DUE, Qt.SortOrder.AscendingOrder)
    assert (model.query.sort, model.query.descending) == (SortColumn.DUE, False)
    first, last = model.row_at(0), model.row_at(19_999)
    assert first is not None and last is not None
    assert first.due_date is not None and last.due_date is not None
    assert first.due_date <= last.due_date
    assert model.pages_loaded == 2


def test_an_empty_database_shows_what_to_do_first(qtbot: QtBot, database: Database) -> None:
    browser = _browser(qtbot, database)
    assert browser.currentIndex() == 0
    button = browser.widget(0).findChild(QPushButton)
    with qtbot.waitSignal(browser.import_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_it_opens_on_open_cases_most_urgent_first(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    assert browser.currentIndex() == 1
    # Open cases by binding due date, most urgent first; case 13 has no deadline: last.
    assert _shown(browser) == [reference(n) for n in (16, 19, 1, 5, 8, 2, 6, 15, 3, 4, 7, 18, 13)]
    assert browser.count_label.text() == "13 case(s)"


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (SavedView.OVERDUE, refs(1, 5, 8, 16, 19)),
        (SavedView.DUE_SOON, refs(2, 3, 6, 15)),
        (SavedView.MINE, refs(15, 16)),
        (SavedView.CLOSED, refs(10, 11, 14, 17)),
    ],
)
def test_the_view_selector_switches_views(
    qtbot: QtBot, cases: Database, view: SavedView, expected: set[str]
) -> None:
    browser = _browser(qtbot, cases)
    with qtbot.waitSignal(browser.counted) as signal:
        browser.set_view(view)
    assert signal.args == [len(expected)]
    assert set(_shown(browser)) == expected


def test_search_waits_for_the_typing_to_stop(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    browser.set_view(SavedView.ALL)
    qtbot.keyClicks(browser.search_box, "zhang.san@")
    assert browser.model.query.text == ""  # not yet: one query after the last key
    with qtbot.waitSignal(browser.counted, timeout=2_000):
        pass
    assert set(_shown(browser)) == refs(1, 2, 9, 16)


def test_escape_clears_the_search_and_ctrl_f_focuses_it(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    browser.show()
    qtbot.waitExposed(browser)
    browser.search_box.setText("张三丰")
    with qtbot.waitSignal(browser.counted, timeout=2_000):
        pass
    assert set(_shown(browser)) == refs(5)
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert browser.search_box.hasFocus()
    qtbot.keyClick(browser.search_box, Qt.Key.Key_Escape)
    assert browser.search_box.text() == ""
    assert browser.model.rowCount() == 13


def test_clicking_a_header_sorts_in_sql(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    browser.table.sortByColumn(Column.REFERENCE, Qt.SortOrder.DescendingOrder)
    assert (browser.model.query.sort, browser.model.query.descending) == (
        SortColumn.REFERENCE,
        True,
    )
    assert _shown(browser)[:3] == [reference(n) for n in (19, 18, 16)]


def test_badges_mark_overdue_due_soon_and_provisional(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    model = browser.model
    rows = _shown(browser)
    overdue = model.index(rows.index(reference(1)), Column.DUE)
    soon = model.index(rows.index(reference(3)), Column.DAYS_LEFT)
    later = model.index(rows.index(reference(4)), Column.DUE)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert overdue.data(Qt.ItemDataRole.DisplayRole) == "2026-03-05"
    assert model.deadline_state(model.row_at(soon.row())) == "due_soon"
    assert soon.data() == "7"
    assert later.data(Qt.ItemDataRole.ForegroundRole) is None
    # Answered and closed cases have no days left, however long ago their deadline was.
    browser.set_view(SavedView.ALL)
    for number in (9, 10):  # responded (due 2026-02-01), closed (due 2026-01-15)
        row = _shown(browser).index(reference(number))
        assert model.index(row, Column.DAYS_LEFT).data() == "—"


def test_selection_is_reported_and_kept_across_refresh(qtbot: QtBot, cases: Database) -> None:
    browser = _browser(qtbot, cases)
    with qtbot.waitSignal(browser.case_selected) as signal:
        browser.select_reference(reference(7))
    assert signal.args == [reference(7)]
    assert browser.selected_reference() == reference(7)
    browser.refresh()
    assert browser.selected_reference() == reference(7)
    with qtbot.waitSignal(browser.case_selected) as signal:
        browser.set_view(SavedView.CLOSED)  # case 7 is open: no longer listed
    assert signal.args == [""]


def test_a_case_beyond_the_held_pages_is_found_by_position(
    qtbot: QtBot, many_cases: Database
) -> None:
    browser = _browser(qtbot, many_cases)
    browser.set_view(SavedView.ALL)
    model = browser.model
    far = model.rowCount() - 5
    wanted = model.row_at(far)
    assert wanted is not None
    model.refresh()  # forget every page
    browser.select_reference(wanted.reference)
    assert browser.table.selectionModel().selectedRows()[0].row() == far
    assert model.pages_loaded <= 4


def test_it_starts_on_a_date_that_is_a_parameter(qtbot: QtBot, cases: Database) -> None:
    browser = CaseBrowser(cases, lambda: date(2026, 3, 17), "li.wei")
    qtbot.addWidget(browser)
    browser.set_view(SavedView.OVERDUE)
    assert set(_shown(browser)) == refs(1, 2, 5, 6, 8, 15, 16, 19)


def test_a_broad_search_is_counted_on_as_the_list_reaches_its_end(
    qtmodeltester: ModelTester, many_cases: Database
) -> None:
    query = CaseQuery(TODAY, SavedView.ALL, text="王")
    with many_cases.session() as session:
        total = count_cases(session, query)
    assert total > 100  # the generated requesters: about one in 35 is named 王…
    model = CasePageModel(DatabaseCaseSource(many_cases), query, lambda: TODAY, count_step=10)
    assert (model.rowCount(), model.count_is_exact, model.canFetchMore()) == (10, False, True)
    model.fetchMore()  # ten times further: 100
    assert (model.rowCount(), model.count_is_exact) == (100, False)
    qtmodeltester.check(model)
    model.fetchMore()
    assert (model.rowCount(), model.count_is_exact) == (min(total, 1_000), total < 1_000)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    last = model.row_at(total - 1)
    assert last is not None and last.requester_name is not None
    assert last.requester_name.startswith("王")


def test_views_are_counted_in_full(many_cases: Database) -> None:
    model = CasePageModel(
        DatabaseCaseSource(many_cases), CaseQuery(TODAY), lambda: TODAY, count_step=10
    )
    assert (model.rowCount(), model.count_is_exact, model.canFetchMore()) == (20_000, True, False)


def test_the_count_says_when_a_search_was_counted_only_so_far(
    qtbot: QtBot, many_cases: Database
) -> None:
    browser = _browser(qtbot, many_cases)
    browser.set_view(SavedView.ALL)
    browser.model._count_step = 10  # as if a search matched more than a step's worth
    browser.search_box.setText("王")
    browser.search_now()
    assert browser.model.rowCount() == 10
    assert browser.count_label.text().startswith("≥ 10 case")
    with qtbot.waitSignal(browser.counted) as counted:
        browser.model.fetchMore()
    assert counted.args == [100]
    assert browser.count_label.text().startswith("≥ 100 case")


def test_a_pasted_huge_name_does_not_push_the_dates_off_screen(
    qtbot: QtBot, database: Database
) -> None:
    from sqlalchemy import select

    from app.models import Case

    with database.session() as session:
        _add_cases(session)
        first = session.scalars(select(Case).where(Case.subject_id.is_not(None))).first()
        assert first is not None and first.subject is not None
        first.subject.display_name = "王" * 100_000
    browser = _browser(qtbot, database, user=None)
    em = browser.table.fontMetrics().horizontalAdvance("M")
    assert browser.table.columnWidth(Column.REQUESTER) <= 24 * em
    assert browser.table.columnWidth(Column.RECEIVED) < 24 * em


def test_receipt_times_are_local_and_the_tooltip_names_the_zone_and_utc(
    qtbot: QtBot, cases: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        browser = _browser(qtbot, cases, user=None)
        browser.set_view(SavedView.ALL)
        model = browser.model
        row = model.row_of(reference(1))
        assert row is not None
        # Case 1 was received 2026-02-01 16:00 UTC (9:00 + 7 h): midnight in Beijing.
        received = model.index(row, Column.RECEIVED)
        assert received.data() == "2026-02-02 00:00"
        assert received.data(Qt.ItemDataRole.ToolTipRole) == (
            "2026-02-02 00:00 (UTC+08:00) = 2026-02-01 16:00 UTC"
        )
        # A legal due date is the jurisdiction's calendar date: never shifted.
        case = model.row_at(row)
        assert case is not None and case.due_date is not None
        assert model.index(row, Column.DUE).data().startswith(case.due_date.isoformat())
        assert model.index(row, Column.REFERENCE).data(Qt.ItemDataRole.ToolTipRole) is None
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_requester_takes_the_width_left_and_the_short_columns_fit_their_text(
    qtbot: QtBot, cases: Database
) -> None:
    browser = _browser(qtbot, cases, user=None)
    # Room for every column, the receipt time too, and 4 em over: 70 em was too narrow for
    # the receipt time since it gives way where the list is (case_browser_columns).
    em = browser.fontMetrics().horizontalAdvance("M")
    browser.resize(browser.wanted_width() + 4 * em, 400)
    browser.show()
    qtbot.waitExposed(browser)
    assert not browser.table.isColumnHidden(Column.RECEIVED)
    header = browser.table.horizontalHeader()
    assert header.length() == browser.table.viewport().width()  # the requester fills the rest
    assert browser.table.horizontalScrollBar().maximum() == 0  # every column on screen
    metrics = browser.table.fontMetrics()
    for column in (Column.RECEIVED, Column.DUE, Column.DAYS_LEFT, Column.STATUS):
        texts = [browser.model.index(r, column).data() for r in range(browser.model.rowCount())]
        texts.append(browser.model.header_text(column))
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        # At most 3 em over its widest text, or as wide as its title with the sort arrow.
        most = max(widest + 3 * em, header.sectionSizeHint(column))
        assert widest < browser.table.columnWidth(column) <= most


def test_a_narrow_list_keeps_the_requester_readable_and_scrolls_sideways(
    qtbot: QtBot, cases: Database
) -> None:
    # At 150 % on a 1440×900 screen the list got 672 px for ~880 px of columns, and the
    # stretched requester shrank to three letters ("Eri…"): it keeps 10 em instead.
    browser = _browser(qtbot, cases, user=None)
    em = browser.table.fontMetrics().horizontalAdvance("M")
    browser.resize(em * 40, 400)
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.table.columnWidth(Column.REQUESTER) == 10 * em
    assert browser.table.horizontalScrollBar().maximum() > 0
    browser.resize(em * 120, 400)  # widened again: the requester takes the room
    qtbot.waitUntil(lambda: browser.table.columnWidth(Column.REQUESTER) > 10 * em)
    header = browser.table.horizontalHeader()
    assert header.length() == browser.table.viewport().width()
