"""The widths of the case browser's columns: measured once from the first page's rows (a
sample, never every row), each short column as wide as its widest text up to a cap, the
requester's name taking the width left over.

A pasted 100,000-character name must not push the dates off screen: a column starts at most
``COLUMN_MAX_EMS`` wide and its cells elide. Where the list is narrower than its columns (150 %
on a laptop, the detail pane open), the requester keeps ``REQUESTER_MIN_EMS`` and the table
scrolls sideways: a stretched column would shrink to three letters ("Eri…"), and the name is
what staff read a row by.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from app.models.enums import CaseKind, CaseStatus
from app.ui.case_page_model import CasePageModel, Column
from app.ui.labels import kind_label, status_label

COLUMN_SAMPLE_ROWS = 60  # a tall screen's rows: measuring 200 took 30 ms of the first paint
COLUMN_MAX_EMS = 24  # the widest a column starts, in widths of "M"
REQUESTER_MIN_EMS = 10  # the requester's name, elided, beside the other columns in full


def size_columns(table: QTableView, model: CasePageModel) -> bool:
    """Size ``table``'s columns (but the requester's) from ``model``'s first page, at most
    ``COLUMN_SAMPLE_ROWS`` rows, and every name an enum column can show.

    Returns:
        Whether the columns were sized: ``False`` while there are no rows or no header yet.
    """
    if model.rowCount() == 0 or table.horizontalHeader().count() == 0:
        return False
    model.row_at(0)  # loads the first page, which the view paints next anyway
    sample = model.held_rows()[:COLUMN_SAMPLE_ROWS]
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    header = table.horizontalHeader()
    widest = COLUMN_MAX_EMS * em
    for column in Column:
        if column == Column.REQUESTER:
            continue  # stretched over the width the others leave
        texts = [model.text(r, column)[:200] for r in sample]
        texts += _every_label(column)
        cells = max((metrics.horizontalAdvance(text) for text in texts), default=0) + em
        # The title as the header measures it: with its margins and the sort arrow.
        width = max(cells, header.sectionSizeHint(column))
        table.setColumnWidth(column, min(width, widest))
    return True


def wanted_width(table: QTableView) -> int:
    """Return the width (device-independent pixels) at which every column of ``table`` shows
    without scrolling: the sized columns, ``REQUESTER_MIN_EMS`` for the requester, the scroll
    bar and frame."""
    header = table.horizontalHeader()
    columns = sum(header.sectionSize(c) for c in Column if c != Column.REQUESTER)
    requester = REQUESTER_MIN_EMS * table.fontMetrics().horizontalAdvance("M")
    chrome = table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
    return columns + requester + chrome


def _every_label(column: Column) -> list[str]:
    """Every name ``column`` can show when it shows an enum (kinds, statuses): a status the
    first page lacks ("In retention") then fits as well, e.g. after switching views."""
    if column == Column.KIND:
        return [kind_label(kind) for kind in CaseKind]
    if column == Column.STATUS:
        return [status_label(status) for status in CaseStatus]
    return []


class RequesterWidth(QObject):
    """Keeps ``table``'s requester column as wide as the other columns leave of its viewport,
    never narrower than ``REQUESTER_MIN_EMS`` (the table then scrolls sideways). Follows every
    resize of the viewport (window, splitter, scroll bar shown); the user may still drag it."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.horizontalHeader().setSectionResizeMode(
            Column.REQUESTER, table.horizontalHeader().ResizeMode.Interactive
        )
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Fit the requester's column when the viewport changes size; never consumes events."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Give the requester's column the width left over, at least ``REQUESTER_MIN_EMS``."""
        header = self._table.horizontalHeader()
        if header.count() <= Column.REQUESTER:
            return
        others = sum(header.sectionSize(c) for c in Column if c != Column.REQUESTER)
        floor = REQUESTER_MIN_EMS * self._table.fontMetrics().horizontalAdvance("M")
        header.resizeSection(Column.REQUESTER, max(floor, self._table.viewport().width() - others))
