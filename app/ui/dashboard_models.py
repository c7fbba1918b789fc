"""Item models of the dashboard: the workload per handler and the deadline calendar.

Both hold frozen values from ``app.services.dashboard`` (never ORM objects) and are replaced
whole on each refresh (``set_figures``).
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.dashboard import DeadlineDay, HandlerLoad

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
AMBER = QColor("#F4C26B")
RED = QColor("#C62828")


class WorkloadModel(QAbstractTableModel):
    """One row per handler (the unassigned cases last): open, overdue, due within 7 days.

    ``SORT_ROLE`` gives the raw count (or the name) for a sort proxy.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[HandlerLoad, ...] = ()

    def set_rows(self, rows: tuple[HandlerLoad, ...]) -> None:
        """Show ``rows`` instead of the current ones."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (
            self.tr("Handler"),
            self.tr("Open"),
            self.tr("Overdue"),
            self.tr("Due within 7 days"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        load = self._rows[index.row()]
        values = (load.assignee, load.open, load.overdue, load.due_soon)
        value = values[index.column()]
        if role == SORT_ROLE:
            return value if value is not None else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.column(), value)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and load.overdue:
            return QBrush(RED)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column: int, value: str | int | None) -> str:
        if column == 0:
            return str(value) if value is not None else self.tr("Unassigned")
        return str(value)


class DeadlineCalendarModel(QAbstractTableModel):
    """The coming days as a month grid: seven columns Monday to Sunday, one row per week.

    A cell shows the date and the number of open cases due that day; cells with cases due
    within the week are amber. Cells before the first day or after the last are empty.
    ``Qt.UserRole`` holds the cell's date, ``SORT_ROLE`` its count.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: tuple[DeadlineDay, ...] = ()
        self._offset = 0

    def set_days(self, days: tuple[DeadlineDay, ...]) -> None:
        """Show ``days`` (consecutive dates) instead of the current ones."""
        self.beginResetModel()
        self._days = days
        self._offset = days[0].due_date.weekday() if days else 0
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        if parent.isValid() or not self._days:
            return 0
        return (self._offset + len(self._days) + 6) // 7

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else 7

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                     self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))  # fmt: skip
            return names[section] if 0 <= section < 7 else None
        return None

    def day_at(self, index: Index) -> DeadlineDay | None:
        """Return the day shown in the cell ``index``, or ``None`` for an empty cell."""
        if not index.isValid():
            return None
        position = index.row() * 7 + index.column() - self._offset
        return self._days[position] if 0 <= position < len(self._days) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        day = self.day_at(index)
        if day is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._label(day)
        if role == Qt.ItemDataRole.UserRole:
            return day.due_date
        if role == SORT_ROLE:
            return day.cases
        if role == Qt.ItemDataRole.BackgroundRole and day.cases and day.due_soon:
            return QBrush(AMBER)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%n open case(s) due", "", day.cases)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.day_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _label(self, day: DeadlineDay) -> str:
        stamp = day.due_date.strftime("%m-%d")  # ISO month-day: the same in both languages
        return f"{stamp}\n{day.cases}" if day.cases else stamp
