"""The case list's statements, compiled once per shape and database dialect and then run as
their SQL text.

Building a SQLAlchemy statement, computing its cache key and running it through the ORM costs
milliseconds per query: more than SQLite needs for a page at a million cases (README "Speed").
The list's statements come in few shapes (view, sort, direction, kind of search), so each shape
is built once with named bind parameters, compiled for the connection's dialect (SQLite or
PostgreSQL: never SQL text written for one of them), and run through
``exec_driver_sql`` of a SQLAlchemy ``Connection`` or, lighter, of the plain DB-API reader the
case list reads with (``app.store.reading.PlainReader``). Values are converted by the bound
columns' own bind processors and results by their result processors — the conversions
SQLAlchemy itself would apply — and every value, user text above all, travels as a bound
parameter, never inside the SQL.
"""

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import CompoundSelect, Dialect, Select
from sqlalchemy.orm import Session

from app.services.case_statement_results import Processor, result_processor

Statement = Select[Any] | CompoundSelect[Any]

_compiled: dict[Hashable, "CompiledStatement"] = {}


class Runner(Protocol):
    """What runs a compiled statement: a SQLAlchemy ``Connection`` or a
    ``app.store.reading.PlainReader`` (its dialect, and SQL text with DB-API parameters)."""

    @property
    def dialect(self) -> Dialect:
        """The database's dialect (which compiled form to use)."""

    def exec_driver_sql(self, statement: str, parameters: Any) -> Any:
        """Run ``statement``; return a result whose ``fetchall()`` gives the rows."""


_FIRST = itemgetter(0)


@dataclass(frozen=True)
class CompiledStatement:
    """One statement's SQL for one dialect, with what its parameters and columns need.

    Attributes:
        sql: the SQL text, placeholders in the dialect's parameter style.
        positions: the bind names in placeholder order (positional styles such as SQLite's
            ``?``), or ``None`` where parameters are passed by name (psycopg).
        constants: the processed values of the binds fixed when the statement was built.
        processors: the bind processor of each bind passed per call (``None``: as it is).
        columns: the result processor of each selected column (``None``: as it is).
    """

    sql: str
    positions: tuple[str, ...] | None
    constants: Mapping[str, Any]
    processors: Mapping[str, Processor | None]
    columns: tuple[Processor | None, ...]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        """Return the DB-API parameters for ``values`` (bind name to plain value).

        Raises:
            KeyError: a bind of the statement was given no value.
        """
        if self.positions is None:
            bound = dict(self.constants)
            for name, processor in self.processors.items():
                bound[name] = _processed(processor, values[name])
            return bound
        binding = self._binding
        given = binding.given(values)
        if binding.converters:  # the few values a processor converts (dates, flags)
            converted = list(given)
            for index, processor in binding.converters:
                if converted[index] is not None:
                    converted[index] = processor(converted[index])
            given = tuple(converted)
        return binding.placed(binding.fixed + given)

    @cached_property
    def _binding(self) -> "_Binding":
        """How ``parameters`` fills the placeholders (positional dialects only)."""
        return _Binding.of(self.positions or (), self.constants, self.processors)

    def rows(self, connection: Runner, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Run the statement on ``connection`` and return its rows, each column converted as
        the ORM would (a JSON array of text comes back as a tuple: results are shared)."""
        found = self.fetched(connection, values)
        if not found:
            return []
        # Column by column through map(): a page's conversions without a Python loop per value.
        columns: list[Iterable[Any]] = list(zip(*found, strict=True))
        for index, processor in enumerate(self.columns):
            if processor is not None:
                columns[index] = map(processor, columns[index])
        return list(zip(*columns, strict=True))

    def fetched(self, connection: Runner, values: Mapping[str, Any]) -> list[Any]:
        """Run the statement and return its rows as the driver gives them, unconverted: for
        rows converted one at a time when they are used (``converted``)."""
        found: list[Any] = connection.exec_driver_sql(self.sql, self.parameters(values)).fetchall()
        return found

    def converted(self, row: Sequence[Any]) -> tuple[Any, ...]:
        """Return ``row`` (one of ``fetched``) with each column converted as ``rows`` does."""
        values = list(row)
        for index, processor in self._converting:
            values[index] = processor(values[index])
        return tuple(values)

    @cached_property
    def _converting(self) -> tuple[tuple[int, Processor], ...]:
        """The index and result processor of each column that has one."""
        return tuple((n, p) for n, p in enumerate(self.columns) if p is not None)

    def first_column(self, connection: Runner, values: Mapping[str, Any]) -> list[Any]:
        """Run the statement and return its rows' first column, converted (the others, such
        as the sort keys an ordered union must select, are not)."""
        firsts = map(_FIRST, self.fetched(connection, values))
        processor = self.columns[0]
        if processor is None:  # case ids: a page's 200 taken in C
            return list(firsts)
        return [None if value is None else processor(value) for value in firsts]

    def scalar(self, connection: Runner, values: Mapping[str, Any]) -> Any:
        """Run the statement and return the first column of its first row (``None``: none)."""
        found = self.first_column(connection, values)
        return found[0] if found else None


@dataclass(frozen=True)
class _Binding:
    """A positional statement's placeholders filled in C rather than one by one in Python:
    the values passed per call (``given``: each distinct bind name once, in order of first
    use) follow the constants (``fixed``), and ``placed`` picks each placeholder's value from
    that tuple. A search's statements hold a constant (an identifier kind) and two ends per
    index range, a page's rows statement up to 256 ids: filled by name one by one in Python,
    the parameters of an e-mail search with 66 ranges took 30-50 µs per run, a tenth of what
    SQLite needs for the whole search at a million cases (README "Speed"), against 7-13 µs
    this way."""

    given: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    converters: tuple[tuple[int, Processor], ...]
    fixed: tuple[Any, ...]
    placed: Callable[[tuple[Any, ...]], tuple[Any, ...]]

    @classmethod
    def of(
        cls,
        positions: Sequence[str],
        constants: Mapping[str, Any],
        processors: Mapping[str, Processor | None],
    ) -> "_Binding":
        """The binding of placeholders named ``positions`` (``CompiledStatement``'s)."""
        fixed_names = tuple(dict.fromkeys(name for name in positions if name in constants))
        given_names = tuple(dict.fromkeys(name for name in positions if name not in constants))
        index = {name: n for n, name in enumerate(fixed_names + given_names)}
        converters = tuple(
            (n, processor)
            for n, name in enumerate(given_names)
            if (processor := processors.get(name)) is not None
        )
        fixed = tuple(constants[name] for name in fixed_names)
        placed = _picker([index[name] for name in positions])
        return cls(_picker(given_names), converters, fixed, placed)


def _picker(keys: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """``operator.itemgetter`` of ``keys`` that always returns a tuple (itemgetter returns
    the item itself for one key and takes no zero keys)."""
    if not keys:
        return lambda _container: ()
    if len(keys) == 1:
        (key,) = keys
        return lambda container: (container[key],)
    return itemgetter(*keys)


def _processed(processor: Processor | None, value: Any) -> Any:
    """``value`` through a bind ``processor`` (``None`` passes as it is)."""
    return value if processor is None or value is None else processor(value)


def runner_of(reading: Session | Runner) -> Runner:
    """The runner of ``reading``: a session's connection, or the plain reader itself."""
    return reading.connection() if isinstance(reading, Session) else reading


def compiled(
    connection: Runner, shape: Hashable, build: Callable[[], Statement]
) -> CompiledStatement:
    """Return the compiled statement of ``shape`` for ``connection``'s dialect, building and
    compiling it with ``build`` the first time.

    ``shape`` must name everything that changes the statement's text; whatever changes from
    call to call must be a named ``bindparam`` without a value, given to ``rows``.

    Raises:
        ValueError: the statement binds a value fixed at build time that is not a constant
            (see ``_constant``): it would be reused for every later call of the shape.
    """
    dialect = connection.dialect
    key = (type(dialect), dialect.paramstyle, dialect.server_version_info, shape)
    found = _compiled.get(key)
    if found is None:
        found = _compiled.setdefault(key, compile_statement(build(), dialect))
    return found


def compile_statement(statement: Statement, dialect: Dialect) -> CompiledStatement:
    """Compile ``statement`` for ``dialect`` (see ``compiled``, which keeps the result).

    Raises:
        ValueError: a bind holds a value fixed at build time that is not a constant.
    """
    compiled_form = statement.compile(dialect=dialect)
    constants: dict[str, Any] = {}
    processors: dict[str, Processor | None] = {}
    for name, bind in compiled_form.binds.items():
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if bind.required:
            processors[name] = processor
        elif _constant(bind.effective_value):
            value = bind.effective_value
            constants[name] = processor(value) if processor is not None else value
        else:
            raise ValueError(f"bind '{name}' holds a value fixed at build time")
    positions = tuple(compiled_form.positiontup or ()) if dialect.positional else None
    columns = tuple(result_processor(column.type, dialect) for column in statement.selected_columns)
    sql = compiled_form.string
    if dialect.name == "sqlite":
        sql = unprobed(sql)
    return CompiledStatement(sql, positions, constants, processors, columns)


# A placeholder, or a quoted string or identifier (whose characters are left as they are).
_PLACEHOLDER_OR_QUOTED = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")|\?")


def unprobed(sql: str) -> str:
    """Return SQLite ``sql`` with each ``?`` placeholder written ``+?`` (the same value: a
    unary plus changes neither its type nor how it compares).

    SQLCipher's SQLite is built with ``SQLITE_ENABLE_STAT4``: its planner reads the value bound
    to a placeholder compared with an index's column against that index's samples, and marks
    the prepared statement to be prepared again whenever the placeholder is bound — that is,
    at every run of a cached statement. Preparing the case list's statements again cost more
    than running them (at a million cases a page of e-mail matches 0.55 -> 0.35 ms, an
    overdue page 1.9 -> 1.6 ms; README "Speed"). ``+?`` is an expression, not a placeholder,
    to that sampling: the plan is made once, from the indexes' statistics, as by an SQLite
    without STAT4. The case list's plans do not depend on the values searched for: the choice
    between walking an index and collecting matches is made from counts
    (``app.services.case_search_choice.reading_plan``)."""
    return _PLACEHOLDER_OR_QUOTED.sub(lambda found: found.group(1) or "+?", sql)


def _constant(value: Any) -> bool:
    """Whether a value fixed at build time is one every call shares: an enum member (a status,
    an identifier kind), or the ``OFFSET 0`` SQLite's compiler adds to a bare ``LIMIT``."""
    return isinstance(value, Enum) or (type(value) is int and value == 0)
