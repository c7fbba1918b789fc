"""Opening the case database from the command line."""

import argparse
import getpass
import sys
from pathlib import Path

from app.errors import KeyUnavailableError
from app.store import (
    Database,
    default_database_path,
    passphrase_from_environment,
    system_secret_store,
    unlock,
)


def open_for_command(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database named by ``--database`` (default: the data folder's).

    The key comes from the OS keyring, else ``$PRIVACY_DESK_PASSPHRASE``, else a prompt when
    standard input is a terminal.

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
    return unlock(path, secrets=secrets, passphrase=passphrase, create=create)
