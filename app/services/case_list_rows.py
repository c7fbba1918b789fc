"""A page of the case list as ``CaseRow`` objects, read by id in one statement per batch.

The ids come in the page's order (``app.services.case_search``); their columns are read in
batches of at most ``ROWS_BATCH`` ids, each padded to a power of two (repeating its last id),
so that a handful of compiled statements (``app.services.case_statements``) serve pages of
every length. Plain columns, not ORM entities: a page is read, never changed, and skipping the
identity map and the large columns (message text, triage reasons) keeps a page load cheap.
"""

from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from typing import Any

from sqlalchemy import Integer, Select, bindparam, literal, literal_column, select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewFlag
from app.services.case_list_terms import BINDING_DUE
from app.services.case_rows import CaseRow
from app.services.case_statements import compiled

ROWS_BATCH = 256
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


def rows_by_id(session: Session, ids: Sequence[int]) -> list[CaseRow]:
    """The ``CaseRow`` of each id, in the order of ``ids``: read in batches of at most
    ``ROWS_BATCH`` ids, each padded (repeating its last id) to a power of two."""
    connection = session.connection()
    found: dict[int, CaseRow] = {}
    for start in range(0, len(ids), ROWS_BATCH):
        batch = ids[start : start + ROWS_BATCH]
        size = 1 << (len(batch) - 1).bit_length()
        statement = compiled(connection, ("rows", size), partial(case_rows, size))
        padded = list(batch) + [batch[-1]] * (size - len(batch))
        values = {f"id_{number}": case_id for number, case_id in enumerate(padded)}
        found.update((row[0], _row(*row)) for row in statement.rows(connection, values))
    return [found[case_id] for case_id in ids if case_id in found]


def _row(
    _case_id: int,
    reference: str,
    kind: CaseKind,
    status: CaseStatus,
    outcome: CaseOutcome | None,
    language: str | None,
    jurisdiction: str,
    received_at: datetime,
    due_provisional: bool,
    review_flags: list[str] | None,
    name: str | None,
    email: str | None,
    binding_due: date | None,
) -> CaseRow:
    return CaseRow(
        reference=reference,
        kind=kind,
        status=status,
        outcome=outcome,
        language=language,
        jurisdiction=jurisdiction,
        requester_name=name,
        requester_email=email,
        received_at=received_at,
        due_date=binding_due,
        due_provisional=bool(due_provisional),
        review_flags=tuple(ReviewFlag(flag) for flag in review_flags or ()),
    )


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
