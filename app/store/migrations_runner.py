"""Alembic, configured in code, with the revisions inside the package (STYLE.md §4)."""

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.errors import NotADatabaseError
from app.store.connection import checkpoint

SCRIPT_LOCATION = "app.store:migrations"


def alembic_config() -> Config:
    """Return an Alembic ``Config`` pointing at the in-package revisions; no ini file."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def current_revision(engine: Engine) -> str | None:
    """Return the schema revision of the database behind ``engine`` (``None`` when empty)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """Return the newest revision shipped with this version of the app."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_to_head(engine: Engine, path: Path) -> None:
    """Bring the schema to head; copy the file aside first when an existing schema changes.

    Args:
        engine: keyed engine of the database at ``path``.
        path: the database file (for the backup copy, which stays encrypted).
    """
    current = current_revision(engine)
    if current == head_revision():
        return
    if current is not None:
        _backup_before_migration(engine, path, current)
    run_alembic(engine, lambda config: command.upgrade(config, "head"))


def run_alembic(engine: Engine, step: Callable[[Config], None]) -> None:
    """Run an Alembic command on ``engine`` in one transaction.

    SQLite's ALTER TABLE is done in batch mode, which rebuilds a table (create, copy, drop,
    rename); with foreign keys enforced, dropping a table other rows point at fails. So on
    SQLite the check is off during the migration — it can only change outside a transaction —
    and ``PRAGMA foreign_key_check`` must find nothing before the transaction commits.

    Raises:
        NotADatabaseError: the migrated data breaks a foreign key (nothing is committed).
    """
    config = alembic_config()
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            assert driver is not None  # a checked-out connection always has its DB-API one
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                step(config)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise NotADatabaseError(
                        "The schema upgrade would break links between records; nothing was "
                        "changed (the backup copy is in the backups folder)."
                    )
        finally:
            if sqlite and driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")


def _backup_before_migration(engine: Engine, path: Path, revision: str) -> Path:
    """Checkpoint the WAL and copy the (encrypted) file to ``backups/`` beside it."""
    checkpoint(engine)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.parent / "backups" / f"{path.stem}-before-{revision}-{stamp}{path.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    return target


# Indexes on expressions: SQLite cannot reflect them and PostgreSQL reflects them rewritten
# ('9999-12-31'::date), so a model/migration comparison checks them by name instead.
EXPRESSION_INDEXES = frozenset(
    {
        "ix_case_urgency",
        "ix_case_status_urgency",
        "ix_case_assignee_status_urgency",
        "ix_case_subject_status_urgency",
        "ix_data_subject_display_name_lower",
    }
)


def comparable(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    """Alembic ``include_object`` hook leaving the expression indexes out of comparisons."""
    return not (type_ == "index" and name in EXPRESSION_INDEXES)
