"""Opening the case database from the command line."""

import argparse
import getpass
import sys
from pathlib import Path

from app.clock import local_today
from app.errors import KeyUnavailableError
from app.services.clock import refresh_after_rule_change
from app.services.deadlines import RuleBook
from app.store import (
    Database,
    default_database_path,
    passphrase_from_environment,
    system_secret_store,
    unlock,
)


def open_for_command(
    args: argparse.Namespace, rule_book: RuleBook, *, create: bool = False
) -> Database:
    """Open the database named by ``--database`` (default: the data folder's).

    The key comes from the OS keyring, else ``$PRIVACY_DESK_PASSPHRASE``, else a prompt when
    standard input is a terminal. Open cases computed under rule files that changed since are
    recomputed first (audited).

    Raises:
        KeyUnavailableError: no keyring, no passphrase and no terminal to ask on.
        WrongKeyError, NotADatabaseError, DatabaseLockedError, DatabaseMissingError.
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
    database = unlock(path, secrets=secrets, passphrase=passphrase, create=create)
    with database.session() as session:
        refresh_after_rule_change(session, rule_book, today=local_today())
    return database
