"""The window over a team server refreshes its list when another client adds a case."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.services.case_search import SavedView
from app.services.deadlines import load_rule_book
from app.store.postgres import PASSWORD_ENV
from app.ui.main_window import MainWindow
from tests.team.conftest import TeamServer
from tests.team.factories import new_case


def test_another_client_s_new_case_appears_without_refresh(
    qtbot: QtBot, team_server: TeamServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, team_server.password("zhao_manager"))
    database = team_server.open("zhao_manager")
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    window.case_list.set_view(SavedView.ALL)
    before = window.case_list.model.rowCount()
    assert window.team.changes is not None
    writer = team_server.open("li_handler")
    try:
        with (
            qtbot.waitSignal(window.team.changes.changed, timeout=10_000),
            writer.session() as session,
        ):
            new_case(session, "PD-2026-000031")
    finally:
        writer.close()
    assert window.case_list.model.rowCount() == before + 1
    window.close()
    database.close()


def test_the_local_file_tools_say_they_do_not_apply_to_the_team_server(
    qtbot: QtBot, team_server: TeamServer
) -> None:
    database = team_server.open("zhao_manager")
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    assert window.safety.open_safety_page() is None
    assert window.safety.lock() is None
    window.close()
    database.close()
