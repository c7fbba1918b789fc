"""A read-only table model over frozen rows, shared by the settings pages (STYLE.md §5)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell, for sorting (dates, numbers) rather than its text."""

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its (translated) header, the cell text, and the raw value to sort by."""

    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], object] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows (frozen dataclasses, never ORM objects) shown in ``columns``; replaced as a whole."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows`` instead of the current ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """Return the row object at ``row``, or ``None`` when out of range."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Row]:
        """Return a copy of the rows shown."""
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        """Return the number of rows (0 under any valid parent: a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        """Return the number of columns (0 under any valid parent)."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Return the cell text (display and tool tip) or its raw sort value."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row)
        return None

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Return the column header text."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._columns[section].header if 0 <= section < len(self._columns) else None
