"""The team-server dialog and the change watcher against a real PostgreSQL server."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from app.models import Case
from app.store.changes import Change, ChangeListener
from app.store.postgres import PASSWORD_ENV, TeamDatabase
from app.store.secrets import SERVICE_NAME, system_secret_store
from app.ui.change_watcher import ChangeWatcher, changed_case_ids
from app.ui.team_connect import TeamConnectDialog, TeamSettings, open_team_from_settings
from tests.conftest import InMemoryKeyring
from tests.team.conftest import TeamServer
from tests.team.factories import new_case

LOGIN = "li_handler"
CONNECTING = "Connecting…"


@pytest.fixture(autouse=True)
def no_password_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The password must come from the dialog or the keyring, not the CLI's variable."""
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary INI file, never the user's own."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def filled_dialog(
    qtbot: QtBot, settings: QSettings, server: TeamServer, password: str
) -> TeamConnectDialog:
    dialog = TeamConnectDialog(settings, system_secret_store())
    qtbot.addWidget(dialog)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(server.port)
    dialog.database_name.setText(server.database)
    dialog.user.setText(LOGIN)
    dialog.password.setText(password)
    dialog.open()
    return dialog


def test_the_port_defaults_to_postgresql_s_and_the_password_is_hidden(
    qtbot: QtBot, settings: QSettings
) -> None:
    dialog = TeamConnectDialog(settings, system_secret_store())
    qtbot.addWidget(dialog)
    assert dialog.port.value() == 5432
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert dialog.windowTitle() == "Connect to team server"


def test_test_connection_reports_success(
    qtbot: QtBot, settings: QSettings, team_server: TeamServer
) -> None:
    dialog = filled_dialog(qtbot, settings, team_server, team_server.password(LOGIN))
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() != CONNECTING, timeout=15_000)
    assert dialog.status.text() == "Connected: the team server and this login work."
    assert TeamSettings(settings).url() is None  # a test saves nothing


def test_a_wrong_password_gets_a_clear_error_without_the_password(
    qtbot: QtBot, settings: QSettings, team_server: TeamServer, memory_keyring: InMemoryKeyring
) -> None:
    wrong = "Wr0ng:P@ss/%secret"
    dialog = filled_dialog(qtbot, settings, team_server, wrong)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.status.text() != CONNECTING, timeout=15_000)
    assert dialog.status.text() == "The team server refused the user name or password."
    assert wrong not in dialog.status.text()
    assert dialog.isVisible() and dialog.database() is None
    assert memory_keyring.passwords == {} and TeamSettings(settings).url() is None


def test_empty_fields_are_refused_before_connecting(qtbot: QtBot, settings: QSettings) -> None:
    dialog = TeamConnectDialog(settings, system_secret_store())
    qtbot.addWidget(dialog)
    dialog.test_button.click()
    assert dialog.status.text() == "Enter the host, the database and the user name."


def test_ok_saves_the_url_without_password_and_the_password_in_the_keyring(
    qtbot: QtBot, settings: QSettings, team_server: TeamServer, memory_keyring: InMemoryKeyring
) -> None:
    password = team_server.password(LOGIN)
    dialog = filled_dialog(qtbot, settings, team_server, password)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    database = dialog.database()
    assert isinstance(database, TeamDatabase)
    database.close()
    url = f"postgresql+psycopg://{LOGIN}@127.0.0.1:{team_server.port}/{team_server.database}"
    assert settings.value("team/url") == url
    entry = f"team:{LOGIN}@127.0.0.1:{team_server.port}/{team_server.database}"
    assert memory_keyring.passwords == {(SERVICE_NAME, entry): password}
    reopened = open_team_from_settings(settings, system_secret_store())
    assert isinstance(reopened, TeamDatabase)
    reopened.close()


def test_without_keyring_the_password_stays_in_memory_and_the_dialog_says_so(
    qtbot: QtBot, settings: QSettings, team_server: TeamServer, no_keyring: None
) -> None:
    assert system_secret_store() is None
    dialog = TeamConnectDialog(settings, None)
    qtbot.addWidget(dialog)
    notes = [w.text() for w in dialog.findChildren(type(dialog.status))]
    assert any("in memory for this run only" in text for text in notes)
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(team_server.port)
    dialog.database_name.setText(team_server.database)
    dialog.user.setText(LOGIN)
    dialog.password.setText(team_server.password(LOGIN))
    dialog.open()
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    database = dialog.database()
    assert database is not None
    database.close()
    reopened = open_team_from_settings(settings, None)  # same run: the memory still has it
    assert isinstance(reopened, TeamDatabase)
    reopened.close()


def test_a_saved_address_fills_the_fields_and_nothing_saved_opens_nothing(
    qtbot: QtBot, settings: QSettings, team_server: TeamServer
) -> None:
    assert open_team_from_settings(settings, system_secret_store()) is None
    TeamSettings(settings).set_url(team_server.url(LOGIN))
    dialog = TeamConnectDialog(settings, system_secret_store())
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.value()) == ("127.0.0.1", team_server.port)
    assert (dialog.database_name.text(), dialog.user.text()) == (team_server.database, LOGIN)
    # An address but no password known: the caller asks with the dialog.
    assert open_team_from_settings(settings, system_secret_store()) is None
    TeamSettings(settings).set_url(None)
    assert TeamSettings(settings).url() is None


def test_set_url_drops_a_password_given_by_mistake(settings: QSettings) -> None:
    TeamSettings(settings).set_url(make_url("postgresql+psycopg://li:secret@db.example/pd"))
    assert TeamSettings(settings).url() == "postgresql+psycopg://li@db.example/pd"


def test_case_ids_are_collected_and_an_unnamed_case_means_refresh_everything() -> None:
    assert changed_case_ids([Change("case", "update", 7), Change("event", "insert", 7)]) == {7}
    assert changed_case_ids([Change("case", "insert", 3), Change("case", "insert", None)]) == set()


@pytest.fixture
def watcher(qtbot: QtBot, team_server: TeamServer) -> Iterator[ChangeWatcher]:
    listener = ChangeListener(team_server.url("zhao_manager"), team_server.password("zhao_manager"))
    watcher = ChangeWatcher(listener, interval_ms=50)
    yield watcher
    watcher.stop()


def test_the_watcher_announces_another_client_s_new_and_changed_case(
    qtbot: QtBot, team_server: TeamServer, watcher: ChangeWatcher
) -> None:
    writer = team_server.open(LOGIN)
    try:
        # The session commits when its block ends, inside the wait.
        with (
            qtbot.waitSignal(watcher.changed, timeout=5_000) as blocker,
            writer.session() as session,
        ):
            case_id = new_case(session, "PD-2026-000021").id
        assert blocker.args == [{case_id}]
        with (
            qtbot.waitSignal(watcher.changed, timeout=5_000) as blocker,
            writer.session() as session,
        ):
            session.get_one(Case, case_id).priority = 1
        assert blocker.args == [{case_id}]
    finally:
        writer.close()


def test_a_restricted_case_change_asks_for_a_full_refresh(
    qtbot: QtBot, team_server: TeamServer, watcher: ChangeWatcher
) -> None:
    writer = team_server.open("hr_handler")
    try:
        with (
            qtbot.waitSignal(watcher.changed, timeout=5_000) as blocker,
            writer.session() as session,
        ):
            new_case(session, "PD-2026-000022", restricted=True)
        assert blocker.args == [set()]
    finally:
        writer.close()


def test_a_broken_listener_connection_stops_the_watcher(
    qtbot: QtBot, team_server: TeamServer, watcher: ChangeWatcher
) -> None:
    with qtbot.waitSignal(watcher.lost, timeout=5_000), team_server.connect() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'Privacy Desk listener'"
        )
    watcher.stop()  # stopping again does nothing
