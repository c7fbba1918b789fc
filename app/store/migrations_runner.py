"""Alembic, configured in code, with the revisions inside the package (STYLE.md §4)."""

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

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
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _backup_before_migration(engine: Engine, path: Path, revision: str) -> Path:
    """Checkpoint the WAL and copy the (encrypted) file to ``backups/`` beside it."""
    checkpoint(engine)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.parent / "backups" / f"{path.stem}-before-{revision}-{stamp}{path.suffix}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    return target
