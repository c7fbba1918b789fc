"""The terms of a case-list request: saved views, sort columns, the query and its page.

Plain values shared by the search service (``app.services.case_search``), its statement
builders (``app.services.case_search_plans``) and the UI's model, with the date expressions
every view and sort is decided on.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column

from app.models import Case
from app.services.case_rows import CaseRow

PAGE_SIZE = 200
DUE_SOON_DAYS = 7
MAX_SEARCH_LENGTH = 200
# The date that binds: the extended due date once an extension is taken (Case docstring).
BINDING_DUE = func.coalesce(Case.extended_due_date, Case.due_date)
# Sorting and the date views use the binding date with cases that have none placed after every
# real date, so "most urgent first" starts with the overdue, not with the deadline-less; the
# expression indexes of migration 0005 are built on exactly this expression.
# An inline literal, not a bound parameter: an index on an expression serves only that exact
# expression.
NO_DEADLINE: ColumnElement[Any] = literal_column("'9999-12-31'")
URGENCY = func.coalesce(Case.extended_due_date, Case.due_date, NO_DEADLINE)


class SavedView(StrEnum):
    """The case list's saved views. "Open" means not yet answered: new, triaged, awaiting the
    requester, in progress or in review (``app.services.clock.OPEN_STATUSES``).

    - ``open``: every open case.
    - ``due_soon``: open, binding due date from today to today + 7 days inclusive.
    - ``overdue``: open, binding due date before today.
    - ``mine``: open and assigned to the given user.
    - ``awaiting_requester``: status awaiting requester (identity proof or clarification).
    - ``in_retention``: status in retention (account cancelled, purge pending).
    - ``closed``: status closed.
    - ``all``: every case.

    The binding due date is ``extended_due_date`` when the deadline was extended, else
    ``due_date`` (as stored by the clock service).
    """

    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MINE = "mine"
    AWAITING_REQUESTER = "awaiting_requester"
    IN_RETENTION = "in_retention"
    CLOSED = "closed"
    ALL = "all"


class SortColumn(StrEnum):
    """What the list can be sorted by (each backed by an index)."""

    REFERENCE = "reference"
    KIND = "kind"
    REQUESTER = "requester"
    RECEIVED = "received"
    DUE = "due"
    STATUS = "status"


@dataclass(frozen=True)
class CaseQuery:
    """One request for cases.

    Attributes:
        today: the local date against which "due soon" and "overdue" are decided.
        view: the saved view.
        text: search text: a reference (prefix, case-insensitive), or the start of the
            requester's name, e-mail address, phone number or account ID.
        sort: the sort column; ``descending`` its direction; ``id`` always breaks ties.
        offset: rows to skip (0-based); ``limit``: rows in a page.
        assignee: the user whose cases ``mine`` shows.
    """

    today: date
    view: SavedView = SavedView.ALL
    text: str = ""
    sort: SortColumn = SortColumn.RECEIVED
    descending: bool = True
    offset: int = 0
    limit: int = PAGE_SIZE
    assignee: str | None = None


@dataclass(frozen=True)
class CasePage:
    """Rows ``offset`` to ``offset + len(rows) - 1`` of a query's result."""

    offset: int
    rows: tuple[CaseRow, ...]


def normalise_search_text(text: str) -> str:
    """Return ``text`` as searched: NFKC (full-width letters and digits become ASCII), spaces
    collapsed, at most ``MAX_SEARCH_LENGTH`` characters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_SEARCH_LENGTH]
