"""The preview of a web-form export: its first rows with their file row numbers and each
row's problems in words (``FormRowProblem``), for the import dialog."""

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QTableView, QWidget

from app.services.intake import FormExport, FormRowProblem
from app.ui.messages import error_text
from app.ui.text_width import char_widths

PREVIEW_ROWS = 50
WIDEST_COLUMN = 40
"""Characters (widths of an "x") a preview column may take before its cells elide (tooltip:
whole). Not the font's reported average character width: DejaVu Sans reports 6 px at 9 pt
where its letters take 7, and the problems of a row were cut."""
_PROBLEM_LABEL = {
    FormRowProblem.EMPTY_ROW: QT_TRANSLATE_NOOP("FormImport", "empty row"),
    FormRowProblem.BAD_EMAIL: QT_TRANSLATE_NOOP("FormImport", "invalid e-mail"),
    FormRowProblem.BAD_PHONE: QT_TRANSLATE_NOOP("FormImport", "invalid phone"),
    FormRowProblem.UNPARSABLE_TIME: QT_TRANSLATE_NOOP("FormImport", "unreadable time"),
    FormRowProblem.MISSING_TIME: QT_TRANSLATE_NOOP("FormImport", "no time"),
    FormRowProblem.UNKNOWN_REQUEST_TYPE: QT_TRANSLATE_NOOP("FormImport", "request type unknown"),
    FormRowProblem.NO_CONTACT: QT_TRANSLATE_NOOP("FormImport", "no e-mail, phone or account"),
}

_ROW_HEADER = QT_TRANSLATE_NOOP("FormImport", "Row")
_PROBLEMS_HEADER = QT_TRANSLATE_NOOP("FormImport", "Problems")


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormImport", text)


def problem_text(problem: str) -> str:
    """Return ``problem``, a row's problems (``FormRowProblem`` values joined by ", "), in
    words; other text (a failure's reason from the importer) in the UI language
    (``error_text``)."""
    known = {p.value: p for p in FormRowProblem}
    parts = problem.split(", ")
    if not all(part in known for part in parts):
        return error_text(problem)
    return "; ".join(_tr(str(_PROBLEM_LABEL[known[part]])) for part in parts)


class FormPreviewModel(QAbstractTableModel):
    """The first rows of an export: its file row number, the row's problems, then its cells."""

    def __init__(self, export: FormExport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._export = export
        self._rows = export.rows[:PREVIEW_ROWS]
        self._problems: dict[int, str] = {}

    def set_problems(self, problems: dict[int, tuple[FormRowProblem, ...]]) -> None:
        """Show ``problems`` per 1-based file row number."""
        self._problems = {
            row: "; ".join(_tr(str(_PROBLEM_LABEL[p])) for p in found)
            for row, found in problems.items()
        }
        if self._rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._export.headers) + 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        # The tooltip repeats the cell: long problem lists and details do not fit the column.
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if not index.isValid() or role not in shown:
            return None
        row_number = self._export.first_row_number + index.row()
        if index.column() == 0:
            return str(row_number)
        if index.column() == 1:
            return self._problems.get(row_number, "")
        value = self._rows[index.row()][index.column() - 2]
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section >= len(self._export.headers) + 2:
            return None
        row, problems = _tr(str(_ROW_HEADER)), _tr(str(_PROBLEMS_HEADER))
        return [row, problems, *self._export.headers][section]


def fit_columns(table: QTableView) -> None:
    """Size ``table``'s columns to their cells, each at most ``WIDEST_COLUMN`` characters of
    its font: "invalid e-mail; no e-mail, phone or account" was cut with room to
    spare at 150 % scaling, while a long free-text column must not push the others away."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    widest = char_widths(table.fontMetrics(), WIDEST_COLUMN)
    for column in range(header.count()):
        header.resizeSection(column, min(header.sectionSize(column), widest))
