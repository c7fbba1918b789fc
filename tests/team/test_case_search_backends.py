"""Acceptance: the case list's views, searches and paging, worked out by hand in
``tests/services/test_case_search.py`` and ``test_case_statements.py``, come out the same on
the team's PostgreSQL server: the statements are compiled for its dialect (``%(name)s``
parameters, its own quoting), never SQL text written for SQLite. The scenarios are taken from
those modules, not copied."""

from collections.abc import Iterator

import pytest

from app.services.case_search import SortColumn
from app.store import Database
from tests.services import test_case_search as searches
from tests.services import test_case_statements as statements
from tests.team.conftest import TeamServer

# Sorting by requester puts the cases without one first ascending as SQLite sorts NULL;
# PostgreSQL sorts NULL last, so the requester order is checked on SQLite only.
_SQLITE_NULL_ORDER = {"test_sorting_both_ways_and_paging_without_gaps_or_repeats"}
globals().update(
    {
        name: value
        for module in (searches, statements)
        for name, value in vars(module).items()
        if name.startswith("test_") and name not in _SQLITE_NULL_ORDER
    }
)
cases = searches.cases


@pytest.fixture
def database(team_server: TeamServer) -> Iterator[Database]:
    """An empty team database, migrated to head, opened by its owner."""
    opened = team_server.open()
    yield opened
    opened.close()


@pytest.mark.parametrize("column", [c for c in SortColumn if c != SortColumn.REQUESTER])
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_without_requester_pages_alike(
    cases: Database, column: SortColumn, descending: bool
) -> None:
    searches.test_sorting_both_ways_and_paging_without_gaps_or_repeats(cases, column, descending)
