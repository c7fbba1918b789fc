"""The case list's columns on a 1440×900 screen at 150 % (960×600 device-independent pixels,
the window maximised) and on 1920×1080 at 100 %, in English and Chinese: every shown header
whole with room for the sort arrow, every cell of the first page unelided, and reference,
kind, requester, due date, days left and status on screen beside the detail pane without
scrolling sideways (QA12 N5: "Days lef" and the Status column behind a sideways scroll bar).

Text is measured in device-independent pixels, which a scale factor leaves unchanged (the
widths of these texts under QT_SCALE_FACTOR=1.5 on a 1440×900 X screen were the same to the
pixel), so the window's size stands for the screen's.
"""

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QStyle, QStyleOptionHeader, QTableView
from pytestqt.qtbot import QtBot

from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.case_browser import CaseBrowser
from app.ui.case_list_columns import Column
from app.ui.main_window import MainWindow
from tests.services.test_case_search import TODAY, _add_cases

SCREEN_150 = QSize(1440 * 2 // 3, 900 * 2 // 3)  # 1440×900 at 150 %
SCREEN_100 = QSize(1920, 1080)
# What staff read a row by (QA12 N5); the receipt time gives way first where these need room.
MUST_SHOW = [c for c in Column if c != Column.RECEIVED]


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def cases(database: Database) -> Database:
    with database.session() as session:
        _add_cases(session)
    return database


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, translations: object) -> Iterator[str]:
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    yield request.param


def _maximised(qtbot: QtBot, cases: Database, rule_book: RuleBook, screen: QSize) -> MainWindow:
    """The window filling ``screen``, its width shared out once on screen, as at a start."""
    window = MainWindow(cases, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(screen)
    window.show()
    qtbot.waitExposed(window)
    window._share_width()  # the app does this once the list has painted (defer_tools)
    first = window.case_list.model.row_at(0)
    assert first is not None
    window.case_list.select_reference(first.reference)  # a selected row's headers are bold
    return window


def _on_screen(table: QTableView, column: Column) -> bool:
    """Whether ``column`` is shown whole inside ``table``'s viewport, unscrolled."""
    header = table.horizontalHeader()
    if header.isSectionHidden(column):
        return False
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    return header.sectionViewportPosition(column) >= 0 and right <= table.viewport().width()


def _header_room(table: QTableView, column: Column) -> tuple[float, int]:
    """The width of ``column``'s title in the header's bold font (a selected row's headers are
    bold) and the room the style leaves it in the section with a sort arrow showing."""
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setBold(True)
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, header.sectionSize(column), header.height())
    option.state = QStyle.StateFlag.State_Horizontal | QStyle.StateFlag.State_Enabled
    option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    option.text = str(table.model().headerData(column, Qt.Orientation.Horizontal))
    label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
    return QFontMetricsF(font).horizontalAdvance(option.text), label.width()


def _elided_cells(table: QTableView, column: Column) -> list[str]:
    """The first page's texts in ``column`` wider than the room the view gives them: the cell
    less its grid line and QCommonStyle's text margin (focus-frame margin + 1) each side."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(column) - 1 - 2 * margin
    model, elided = table.model(), []
    for row in range(min(model.rowCount(), 60)):
        index = model.index(row, column)
        font = index.data(Qt.ItemDataRole.FontRole) or table.font()  # bold when overdue
        if QFontMetricsF(font).horizontalAdvance(index.data()) > room:
            elided.append(index.data())
    return elided


def _check_shown_columns(table: QTableView, must_show: Sequence[Column]) -> None:
    """``must_show`` lies on screen without scrolling sideways; what shows is not cut."""
    assert all(_on_screen(table, column) for column in must_show)
    assert table.horizontalScrollBar().maximum() == 0
    for column in Column:
        if table.isColumnHidden(column):
            continue
        title, room = _header_room(table, column)
        assert title <= room, (column, title, room)
        if column != Column.REQUESTER:  # names elide, whole in the detail pane
            assert _elided_cells(table, column) == []


def test_at_150_percent_on_1440x900_the_columns_staff_read_show_without_scrolling(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str
) -> None:
    window = _maximised(qtbot, cases, rule_book, SCREEN_150)
    table = window.case_list.table
    _check_shown_columns(table, MUST_SHOW)
    assert table.columnWidth(Column.REQUESTER) >= 10 * table.fontMetrics().horizontalAdvance("M")
    # The detail pane keeps its own minimum and 30 % of the width (main_window).
    list_width, pane_width = window._splitter.sizes()
    assert pane_width >= window.detail.minimumSizeHint().width()
    assert pane_width >= 0.3 * (list_width + pane_width) - window._splitter.handleWidth()
    # Alone, the seven columns fit the screen's width.
    assert window.case_list.wanted_width() <= SCREEN_150.width()
    if language == "zh_CN":  # the Chinese names are short: all seven fit beside the pane
        assert _on_screen(table, Column.RECEIVED)


def test_at_100_percent_on_1920x1080_all_seven_columns_show(
    qtbot: QtBot, cases: Database, rule_book: RuleBook, language: str
) -> None:
    window = _maximised(qtbot, cases, rule_book, SCREEN_100)
    _check_shown_columns(window.case_list.table, list(Column))


def test_the_receipt_time_gives_way_first_and_comes_back_when_there_is_room(
    qtbot: QtBot, cases: Database
) -> None:
    browser = CaseBrowser(cases, lambda: TODAY, None)
    qtbot.addWidget(browser)
    table = browser.table
    everything, six = browser.wanted_width(), browser.wanted_width(every_column=False)
    assert six == everything - table.columnWidth(Column.RECEIVED) > 0
    browser.resize(six + 4, 400)  # room for six columns, not seven
    browser.show()
    qtbot.waitExposed(browser)
    qtbot.waitUntil(lambda: table.isColumnHidden(Column.RECEIVED))
    assert all(_on_screen(table, column) for column in MUST_SHOW)
    assert browser.wanted_width() == everything  # still counted: the splitter may give it room
    browser.resize(everything + 4, 400)
    qtbot.waitUntil(lambda: not table.isColumnHidden(Column.RECEIVED))
    assert all(_on_screen(table, column) for column in Column)
    assert table.horizontalScrollBar().maximum() == 0
