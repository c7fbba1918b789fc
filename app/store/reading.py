"""Reading with the bare DB-API connection: the case list's small queries, without a Session.

A ``Session`` and a SQLAlchemy ``Connection`` cost about 2 ms of bookkeeping per list action
(checkout events, transaction objects, result wrappers) — as much as SQLite needs for a page
found by e-mail address at a million cases (README "Speed"). The list's statements are compiled
once and run as SQL text anyway (``app.services.case_statements``), so they run here on the
pooled DB-API connection itself, inside a read-only transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Dialect, Engine


class PlainReader:
    """One pooled DB-API connection in a read-only transaction (see ``plain_reading``).

    Attributes:
        dialect: the engine's dialect (which compiled form of a statement to run).
    """

    def __init__(self, driver: Any, dialect: "Dialect") -> None:
        self._driver = driver
        self.dialect = dialect

    def exec_driver_sql(self, statement: str, parameters: Any) -> Any:
        """Run ``statement`` (SQL text in the driver's parameter style) with ``parameters``;
        return the DB-API cursor."""
        cursor = self._driver.cursor()
        cursor.execute(statement, parameters)
        return cursor


@contextmanager
def plain_reading(engine: "Engine") -> Iterator[PlainReader]:
    """Yield a ``PlainReader`` on a connection checked out of ``engine``'s pool, in a
    transaction that is rolled back at the end (it only reads).

    On SQLite (whose connections here run in autocommit) a deferred ``BEGIN`` makes the reads
    one snapshot without taking the write lock, as ``Database.read_session`` does; PostgreSQL's
    driver begins a transaction by itself.
    """
    pooled = engine.raw_connection()
    try:
        driver = pooled.driver_connection
        assert driver is not None  # a checked-out pooled connection always has one
        if engine.dialect.name == "sqlite":
            driver.execute("BEGIN")
        try:
            yield PlainReader(driver, engine.dialect)
        finally:
            driver.rollback()
    finally:
        pooled.close()  # back to the pool
