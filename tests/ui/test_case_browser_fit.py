"""The case list beside the detail pane when some due dates are provisional (QA14 F11): a
1157×700 window at 100 % (the QA's, on a 1440×900 screen) shows every column, the receipt
time included, the due column giving up the room of its word "provisional" first; where the
receipt time must give way (150 % on 1440×900), the due column is no wider than its dates;
with room (1920×1080) every text shows whole. The case count is never clipped, in English
and Chinese.

Widths are measured in device-independent pixels with the fonts Qt uses here (the DejaVu
and WenQuanYi fonts of the test machine), never fixed pixel counts.
"""

import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from app.models import Case
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.case_list_columns import Column
from app.ui.main_window import MainWindow
from tests.services.test_case_search import TODAY, _add_cases, reference

QA_WINDOW = QSize(1157, 700)  # QA14 F11: the window on a 1440×900 screen at 100 %
SCREEN_150 = QSize(1440 * 2 // 3, 900 * 2 // 3)  # 1440×900 at 150 %
SCREEN_100 = QSize(1920, 1080)
PROVISIONAL = (4, 18)  # open cases due 2026-03-18 and 2026-04-01: both in the first page


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def cases(database: Database) -> Database:
    """The search tests' cases, two open ones with a provisional due date (the holiday
    calendar of their year not yet official), as in the QA's database."""
    with database.session() as session:
        _add_cases(session)
        session.flush()
        provisional = [reference(n) for n in PROVISIONAL]
        session.execute(
            update(Case).where(Case.reference.in_(provisional)).values(due_provisional=True)
        )
    return database


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, translations: object) -> Iterator[str]:
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    yield request.param


def _window(qtbot: QtBot, cases: Database, rule_book: RuleBook, size: QSize) -> MainWindow:
    """The window at ``size``, its width shared out once on screen, as after a start."""
    window = MainWindow(cases, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window._share_width()  # the app does this once the list has painted (defer_tools)
    return window


def _on_screen(table: QTableView, column: Column) -> bool:
    header = table.horizontalHeader()
    if header.isSectionHidden(column):
        return False
    left = header.sectionViewportPosition(column)
    return left >= 0 and left + header.sectionSize(column) <= table.viewport().width()


def _date_width(table: QTableView) -> int:
    """The width a provisional due date needs in its cell, elided: "2026-04-01…" (every
    date of the test's is as wide: DejaVu's digits share one advance) in the bold an overdue
    badge may use, the item view's text margin (focus-frame margin + 1) each side and the
    grid line."""
    font = QFont(table.font())
    font.setBold(True)
    text = math.ceil(QFontMetricsF(font).horizontalAdvance("2026-04-01…"))
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    header = table.horizontalHeader().sectionSizeHint(Column.DUE)
    return max(text + 2 * margin + 1, header)


def _provisional_text(window: MainWindow) -> str:
    model = window.case_list.model
    row = model.row_of(reference(PROVISIONAL[1]))
    assert row is not None
    return str(model.index(row, Column.DUE).data())


def _shown_due(window: MainWindow) -> str:
    """The provisional due date as its cell shows it: elided at the right to the room the
    view gives it (the cell less its grid line and text margins)."""
    table = window.case_list.table
    model = window.case_list.model
    row = model.row_of(reference(PROVISIONAL[1]))
    assert row is not None
    index = model.index(row, Column.DUE)
    font = index.data(Qt.ItemDataRole.FontRole) or table.font()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(Column.DUE) - 1 - 2 * margin
    return QFontMetrics(font).elidedText(str(index.data()), Qt.TextElideMode.ElideRight, room)


def test_at_the_qas_size_every_column_shows_beside_the_detail_pane(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str
) -> None:
    window = _window(qtbot, cases, rule_book, QA_WINDOW)
    table = window.case_list.table
    assert _provisional_text(window).startswith("2026-04-01")  # and the word, translated
    assert [c for c in Column if not _on_screen(table, c)] == []  # Received included
    shown = sum(table.columnWidth(c) for c in Column)
    assert shown <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    # The due column: at least its dates, at most its every text (the word "provisional").
    due = table.columnWidth(Column.DUE)
    assert _date_width(table) <= due <= window.case_list.wanted_width()
    assert _shown_due(window).startswith("2026-04-01")  # the date whole, elided or not


def test_where_the_receipt_time_gives_way_the_due_column_is_no_wider_than_its_dates(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str
) -> None:
    window = _window(qtbot, cases, rule_book, SCREEN_150)
    table = window.case_list.table
    must_show = [c for c in Column if c != Column.RECEIVED]
    assert [c for c in must_show if not _on_screen(table, c)] == []
    assert table.horizontalScrollBar().maximum() == 0
    assert _shown_due(window).startswith("2026-04-01")
    if table.isColumnHidden(Column.RECEIVED):
        assert table.columnWidth(Column.DUE) == _date_width(table)
        # Elided after the date: "2026-04-01…" (in bold), "2026-04-01 …" (a regular
        # font's narrower digits leave room for the space).
        assert _shown_due(window).endswith("…")
    else:  # Chinese names are short: all seven may fit
        assert _on_screen(table, Column.RECEIVED)


def test_with_room_the_due_column_shows_the_word_provisional_whole(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str
) -> None:
    window = _window(qtbot, cases, rule_book, SCREEN_100)
    table = window.case_list.table
    assert [c for c in Column if not _on_screen(table, c)] == []
    font = QFont(table.font())
    font.setBold(True)
    text = QFontMetricsF(font).horizontalAdvance(_provisional_text(window))
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    assert text <= table.columnWidth(Column.DUE) - 1 - 2 * margin


@pytest.mark.parametrize("size", [QA_WINDOW, SCREEN_150, SCREEN_100])
def test_the_case_count_is_never_clipped(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str, size: QSize
) -> None:
    window = _window(qtbot, cases, rule_book, size)
    browser = window.case_list
    label = browser.count_label
    # 13 open cases (test_case_search: OPEN), in the language's words.
    assert label.text() == ("13 case(s)" if language == "en" else "13 个案件")
    advance = QFontMetricsF(label.font()).horizontalAdvance(label.text())
    assert label.width() >= math.ceil(advance)
    # A space between the count and the list's right edge (the splitter's handle).
    right = label.mapTo(browser, label.rect().topRight()).x()
    assert right < browser.width() - 1
