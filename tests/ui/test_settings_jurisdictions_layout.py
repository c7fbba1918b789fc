"""The Jurisdictions page's legal sources show whole in a narrow dialog (QA11 D14: the column
sat off-screen at 150 % on a 1440×900 screen), in English and Chinese: they take the width the
short columns leave and wrap, and each row is as tall as its wrapped source."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QStyle, QTableView
from pytestqt.qtbot import QtBot

from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.settings_jurisdictions import JurisdictionsPage, capped_widths
from tests.ui.settings_fixtures import context

SOURCE = 5


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, translations: object) -> Iterator[str]:
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    yield request.param


def test_short_columns_are_capped_only_as_far_as_the_room_needs() -> None:
    # The English widths at 150 %: jurisdiction, kind, period, start, calendar (em = 11).
    natural = [143, 130, 110, 95, 248]
    assert capped_widths(natural, 1000, 99) == natural
    assert capped_widths(natural, 636, 99) == [143, 130, 110, 95, 143]
    assert capped_widths(natural, 600, 99) == [130, 130, 110, 95, 130]
    assert capped_widths(natural, 399, 99) == [99, 99, 99, 95, 99]  # never below the floor


def _source_rows_cut(table: QTableView) -> list[int]:
    """Rows whose legal source needs more lines than the row's height holds."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(SOURCE) - 1 - 2 * margin
    metrics, model, cut = table.fontMetrics(), table.model(), []
    for row in range(model.rowCount()):
        text = model.index(row, SOURCE).data()
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        needed = metrics.boundingRect(QRect(0, 0, room, 10_000), flags, text).height()
        if needed > table.rowHeight(row):
            cut.append(row)
    return cut


@pytest.mark.parametrize("width_ems", [64, 110])
def test_the_legal_sources_show_whole_in_a_narrow_or_a_wide_page(
    qtbot: QtBot, database: Database, rule_book: RuleBook, language: str, width_ems: int
) -> None:
    # 64 em: the page's width in the settings dialog at 150 % on a 1440×900 screen (701 px).
    page = JurisdictionsPage(context(database, rule_book))
    qtbot.addWidget(page)
    em = page.fontMetrics().horizontalAdvance("M")
    page.resize(width_ems * em, 40 * page.fontMetrics().height())
    page.show()
    qtbot.waitExposed(page)
    table, header = page.table, page.table.horizontalHeader()
    qtbot.waitUntil(lambda: _source_rows_cut(table) == [])
    assert table.horizontalScrollBar().maximum() == 0
    right = header.sectionViewportPosition(SOURCE) + header.sectionSize(SOURCE)
    assert right <= table.viewport().width()
    assert header.sectionSize(SOURCE) >= 14 * em
    for column in range(SOURCE):  # never narrower than the title with its sort arrow
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
