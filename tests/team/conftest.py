"""Team-mode fixtures: a throwaway PostgreSQL cluster for the session, a database migrated to
head once as a template, a fresh copy of it per test, and one login per app role."""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import URL

from app.store.postgres import DRIVER, TeamDatabase, open_team_database
from tests.team.cluster import SUPERUSER, SUPERUSER_PASSWORD, Cluster, server_bin_dir, start_cluster

TEMPLATE = "pd_template"
# login -> (app role, may see restricted cases)
LOGINS = {
    "li_handler": ("handler", False),
    "hr_handler": ("handler", True),
    "wang_reviewer": ("reviewer", False),
    "zhao_manager": ("manager", False),
    "qian_auditor": ("auditor", False),
    "sun_admin": ("admin", False),
}
_numbers = itertools.count(1)


def password_of(login: str) -> str:
    """Each test login's password (URL-hostile characters on purpose)."""
    return f"{login}:P@ss/%w0rd"


@dataclass(frozen=True)
class TeamServer:
    """One test's fresh team database on the session's cluster."""

    port: int
    database: str

    def url(self, login: str = SUPERUSER, **query: str) -> URL:
        """The URL (no password) for ``login``."""
        return URL.create(
            DRIVER,
            username=login,
            host="127.0.0.1",
            port=self.port,
            database=self.database,
            query=query,
        )

    def password(self, login: str = SUPERUSER) -> str:
        return SUPERUSER_PASSWORD if login == SUPERUSER else password_of(login)

    def open(self, login: str = SUPERUSER) -> TeamDatabase:
        """Open the database as ``login`` (the superuser owns it and bypasses row security)."""
        return open_team_database(self.url(login), self.password(login))

    def connect(self, login: str = SUPERUSER) -> psycopg.Connection[tuple[object, ...]]:
        """A plain psycopg connection as ``login``: hand-written SQL, no app in between."""
        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            dbname=self.database,
            user=login,
            password=self.password(login),
            autocommit=True,
        )


def _admin_connection(port: int) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(
        host="127.0.0.1",
        port=port,
        dbname="postgres",
        user=SUPERUSER,
        password=SUPERUSER_PASSWORD,
        autocommit=True,
    )


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """A PostgreSQL cluster from the installed server package, stopped at the end."""
    bin_dir = server_bin_dir()
    if bin_dir is None:
        # Never skipped: `make test` installs the server (make postgres-server).
        pytest.fail("PostgreSQL server not installed: run `make postgres-server` (Debian/Ubuntu)")
    cluster = start_cluster(bin_dir)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> str:
    """A database migrated to head by its owner, and the test logins (cluster-wide)."""
    with _admin_connection(pg_cluster.port) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
    server = TeamServer(pg_cluster.port, TEMPLATE)
    server.open().close()
    with _admin_connection(pg_cluster.port) as admin:
        for login, (group, cleared) in LOGINS.items():
            roles = [f"privacy_desk_{group}", *(["privacy_desk_restricted"] if cleared else [])]
            admin.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(login),
                    sql.Literal(password_of(login)),
                    sql.SQL(", ").join(sql.Identifier(r) for r in roles),
                )
            )
    return TEMPLATE


@pytest.fixture
def team_server(pg_cluster: Cluster, pg_template: str) -> TeamServer:
    """A fresh database copied from the migrated template."""
    name = f"pd_test_{next(_numbers)}"
    with _admin_connection(pg_cluster.port) as admin:
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(pg_template)
            )
        )
    return TeamServer(pg_cluster.port, name)
