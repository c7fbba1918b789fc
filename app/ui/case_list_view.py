"""The case list: a sortable table, or an empty state that says what to do first."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.case_queries import CaseRow
from app.ui.case_table_model import SORT_ROLE, CaseTableModel, Column


class CaseListView(QStackedWidget):
    """Shows the cases, or, while there are none, an invitation to import messages.

    Signals:
        case_selected(str): the reference of the newly selected case ('' when none).
        import_requested(): the empty state's import button was pressed.
    """

    case_selected = Signal(str)
    import_requested = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(today, self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setSortRole(SORT_ROLE)
        self.addWidget(self._build_empty_state())
        self.addWidget(self._build_table())

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self._proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        # Uniform rows: sizing rows to contents stalls large lists (failure-modes.md).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        return self.table

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        text = QLabel(
            self.tr(
                "No cases yet.\nImport the requests that arrived by e-mail (.eml files or a "
                "folder of them) to start: each message becomes a case with its statutory "
                "deadline."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Import messages…"))
        button.clicked.connect(self.import_requested)
        layout.addWidget(text)
        layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        """Show ``rows``, keeping the selected case selected when it is still there."""
        selected = self.selected_reference()
        self.model.set_rows(rows)
        self.setCurrentIndex(1 if rows else 0)
        if rows:
            self.table.resizeColumnsToContents()
        self.select_reference(selected)

    def selected_reference(self) -> str:
        """Return the reference of the selected case, or ''."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return ""
        return self.model.row_at(self._proxy.mapToSource(rows[0]).row()).reference

    def select_reference(self, reference: str) -> None:
        """Select the case with ``reference`` if it is listed."""
        for row in range(self.model.rowCount()):
            if reference and self.model.row_at(row).reference == reference:
                index = self._proxy.mapFromSource(self.model.index(row, 0))
                self.table.selectRow(index.row())
                return

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.case_selected.emit(self.selected_reference())
