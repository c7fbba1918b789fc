"""Acceptance: every service-level workflow scenario of ``tests/services/test_workflow.py`` runs
unchanged against both backends, the encrypted SQLite file and the team's PostgreSQL server.

The scenarios are taken from that module (not copied), so a new one runs here too; only the
``database`` fixture differs: it is parametrised over the two backends.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store import Database, MemorySecretStore, unlock
from tests.services import test_workflow as scenarios
from tests.team.conftest import TeamServer

globals().update(
    {name: value for name, value in vars(scenarios).items() if name.startswith("test_")}
)
rule_book = scenarios.rule_book


@pytest.fixture(params=["sqlcipher", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The case database on one backend, migrated to head and empty."""
    if request.param == "sqlcipher":
        opened = unlock(
            tmp_path / "privacy-desk.db", secrets=MemorySecretStore(), passphrase=None, create=True
        )
    else:
        server: TeamServer = request.getfixturevalue("team_server")
        opened = server.open()
    yield opened
    opened.close()
