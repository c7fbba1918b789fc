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
Before the receipt time gives way, the due date gives up the room of its word "provisional"
(elided to "2027-01-15…"; the cell's tooltip and the detail pane say it in full): a 1157-px
window at 100 % beside the detail pane then shows every column (QA14 F11, where the receipt
time was hidden beside a due column as wide as its off-screen provisional rows). While the
receipt time is hidden the due column stays that narrow: the room goes to the requester.
Narrower still, the requester keeps ``REQUESTER_MIN_EMS`` and the table scrolls sideways: a
stretched column would shrink to three letters ("Eri…"), and the name is what staff read a
row by.
"""

import math
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

from app.models.enums import CaseKind, CaseStatus
from app.ui.case_list_columns import Column
from app.ui.case_page_model import CasePageModel
from app.ui.labels import kind_label, status_label

COLUMN_SAMPLE_ROWS = 60  # a tall screen's rows: measuring 200 took 30 ms of the first paint
COLUMN_MAX_EMS = 24  # the widest a column starts, in widths of "M"
REQUESTER_MIN_EMS = 10  # the requester's name, elided, beside the other columns in full
DROPPED_FIRST = Column.RECEIVED  # hidden while the list is too narrow for every column
_BOLD_COLUMNS = (Column.DUE, Column.DAYS_LEFT)  # bold when overdue (deadline_badge)
SHRUNK_FIRST = Column.DUE  # narrowed to its dates before ``DROPPED_FIRST`` is hidden
ELIDED = "…"  # what a shrunk provisional due date shows after the date
_FITTED = (Column.REQUESTER, DROPPED_FIRST, SHRUNK_FIRST)  # widths set by ``RequesterWidth``


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
    # The due dates without the word "provisional", a provisional one with room for "…"
    # (the view elides the rest): the date stays whole ("2027-01-15…", not "2027-01-1…").
    dates = [
        model.text(replace(r, due_provisional=False), SHRUNK_FIRST)
        + (ELIDED if r.due_provisional else "")
        for r in sample
    ]
    compact = max(cell_width(table, SHRUNK_FIRST, dates), header.sectionSizeHint(SHRUNK_FIRST))
    fitter = table.findChild(RequesterWidth)
    if fitter is not None:
        fitter.set_due_widths(header.sectionSize(SHRUNK_FIRST), min(compact, widest))
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
    without scrolling: the sized columns (``SHRUNK_FIRST`` as wide as its every text, shrunk
    or not; ``DROPPED_FIRST``'s, hidden or not, unless ``every_column`` is false), the
    requester's floor, the scroll bar and frame."""
    header = table.horizontalHeader()
    fitter = table.findChild(RequesterWidth)
    columns = sum(header.sectionSize(c) for c in Column if c not in _FITTED)
    if fitter is not None:
        dropped, due = fitter.dropped_width(), fitter.due_widths()[0]
    else:
        dropped, due = header.sectionSize(DROPPED_FIRST), header.sectionSize(SHRUNK_FIRST)
    chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
    return columns + due + (dropped if every_column else 0) + requester_floor(table) + chrome


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
    shown): narrows ``SHRUNK_FIRST`` to its dates, then hides ``DROPPED_FIRST``, while the
    viewport cannot hold every column with the requester at its floor, and undoes that once
    it can; the requester's column takes the width left over, never narrower than
    ``requester_floor`` (the table then scrolls sideways). The user may still drag any
    column (until the next resize)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._dropped_width = 0  # ``DROPPED_FIRST``'s width while it is hidden
        self._due: tuple[int, int] | None = None  # ``SHRUNK_FIRST``'s full and compact widths
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

    def set_due_widths(self, full: int, compact: int) -> None:
        """Keep ``SHRUNK_FIRST``'s widths (device-independent pixels): ``full`` for its every
        text, ``compact`` for its dates alone (``size_columns`` measures both)."""
        self._due = (full, min(compact, full))

    def due_widths(self) -> tuple[int, int]:
        """Return ``SHRUNK_FIRST``'s full and compact widths (device-independent pixels);
        both its present width until ``set_due_widths`` is called."""
        if self._due is None:
            size = self._table.horizontalHeader().sectionSize(SHRUNK_FIRST)
            return size, size
        return self._due

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
        full, compact = self.due_widths()
        others = sum(header.sectionSize(c) for c in Column if c not in _FITTED)
        room = self._table.viewport().width() - others - dropped - requester_floor(self._table)
        narrow = room < compact
        if self._due is not None:
            header.resizeSection(SHRUNK_FIRST, full if room >= full else compact)
        if narrow != header.isSectionHidden(DROPPED_FIRST):
            self._dropped_width = dropped
            self._table.setColumnHidden(DROPPED_FIRST, narrow)
