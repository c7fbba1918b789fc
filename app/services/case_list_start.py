"""The case list's start, read through a plain SQLCipher connection before SQLAlchemy loads.

The window's first paint needs the start view's count and first page (README "Speed": the
start may take 0.8 s, importing SQLAlchemy alone takes most of that). ``StartCaseSource``
runs the statements ``app.services.case_list_snapshot`` compiled from the list's own builders
(kept in ``resources/sql/case_list_start.sqlite.json``) on the connection of
``app.store.first_look``, converting values as SQLAlchemy would; any other request — another
view, a sort, a search, finding a case's row — goes to the full source, which the window
builds right after the first paint anyway. No SQLAlchemy is imported here.

``read_ahead`` makes the start view's reads on the thread that opened the connection ahead
(``app.store.first_look.look_ahead``, started by ``main.py``), while the GUI imports; the
``StartCaseSource`` made over that connection answers its first requests from them.
"""

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, cast

import sqlcipher3.dbapi2 as sqlcipher

from app.models import enums
from app.resources import resource_path
from app.services.case_list_terms import (
    PAGE_SIZE,
    CasePage,
    CaseQuery,
    CaseRow,
    CaseSource,
    normalise_search_text,
    padded_batches,
    row_from_columns,
)

SNAPSHOT_PARTS = ("sql", "case_list_start.sqlite.json")  # as app.services.case_list_snapshot

Converter = Callable[[Any], Any]
# A read made ahead: ("has_cases",), ("count",) or ("page", offset, limit).
ReadKey = tuple[Any, ...]


class StartCaseSource:
    """The start view's count and pages from a keyed DB-API ``connection``; everything else
    from ``full()`` (called once, when first needed).

    Args:
        connection: a ``sqlcipher3`` connection to a database at the newest schema.
        full: returns the source to use for anything else (and, after ``retire``, for all).
    """

    def __init__(self, connection: Any, full: Callable[[], CaseSource]) -> None:
        self._connection: Any | None = connection
        self._full = full
        self._statements = start_statements()
        self._ahead = _take_reads(connection)

    def retire(self) -> None:
        """Stop using the connection (it now belongs to the full database): from now on every
        request goes to the full source."""
        self._connection = None
        self._ahead.clear()

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        """Return how many cases ``query`` selects (see ``CaseSource``)."""
        if not self._serves(query) or at_most is not None:
            return self._full().count(query, at_most)
        return int(self._once(("count",), self._count))

    def page(self, query: CaseQuery) -> CasePage:
        """Return the page ``query`` asks for (see ``CaseSource``)."""
        if not self._serves(query):
            return self._full().page(query)
        offset, limit = max(query.offset, 0), max(query.limit, 0)
        rows = self._once(("page", offset, limit), lambda: self._page_rows(offset, limit))
        return CasePage(query.offset, rows)

    def position(self, query: CaseQuery, reference: str) -> int | None:
        """Return the row of ``reference`` in ``query``'s order (always the full source)."""
        return self._full().position(query, reference)

    def has_cases(self) -> bool:
        """Return whether there is any case at all."""
        if self._connection is None:
            return self._full().has_cases()
        return bool(self._once(("has_cases",), lambda: bool(self._run("any_case", {}))))

    def _once(self, key: ReadKey, read: Callable[[], Any]) -> Any:
        """What the read made ahead found for ``key`` (each is used once: a later request,
        such as a refresh, reads again), else ``read()``."""
        return self._ahead.pop(key) if key in self._ahead else read()

    def _count(self) -> int:
        return int(self._run("count", {})[0][0])

    def _page_rows(self, offset: int, limit: int) -> tuple[CaseRow, ...]:
        ids = [row[0] for row in self._run("ids", {"offset": offset, "limit": limit})]
        return tuple(self._rows(ids))

    def _serves(self, query: CaseQuery) -> bool:
        start = self._statements.start
        return (
            self._connection is not None
            and (query.view, query.sort, query.descending) == start
            and not normalise_search_text(query.text)
        )

    def _rows(self, ids: Sequence[int]) -> list[CaseRow]:
        """The rows of ``ids`` in their order, read as ``rows_by_id`` reads them."""
        found: dict[int, CaseRow] = {}
        for size, values in padded_batches(ids):
            rows = self._run(f"rows_{size}", values)
            found.update((row[0], row_from_columns(row)) for row in rows)
        return [found[case_id] for case_id in ids if case_id in found]

    def _run(self, name: str, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        return self._statements.run(self._connection, name, values)


class StartStatements:
    """The snapshot's statements, ready to run (see ``start_statements``).

    Attributes:
        start: the (view, sort, descending) the statements list.
    """

    def __init__(self, snapshot: Mapping[str, Any]) -> None:
        start = snapshot["start"]
        self.start = (start["view"], start["sort"], start["descending"])
        self._statements: Mapping[str, Mapping[str, Any]] = snapshot["statements"]

    def run(self, connection: Any, name: str, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Run statement ``name`` with ``values`` (bind name to plain value); return its rows
        with each column converted.

        Raises:
            KeyError: no such statement, or a parameter was given no value.
        """
        statement = self._statements[name]
        bound = dict(statement["constants"])
        for parameter, kind in statement["parameters"].items():
            value = values[parameter]
            bound[parameter] = value if value is None else _bind(kind)(value)
        parameters = [bound[position] for position in statement["positions"]]
        found = connection.execute(statement["sql"], parameters).fetchall()
        converters = [_result(kind) for kind in statement["columns"]]
        return [
            tuple(v if v is None else c(v) for v, c in zip(row, converters, strict=True))
            for row in found
        ]


_reads_guard = threading.Lock()
_reads: tuple[Any, dict[ReadKey, Any]] | None = None  # (connection, its reads): one at a time


def read_ahead(connection: Any, page_size: int = PAGE_SIZE) -> None:
    """Read the start view's has-cases check, count and first page of ``page_size`` rows on
    ``connection`` (a keyed ``sqlcipher3`` connection at the newest schema) and keep them for
    the next ``StartCaseSource`` made over that same connection. The reads are a head start
    only: a failure keeps nothing, and the source then reads (and reports) as usual.
    """
    global _reads
    source = StartCaseSource(connection, _no_full_source)
    try:
        found: dict[ReadKey, Any] = {
            ("has_cases",): source.has_cases(),
            ("count",): source._count(),
            ("page", 0, page_size): source._page_rows(0, page_size),
        }
    except (sqlcipher.Error, OSError, ValueError, KeyError):
        return
    with _reads_guard:
        _reads = (connection, found)


def _take_reads(connection: Any) -> dict[ReadKey, Any]:
    """The reads ``read_ahead`` kept for ``connection`` (taken: kept for no one after)."""
    global _reads
    with _reads_guard:
        if _reads is None or _reads[0] is not connection:
            return {}
        found, _reads = _reads[1], None
    return found


def _no_full_source() -> CaseSource:
    raise LookupError("the start view's reads made ahead need no other source")


@cache
def start_statements() -> StartStatements:
    """The statements of ``resources/sql/case_list_start.sqlite.json`` (read once)."""
    text = resource_path(*SNAPSHOT_PARTS).read_text(encoding="utf-8")
    return StartStatements(json.loads(text))


def _identity(value: Any) -> Any:
    return value


def _bind(kind: str | None) -> Converter:
    """How a parameter of ``kind`` is passed (as SQLAlchemy's SQLite dialect binds it)."""
    if kind == "date":
        return date.isoformat
    if kind == "flag":
        return int
    if kind is None:
        return _identity
    raise ValueError(f"no parameter conversion for kind {kind!r}")


def _result(kind: str | None) -> Converter:
    """How a column of ``kind`` is read (as SQLAlchemy's SQLite dialect reads it)."""
    if kind is None:
        return _identity
    if kind.startswith("enum:"):
        return cast(Converter, getattr(enums, kind.removeprefix("enum:")))
    converters: dict[str, Converter] = {
        "date": date.fromisoformat,
        "instant": _instant,
        "flag": bool,
        "json": json.loads,
    }
    return converters[kind]


def _instant(value: str) -> datetime:
    """A stored instant (SQLite keeps no offset: ``app.models.base.UTCDateTime``) in UTC."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
