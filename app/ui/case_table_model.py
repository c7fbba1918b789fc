"""The case list's model: a ``QAbstractTableModel`` over frozen ``CaseRow`` objects."""

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.models.enums import CaseStatus
from app.services.case_queries import CaseRow
from app.ui.labels import kind_label, status_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_SOON_DAYS = 3
OVERDUE_COLOUR = QColor("#c62828")
DUE_SOON_COLOUR = QColor("#b26a00")

ModelIndex = QModelIndex | QPersistentModelIndex
# Answered cases are not late any more, whatever their due date said.
ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})


class Column(IntEnum):
    """Columns of the case list, in display order."""

    REFERENCE = 0
    KIND = 1
    REQUESTER = 2
    RECEIVED = 3
    DUE = 4
    DAYS_LEFT = 5
    STATUS = 6


class CaseTableModel(QAbstractTableModel):
    """Rows of cases; ``DisplayRole`` gives text, ``SORT_ROLE`` the raw value to sort by.

    Args:
        today: returns the local date against which days left are counted (a function so a
            window left open over midnight stays right, and tests can fix the date).
    """

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._today = today

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CaseRow:
        """Return the ``CaseRow`` shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[Column(section)]

    def _headers(self) -> dict[Column, str]:
        return {
            Column.REFERENCE: self.tr("Reference"),
            Column.KIND: self.tr("Kind"),
            Column.REQUESTER: self.tr("Requester"),
            Column.RECEIVED: self.tr("Received"),
            Column.DUE: self.tr("Due"),
            Column.DAYS_LEFT: self.tr("Days left"),
            Column.STATUS: self.tr("Status"),
        }

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.DUE, Column.DAYS_LEFT):
            return self._deadline_brush(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.DUE and row.due_provisional:
            return self.tr(
                "Provisional: the official holiday calendar for that year is not out yet"
            )
        return None

    def _text(self, row: CaseRow, column: Column) -> str:
        if column == Column.REFERENCE:
            return row.reference
        if column == Column.KIND:
            return kind_label(row.kind)
        if column == Column.REQUESTER:
            return row.requester_name or row.requester_email or "—"
        if column == Column.RECEIVED:
            return row.received_at.astimezone().strftime("%Y-%m-%d %H:%M")
        if column == Column.DUE:
            return self._due_text(row)
        if column == Column.DAYS_LEFT:
            left = row.days_left(self._today())
            return "—" if left is None else str(left)
        return status_label(row.status)

    def _due_text(self, row: CaseRow) -> str:
        if row.due_date is None:
            return "—"
        text = row.due_date.isoformat()
        return text + self.tr(" (provisional)") if row.due_provisional else text

    def _sort_value(self, row: CaseRow, column: Column) -> Any:
        values: dict[Column, Any] = {
            Column.REFERENCE: row.reference,
            Column.KIND: row.kind.value,
            Column.REQUESTER: (row.requester_name or row.requester_email or "").casefold(),
            Column.RECEIVED: row.received_at.timestamp(),
            Column.DUE: row.due_date.toordinal() if row.due_date else 10**7,
            Column.DAYS_LEFT: row.days_left(self._today()) if row.due_date else 10**7,
            Column.STATUS: row.status.value,
        }
        return values[column]

    def _deadline_brush(self, row: CaseRow) -> QBrush | None:
        left = row.days_left(self._today())
        if left is None or row.status in ANSWERED:
            return None
        if left < 0:
            return QBrush(OVERDUE_COLOUR)
        return QBrush(DUE_SOON_COLOUR) if left <= DUE_SOON_DAYS else None
