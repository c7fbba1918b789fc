"""Connecting to the team server: the password never in a URL, TLS for any remote host, and
clear errors for an unverified server or a refused login."""

import pytest
from sqlalchemy import text

from app.errors import InsecureConnectionError, TeamServerAuthError, TeamServerError
from app.store import MemorySecretStore
from app.store.postgres import (
    PASSWORD_ENV,
    open_team_database,
    remember_password,
    server_password,
    server_url,
)
from tests.team.cluster import SUPERUSER_PASSWORD
from tests.team.conftest import TeamServer


def test_a_remote_host_gets_verify_full_and_loopback_keeps_what_it_has() -> None:
    remote = server_url("postgresql://li.na@db.corp.example:5433/privacy_desk")
    assert remote.drivername == "postgresql+psycopg"
    assert remote.query["sslmode"] == "verify-full"
    assert (
        server_url("postgresql+psycopg://li@db.corp.example/pd?sslmode=verify-ca").query["sslmode"]
        == "verify-ca"
    )
    for local in ("localhost", "127.0.0.1", "[::1]"):
        assert "sslmode" not in server_url(f"postgresql+psycopg://li@{local}/pd").query


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer", "require"])
def test_a_remote_host_may_not_skip_verifying_the_certificate(mode: str) -> None:
    with pytest.raises(InsecureConnectionError, match="verify-full"):
        server_url(f"postgresql+psycopg://li@db.corp.example/pd?sslmode={mode}")


def test_a_password_in_the_url_is_refused_without_repeating_it() -> None:
    with pytest.raises(TeamServerError) as refused:
        server_url("postgresql+psycopg://li:S3cret%40x@db.corp.example/pd")
    assert "S3cret" not in str(refused.value) and "keyring" in str(refused.value)
    with pytest.raises(TeamServerError, match="postgresql"):
        server_url("mysql://li@db.corp.example/pd")
    with pytest.raises(TeamServerError, match="not a database URL"):
        server_url("li:S3cret@db.corp.example")


def test_the_password_comes_from_the_environment_else_the_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = server_url("postgresql+psycopg://li@db.corp.example/pd")
    secrets = MemorySecretStore()
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    assert server_password(url, secrets) is None
    remember_password(url, "from-keyring", secrets)
    assert server_password(url, secrets) == "from-keyring"
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert server_password(url, secrets) == "from-env"


def test_a_server_without_tls_fails_verify_full_with_a_clear_error(
    team_server: TeamServer,
) -> None:
    # The name is not loopback, so TLS is required; hostaddr sends it to the local test
    # server, which has no TLS at all.
    url = team_server.url(hostaddr="127.0.0.1").set(host="team.privacy-desk.test")
    with pytest.raises(InsecureConnectionError) as refused:
        open_team_database(server_url(url.render_as_string()), SUPERUSER_PASSWORD)
    assert "could not be verified" in str(refused.value)
    assert "team.privacy-desk.test" not in str(refused.value)


def test_a_wrong_password_is_named_as_such_without_the_login(team_server: TeamServer) -> None:
    with pytest.raises(TeamServerAuthError) as refused:
        open_team_database(team_server.url("li_handler"), "not-the-password")
    assert "li_handler" not in str(refused.value)


def test_an_unreachable_server_and_a_missing_database_are_told_apart(
    team_server: TeamServer,
) -> None:
    with pytest.raises(TeamServerError, match="no such database"):
        open_team_database(team_server.url().set(database="pd_absent"), SUPERUSER_PASSWORD)
    closed_port = team_server.url().set(port=1)
    with pytest.raises(TeamServerError, match="cannot be reached"):
        open_team_database(closed_port, SUPERUSER_PASSWORD)


def test_a_url_hostile_password_connects_and_never_shows_in_the_engine_url(
    team_server: TeamServer,
) -> None:
    database = team_server.open()
    try:
        assert SUPERUSER_PASSWORD not in str(database.engine.url)
        assert SUPERUSER_PASSWORD not in repr(database)
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT session_user")).scalar() == "postgres"
    finally:
        database.close()
