"""Team mode: the same case database on a shared PostgreSQL server (DESIGN.md §6).

The URL the user gives names the server, the database and the login, never the password: that
comes from the OS keyring (``SecretStore``) or ``$PRIVACY_DESK_DB_PASSWORD`` and is put into the
engine's URL object with ``URL.create(password=...)`` only, so it never appears in a URL string,
a log line or the settings (failure-modes.md "SQLAlchemy URL"). Any host but this machine must be
reached over TLS that verifies the server (``sslmode=verify-full`` unless ``verify-ca`` is asked
for). Opening upgrades the schema to head with the same Alembic revisions as SQLite, under an
advisory lock so that two clients starting together do not both migrate.

Every session transaction takes one server-wide advisory lock when it begins and holds it until
it ends: the services were written for SQLite, where every transaction takes the write lock up
front (``BEGIN IMMEDIATE``), and rely on it (the audit chain's order, the next case reference).
Taking it first, before any row lock, also means two clients never deadlock on it. Sessions are
short (one per user action), so the wait is short; the ``ChangeListener`` does not take it.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import InsecureConnectionError, TeamServerAuthError, TeamServerError
from app.store.conflicts import guarded_session, watch_versioned_edits
from app.store.database import Database
from app.store.schema_head import at_schema_head
from app.store.secrets import SecretStore

DRIVER = "postgresql+psycopg"
PASSWORD_ENV = "PRIVACY_DESK_DB_PASSWORD"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
VERIFYING_SSL_MODES = frozenset({"verify-full", "verify-ca"})
DEFAULT_SSL_MODE = "verify-full"
CONNECT_TIMEOUT_S = 10
# Advisory lock keys (any bigint, fixed for the app). The writer key is also hard-coded in
# revision 0004's chain-head function: both must name the same lock.
WRITER_LOCK_KEY = 7_140_915_001
MIGRATION_LOCK_KEY = 7_140_915_002


@dataclass
class TeamDatabase(Database):
    """A ``Database`` on the team's PostgreSQL server.

    ``path`` is only the server database's name (for display); file operations (backup, key
    rotation) do not apply to it. ``server`` is the URL without the password.
    """

    server: URL | None = field(default=None)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session in a transaction that commits on success and rolls back on error.

        Raises:
            ConcurrentEditError: another client saved a record this session changes since it
                was loaded (optimistic locking); nothing of this transaction was written.
        """
        with guarded_session(self.sessions) as session:
            yield session

    def close(self) -> None:
        """Release every server connection; closing again does nothing."""
        if not self._closed:
            self._closed = True
            self.engine.dispose()


def server_url(text_url: str) -> URL:
    """Parse the team server URL the user typed and check its transport security.

    Args:
        text_url: e.g. ``postgresql+psycopg://li.na@db.corp.example/privacy_desk``; a
            ``postgresql://`` URL gets the psycopg driver.

    Returns:
        The URL, without password, with ``sslmode=verify-full`` added for a remote host.

    Raises:
        TeamServerError: not a PostgreSQL URL, or it carries a password.
        InsecureConnectionError: a remote host with an ``sslmode`` that does not verify.
    """
    try:
        url = make_url(text_url)
    except ArgumentError as error:
        # The text itself is not repeated: it may hold a password typed by mistake.
        raise TeamServerError("The team server address is not a database URL.") from error
    if url.get_backend_name() != "postgresql":
        raise TeamServerError("The team server address must be a postgresql:// URL.")
    if url.password is not None:
        raise TeamServerError(
            "Do not put the password into the team server URL: it is kept in the keyring "
            f"(or given in ${PASSWORD_ENV})."
        )
    return require_tls(url.set(drivername=DRIVER))


def is_loopback(url: URL) -> bool:
    """True when ``url`` reaches this machine: a loopback host name or a Unix socket."""
    host = url.host
    return host is None or host in LOOPBACK_HOSTS or host.startswith("/")


def require_tls(url: URL) -> URL:
    """Return ``url`` with a verifying ``sslmode`` unless it reaches this machine.

    Raises:
        InsecureConnectionError: the URL asks for a mode that would not verify the server.
    """
    if is_loopback(url):
        return url
    mode = url.query.get("sslmode", DEFAULT_SSL_MODE)
    if mode not in VERIFYING_SSL_MODES:
        raise InsecureConnectionError(
            "A team server on another machine must be reached over TLS that verifies its "
            f"certificate: use sslmode=verify-full (or verify-ca), not sslmode={mode}."
        )
    return url.update_query_dict({"sslmode": mode})


def secret_name(url: URL) -> str:
    """The keyring entry holding the password of ``url``'s login (no password in it)."""
    return f"team:{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def server_password(url: URL, secrets: SecretStore | None) -> str | None:
    """Return the login's password: ``$PRIVACY_DESK_DB_PASSWORD`` when set (CLI, tests), else the
    keyring entry, else ``None`` (the caller asks the user)."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    return secrets.get(secret_name(url)) if secrets is not None else None


def remember_password(url: URL, password: str, secrets: SecretStore) -> None:
    """Keep ``password`` for ``url``'s login in the keyring (never in settings)."""
    secrets.set(secret_name(url), password)


def open_team_database(url: URL, password: str | None) -> TeamDatabase:
    """Connect to the team server, check the login and TLS now, and bring the schema to head.

    Args:
        url: from ``server_url`` (no password in it).
        password: the login's password (``None`` for a login without one, e.g. peer/cert).

    Returns:
        The open ``TeamDatabase``.

    Raises:
        InsecureConnectionError: no TLS, or the server certificate does not verify.
        TeamServerAuthError: the server refused the login.
        TeamServerError: unreachable, no such database, or a schema this login may not upgrade.
    """
    engine = _engine(require_tls(url), password)
    try:
        _check_connection(engine)
        upgrade_server_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    watch_versioned_edits(sessions)
    event.listen(sessions, "after_begin", _take_writer_lock)
    name = Path(url.database or "postgres")
    return TeamDatabase(name, engine, sessions, server=url)


def _engine(url: URL, password: str | None) -> Engine:
    with_password = URL.create(
        url.drivername,
        username=url.username,
        password=password,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    # hide_parameters: a failed statement's message would otherwise quote bound values,
    # which are personal data.
    return create_engine(
        with_password,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Privacy Desk"},
    )


def _check_connection(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        raise connection_failure(error) from error


def connection_failure(error: DBAPIError | Exception) -> TeamServerError:
    """Map a failed connection to the error it means, without the driver's text (it names the
    login and the host)."""
    message = str(getattr(error, "orig", error)).lower()
    if "ssl" in message or "certificate" in message or "tls" in message:
        return InsecureConnectionError(
            "The team server's TLS certificate could not be verified, or the server does not "
            "offer TLS; nothing was sent. Check the server certificate and the trusted root "
            "(sslrootcert)."
        )
    if "authentication" in message or "password" in message:
        return TeamServerAuthError("The team server refused the user name or password.")
    if "does not exist" in message:
        return TeamServerError("The team server has no such database or user.")
    return TeamServerError("The team server cannot be reached; check the address and network.")


def upgrade_server_to_head(engine: Engine) -> None:
    """Apply the pending Alembic revisions, one client at a time.

    Raises:
        TeamServerError: this login may not change the schema (only the database owner may);
            ``NewerTeamSchemaError``: a newer version of the app upgraded it (left as it was).
    """
    if at_schema_head(engine):
        return
    # Alembic only to migrate: a desk that never connects to a team server never loads it.
    from app.store.migrations_runner import head_revision

    head = head_revision()
    try:
        with engine.begin() as connection:
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
            _upgrade_unless_done(connection, head)
    except ProgrammingError as error:
        raise TeamServerError(
            "The team database needs a schema upgrade that only its owner (an administrator) "
            "may run; ask them to open it once with this version of Privacy Desk."
        ) from error


def _upgrade_unless_done(connection: Connection, head: str | None) -> None:
    """Another client may have migrated while this one waited for the lock."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from app.store.migrations_runner import alembic_config, refuse_unknown_revision

    current = MigrationContext.configure(connection).get_current_revision()
    if current == head:
        return
    refuse_unknown_revision(current, team=True)
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _take_writer_lock(session: Session, transaction: object, connection: Connection) -> None:
    """Hold the writer lock for the whole transaction (PostgreSQL's BEGIN IMMEDIATE); a
    ``read_session`` writes nothing and takes none."""
    if connection.get_execution_options().get("read_only", False):
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
