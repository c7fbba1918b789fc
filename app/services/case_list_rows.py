"""A page of the case list as ``CaseRow`` objects, read by id in one statement per batch.

The ids come in the page's order (``app.services.case_search``); their columns are read in
batches of at most ``ROWS_BATCH`` ids, each padded to a power of two (repeating its last id),
so that a handful of compiled statements (``app.services.case_statements``) serve pages of
every length. Plain columns, not ORM entities: a page is read, never changed, and skipping the
identity map and the large columns (message text, triage reasons) keeps a page load cheap.
"""

from collections.abc import Sequence
from functools import partial
from typing import Any

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


def rows_by_id(reading: Session | Runner, ids: Sequence[int]) -> list[CaseRow]:
    """The ``CaseRow`` of each id, in the order of ``ids``: read in batches of at most
    ``ROWS_BATCH`` ids, each padded (repeating its last id) to a power of two.

    Args:
        reading: a session, or a plain reader (``app.store.reading``).
    """
    connection = runner_of(reading)
    found: dict[int, CaseRow] = {}
    for size, values in padded_batches(ids):
        statement = compiled(connection, ("rows", size), partial(case_rows, size))
        found.update((row[0], row_from_columns(row)) for row in statement.rows(connection, values))
    return [found[case_id] for case_id in ids if case_id in found]


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
