"""The case list's model at any size: rows are fetched a page at a time, on demand.

``rowCount`` is the query's count; ``data`` for a row whose page is not held loads that page
(one short session) and keeps at most ``max_pages`` pages, dropping the least recently used.
Filtering, searching and sorting are pushed into SQL (``app.services.case_search``), never
done over all rows in Qt: no ``QSortFilterProxyModel`` over the full set (failure-modes.md
"QTableView / QSortFilterProxyModel at scale").
"""

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.case_list_terms import (
    PAGE_SIZE,
    CaseQuery,
    CaseRow,
    CaseSource,
    normalise_search_text,
)
from app.ui.case_list_columns import EXTRA_ROLES, SERVED_ROLES, SORT_COLUMNS, SORT_ROLE, Column
from app.ui.deadline_badge import ANSWERED, badge_value, row_deadline_state
from app.ui.labels import kind_label, status_label
from app.ui.local_times import local_minute, local_with_offset, utc_minute

ModelIndex = QModelIndex | QPersistentModelIndex
# A search's rows are counted up to this many at first, and this many times more each time the
# list is scrolled to the end of what was counted (counting every match of a one-letter search
# at a million cases takes longer than a keystroke's budget).
SEARCH_COUNT_STEP = 1_000
SEARCH_COUNT_GROWTH = 10


class CasePageModel(QAbstractTableModel):
    """The rows of a ``CaseQuery``, fetched a page at a time.

    Args:
        source: where pages come from.
        query: the first query (its offset and limit are ignored; the model pages itself).
        today: returns the local date for days left and badges (a function so that a window
            left open over midnight stays right).
        page_size: rows per page; max_pages: pages held at most (the rest are dropped).
        count_step: a search's rows are counted up to this many at first (``fetchMore``
            counts on, ``SEARCH_COUNT_GROWTH`` times further each time).
        counted: count ``query`` now; ``False`` leaves the model empty until ``set_query`` or
            ``refresh`` (an owner about to refresh saves a count at a million cases).

    ``DisplayRole`` gives text, ``SORT_ROLE`` the raw value; the due and days-left cells carry
    the deadline badge (``app.ui.deadline_badge``): red for overdue, amber for due within
    ``DUE_SOON_DAYS`` days, and the word "provisional" where the holiday calendar is not yet
    official.
    """

    def __init__(
        self,
        source: CaseSource,
        query: CaseQuery,
        today: Callable[[], date],
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = 12,
        count_step: int = SEARCH_COUNT_STEP,
        counted: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._query = query
        self._today = today
        self._page_size = page_size
        self._max_pages = max_pages
        self._count_step = count_step
        self._pages: OrderedDict[int, Sequence[CaseRow]] = OrderedDict()
        self._count, self._complete = 0, True
        if counted:
            self._count, self._complete = self._counted(query, self._count_step)
        self.pages_loaded = 0  # pages fetched since creation (for tests and benchmarks)

    @property
    def query(self) -> CaseQuery:
        """The query whose rows are shown."""
        return self._query

    def set_source(self, source: CaseSource) -> None:
        """Read from ``source`` from now on (the next ``set_query`` or ``refresh`` reloads)."""
        self._source = source

    def has_cases(self) -> bool:
        """Return whether the source holds any case at all (for the first-start state)."""
        return self._source.has_cases()

    def set_query(self, query: CaseQuery, *, recount: bool = True) -> None:
        """Show ``query``'s rows: drop every held page and recount (unless only the order
        changed, which leaves the count as it was)."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        if recount:
            self._count, self._complete = self._counted(query, self._count_step)
        self.endResetModel()

    @property
    def count_is_exact(self) -> bool:
        """False while a search's count stopped early (``rowCount`` is then a lower bound that
        grows as the list is scrolled to its end, through ``fetchMore``)."""
        return self._complete

    def _counted(self, query: CaseQuery, at_most: int) -> tuple[int, bool]:
        """The count of ``query`` and whether it is exact: views are counted in full (the
        scroll bar reaches every row at once), searches up to ``at_most``."""
        if not _searches(query.text):
            return self._source.count(query), True
        count = self._source.count(query, at_most)
        return count, count < at_most

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._complete:
            return
        count, self._complete = self._counted(self._query, self._count * SEARCH_COUNT_GROWTH)
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()

    def refresh(self) -> None:
        """Re-read the current query (cases may have been added or changed)."""
        self.set_query(self._query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL ordered by ``column`` (ties by id)."""
        if not 0 <= column < len(Column):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        sort = SORT_COLUMNS[Column(column)]
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=sort, descending=descending), recount=False)

    def row_at(self, row: int) -> CaseRow | None:
        """Return the case in ``row`` (loading its page), or ``None`` past the end."""
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // self._page_size)
        offset = row % self._page_size
        return rows[offset] if offset < len(rows) else None

    def row_of(self, reference: str) -> int | None:
        """Return the row showing ``reference``: from the held pages, else by a count query."""
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.reference == reference:
                    return number * self._page_size + offset
        return self._source.position(self._query, reference) if reference else None

    def held_rows(self) -> list[CaseRow]:
        """Return the rows of the held pages (e.g. a sample to size columns from)."""
        return [row for rows in self._pages.values() for row in rows]

    def _page(self, number: int) -> Sequence[CaseRow]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        rows = self._source.page(_paged(self._query, number, self._page_size)).rows
        self.pages_loaded += 1
        self._pages[number] = rows
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return rows

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.header_text(Column(section)) if 0 <= section < len(Column) else None

    def header_text(self, column: Column) -> str:
        """Return the translated title of ``column``."""
        titles = {
            Column.REFERENCE: self.tr("Reference"),
            Column.KIND: self.tr("Kind"),
            Column.REQUESTER: self.tr("Requester"),
            Column.RECEIVED: self.tr("Received"),
            Column.DUE: self.tr("Due"),
            Column.DAYS_LEFT: self.tr("Days left"),
            Column.STATUS: self.tr("Status"),
        }
        return titles[column]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks each visible cell for a dozen roles at every paint; answer the ones this
        # model never fills before looking the row up (a repaint's main Python cost).
        if role not in SERVED_ROLES and (role, index.column()) not in EXTRA_ROLES:
            return None
        if not index.isValid() or index.model() is not self:
            return None
        row = self.row_at(index.row())  # None past the end
        if row is None:  # the case went away since the count: an empty row until refresh
            return None
        return self._role_value(row, Column(index.column()), role)

    def _role_value(self, row: CaseRow, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if column in (Column.DUE, Column.DAYS_LEFT):
            return badge_value(row, role, self._today())
        if column == Column.RECEIVED:  # the tooltip: the zone named, and the time in UTC
            return f"{local_with_offset(row.received_at)} = {utc_minute(row.received_at)}"
        return None

    def text(self, row: CaseRow, column: Column) -> str:
        """Return the text ``row`` shows in ``column``."""
        if column == Column.REFERENCE:
            return row.reference
        if column == Column.KIND:
            return kind_label(row.kind)
        if column == Column.REQUESTER:
            return row.requester_name or row.requester_email or "—"
        if column == Column.RECEIVED:
            return local_minute(row.received_at)
        if column == Column.DUE:
            return self._due_text(row)
        if column == Column.DAYS_LEFT:  # an answered case has no clock left (QA: "-298")
            left = None if row.status in ANSWERED else row.days_left(self._today())
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
            Column.DUE: row.due_date.toordinal() if row.due_date else 0,
            Column.DAYS_LEFT: row.days_left(self._today()) or 0,
            Column.STATUS: row.status.value,
        }
        return values[column]

    def deadline_state(self, row: CaseRow) -> str:
        """Return ``"overdue"``, ``"due_soon"`` or ``""`` for ``row`` as of today."""
        return row_deadline_state(row, self._today())


@lru_cache(maxsize=64)
def _searches(text: str) -> bool:
    """Whether ``text`` searches at all once normalised (remembered: the same few texts come
    back at every recount, and NFKC costs a few microseconds of a search's Python)."""
    return bool(normalise_search_text(text))


def _paged(query: CaseQuery, number: int, page_size: int) -> CaseQuery:
    """``query`` asking for page ``number`` of ``page_size`` rows: ``query`` itself when it
    asks for that already (the first page of a query as the browser makes it), which spares
    ``dataclasses.replace`` (a few microseconds) at every new query's first paint."""
    offset = number * page_size
    if query.offset == offset and query.limit == page_size:
        return query
    return replace(query, offset=offset, limit=page_size)
