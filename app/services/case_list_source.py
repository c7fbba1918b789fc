"""The case list's rows from an open ``Database``: one short read-only transaction per call,
on the pooled DB-API connection (``Database.plain_reading``: a session's bookkeeping cost as
much as the list's small queries themselves, README "Speed")."""

import time
from dataclasses import replace

from app.services.case_list_terms import PAGE_SIZE, CasePage, CaseQuery
from app.services.case_search import (
    case_position,
    count_cases,
    first_page_counted,
    has_cases,
    search_cases,
)
from app.store import Database

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
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._counted: tuple[CaseQuery, int | None] | None = None
        self._ahead: tuple[CaseQuery, CasePage, float] | None = None

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        """Return how many cases ``query`` selects (counting stops at ``at_most``)."""
        self._ahead = None
        last, self._counted = self._counted, (query, at_most)
        further = last is not None and last[0] == query and _higher(at_most, last[1])
        with self._database.plain_reading() as reader:
            if further:
                return count_cases(reader, query, at_most=at_most)
            count, page = first_page_counted(reader, query, at_most=at_most, limit=PAGE_SIZE)
        first = replace(query, offset=0, limit=PAGE_SIZE)
        self._ahead = (first, page, time.monotonic())
        return count

    def page(self, query: CaseQuery) -> CasePage:
        """Return the page ``query`` asks for."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead[0] == query and time.monotonic() - ahead[2] < AHEAD_SECONDS:
            return ahead[1]
        with self._database.plain_reading() as reader:
            return search_cases(reader, query)

    def position(self, query: CaseQuery, reference: str) -> int | None:
        """Return the row of ``reference`` in ``query``'s order, or ``None``."""
        with self._database.read_session() as session:
            return case_position(session, query, reference)

    def has_cases(self) -> bool:
        """Return whether the database holds any case at all."""
        with self._database.read_session() as session:
            return has_cases(session)


def _higher(at_most: int | None, before: int | None) -> bool:
    """Whether the cap ``at_most`` counts further than ``before`` (``None``: no cap)."""
    if before is None:
        return False
    return at_most is None or at_most > before
