"""Reading with the bare DB-API connection: the case list's small queries, without a Session.

A ``Session`` and a SQLAlchemy ``Connection`` cost about 2 ms of bookkeeping per list action
(checkout events, transaction objects, result wrappers) — as much as SQLite needs for a page
found by e-mail address at a million cases (README "Speed"). The list's statements are compiled
once and run as SQL text anyway (``app.services.case_statements``), so they run here on the
pooled DB-API connection itself, inside a read-only transaction.
"""

from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from sqlalchemy import Dialect, Engine
    from sqlalchemy.pool import PoolProxiedConnection


Listener = Callable[[str, Any], object]
_listeners: "WeakKeyDictionary[Engine, list[Listener]]" = WeakKeyDictionary()


def watch_plain_reads(engine: "Engine", listener: Listener) -> Callable[[], None]:
    """Call ``listener(sql, parameters)`` before each statement a ``PlainReader`` runs on
    ``engine`` (what SQLAlchemy's ``before_cursor_execute`` event is for its own statements:
    tests count statements, the benchmark replays them). Returns the function that stops it."""
    listeners = _listeners.setdefault(engine, [])
    listeners.append(listener)
    return lambda: listeners.remove(listener)


class PlainReader:
    """One pooled DB-API connection in a read-only transaction (see ``plain_reading``).

    Attributes:
        dialect: the engine's dialect (which compiled form of a statement to run).
    """

    __slots__ = ("_driver", "_listeners", "dialect")

    def __init__(
        self, driver: Any, dialect: "Dialect", listeners: "list[Listener] | None" = None
    ) -> None:
        self._driver = driver
        self.dialect = dialect
        # The very list ``watch_plain_reads`` adds to: a watcher added while this reader is
        # open sees its later statements, and an empty list costs one test per statement.
        self._listeners = listeners if listeners is not None else []

    def exec_driver_sql(self, statement: str, parameters: Any) -> Any:
        """Run ``statement`` (SQL text in the driver's parameter style) with ``parameters``;
        return the DB-API cursor."""
        if self._listeners:
            for listener in self._listeners:
                listener(statement, parameters)
        cursor = self._driver.cursor()
        cursor.execute(statement, parameters)
        return cursor


def plain_reading(engine: "Engine") -> "PlainReading":
    """Return the context that yields a ``PlainReader`` on a connection checked out of
    ``engine``'s pool (``PlainReading``): ``with plain_reading(engine) as reader: ...``."""
    return PlainReading(engine)


class PlainReading:
    """Yields a ``PlainReader`` on a connection checked out of ``engine``'s pool, in a
    transaction that is rolled back at the end (it only reads).

    On SQLite (whose connections here run in autocommit) a deferred ``BEGIN`` makes the reads
    one snapshot without taking the write lock, as ``Database.read_session`` does; PostgreSQL's
    driver begins a transaction by itself.

    A class rather than a ``contextmanager`` generator: the list opens one per action, and
    the generator's machinery cost a few microseconds of the ~0.1 ms an e-mail search leaves
    to Python (README "Speed").

    Args:
        engine: the database's engine (``Database.engine``).
    """

    __slots__ = ("_engine", "_pooled")

    def __init__(self, engine: "Engine") -> None:
        self._engine = engine
        self._pooled: PoolProxiedConnection | None = None

    def __enter__(self) -> PlainReader:
        engine = self._engine
        pooled = self._pooled = engine.raw_connection()
        try:
            driver = pooled.driver_connection
            assert driver is not None  # a checked-out pooled connection always has one
            if engine.dialect.name == "sqlite":
                driver.execute("BEGIN")
            return PlainReader(driver, engine.dialect, _listeners.get(engine))
        except BaseException:
            self._pooled = None
            pooled.close()
            raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        pooled, self._pooled = self._pooled, None
        if pooled is None:
            return
        try:
            driver = pooled.driver_connection
            assert driver is not None
            driver.rollback()
        finally:
            pooled.close()  # back to the pool
