"""Alembic, configured in code, with the revisions inside the package (STYLE.md §4)."""

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.errors import NewerSchemaError, NewerTeamSchemaError, NotADatabaseError
from app.store.connection import checkpoint
from app.store.migrations_writes import TABLES_SQL, Writes, watched_writes

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


def refuse_unknown_revision(revision: str | None, *, team: bool = False) -> None:
    """Refuse a database whose schema revision this version does not ship, before anything
    is written to it or copied (Alembic would fail with "Can't locate revision").

    Args:
        revision: the database's recorded revision (``None`` for a new, empty database).
        team: whether it is the team server's database.

    Raises:
        NewerSchemaError: ``revision`` is none of this version's revisions: a newer version
            of the app wrote the database (the message names both revisions);
            ``NewerTeamSchemaError`` (also a ``TeamServerError``) for the team's database.
    """
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    if any(known.revision == revision for known in script.walk_revisions()):
        return
    head = script.get_current_head()
    message = (
        f"This database was written by a newer version of Privacy Desk (schema {revision}; "
        f"this version knows up to {head}): update the app to open it."
    )
    if team:
        raise NewerTeamSchemaError(message)
    raise NewerSchemaError(message)


def upgrade_to_head(engine: Engine, path: Path) -> None:
    """Bring the schema to head; copy the file aside first when an existing schema changes.

    Args:
        engine: keyed engine of the database at ``path``.
        path: the database file (for the backup copy, which stays encrypted).

    Raises:
        NewerSchemaError: a newer version of the app wrote the database; it is left as it
            was (no backup copy either).
        NotADatabaseError: the migrated data would break a foreign key (nothing committed).
    """
    current = current_revision(engine)
    if current == head_revision():
        return
    refuse_unknown_revision(current)
    if current is not None:
        _backup_before_migration(engine, path, current)
    run_alembic(engine, lambda config: command.upgrade(config, "head"))


def run_alembic(engine: Engine, step: Callable[[Config], None]) -> None:
    """Run an Alembic command on ``engine`` in one transaction.

    SQLite's ALTER TABLE is done in batch mode, which rebuilds a table (create, copy, drop,
    rename); with foreign keys enforced, dropping a table other rows point at fails. So on
    SQLite the check is off during the migration — it can only change outside a transaction —
    and ``PRAGMA foreign_key_check`` must find nothing before the transaction commits, in
    every table the migration can have broken (``migrations_writes.watched_writes``; an UPDATE
    of no linked column breaks none): checking the whole database took 36-50 s at a million
    cases after a revision that only rewrote name words.

    Raises:
        NotADatabaseError: the migrated data breaks a foreign key (nothing is committed).
    """
    config = alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        if engine.dialect.name != "sqlite":  # PostgreSQL checks each constraint itself
            with connection.begin():
                step(config)
            return
        driver = connection.connection.driver_connection
        assert driver is not None  # a checked-out connection always has its DB-API one
        driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                with watched_writes(driver) as writes:
                    step(config)
                if _links_broken(driver, writes):
                    raise NotADatabaseError(
                        "The schema upgrade would break links between records; nothing was "
                        "changed (the backup copy is in the backups folder)."
                    )
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def _links_broken(driver: Any, writes: Writes) -> bool:
    """Whether ``PRAGMA foreign_key_check`` finds a row pointing nowhere in a table the
    migration wrote, or pointing at a table whose keys it may have removed."""
    if writes.everything:
        return driver.execute("PRAGMA foreign_key_check").fetchone() is not None
    with _room_for_the_check(driver):
        for table in _tables_to_check(driver, writes):
            quoted = table.replace("'", "''")
            if driver.execute(f"PRAGMA foreign_key_check('{quoted}')").fetchone() is not None:
                return True
    return False


def _tables_to_check(driver: Any, writes: Writes) -> list[str]:
    """The existing tables among ``writes.rows``, and those with a foreign key to one of
    ``writes.keys``."""
    names = [name for name, _ in driver.execute(TABLES_SQL).fetchall()]
    return [
        name
        for name in names
        if name.lower() in writes.rows or _parents(driver, name) & writes.keys
    ]


def _parents(driver: Any, table: str) -> set[str]:
    """The tables ``table``'s foreign keys point at, lower-case."""
    rows = driver.execute('SELECT "table" FROM pragma_foreign_key_list(?)', (table,))
    return {parent.lower() for (parent,) in rows.fetchall()}


# The check looks up each row's parent: a cache that holds the parent table makes it read each
# page once (at a million cases, name words: 20-27 s with the app's 32 MiB, 4.6 s with this).
CHECK_CACHE_KIB = 256 * 1024
_MEMORY_PRAGMAS = ("cache_size", "soft_heap_limit")


@contextmanager
def _room_for_the_check(driver: Any) -> Iterator[None]:
    """A page cache of ``CHECK_CACHE_KIB`` and no heap limit for the block, then the
    connection's own again (which frees the pages beyond it)."""
    cache_size, heap = (driver.execute(f"PRAGMA {p}").fetchone()[0] for p in _MEMORY_PRAGMAS)
    driver.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
    driver.execute("PRAGMA soft_heap_limit = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(cache_size)}")
        driver.execute(f"PRAGMA soft_heap_limit = {int(heap)}")


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
        "ix_case_urgency_subject",
        "ix_data_subject_display_name_lower",
    }
)


def comparable(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    """Alembic ``include_object`` hook leaving the expression indexes out of comparisons."""
    return not (type_ == "index" and name in EXPRESSION_INDEXES)
