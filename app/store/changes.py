"""Hearing about other clients' changes on the team server (PostgreSQL LISTEN/NOTIFY).

Revision 0004's trigger notifies ``privacy_desk_changes`` after every change to a case or an
audit event (and every change writes one), with the table, the operation and the case id (none
for a restricted case). ``ChangeListener`` keeps its own connection and is polled, e.g. by a
GUI timer, to refresh lists and the dashboard; it never blocks longer than asked.
"""

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import URL

from app.store.postgres import CONNECT_TIMEOUT_S, connection_failure, require_tls

CHANNEL = "privacy_desk_changes"


@dataclass(frozen=True)
class Change:
    """One change another client committed: ``table`` (``"case"`` or ``"event"``),
    ``operation`` (``"insert"``, ``"update"``, ``"delete"``) and the case it concerns
    (``None`` for a restricted case or an event about no case)."""

    table: str
    operation: str
    case_id: int | None


class ChangeListener:
    """Listens for committed changes on the team server; poll it to collect them.

    Use as a context manager, or call ``close``.
    """

    def __init__(self, url: URL, password: str | None) -> None:
        """Connect (TLS rules as for the database) and start listening.

        Args:
            url: the team server URL without password (``app.store.postgres.server_url``).
            password: the login's password.

        Raises:
            InsecureConnectionError, TeamServerAuthError, TeamServerError.
        """
        import psycopg  # only in team mode: a local desk should not load it at start

        try:
            self._connection = psycopg.connect(**_conninfo(require_tls(url), password))
        except psycopg.OperationalError as error:
            raise connection_failure(error) from error
        self._connection.execute(f"LISTEN {CHANNEL}")

    def poll(self, timeout_s: float = 0.0) -> list[Change]:
        """Return the changes committed since the last poll, waiting up to ``timeout_s``
        seconds for the first one (0: do not wait). Repeated notices of the same change in
        one transaction arrive once (PostgreSQL folds them)."""
        first = list(self._connection.notifies(timeout=timeout_s, stop_after=1))
        if not first:
            return []
        rest = list(self._connection.notifies(timeout=0))
        return [_parse(notice.payload) for notice in [*first, *rest]]

    def close(self) -> None:
        """Stop listening and close the connection."""
        self._connection.close()

    def __enter__(self) -> "ChangeListener":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _conninfo(url: URL, password: str | None) -> dict[str, Any]:
    params: dict[str, Any] = {
        "host": url.host,
        "port": url.port,
        "dbname": url.database,
        "user": url.username,
        "password": password,
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "Privacy Desk listener",
        "autocommit": True,
    }
    params.update({key: value for key, value in url.query.items() if isinstance(value, str)})
    return {key: value for key, value in params.items() if value is not None}


def _parse(payload: str) -> Change:
    body = json.loads(payload)
    return Change(str(body["table"]), str(body["operation"]), body.get("case_id"))
