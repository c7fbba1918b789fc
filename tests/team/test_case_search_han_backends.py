"""Acceptance: Traditional and Simplified names find each other on the team's PostgreSQL
server as on SQLite (the scenarios of ``tests/services/test_case_search_han.py``, taken from
that module, not copied)."""

from collections.abc import Iterator

import pytest

from app.store import Database
from tests.services import test_case_search_han as han
from tests.team.conftest import TeamServer

globals().update({name: value for name, value in vars(han).items() if name.startswith("test_")})
requesters = han.requesters


@pytest.fixture
def database(team_server: TeamServer) -> Iterator[Database]:
    """An empty team database, migrated to head, opened by its owner."""
    opened = team_server.open()
    yield opened
    opened.close()
