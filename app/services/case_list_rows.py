"""A page of the case list as ``CaseRow`` objects, read by id in one statement per batch.

The ids come in the page's order (``app.services.case_search``); their columns are read in
batches of at most ``ROWS_BATCH`` ids, each padded to a power of two (repeating its last id),
so that a handful of compiled statements (``app.services.case_statements``) serve pages of
every length. Plain columns, not ORM entities: a page is read, never changed, and skipping the
identity map and the large columns (message text, triage reasons) keeps a page load cheap.
"""

from collections.abc import Callable, Sequence
from functools import partial
from operator import itemgetter
from typing import Any, overload

from sqlalchemy import Integer, Select, bindparam, literal, literal_column, select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.services.case_list_sql import BINDING_DUE
from app.services.case_list_terms import CaseRow, padded_batches, row_from_columns
from app.services.case_statements import Runner, compiled, runner_of

ROW_COLUMNS = (
    Case.id,
    Case.reference,
    Case.kind,
    Case.status,
    Case.outcome,
    Case.language,
    Case.jurisdiction,
    Case.received_at,
    Case.due_provisional,
    Case.review_flags,
)


def rows_by_id(reading: Session | Runner, ids: Sequence[int]) -> "PageRows":
    """The ``CaseRow`` of each id, in the order of ``ids``: read in batches of at most
    ``ROWS_BATCH`` ids, each padded (repeating its last id) to a power of two, and converted
    when first used (``PageRows``).

    Args:
        reading: a session, or a plain reader (``app.store.reading``).
    """
    connection = runner_of(reading)
    fetched: list[Any] = []
    statement = None
    for size, values in padded_batches(ids):
        statement = compiled(connection, ("rows", size), partial(case_rows, size))
        fetched += statement.fetched(connection, values)
    if statement is None:  # no ids: no rows, nothing to convert
        return PageRows([], _unconverted)
    # Rows come in the index's order: put them in the page's, by case id (in C: a page of a
    # search by e-mail address is a handful of microseconds of Python in all).
    found = dict(zip(map(itemgetter(0), fetched), fetched, strict=True))
    # A row of 13 columns is never false: filter(None) drops only the ids not found (gone).
    in_order = list(filter(None, map(found.get, ids)))
    # Every batch's statement selects the same columns, converted alike: any one converts all.
    return PageRows(in_order, statement.converted)


def _unconverted(row: Sequence[Any]) -> Sequence[Any]:
    return row


class PageRows(Sequence[CaseRow]):
    """A page's rows as read, each made a ``CaseRow`` when first asked for.

    The list shows a screenful of a 200-row page; converting every row up front (dates
    parsed, enums looked up, a frozen ``CaseRow`` built) cost as much as SQLite's own work
    for a small query at a million cases (README "Speed"). Equal to any sequence of the same
    ``CaseRow`` objects (a tuple of them, another ``PageRows``).

    Args:
        fetched: the rows of the ``case_rows`` statement as the driver returned them.
        converted: converts one of them column by column (``CompiledStatement.converted``).
    """

    __slots__ = ("_converted", "_fetched", "_rows")

    def __init__(
        self, fetched: list[Sequence[Any]], converted: Callable[[Sequence[Any]], Sequence[Any]]
    ) -> None:
        self._fetched = fetched
        self._converted = converted
        self._rows: list[CaseRow | None] = [None] * len(fetched)

    def __len__(self) -> int:
        return len(self._fetched)

    @overload
    def __getitem__(self, index: int) -> CaseRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[CaseRow, ...]: ...

    def __getitem__(self, index: int | slice) -> CaseRow | tuple[CaseRow, ...]:
        if isinstance(index, slice):
            return tuple(self[n] for n in range(*index.indices(len(self))))
        row = self._rows[index]
        if row is None:
            row = self._rows[index] = row_from_columns(self._converted(self._fetched[index]))
        return row

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"PageRows({list(self)!r})"


def case_rows(size: int) -> Select[Any]:
    """A ``CaseRow``'s columns for the ids bound as ``id_0`` to
    ``id_<size - 1>``: the case's, the requester's name and first e-mail address, and the
    binding due date."""
    email = (
        select(SubjectIdentifier.value)
        .where(
            SubjectIdentifier.subject_id == Case.subject_id,
            SubjectIdentifier.kind == literal(IdentifierKind.EMAIL, SubjectIdentifier.kind.type),
        )
        .order_by(SubjectIdentifier.id)
        .limit(literal_column("1"))
        .scalar_subquery()
    )
    ids = [bindparam(f"id_{number}", type_=Integer) for number in range(size)]
    return (
        select(*ROW_COLUMNS, DataSubject.display_name, email, BINDING_DUE)
        .outerjoin(DataSubject, DataSubject.id == Case.subject_id)
        .where(Case.id.in_(ids))
    )
