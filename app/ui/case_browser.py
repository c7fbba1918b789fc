"""The case browser: search box, saved views and the lazily fetched case table.

Typing waits ``SEARCH_DEBOUNCE_MS`` after the last keystroke before it queries, so a burst of
keys costs one query, not one per key (failure-modes.md "QTableView at scale"). Rows have one
height and columns are sized from the rows of the first page, never from every row.
"""

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetricsF, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.case_list_terms import CaseQuery, CaseSource, SavedView, SortColumn
from app.ui.case_browser_columns import RequesterWidth, size_columns, wanted_width
from app.ui.case_list_columns import Column
from app.ui.case_page_model import CasePageModel
from app.ui.first_start import FirstStartPanel
from app.ui.startup_probe import watch_first_paint

if TYPE_CHECKING:
    from app.store import Database

SEARCH_DEBOUNCE_MS = 250

_VIEW_NAMES = {
    SavedView.OPEN: QT_TRANSLATE_NOOP("SavedView", "Open"),
    SavedView.DUE_SOON: QT_TRANSLATE_NOOP("SavedView", "Due within 7 days"),
    SavedView.OVERDUE: QT_TRANSLATE_NOOP("SavedView", "Overdue"),
    SavedView.MINE: QT_TRANSLATE_NOOP("SavedView", "Mine"),
    SavedView.AWAITING_REQUESTER: QT_TRANSLATE_NOOP("SavedView", "Awaiting requester"),
    SavedView.IN_RETENTION: QT_TRANSLATE_NOOP("SavedView", "In retention"),
    SavedView.CLOSED: QT_TRANSLATE_NOOP("SavedView", "Closed"),
    SavedView.ALL: QT_TRANSLATE_NOOP("SavedView", "All cases"),
}


class CaseBrowser(QStackedWidget):
    """Finds and lists cases at any number of them; paged and filtered in SQL.

    Args:
        database: the open case database (or ``source`` instead, e.g. in tests).
        today: returns today in the controller's zone (views and badges are decided
            against it).
        user: the signed-in staff member, whose cases the "Mine" view lists.

    Signals:
        case_selected(str): the reference of the newly selected case ('' when none).
        import_requested(): the empty state's import button was pressed.
        demo_requested(): the empty state's "Try it with demo data" was pressed.
    """

    case_selected = Signal(str)
    import_requested = Signal()
    demo_requested = Signal()
    counted = Signal(int)

    def __init__(
        self,
        database: "Database | None",
        today: Callable[[], date],
        user: str | None = None,
        parent: QWidget | None = None,
        *,
        source: CaseSource | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        # Open cases, most urgent first: what a handler starts the day with.
        query = CaseQuery(
            today(), SavedView.OPEN, sort=SortColumn.DUE, descending=False, assignee=user
        )
        if source is None:
            if database is None:
                raise ValueError("a case browser needs a database or a source")
            source = _database_source(database)
        # Counted by the refresh below, once.
        self.model = CasePageModel(source, query, today, counted=False, parent=self)
        self._columns_sized = False
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_search)
        self.addWidget(self._build_empty_state())
        self.addWidget(self._build_browser())
        self._build_shortcuts()
        self.refresh()

    def _build_browser(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_filter_bar())
        layout.addWidget(self._build_table())
        return page

    def _build_filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.view_selector = QComboBox()
        for view, name in _VIEW_NAMES.items():
            self.view_selector.addItem(QCoreApplication.translate("SavedView", str(name)), view)
        self.view_selector.setCurrentIndex(self.view_selector.findData(SavedView.OPEN))
        self.view_selector.currentIndexChanged.connect(self._apply_view)
        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search reference, name, e-mail, phone or account ID (Ctrl+F)")
        )
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self.search_now)
        self.count_label = QLabel()
        # The count ends a space short of the list's right edge (the window's, or the
        # splitter's handle), never flush against it (QA14 F11: "51 case(s)" looked cut).
        bar.setContentsMargins(0, 0, bar.spacing() if bar.spacing() > 0 else 6, 0)
        bar.addWidget(self.view_selector)
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.count_label)
        return bar

    def _build_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        # The indicator first: enabling sorting sorts by it, and it matches the model's query.
        self.table.horizontalHeader().setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        # One row height for all: sizing rows to contents stalls large lists (failure-modes.md).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(
            self.fontMetrics().height() + self.fontMetrics().leading() + 8
        )
        header = self.table.horizontalHeader()
        # The requester's name takes the width left over, never under its floor; the short
        # columns keep the width of their contents (``_size_columns``); the receipt time
        # gives way where the list is too narrow for every column.
        header.setStretchLastSection(False)
        self._requester_width = RequesterWidth(self.table)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.rowsInserted.connect(self._on_more_counted)
        watch_first_paint(self.table.viewport())  # only with $PRIVACY_DESK_STARTUP_PROBE set
        return self.table

    def _build_empty_state(self) -> QWidget:
        self.empty_state = FirstStartPanel()
        self.empty_state.import_requested.connect(self.import_requested)
        self.empty_state.demo_requested.connect(self.demo_requested)
        return self.empty_state

    def _build_shortcuts(self) -> None:
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(self.focus_search)
        self.clear_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        self.clear_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.clear_shortcut.activated.connect(self.clear_search)

    def focus_search(self) -> None:
        """Put the cursor in the search box with its text selected (Ctrl+F)."""
        self.setCurrentIndex(1)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def clear_search(self) -> None:
        """Empty the search box and show the whole view at once (Esc)."""
        self.search_box.clear()
        self.search_now()

    def search_now(self) -> None:
        """Search for the text in the box now, without waiting for the debounce (Enter)."""
        self._debounce.stop()
        self._apply_search()

    def refresh(self) -> None:
        """Re-read the cases (after an import or a change), keeping the selected case selected."""
        self.setCurrentIndex(1 if self.model.has_cases() else 0)
        self._requery(replace(self.model.query, today=self._today()))

    def set_user(self, user: str | None) -> None:
        """List ``user``'s cases under "Mine" from now on."""
        self._requery(replace(self.model.query, assignee=user, today=self._today()))

    def set_database(self, database: "Database") -> None:
        """Read from ``database`` from now on (e.g. reopened after a key rotation, or built
        after the first paint)."""
        self.model.set_source(_database_source(database))
        self.refresh()

    def set_view(self, view: SavedView) -> None:
        """Show the saved view ``view``."""
        self.view_selector.setCurrentIndex(self.view_selector.findData(view))

    def selected_reference(self) -> str:
        """Return the reference of the selected case, or ''."""
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.reference if row else ""

    def select_reference(self, reference: str) -> None:
        """Select and show the case ``reference`` if the current view lists it."""
        row = self.model.row_of(reference) if reference else None
        if row is None:
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _apply_view(self) -> None:
        view = SavedView(self.view_selector.currentData())
        self._requery(replace(self.model.query, view=view, today=self._today()))

    def _apply_search(self) -> None:
        text = self.search_box.text()
        if text != self.model.query.text:
            self._requery(replace(self.model.query, text=text, today=self._today()))

    def _requery(self, query: CaseQuery) -> None:
        selected = self.selected_reference()
        self.model.set_query(query)
        self._size_columns()
        self._show_count()
        self.counted.emit(self.model.rowCount())
        self.select_reference(selected)
        if selected and not self.selected_reference():
            self.case_selected.emit("")

    def _on_more_counted(self) -> None:
        """A search's count grew as the list was scrolled to its end."""
        self._show_count()
        self.counted.emit(self.model.rowCount())

    def _show_count(self) -> None:
        text = self.tr("%n case(s)", "", self.model.rowCount())
        # A search counted only so far (see CasePageModel.count_is_exact): "≥ 1000 cases".
        self.count_label.setText(text if self.model.count_is_exact else f"≥ {text}")
        # At least as wide as the text's fractional advance (a CJK fallback font's glyphs
        # included): the layout never squeezes it below that, so it is never clipped.
        advance = QFontMetricsF(self.count_label.font()).horizontalAdvance(self.count_label.text())
        margins = self.count_label.contentsMargins()
        self.count_label.setMinimumWidth(math.ceil(advance) + margins.left() + margins.right())

    def _size_columns(self) -> None:
        """Size the columns from the first page's rows, once (``case_browser_columns``): the
        columns then keep their widths while the user types, sorts and switches views."""
        if not self._columns_sized:
            self._columns_sized = size_columns(self.table, self.model)
            self._requester_width.fit()

    def wanted_width(self, *, every_column: bool = True) -> int:
        """Return the width (device-independent pixels) at which every column shows without
        scrolling, or with ``every_column`` false every column but the receipt time, which
        the list hides where it is narrower than that (``case_browser_columns``); 0 while the
        columns are not sized yet (no rows so far)."""
        if not self._columns_sized:
            return 0
        return wanted_width(self.table, every_column=every_column)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.case_selected.emit(self.selected_reference())


def _database_source(database: "Database") -> CaseSource:
    """The list's source over ``database`` (imported here: it loads SQLAlchemy, which the
    start's first paint does without, see ``app.services.case_list_start``)."""
    from app.services.case_list_source import DatabaseCaseSource

    return DatabaseCaseSource(database)
