"""The case list's rows from an open ``Database``: one short read-only transaction per call,
on the pooled DB-API connection (``Database.plain_reading``: a session's bookkeeping cost as
much as the list's small queries themselves, README "Speed")."""

from app.services.case_list_terms import CasePage, CaseQuery
from app.services.case_search import case_position, count_cases, has_cases, search_cases
from app.store import Database


class DatabaseCaseSource:
    """A ``CaseSource`` (``app.services.case_list_terms``) over an open database: one short
    session per call (STYLE.md §2), read-only, so the list never waits for an import."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        """Return how many cases ``query`` selects (counting stops at ``at_most``)."""
        with self._database.plain_reading() as reader:
            return count_cases(reader, query, at_most=at_most)

    def page(self, query: CaseQuery) -> CasePage:
        """Return the page ``query`` asks for."""
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
