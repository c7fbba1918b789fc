"""Opening the case database from the command line: the local encrypted file, or the team's
PostgreSQL server with ``--database-url``."""

import argparse
import getpass
import sys
from pathlib import Path

from app.clock import company_today
from app.errors import KeyUnavailableError
from app.services.clock_refresh import refresh_after_rule_change
from app.services.deadlines import RuleBook
from app.store import (
    Database,
    default_database_path,
    passphrase_from_environment,
    system_secret_store,
    unlock,
)
from app.store.postgres import PASSWORD_ENV, open_team_database, server_password, server_url


def open_for_command(
    args: argparse.Namespace, rule_book: RuleBook, *, create: bool = False
) -> Database:
    """Open the team server named by ``--database-url``, else the file named by ``--database``
    (default: the data folder's).

    The file's key comes from the OS keyring, else ``$PRIVACY_DESK_PASSPHRASE``, else a prompt
    when standard input is a terminal; the server password likewise from
    ``$PRIVACY_DESK_DB_PASSWORD``, the keyring or a prompt. Open cases computed under rule
    files that changed since are recomputed first (audited).

    Raises:
        KeyUnavailableError: no keyring, no passphrase and no terminal to ask on.
        WrongKeyError, NotADatabaseError, DatabaseLockedError, DatabaseMissingError.
        TeamServerError (and its kinds): the team server refused or cannot be reached.
    """
    url_text: str | None = getattr(args, "database_url", None)
    database = open_team(url_text) if url_text else unlock_local(args, create=create)
    with database.session() as session:
        refresh_after_rule_change(session, rule_book, today=company_today())
    return database


def unlock_local(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the local database file named by ``--database`` with the key from the keyring,
    the environment or a prompt; nothing else is done to it.

    Raises:
        KeyUnavailableError, WrongKeyError, NotADatabaseError, DatabaseLockedError,
        DatabaseMissingError.
    """
    path: Path = args.database or default_database_path()
    secrets = system_secret_store()
    passphrase = passphrase_from_environment()
    if passphrase is None and secrets is None and sys.stdin.isatty():
        passphrase = getpass.getpass("Database passphrase: ")
    if passphrase is None and secrets is None:
        raise KeyUnavailableError(
            "No keyring is available: set PRIVACY_DESK_PASSPHRASE to the database passphrase."
        )
    return unlock(path, secrets=secrets, passphrase=passphrase, create=create)


def open_team(url_text: str) -> Database:
    """Open the team database at ``url_text`` (a URL without password).

    Raises:
        KeyUnavailableError: no password in the environment or keyring, and no terminal.
        TeamServerError (and its kinds).
    """
    url = server_url(url_text)
    password = server_password(url, system_secret_store())
    if password is None and sys.stdin.isatty():
        password = getpass.getpass("Team server password: ")
    if password is None:
        raise KeyUnavailableError(
            f"No password for the team server: set {PASSWORD_ENV} or keep it in the keyring."
        )
    return open_team_database(url, password)
