"""Acceptance: account IDs in any case and width, e-mail addresses and phone numbers in
national or international form are found on the team's PostgreSQL server as on SQLite (the
scenarios of ``tests/services/test_case_search_identifiers.py``, taken from that module, not
copied): the folded column is compared by code point there too (collation "C")."""

from collections.abc import Iterator

import pytest

from app.store import Database
from tests.services import test_case_search_identifiers as identifiers
from tests.team.conftest import TeamServer

globals().update(
    {name: value for name, value in vars(identifiers).items() if name.startswith("test_")}
)


@pytest.fixture
def database(team_server: TeamServer) -> Iterator[Database]:
    """An empty team database, migrated to head, opened by its owner."""
    opened = team_server.open()
    yield opened
    opened.close()
