"""Generated case databases for the case-list benchmarks, made once and kept in a temp folder.

A million cases take minutes to generate, so each size is generated once into
``<tempdir>/privacy-desk-bench/<key>/privacy-desk.db`` and reused while the generator stays the
same: the key holds ``GENERATOR_VERSION`` and the migration head it was generated at. A cache
generated at an older head is reused too — opening it migrates it, as the app migrates a
user's database — and its unencrypted copy (``plain.db``, the baseline) is exported again
after every migration, with fresh planner statistics, so both have the same indexes and
statistics. The cache never lives in the repository. ``BENCH_FRESH=1`` regenerates;
``BENCH_CACHE`` names another folder for the caches (e.g. a private copy of them, while someone
else's benchmark holds these open).

The databases are keyed with ``PASSPHRASE`` (SQLCipher's KDF), as on a machine without a
keyring, so that a separate process (the startup benchmark) can open them from the
environment: ``PRIVACY_DESK_DATA_DIR`` is the folder and ``PRIVACY_DESK_PASSPHRASE`` this
passphrase.
"""

import os
import shutil
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import update

from app.models import Case
from app.services.clock_refresh import refresh_after_rule_change
from app.services.deadlines import load_rule_book
from app.store import Database, unlock
from app.store.location import DATABASE_FILE_NAME
from app.store.migrations_runner import head_revision
from benchmarks.demo_cases import GENERATOR_VERSION, create_search_indexes, generate_cases

TODAY = date(2026, 3, 10)
PASSPHRASE = "benchmark-passphrase-not-secret"
SETTLE_VERSION = 1


def cache_folder(size: int) -> Path:
    """Return the folder whose ``DATABASE_FILE_NAME`` holds ``size`` generated cases: the one
    keyed with the current migration head, else the newest one generated at an older head by
    the same generator, else (nothing cached) the current key's, to generate into."""
    root = Path(os.environ.get("BENCH_CACHE", Path(tempfile.gettempdir()) / "privacy-desk-bench"))
    current = root / f"g{GENERATOR_VERSION}-m{head_revision()}-{size}"
    older = sorted(root.glob(f"g{GENERATOR_VERSION}-m*-{size}/{DATABASE_FILE_NAME}"))
    if current.joinpath(DATABASE_FILE_NAME).exists() or not older:
        return current
    return older[-1].parent


def prepared_database(size: int) -> tuple[Path, float | None]:
    """Return the database file with ``size`` cases, generating it when not cached.

    Returns:
        The file's path, and the seconds generation took (``None`` when it came from the
        cache).
    """
    folder = cache_folder(size)
    path = folder / DATABASE_FILE_NAME
    if path.exists() and os.environ.get("BENCH_FRESH") != "1":
        _settled_once(path)
        return path, None
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    building = folder / "building.db"
    database = unlock(building, secrets=None, passphrase=PASSPHRASE, create=True)
    try:
        generate_cases(database, size, today=TODAY)
        create_search_indexes(database)
    finally:
        database.close()
    building.rename(path)
    for leftover in folder.glob("building.db*"):  # the lock file of the closed builder
        leftover.unlink()
    _settled_once(path)  # and exports the unencrypted copy
    return path, time.perf_counter() - started


def _settled_once(path: Path) -> None:
    """Settle the clocks of a new cache once; after any migration (a cache generated at an
    older head) refresh the planner's statistics and export the unencrypted copy again."""
    settled = path.with_name(f"clocks-settled-{SETTLE_VERSION}")
    exported = path.with_name(f"plain-at-{head_revision()}")
    if settled.exists() and exported.exists():
        return
    database = open_prepared(path)  # migrates a cache generated at an older head
    try:
        if not settled.exists():
            settle_clocks(database)
        # A migration's new indexes have no statistics until ANALYZE (the app runs none), and
        # the planner then misjudges them; the generator analyzes, so the cache does too.
        create_search_indexes(database)
        export_plain(database, path.with_name("plain.db"))
    finally:
        database.close()
    settled.touch()
    exported.touch()


def settle_clocks(database: Database) -> None:
    """Mark the generated clocks as computed under the current rule files, as in a database
    the app has opened before.

    The generated due dates are stand-ins (receipt + 21 days) without a rule reference, so the
    app's first start would recompute every open case (about 60,000 at a million cases), which
    is not what a start costs. Cases of a kind their jurisdiction's rules cover get that rule's
    reference; the others have no statutory deadline, as the clock service would find.
    """
    rule_book = load_rule_book()
    with database.engine.begin() as connection:
        for code, rule_set in rule_book.rule_sets.items():
            for kind in rule_set.rules:
                connection.execute(
                    update(Case)
                    .where(Case.jurisdiction == code, Case.kind == kind)
                    .values(rule_ref=f"{code}/{kind.value}@{rule_set.version}")
                )
        connection.execute(
            update(Case)
            .where(Case.rule_ref.is_(None))
            .values(due_date=None, extended_due_date=None, due_provisional=False)
        )
    with database.session() as session:
        refresh_after_rule_change(session, rule_book, today=TODAY)


def open_prepared(path: Path) -> Database:
    """Open a prepared database (its passphrase is ``PASSPHRASE``)."""
    return unlock(path, secrets=None, passphrase=PASSPHRASE)


def export_plain(database: Database, target: Path) -> None:
    """Write an unencrypted copy of ``database`` to ``target`` (``sqlcipher_export``)."""
    target.unlink(missing_ok=True)
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(target),))
        raw.execute("SELECT sqlcipher_export('plaintext')")
        raw.execute("DETACH DATABASE plaintext")


def plain_copy(path: Path) -> sqlite3.Connection:
    """Open the unencrypted copy next to the prepared database ``path`` with ``sqlite3``."""
    # No ANALYZE here: the export copied the original's ``sqlite_stat1``, so both plan alike.
    return sqlite3.connect(path.parent / "plain.db")
