"""Plain reads: one snapshot per reading, no write lock taken, watched like SQLAlchemy's own."""

from typing import Any

from sqlalchemy import text

from app.store import Database
from app.store.reading import watch_plain_reads

_ADD = text(
    "INSERT INTO app_setting (key, value, updated_by, updated_at)"
    " VALUES (:key, '1', 'test', '2026-11-30 00:00:00')"
)
_COUNT = "SELECT count(*) FROM app_setting"


def test_a_plain_reading_is_one_snapshot_that_never_blocks_a_writer(database: Database) -> None:
    with database.session() as session:
        session.execute(_ADD, {"key": "a"})
    with database.plain_reading() as reader:
        first = reader.exec_driver_sql(_COUNT, ()).fetchall()
        # A writer commits meanwhile (BEGIN IMMEDIATE would wait for a reader's write lock).
        with database.session() as session:
            session.execute(_ADD, {"key": "b"})
        again = reader.exec_driver_sql(_COUNT, ()).fetchall()
    assert first == again == [(1,)]  # the reading's own snapshot
    with database.plain_reading() as reader:
        assert reader.exec_driver_sql(_COUNT, ()).fetchall() == [(2,)]


def test_plain_reads_are_seen_by_their_watchers_until_they_stop(database: Database) -> None:
    seen: list[tuple[str, Any]] = []
    stop = watch_plain_reads(database.engine, lambda sql, values: seen.append((sql, values)))
    with database.plain_reading() as reader:
        reader.exec_driver_sql("SELECT ?", (7,)).fetchall()
    stop()
    with database.plain_reading() as reader:
        reader.exec_driver_sql("SELECT 8", ()).fetchall()
    assert seen == [("SELECT ?", (7,))]
