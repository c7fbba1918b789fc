"""Acceptance: the dashboard's figures, worked out by hand in ``tests/services/test_dashboard.py``,
come out the same on the team's PostgreSQL server (its own date arithmetic: ``timezone()``,
date subtraction). The scenarios are taken from that module, not copied."""

from collections.abc import Iterator

import pytest
from sqlalchemy import update

from app.models import Case
from app.services.dashboard import dashboard_figures
from app.store import Database
from tests.services import test_dashboard as scenarios
from tests.team.conftest import TeamServer

globals().update(
    {
        name: value
        for name, value in vars(scenarios).items()
        if name.startswith("test_") and name != "test_median_of_histogram"
    }
)
figures = scenarios.figures


@pytest.fixture
def database(team_server: TeamServer) -> Iterator[Database]:
    """An empty team database, migrated to head, opened by its owner."""
    opened = team_server.open()
    yield opened
    opened.close()


def test_restricted_cases_are_left_out_for_staff_not_cleared(team_server: TeamServer) -> None:
    owner = team_server.open()
    try:
        with owner.session() as session:
            scenarios.add_cases(session)
            session.execute(
                update(Case).where(Case.reference == "PD-2026-000001").values(restricted=True)
            )
    finally:
        owner.close()
    handler = team_server.open("li_handler")
    try:
        with handler.session() as session:
            seen = dashboard_figures(session, scenarios.TODAY)
    finally:
        handler.close()
    assert seen.open_total == 7 and seen.overdue == 1  # case 1 (overdue, new) is hidden
