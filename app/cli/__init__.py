"""Command-line interface: ``python -m app <command>``.

Each command module registers its sub-commands with a handler taking the parsed arguments and
returning the exit status. User errors (wrong key, unknown case, unreadable file) print one
clear line on stderr and exit with status 2; they never print a traceback or personal data.
"""

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from app.cli import acting, audit, calendar, cases, clock, deadline, retention, safety, team
from app.errors import PrivacyDeskError
from app.store.disk_space import disk_full_error, is_disk_full

USER_ERROR = 2
COMMAND_MODULES = (cases, calendar, deadline, clock, audit, safety, retention, team)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser with every command module's sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m app", description="Privacy Desk")
    parser.add_argument(
        "--database",
        type=Path,
        default=None,
        help="case database file (default: the platform data folder)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="the team's PostgreSQL server, postgresql+psycopg://user@host/db (no password: "
        "it comes from the keyring or $PRIVACY_DESK_DB_PASSWORD)",
    )
    acting.add_actor_option(parser)
    commands = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default ``sys.argv[1:]``) and return the exit status."""
    args = build_parser().parse_args(argv)
    # Warnings and errors as one line each on stderr, never a traceback (it could quote data).
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        status: int = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
    except BrokenPipeError:
        return _reader_went_away()
    except PrivacyDeskError as error:
        print(f"error: {error}", file=sys.stderr)
        return USER_ERROR
    except OSError as error:
        print(f"error: {_os_error_text(error)}", file=sys.stderr)
        return USER_ERROR
    return status


def _os_error_text(error: OSError) -> str:
    """The line for a file that could not be read or written: a full disk names the folder
    and says what to do (``app.store.disk_space``), anything else the system's reason."""
    if is_disk_full(error) and error.filename is not None:
        return str(disk_full_error(Path(os.fsdecode(error.filename)).resolve().parent))
    return f"{error.strerror}: {error.filename}"


def _reader_went_away() -> int:
    """The reader of standard output closed it (``python -m app list | head``): stop quietly,
    as Unix tools do, and point stdout at ``os.devnull`` so that the final flush at exit
    raises nothing either (the recipe of the Python ``signal`` documentation).

    Returns:
        Status 1 (the output was cut short).
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 1
