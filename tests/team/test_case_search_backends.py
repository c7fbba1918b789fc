"""Acceptance: the case list's views, searches and paging, worked out by hand in
``tests/services/test_case_search.py``, ``test_case_statements.py`` and
``test_case_list_source.py``, come out the same on the team's PostgreSQL server: the
statements are compiled for its dialect (``%(name)s`` parameters, its own quoting), never SQL
text written for SQLite. The scenarios are taken from those modules, not copied."""

from collections.abc import Iterator

import pytest

from app.store import Database
from tests.services import test_case_list_source as sources
from tests.services import test_case_search as searches
from tests.services import test_case_statements as statements
from tests.team.conftest import TeamServer

# Every scenario, the requester order included: cases without a requester come first
# ascending and last descending on PostgreSQL too (it is told NULLS FIRST/LAST; see
# test_a_case_without_a_requester_is_listed_and_reselected_at_the_same_row).
globals().update(
    {
        name: value
        for module in (searches, statements, sources)
        for name, value in vars(module).items()
        if name.startswith("test_")
    }
)
cases = searches.cases


@pytest.fixture
def database(team_server: TeamServer) -> Iterator[Database]:
    """An empty team database, migrated to head, opened by its owner."""
    opened = team_server.open()
    yield opened
    opened.close()
