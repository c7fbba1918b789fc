"""The detail pane's header gets the height its text needs when a case is shown (QA11 D14):
its whole text visible when the pane has room, scrolling (never clipped) when not, the tabs
keeping their tab bar and eight lines, and a split the user dragged standing."""

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.services.case_queries import CaseDetail, case_detail
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_message_file
from app.store import Database
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.header_splitter import header_height
from tests.conftest import CORPUS_INBOX

TODAY = date(2026, 5, 6)
# manifest.json: zh04 is a CN deletion with triage evidence for kind, language and
# jurisdiction; zh05 an account cancellation.
DELETION = "zh04-zh-deletion-face.eml"
CANCELLATION = "zh05-zh-cancel.eml"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _detail(database: Database, rule_book: RuleBook, name: str) -> CaseDetail:
    with database.session() as session:
        result = import_message_file(session, CORPUS_INBOX / name, rule_book)
        assert result.reference is not None
        return case_detail(session, result.reference, rule_book, today=TODAY, record_view=False)


def _shown_empty(qtbot: QtBot, width_chars: int, height_lines: int) -> CaseDetailPane:
    """The pane as the main window shows it: first without a case, split at first show."""
    pane = CaseDetailPane(today=lambda: TODAY)
    qtbot.addWidget(pane)
    metrics = pane.fontMetrics()
    pane.resize(metrics.averageCharWidth() * width_chars, metrics.lineSpacing() * height_lines)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _showing(
    qtbot: QtBot, detail: CaseDetail, width_chars: int, height_lines: int
) -> CaseDetailPane:
    """The pane shown first without a case, then showing ``detail``, its layout settled."""
    pane = _shown_empty(qtbot, width_chars, height_lines)
    pane.show_detail(detail)
    _settled()
    return pane


def _settled() -> None:
    QCoreApplication.processEvents()  # the layout requests the new case posted
    QCoreApplication.processEvents()


def _last_fact_bottom(pane: CaseDetailPane) -> int:
    """Return the bottom (px) of the triage evidence, in the header viewport's coordinates."""
    reasons: QLabel = pane.header._facts["reasons"]
    viewport = pane._header_scroll.viewport()
    return reasons.mapTo(viewport, QPoint(0, reasons.height())).y()


def _tabs_keep_eight_lines(pane: CaseDetailPane) -> bool:
    tabs = pane.tabs
    lines = 8 * tabs.fontMetrics().lineSpacing()
    return tabs.height() >= tabs.tabBar().height() + lines


def test_the_whole_header_is_visible_when_the_pane_has_room_for_it(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    detail = _detail(database, rule_book, DELETION)
    pane = _shown_empty(qtbot, 60, 80)
    pane.show_detail(detail)
    _settled()
    scroll = pane._header_scroll
    need = pane.header.height()
    assert scroll.verticalScrollBar().maximum() == 0  # all of it shown on an 80-line pane
    # A pane where the header needs more than half the height but less than 60 %: split at
    # first show (half each) it was cut mid-line; now it is fitted when the case is shown.
    pane.show_detail(None)
    total = int(need / 0.55)
    pane.resize(pane.width(), total + pane.height() - pane._splitter.height())
    _settled()
    pane.show_detail(detail)
    _settled()
    reasons = pane.header._facts["reasons"]
    assert reasons.height() >= reasons.heightForWidth(reasons.width())  # not cut mid-line
    assert 0 < _last_fact_bottom(pane) <= scroll.viewport().height()
    assert scroll.verticalScrollBar().maximum() == 0
    assert _tabs_keep_eight_lines(pane)


def test_a_short_pane_scrolls_the_header_and_the_tabs_keep_eight_lines(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    pane = _showing(qtbot, _detail(database, rule_book, DELETION), 40, 24)
    scroll = pane._header_scroll
    header = pane.header
    assert _tabs_keep_eight_lines(pane)
    assert scroll.height() < header.heightForWidth(header.width())
    # Scrolled, not clipped: the header has all its height; the scroll bar reaches the end.
    assert header.height() >= header.heightForWidth(header.width())
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    _settled()
    assert _last_fact_bottom(pane) <= scroll.viewport().height()


def test_a_narrower_pane_refits_the_rewrapped_header(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    pane = _showing(qtbot, _detail(database, rule_book, DELETION), 90, 90)
    wide = pane._header_scroll.height()
    pane.resize(pane.fontMetrics().averageCharWidth() * 45, pane.height())
    _settled()
    assert pane._header_scroll.height() > wide  # the facts took more lines
    assert pane._header_scroll.verticalScrollBar().maximum() == 0
    assert 0 < _last_fact_bottom(pane) <= pane._header_scroll.viewport().height()


def test_a_split_the_user_dragged_stands_for_the_next_case(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    pane = _showing(qtbot, _detail(database, rule_book, DELETION), 60, 80)
    splitter = pane._splitter
    dragged = splitter.sizes()[0] // 2
    splitter.moveSplitter(dragged, 1)  # what the handle calls while it is dragged
    assert splitter.user_sized
    pane.show_detail(_detail(database, rule_book, CANCELLATION))
    _settled()
    assert splitter.sizes()[0] == dragged


@pytest.mark.parametrize(
    ("need", "total", "tabs_floor", "header_floor", "share"),
    [
        (370, 805, 171, 60, 370),  # 100 % on 1440×900: the whole header
        (495, 505, 171, 60, 303),  # 150 % on 1440×900: 60 % of the pane, the rest scrolls
        (495, 400, 171, 60, 229),  # shorter still: the tabs keep their floor
        (495, 150, 171, 60, 60),  # too short for both: the header's own minimum
        (495, 40, 171, 60, 40),
    ],
)
def test_header_height_shares_the_pane(
    need: int, total: int, tabs_floor: int, header_floor: int, share: int
) -> None:
    assert header_height(need, total, tabs_floor, header_floor) == share
