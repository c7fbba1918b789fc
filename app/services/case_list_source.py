"""The case list's rows from an open ``Database``: one short read-only transaction per call,
on the pooled DB-API connection (``Database.plain_reading``: a session's bookkeeping cost as
much as the list's small queries themselves, README "Speed")."""

import time
from dataclasses import replace

from app.services.case_list_anchors import Anchors, DataToken, data_token, seek_ids, seekable
from app.services.case_list_rows import rows_by_id
from app.services.case_list_terms import PAGE_SIZE, CasePage, CaseQuery, SavedView, SortColumn
from app.services.case_search import (
    case_position,
    count_cases,
    first_page_counted,
    has_cases,
    search_cases,
)
from app.services.staff_handlers import staff_spelling
from app.store import Database
from app.store.reading import PlainReader, plain_reading

# How long the first page read with a new query's count is kept for the page request that
# follows it (the list paints right after counting; a later request reads afresh).
AHEAD_SECONDS = 2.0


class DatabaseCaseSource:
    """A ``CaseSource`` (``app.services.case_list_terms``) over an open database: one short
    read-only transaction per call (STYLE.md §2), so the list never waits for an import.

    Each count is read together with the query's first page of ``PAGE_SIZE`` rows, in one
    transaction (``first_page_counted``): the list asks for that page right after counting a
    new or refreshed query, and gets it from the count's own snapshot. Only the next page
    request can take it, within ``AHEAD_SECONDS``; any other call drops it. A search counted
    further (the same query, a higher ``at_most``: the list was scrolled to the end of what
    was counted) is counted alone, its first page being held already.

    A page near one read before, of the same query, is sought from that page's first case
    rather than walked to by its offset (``app.services.case_list_anchors``: a scroll around
    the middle of a million cases reads a few index pages, not 4,400). The anchors are dropped
    as soon as the database may have changed: on SQLite when its data version or the reading
    connection's changes moved (or another pooled connection reads), checked before a page
    that may be sought from them is read; elsewhere at every count (each ``set_query`` and
    ``refresh`` of the list).
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._counted: tuple[CaseQuery, int | None] | None = None
        self._ahead: tuple[CaseQuery, CasePage, float] | None = None
        self._anchors = Anchors()
        self._token: DataToken = None
        # The last view counted in full: its query (``_counted_alike``), data token and count.
        self._view_count: tuple[CaseQuery, DataToken, int] | None = None
        # The "Mine" view's user name and its staff spelling, read at the last count.
        self._spelling: tuple[str, str] | None = None

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        """Return how many cases ``query`` selects (counting stops at ``at_most``)."""
        self._ahead = None
        with plain_reading(self._database.engine) as reader:
            query = self._spelled(reader, query, again=True)
            last, self._counted = self._counted, (query, at_most)
            further = last is not None and last[0] == query and _higher(at_most, last[1])
            self._check_changes(reader, None)
            if further:
                return count_cases(reader, query, at_most=at_most)
            count, page = self._view_counted(reader, query, at_most)
        self._ahead = (_first_page(query), page, time.monotonic())
        return count

    def _view_counted(
        self, reader: PlainReader, query: CaseQuery, at_most: int | None
    ) -> tuple[int, CasePage]:
        """``first_page_counted``, but a view counted in full (no text, no cap) again while
        nothing changed (``data_token``, SQLite) keeps its count and reads its page only.

        Counting all cases reads a whole index (at a million cases 2,200 pages, 9 MiB): after
        clearing a search, the next search's pages were no longer in the page cache (issue 6:
        an 18-20 MiB budget, ``app.store.connection``), and the count could not have moved."""
        if query.text or at_most is not None:
            return first_page_counted(reader, query, at_most=at_most, limit=PAGE_SIZE)
        token, key = data_token(reader), _counted_alike(query)
        known = self._view_count
        if token is not None and known is not None and known[:2] == (key, token):
            return known[2], search_cases(reader, _first_page(query))
        count, page = first_page_counted(reader, query, at_most=None, limit=PAGE_SIZE)
        self._view_count = None if token is None else (key, token, count)
        return count, page

    def page(self, query: CaseQuery) -> CasePage:
        """Return the page ``query`` asks for."""
        ahead, self._ahead = self._ahead, None
        kept = self._spelled(None, query)
        if ahead is not None and ahead[0] == kept and time.monotonic() - ahead[2] < AHEAD_SECONDS:
            return ahead[1]
        with plain_reading(self._database.engine) as reader:
            query = self._spelled(reader, query)
            self._check_changes(reader, query)
            jump = self._anchors.jump(query)
            ids = None if jump is None else seek_ids(reader, query, jump)
            if ids is None:
                page = search_cases(reader, query)
            else:
                page = CasePage(query.offset, rows_by_id(reader, ids))
        self._anchors.remember(query, [row.reference for row in page.rows[:1]])
        return page

    def _check_changes(self, reader: PlainReader, query: CaseQuery | None) -> None:
        """Drop the anchors when the database may have changed since the last read. Where
        that cannot be told (``data_token`` is ``None``), keep only those of the query whose
        page is read now (``query``), and none at a count (``query`` is ``None``): the list
        counts at every new query and refresh, and reads its pages in between.

        Where it can be told (SQLite), that is done only before reading a page that may be
        sought from an anchor or leave one (``seekable``), against the token of the last such
        read: every change since then moves it. Counts and the pages of searches and of the
        open views by due date then run no ``PRAGMA`` (a statement of its own, ~10 µs of the
        ~1 ms a search by e-mail address takes at a million cases, README "Speed")."""
        if self._token is not None and (query is None or not seekable(query)):
            return
        token = data_token(reader)
        unknown = token is None and (query is None or not self._anchors.only_of(query))
        if unknown or token != self._token:
            self._anchors.forget()
        self._token = token

    def position(self, query: CaseQuery, reference: str) -> int | None:
        """Return the row of ``reference`` in ``query``'s order, or ``None``."""
        if query.view == SavedView.MINE and query.assignee:  # the staff spelling's read
            with plain_reading(self._database.engine) as reader:
                query = self._spelled(reader, query)
        with self._database.read_session() as session:
            return case_position(session, query, reference)

    def _spelled(
        self, reader: PlainReader | None, query: CaseQuery, again: bool = False
    ) -> CaseQuery:
        """``query`` with the "Mine" view's user name as the staff list spells it
        (``staff_spelling``: "Li.Wei" signed in lists the cases of "li.wei").

        The spelling is looked up (one read of the small staff table) at each count
        (``again``: every new query and refresh of the list, so a member added since is
        found) and kept for the pages and positions of the same name; without a ``reader``
        only the kept spelling is applied."""
        name = query.assignee
        if query.view != SavedView.MINE or not name:
            return query
        known = self._spelling
        if reader is not None and (again or known is None or known[0] != name):
            cursor = reader.exec_driver_sql("SELECT username FROM staff_member", ())
            known = self._spelling = (name, staff_spelling((row[0] for row in cursor), name))
        if known is None or known[0] != name or known[1] == name:
            return query
        return replace(query, assignee=known[1])

    def has_cases(self) -> bool:
        """Return whether the database holds any case at all."""
        with self._database.read_session() as session:
            return has_cases(session)


def _higher(at_most: int | None, before: int | None) -> bool:
    """Whether the cap ``at_most`` counts further than ``before`` (``None``: no cap)."""
    if before is None:
        return False
    return at_most is None or at_most > before


def _counted_alike(query: CaseQuery) -> CaseQuery:
    """``query`` with what does not change its count (order, offset, limit) made the same."""
    return replace(query, sort=SortColumn.RECEIVED, descending=True, offset=0, limit=PAGE_SIZE)


def _first_page(query: CaseQuery) -> CaseQuery:
    """``query`` asking for its first ``PAGE_SIZE`` rows (itself when it does already, as a
    query the list makes: ``dataclasses.replace`` costs a few microseconds per count)."""
    if query.offset == 0 and query.limit == PAGE_SIZE:
        return query
    return replace(query, offset=0, limit=PAGE_SIZE)
