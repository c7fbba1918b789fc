"""Plain reads: one snapshot per reading, no write lock taken, watched like SQLAlchemy's own."""

from typing import Any

import pytest
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


def test_a_failed_read_gives_its_connection_back_to_the_pool(database: Database) -> None:
    pool = database.engine.pool
    before = pool.checkedout()  # type: ignore[attr-defined]
    error = database.engine.dialect.dbapi.Error  # type: ignore[union-attr]
    with pytest.raises(error, match="no_such_table"), database.plain_reading() as reader:
        reader.exec_driver_sql("SELECT * FROM no_such_table", ()).fetchall()
    assert pool.checkedout() == before  # type: ignore[attr-defined]
    with database.plain_reading() as reader:  # and the next reading works
        assert reader.exec_driver_sql(_COUNT, ()).fetchall() == [(0,)]


def test_a_watcher_added_while_reading_sees_the_next_statements(database: Database) -> None:
    seen: list[str] = []
    stop_first = watch_plain_reads(database.engine, lambda sql, _values: None)
    with database.plain_reading() as reader:
        reader.exec_driver_sql("SELECT 1", ()).fetchall()
        stop = watch_plain_reads(database.engine, lambda sql, _values: seen.append(sql))
        reader.exec_driver_sql("SELECT 2", ()).fetchall()
    stop()
    stop_first()
    assert seen == ["SELECT 2"]
