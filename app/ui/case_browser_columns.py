"""The widths of the case browser's columns: measured once from the first page's rows (a
sample, never every row), each short column as wide as its widest text and its header need,
up to a cap, the requester's name taking the width left over.

Widths come from font metrics and the style's own margins, never fixed pixels, so they hold
at 100 % and 150 % alike: a cell's text plus the item view's text margins and grid line; a
header's title as the header measures it (margins and room for the sort arrow, which any
column shows once clicked).

A pasted 100,000-character name must not push the dates off screen: a column starts at most
``COLUMN_MAX_EMS`` wide and its cells elide. Where the list is narrower than its columns (150 %
on a 1440×900 screen beside the detail pane), the receipt time gives way first: it is hidden
while the list cannot show every column (the detail pane's header shows it), so reference,
kind, requester, due date, days left and status stay on screen without scrolling sideways.
Narrower still, the requester keeps ``REQUESTER_MIN_EMS`` and the table scrolls sideways: a
stretched column would shrink to three letters ("Eri…"), and the name is what staff read a
row by.
"""

import math

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

from app.models.enums import CaseKind, CaseStatus
from app.ui.case_page_model import CasePageModel, Column
from app.ui.labels import kind_label, status_label

COLUMN_SAMPLE_ROWS = 60  # a tall screen's rows: measuring 200 took 30 ms of the first paint
COLUMN_MAX_EMS = 24  # the widest a column starts, in widths of "M"
REQUESTER_MIN_EMS = 10  # the requester's name, elided, beside the other columns in full
DROPPED_FIRST = Column.RECEIVED  # hidden while the list is too narrow for every column
_BOLD_COLUMNS = (Column.DUE, Column.DAYS_LEFT)  # bold when overdue (deadline_badge)
_FITTED = (Column.REQUESTER, DROPPED_FIRST)  # widths set by ``RequesterWidth``, not sized


def size_columns(table: QTableView, model: CasePageModel) -> bool:
    """Size ``table``'s columns (but the requester's) from ``model``'s first page, at most
    ``COLUMN_SAMPLE_ROWS`` rows, and every name an enum column can show; each at least as
    wide as its header's title with the sort arrow, at most ``COLUMN_MAX_EMS``.

    Returns:
        Whether the columns were sized: ``False`` while there are no rows or no header yet.
    """
    if model.rowCount() == 0 or table.horizontalHeader().count() == 0:
        return False
    model.row_at(0)  # loads the first page, which the view paints next anyway
    sample = model.held_rows()[:COLUMN_SAMPLE_ROWS]
    header = table.horizontalHeader()
    table.setColumnHidden(DROPPED_FIRST, False)  # measured in full; ``RequesterWidth`` decides
    widest = COLUMN_MAX_EMS * table.fontMetrics().horizontalAdvance("M")
    for column in Column:
        if column == Column.REQUESTER:
            continue  # stretched over the width the others leave
        texts = [model.text(r, column)[:200] for r in sample] + _every_label(column)
        width = max(cell_width(table, column, texts), header.sectionSizeHint(column))
        table.setColumnWidth(column, min(width, widest))
    return True


def cell_width(table: QTableView, column: Column, texts: list[str]) -> int:
    """Return the column width (device-independent pixels) at which each of ``texts`` shows
    unelided in ``column``'s cells: the widest text in the cell's font (bold where an overdue
    badge may make it so), the item view's text margin on each side, and the grid line."""
    font = table.font()
    font.setBold(column in _BOLD_COLUMNS)
    # Fractional: the view elides a text whose natural width exceeds its room by a fraction.
    metrics = QFontMetricsF(font)
    text = math.ceil(max((metrics.horizontalAdvance(t) for t in texts), default=0.0))
    # QCommonStyle lays an item's text out this far in from each side of its cell.
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return text + 2 * margin + (1 if table.showGrid() else 0)


def requester_floor(table: QTableView) -> int:
    """Return the narrowest the requester's column gets (device-independent pixels):
    ``REQUESTER_MIN_EMS`` of the table's font, or its header's title if that is wider."""
    em = table.fontMetrics().horizontalAdvance("M")
    return max(REQUESTER_MIN_EMS * em, table.horizontalHeader().sectionSizeHint(Column.REQUESTER))


def wanted_width(table: QTableView, *, every_column: bool = True) -> int:
    """Return the width (device-independent pixels) at which the columns of ``table`` show
    without scrolling: the sized columns (with ``DROPPED_FIRST``'s, hidden or not, unless
    ``every_column`` is false), the requester's floor, the scroll bar and frame."""
    header = table.horizontalHeader()
    fitter = table.findChild(RequesterWidth)
    columns = sum(header.sectionSize(c) for c in Column if c not in _FITTED)
    dropped = fitter.dropped_width() if fitter is not None else header.sectionSize(DROPPED_FIRST)
    chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
    return columns + (dropped if every_column else 0) + requester_floor(table) + chrome


def _every_label(column: Column) -> list[str]:
    """Every name ``column`` can show when it shows an enum (kinds, statuses): a status the
    first page lacks ("In retention") then fits as well, e.g. after switching views."""
    if column == Column.KIND:
        return [kind_label(kind) for kind in CaseKind]
    if column == Column.STATUS:
        return [status_label(status) for status in CaseStatus]
    return []


class RequesterWidth(QObject):
    """Fits ``table``'s columns to its viewport at every resize (window, splitter, scroll bar
    shown): hides ``DROPPED_FIRST`` while the viewport cannot hold every column with the
    requester at its floor, and shows it again once it can; the requester's column takes the
    width left over, never narrower than ``requester_floor`` (the table then scrolls
    sideways). The user may still drag any column."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._dropped_width = 0  # ``DROPPED_FIRST``'s width while it is hidden
        table.horizontalHeader().setSectionResizeMode(
            Column.REQUESTER, table.horizontalHeader().ResizeMode.Interactive
        )
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Fit the columns when the viewport changes size; never consumes events."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def dropped_width(self) -> int:
        """Return ``DROPPED_FIRST``'s width (device-independent pixels), shown or hidden."""
        header = self._table.horizontalHeader()
        if header.isSectionHidden(DROPPED_FIRST):
            return self._dropped_width
        return header.sectionSize(DROPPED_FIRST)

    def fit(self) -> None:
        """Show or hide ``DROPPED_FIRST`` for the viewport's width (only once on screen: a
        hidden table's viewport has no width yet), then give the requester the rest."""
        header = self._table.horizontalHeader()
        if header.count() <= max(Column):
            return
        if self._table.isVisible():
            self._drop_if_narrow()
        others = sum(header.sectionSize(c) for c in Column if c != Column.REQUESTER)
        width = max(requester_floor(self._table), self._table.viewport().width() - others)
        header.resizeSection(Column.REQUESTER, width)

    def _drop_if_narrow(self) -> None:
        header = self._table.horizontalHeader()
        dropped = self.dropped_width()
        others = sum(header.sectionSize(c) for c in Column if c not in _FITTED)
        narrow = self._table.viewport().width() < others + dropped + requester_floor(self._table)
        if narrow != header.isSectionHidden(DROPPED_FIRST):
            self._dropped_width = dropped
            self._table.setColumnHidden(DROPPED_FIRST, narrow)
