"""The case list's columns (``Column``, in display order), the sort each one asks of SQL
(``SORT_COLUMNS``), and which item-data roles the list's model answers per column
(``app.ui.case_page_model``): the rest it refuses before looking a row up.
"""

from enum import IntEnum

from PySide6.QtCore import Qt

from app.services.case_list_terms import SortColumn

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    """Columns of the case list, in display order."""

    REFERENCE = 0
    KIND = 1
    REQUESTER = 2
    RECEIVED = 3
    DUE = 4
    DAYS_LEFT = 5
    STATUS = 6


SORT_COLUMNS = {
    Column.REFERENCE: SortColumn.REFERENCE,
    Column.KIND: SortColumn.KIND,
    Column.REQUESTER: SortColumn.REQUESTER,
    Column.RECEIVED: SortColumn.RECEIVED,
    Column.DUE: SortColumn.DUE,
    Column.DAYS_LEFT: SortColumn.DUE,
    Column.STATUS: SortColumn.STATUS,
}


SERVED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE})
_BADGE_ROLES = frozenset(
    {
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
    }
)


# (role, column) answered beyond text and sort values: the badge on the deadline cells, and a
# tooltip naming the zone on the receipt time. One set lookup per asked role keeps a repaint
# as cheap as before.
EXTRA_ROLES = frozenset(
    {(int(role), int(column)) for role in _BADGE_ROLES for column in (Column.DUE, Column.DAYS_LEFT)}
    | {(int(Qt.ItemDataRole.ToolTipRole), int(Column.RECEIVED))}
)
