"""The terms of a case-list request: saved views, sort columns, the query, its page and rows.

Plain values shared by the search service (``app.services.case_search``), its statement
builders (``app.services.case_search_plans``) and the UI's model. Free of SQLAlchemy, so the
window can paint its list before SQLAlchemy is imported (``app.services.case_list_start``);
the date expressions every view and sort is decided on are in ``app.services.case_list_sql``.
"""

import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewFlag
from app.models.name_words import without_invisible

PAGE_SIZE = 200
# A page's rows are read by id in batches of at most this many ids (``padded_batches``).
ROWS_BATCH = 256
DUE_SOON_DAYS = 7
MAX_SEARCH_LENGTH = 200


@dataclass(frozen=True)
class CaseRow:
    """One case as the case list shows it."""

    reference: str
    kind: CaseKind
    status: CaseStatus
    outcome: CaseOutcome | None
    language: str | None
    jurisdiction: str
    requester_name: str | None
    requester_email: str | None
    received_at: datetime
    due_date: date | None
    due_provisional: bool
    review_flags: tuple[ReviewFlag, ...]

    def days_left(self, today: date) -> int | None:
        """Calendar days from ``today`` to the due date (negative when overdue), or ``None``."""
        return None if self.due_date is None else (self.due_date - today).days

    def as_json(self) -> dict[str, Any]:
        """Return the row as JSON-ready values (dates ISO 8601, the instant in UTC)."""
        return {
            "reference": self.reference,
            "kind": self.kind.value,
            "status": self.status.value,
            "outcome": self.outcome.value if self.outcome else None,
            "language": self.language,
            "jurisdiction": self.jurisdiction,
            "requester_name": self.requester_name,
            "requester_email": self.requester_email,
            "received_at": self.received_at.isoformat(),
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_date_provisional": self.due_provisional if self.due_date else None,
            "review_flags": [flag.value for flag in self.review_flags],
        }


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
    """Rows ``offset`` to ``offset + len(rows) - 1`` of a query's result (read from the
    database, a ``case_list_rows.PageRows``: each row converted when first used)."""

    offset: int
    rows: Sequence[CaseRow]


def normalise_search_text(text: str) -> str:
    """Return ``text`` as searched: NFKC (full-width letters and digits become ASCII, the
    ideographic space U+3000 a space), invisible characters dropped (a bidi mark or a
    zero-width space pasted with a reference, an address or a name:
    ``app.models.name_words.INVISIBLE``), spaces collapsed, at most ``MAX_SEARCH_LENGTH``
    characters.

    Names are compared further (accents, apostrophes, CJK spaces) by
    ``app.services.name_words.search_words``; e-mail addresses, references, phone numbers
    and account IDs are looked for as this text."""
    text = without_invisible(unicodedata.normalize("NFKC", text))
    return " ".join(text.split())[:MAX_SEARCH_LENGTH]


class CaseSource(Protocol):
    """Where the case list's rows come from: the database (``app.services.case_list_source``),
    at the start a plain connection (``app.services.case_list_start``), in tests the same."""

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        """Return how many cases ``query`` selects (counting stops at ``at_most``)."""

    def page(self, query: CaseQuery) -> CasePage:
        """Return the page ``query.offset``/``query.limit`` asks for."""

    def position(self, query: CaseQuery, reference: str) -> int | None:
        """Return the row of ``reference`` in ``query``'s order, or ``None``."""

    def has_cases(self) -> bool:
        """Return whether there is any case at all."""


_ID_NAMES = tuple(f"id_{number}" for number in range(ROWS_BATCH))


def padded_batches(ids: Sequence[int]) -> Iterator[tuple[int, dict[str, int]]]:
    """Split ``ids`` into batches of at most ``ROWS_BATCH``, each padded (repeating its last
    id) to a power of two, so that a handful of compiled statements serve pages of every
    length.

    Yields:
        The batch size and its ids bound as ``id_0`` to ``id_<size - 1>``.
    """
    for start in range(0, len(ids), ROWS_BATCH):
        batch = list(ids[start : start + ROWS_BATCH])
        size = 1 << (len(batch) - 1).bit_length()
        padded = batch + [batch[-1]] * (size - len(batch))
        yield size, dict(zip(_ID_NAMES, padded, strict=False))


def row_from_columns(columns: Sequence[Any]) -> CaseRow:
    """A ``CaseRow`` from the converted columns of the list's rows statement
    (``app.services.case_list_rows.case_rows``): case id, reference, kind, status, outcome,
    language, jurisdiction, receipt instant, provisional flag, review flags, requester's name,
    first e-mail address and binding due date."""
    (_case_id, reference, kind, status, outcome, language, jurisdiction) = columns[:7]
    (received_at, due_provisional, review_flags, name, email, binding_due) = columns[7:]
    return CaseRow(
        reference=reference,
        kind=kind,
        status=status,
        outcome=outcome,
        language=language,
        jurisdiction=jurisdiction,
        requester_name=name,
        requester_email=email,
        received_at=received_at,
        due_date=binding_due,
        due_provisional=bool(due_provisional),
        review_flags=tuple(ReviewFlag(flag) for flag in review_flags or ()),
    )
