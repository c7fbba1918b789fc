"""The page caches' memory: one budget for all connections, and a pool that hands the GUI
thread back its warm connection (issue 6: peak memory at a million cases)."""

import threading
from typing import Any

from sqlalchemy import text

from app.store import Database

MIB = 1024 * 1024


def _pragma(database: Database, name: str) -> int:
    with database.session() as session:
        return int(session.execute(text(f"PRAGMA {name}")).scalar_one())


def _in_worker(work: Any) -> Any:
    """Run ``work`` on a thread of its own (as a background task does) and return its result."""
    results: list[Any] = []
    worker = threading.Thread(target=lambda: results.append(work()))
    worker.start()
    worker.join()
    return results[0]


def test_a_new_connection_has_the_32_mib_cache_and_the_18_mib_budget(
    database: Database,
) -> None:
    # Negative cache_size is in KiB: -32768 KiB is 32 MiB.
    assert _pragma(database, "cache_size") == -32768
    # The whole process's SQLite memory (issue 6: peak 148 MiB with the list and the dashboard
    # open at a million cases, app/store/connection.py).
    assert _pragma(database, "soft_heap_limit") == 18 * MIB


def test_the_budget_is_one_for_the_whole_process(database: Database) -> None:
    # A background task's connection reports the same process-wide limit.
    assert _in_worker(lambda: _pragma(database, "soft_heap_limit")) == 18 * MIB
    assert _in_worker(lambda: _pragma(database, "cache_size")) == -32768


def test_a_table_larger_than_the_budget_reads_whole_on_two_threads(database: Database) -> None:
    rows = 12_000  # 12,000 rows of 4 KiB: about 47 MiB, more than the cache and the budget
    with database.session() as session:
        session.execute(text("CREATE TABLE scratch (n INTEGER, filler BLOB)"))
        session.execute(
            text(
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :rows) "
                "INSERT INTO scratch SELECT n, zeroblob(4096) FROM k"
            ),
            {"rows": rows},
        )

    def totals() -> tuple[int, int]:
        with database.session() as session:
            found = session.execute(text("SELECT sum(n), sum(length(filler)) FROM scratch"))
            n_sum, bytes_sum = found.one()
            return int(n_sum), int(bytes_sum)

    expected = (rows * (rows + 1) // 2, rows * 4096)
    assert _in_worker(totals) == expected
    assert totals() == expected


def test_the_pool_hands_back_the_connection_returned_last(database: Database) -> None:
    first, second = database.engine.connect(), database.engine.connect()
    first_driver = first.connection.driver_connection
    second_driver = second.connection.driver_connection
    first.close()
    second.close()
    with database.engine.connect() as again:
        # Last in, first out: the GUI's next action reuses the cache it just warmed.
        assert again.connection.driver_connection is second_driver
        assert again.connection.driver_connection is not first_driver


def test_releasing_a_sessions_cache_frees_its_pages(database: Database) -> None:
    from app.ui.memory_probe import sqlite_heap_mib  # SQLCipher's own heap counter

    rows = 2_000  # 2,000 rows of 4 KiB: about 8 MiB of pages, within the connection's cache
    with database.session() as session:
        session.execute(text("CREATE TABLE scratch (n INTEGER, filler BLOB)"))
        session.execute(
            text(
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < :rows) "
                "INSERT INTO scratch SELECT n, randomblob(4000) FROM k"
            ),
            {"rows": rows},
        )
    with database.session() as session:
        total = session.execute(text("SELECT sum(length(filler)) FROM scratch")).scalar_one()
        cached = sqlite_heap_mib()["in_use"]
        database.release_cache(session)
        released = sqlite_heap_mib()["in_use"]
        # The session still works after its cache went: the pages are read again.
        assert session.execute(text("SELECT count(*) FROM scratch")).scalar_one() == rows
    assert total == rows * 4000
    assert cached - released >= 7  # the ~8 MiB of pages the sum read
