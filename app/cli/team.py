"""Team mode on the command line: ``--database-url`` and ``python -m app migrate-to URL``.

``migrate-to`` copies the local encrypted database (``--database``) to an empty team database,
then checks the target: the same rows in every table (count and a fingerprint of the rows), and
the audit chain verifying there. The local file is only read, so it stays byte-identical.
"""

import argparse
from dataclasses import dataclass
from typing import Any

from app.cli.opening import open_team, unlock_local
from app.errors import TeamMigrationError
from app.models import Base  # loads every model: the metadata is complete
from app.services.audit import verify_chain
from app.store import Database
from app.store.team_copy import copy_tables, table_fingerprints

# Commands that work on the local file itself (copies, keys), never on a server.
FILE_ONLY_COMMANDS = frozenset({"backup", "restore", "key", "migrate-to"})


@dataclass(frozen=True)
class MigrationReport:
    """What ``migrate-to`` copied: rows per table and the audit events verified on the target."""

    rows: dict[str, int]
    events_verified: int


def register(commands: Any) -> None:
    """Add ``migrate-to`` and give every command that opens the database ``--database-url``.

    Registered after the other command modules (last in ``COMMAND_MODULES``), so their
    parsers exist. ``argparse.SUPPRESS`` keeps an absent option from hiding a value given
    elsewhere.
    """
    migrate = commands.add_parser(
        "migrate-to", help="copy the local database to an empty team server database and verify"
    )
    migrate.add_argument("url", help="postgresql+psycopg://user@host/database (no password)")
    migrate.set_defaults(handler=run_migrate_to)
    for name, parser in commands.choices.items():
        if name not in FILE_ONLY_COMMANDS:
            parser.add_argument(
                "--database-url",
                default=argparse.SUPPRESS,
                help="use the team's PostgreSQL server (password from the keyring or "
                "$PRIVACY_DESK_DB_PASSWORD) instead of the local file",
            )


def run_migrate_to(args: argparse.Namespace) -> int:
    """Copy, verify, and print one line per table; the local file is left as it was."""
    source = unlock_local(args)
    try:
        target = open_team(args.url)
        try:
            report = migrate(source, target)
        finally:
            target.close()
    finally:
        source.close()
    for table, rows in report.rows.items():
        print(f"{table}: {rows} rows")
    print(
        f"Copied and verified; audit chain verified on the server: {report.events_verified} events."
    )
    return 0


def migrate(source: Database, target: Database) -> MigrationReport:
    """Copy ``source`` into the empty ``target`` and check the copy.

    Returns:
        The rows copied per table and the events whose chain verified on the target.

    Raises:
        TeamMigrationError: the target holds data, or the copy differs from the source, or
            the audit chain does not verify on the target.
    """
    rows = copy_tables(source.engine, target.engine, Base.metadata)
    if table_fingerprints(target.engine, Base.metadata) != table_fingerprints(
        source.engine, Base.metadata
    ):
        raise TeamMigrationError("The copy on the team server differs from the local database.")
    with target.session() as session:
        check = verify_chain(session)
    if not check.ok:
        raise TeamMigrationError("The audit chain does not verify on the team server.")
    return MigrationReport(rows, check.checked)
