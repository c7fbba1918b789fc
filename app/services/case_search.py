"""The case list at any size: saved views, search, sorting and paging, all done in SQL.

The list never loads every case. ``count_cases`` says how many rows a query has and
``search_cases`` returns one page of them as frozen ``CaseRow`` objects, so a view can show a
million cases while holding a few hundred.

Paging is by OFFSET, not keyset: the table asks for any row at all (a scroll-bar dragged to the
middle), and keyset paging can only walk from a known row. Each page is fetched in two steps —
the ids in order (``ORDER BY key, id`` matches an index, whose entries end in the rowid, so the
skipped rows cost an index step, not a row decode), then those ids' columns — so the per-row
lookups (requester, e-mail) run for the page only. ``id`` breaks ties, which makes the order
total: consecutive pages neither repeat nor skip a case.

Indexes (migration 0005): the ``ix_case_*_urgency`` indexes over ``URGENCY`` (alone, and after
status, assignee+status, subject+status) serve every view's order; a name search is a prefix
range over ``lower(display_name)`` (``ix_data_subject_display_name_lower``).
"""

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    and_,
    asc,
    desc,
    false,
    func,
    literal_column,
    null,
    or_,
    select,
    true,
    union,
    union_all,
)
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewFlag
from app.services.case_queries import CaseRow
from app.services.clock import OPEN_STATUSES
from app.services.intake.form_rows import normalise_phone

PAGE_SIZE = 200
DUE_SOON_DAYS = 7
MAX_SEARCH_LENGTH = 200
# The start of a reference (``app.services.references``), typed or pasted in any case:
# "PD-2026-000123", "pd-2026-0001", "PD-2026", "PD-".
_REFERENCE_LIKE = re.compile(r"^PD-(\d{1,4}(-\d*)?)?$")
_LIKE_SPECIALS = re.compile(r"([\\%_])")
# The date that binds: the extended due date once an extension is taken (Case docstring).
BINDING_DUE = func.coalesce(Case.extended_due_date, Case.due_date)
# Sorting and the date views use the binding date with cases that have none placed after every
# real date, so "most urgent first" starts with the overdue, not with the deadline-less; the
# expression indexes of migration 0005 are built on exactly this expression.
# An inline literal, not a bound parameter: an index on an expression serves only that exact
# expression.
NO_DEADLINE: ColumnElement[Any] = literal_column("'9999-12-31'")
URGENCY = func.coalesce(Case.extended_due_date, Case.due_date, NO_DEADLINE)


class SavedView(StrEnum):
    """The case list's saved views. "Open" means not yet answered: new, triaged, awaiting the
    requester, in progress or in review (``app.services.clock.OPEN_STATUSES``).

    - ``open``: every open case.
    - ``due_soon``: open, binding due date from today to today + 7 days inclusive.
    - ``overdue``: open, binding due date before today.
    - ``mine``: open and assigned to the given user.
    - ``awaiting_requester``: status awaiting requester (identity proof or clarification).
    - ``in_retention``: status in retention (account cancelled, purge pending).
    - ``closed``: status closed.
    - ``all``: every case.

    The binding due date is ``extended_due_date`` when the deadline was extended, else
    ``due_date`` (as stored by the clock service).
    """

    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MINE = "mine"
    AWAITING_REQUESTER = "awaiting_requester"
    IN_RETENTION = "in_retention"
    CLOSED = "closed"
    ALL = "all"


# The views that list open cases only (their ``status IN`` is served per status, see
# ``_merged_by_status``).
_OPEN_VIEWS = frozenset({SavedView.OPEN, SavedView.DUE_SOON, SavedView.OVERDUE, SavedView.MINE})


class SortColumn(StrEnum):
    """What the list can be sorted by (each backed by an index)."""

    REFERENCE = "reference"
    KIND = "kind"
    REQUESTER = "requester"
    RECEIVED = "received"
    DUE = "due"
    STATUS = "status"


@dataclass(frozen=True)
class CaseQuery:
    """One request for cases.

    Attributes:
        today: the local date against which "due soon" and "overdue" are decided.
        view: the saved view.
        text: search text: a reference (prefix, case-insensitive), or the start of the
            requester's name, e-mail address, phone number or account ID.
        sort: the sort column; ``descending`` its direction; ``id`` always breaks ties.
        offset: rows to skip (0-based); ``limit``: rows in a page.
        assignee: the user whose cases ``mine`` shows.
    """

    today: date
    view: SavedView = SavedView.ALL
    text: str = ""
    sort: SortColumn = SortColumn.RECEIVED
    descending: bool = True
    offset: int = 0
    limit: int = PAGE_SIZE
    assignee: str | None = None


@dataclass(frozen=True)
class CasePage:
    """Rows ``offset`` to ``offset + len(rows) - 1`` of a query's result."""

    offset: int
    rows: tuple[CaseRow, ...]


def count_cases(session: Session, query: CaseQuery, *, at_most: int | None = None) -> int:
    """Return how many cases ``query`` selects (ignoring offset and limit).

    Args:
        at_most: stop counting there (the result is then ``at_most`` when at least that many
            match): a search matching tens of thousands of cases is counted in the time of a
            page, and the list asks for more only when it is scrolled that far.
    """
    if at_most is None:
        statement = select(func.count()).select_from(Case).where(*_conditions(query))
    else:
        found = select(Case.id).where(*_conditions(query)).limit(max(at_most, 0)).subquery()
        statement = select(func.count()).select_from(found)
    return int(session.scalar(statement) or 0)


def has_cases(session: Session) -> bool:
    """Return whether the database holds any case at all (for the first-start empty state)."""
    return session.scalar(select(Case.id).limit(1)) is not None


def search_cases(session: Session, query: CaseQuery) -> CasePage:
    """Return the page of cases ``query`` asks for, in its sort order.

    Returns:
        A ``CasePage`` at ``query.offset`` with at most ``query.limit`` rows; the row's
        ``due_date`` is the binding due date (see ``SavedView``).
    """
    in_order = _matches_many(session, query)
    ordered = _ordered_ids(query, in_order).offset(max(query.offset, 0)).limit(max(query.limit, 0))
    ids = list(session.scalars(ordered))
    return CasePage(query.offset, tuple(_rows_by_id(session, ids)))


def case_position(session: Session, query: CaseQuery, reference: str) -> int | None:
    """Return the 0-based row of the case ``reference`` in ``query``'s order, or ``None`` when
    the query does not select it. Counts the rows before it, so it costs one count query."""
    key = _sort_key(query.sort)
    found = session.execute(
        _with_join(select(Case.id, key), query).where(
            Case.reference == reference, *_conditions(query)
        )
    ).first()
    if found is None:
        return None
    before = _before(key, found[1], found[0], query.descending)
    statement = _with_join(select(func.count()).select_from(Case), query)
    return int(session.scalar(statement.where(before, *_conditions(query))) or 0)


def _before(key: Any, value: Any, case_id: int, descending: bool) -> ColumnElement[bool]:
    """Rows that sort before (``value``, ``case_id``); SQLite sorts NULL keys first ascending."""
    if descending:
        if value is None:
            return or_(key.is_not(None), Case.id > case_id)
        return or_(key > value, and_(key == value, Case.id > case_id))
    if value is None:
        return and_(key.is_(None), Case.id < case_id)
    return or_(key.is_(None), key < value, and_(key == value, Case.id < case_id))


def _ordered_ids(
    query: CaseQuery, in_order: bool = False
) -> Select[tuple[int]] | CompoundSelect[Any]:
    searched = bool(query.text.strip())
    if query.sort == SortColumn.DUE and query.view in _OPEN_VIEWS and (in_order or not searched):
        return _merged_by_status(query, in_order)
    if query.sort == SortColumn.REQUESTER and not searched:
        return _by_requester(query)
    key = _sort_key(query.sort)
    order = (key.desc(), Case.id.desc()) if query.descending else (key.asc(), Case.id.asc())
    conditions = _conditions(query, in_order)
    return _with_join(select(Case.id), query).where(*conditions).order_by(*order)


def _merged_by_status(query: CaseQuery, in_order: bool) -> CompoundSelect[Any]:
    """The open cases of a view by urgency, as one ordered range per open status merged.

    The index on (status, urgency) keeps each status's cases in urgency order, but a single
    ``status IN (…)`` scan of it is not in that order, so SQLite would walk the urgency index
    over every case instead — the open ones come last there, after nearly a million answered
    ones. A ``UNION ALL`` ordered by urgency is read as a merge of the per-status ranges
    (``MERGE (UNION ALL)``; PostgreSQL: Merge Append), stopping after the page. A search that
    matches many requesters (``in_order``) is tested case by case along those ranges.
    """
    arms = [
        select(Case.id.label("id"), URGENCY.label("urgency")).where(
            Case.status == status, *_conditions(query, in_order)
        )
        for status in sorted(OPEN_STATUSES)
    ]
    direction = desc if query.descending else asc
    return union_all(*arms).order_by(
        direction(literal_column("urgency")), direction(literal_column("id"))
    )


def _by_requester(query: CaseQuery) -> CompoundSelect[Any]:
    """The view's cases by requester name: those without a requester (their key is NULL, so
    first ascending as SQLite sorts NULL), merged with the named ones read in name order.

    An outer join from every case would make SQLite read all of them and sort; the inner join
    lets it walk the name index and stop after the page (``MERGE (UNION ALL)``).
    """
    view = _view_condition(query)
    nameless = select(Case.id.label("id"), null().label("name_key")).where(
        Case.subject_id.is_(None), view
    )
    named = (
        select(Case.id.label("id"), func.lower(DataSubject.display_name).label("name_key"))
        .join(DataSubject, DataSubject.id == Case.subject_id)
        .where(view)
    )
    direction = desc if query.descending else asc
    return union_all(nameless, named).order_by(
        direction(literal_column("name_key")), direction(literal_column("id"))
    )


def _matches_many(session: Session, query: CaseQuery) -> bool:
    """Whether a search matches so many requesters that walking the cases in the sort order
    and keeping the matching ones reaches the page sooner than reading every match and sorting.

    Reading every match costs one step per matching case (m); walking in order costs about
    (offset + limit) * N / m steps for N cases, so walking wins once m exceeds
    sqrt((offset + limit) * N): at a million cases, a 200-row page, from about 14,000 matches
    (a one-character name like 王, a common e-mail start like "zhang"). Counting the matching
    requesters stops at that threshold, so deciding costs at most that many index steps.
    """
    text = normalise_search_text(query.text)
    if not text or _REFERENCE_LIKE.match(text.upper()):
        return False
    cases = session.scalar(select(func.max(Case.id))) or 0
    threshold = max(math.isqrt((max(query.offset, 0) + max(query.limit, 1)) * cases), 1)
    matching = _matching_subjects(text).limit(threshold).subquery()
    return (session.scalar(select(func.count()).select_from(matching)) or 0) >= threshold


def _with_join(statement: Select[Any], query: CaseQuery) -> Select[Any]:
    if query.sort != SortColumn.REQUESTER:
        return statement
    return statement.outerjoin(DataSubject, DataSubject.id == Case.subject_id)


def _sort_key(column: SortColumn) -> Any:
    keys: dict[SortColumn, Any] = {
        SortColumn.REFERENCE: Case.reference,
        SortColumn.KIND: Case.kind,
        # lower(): Latin names sort regardless of case, on SQLite and PostgreSQL alike, and the
        # expression index ix_data_subject_display_name_lower serves it.
        SortColumn.REQUESTER: func.lower(DataSubject.display_name),
        SortColumn.RECEIVED: Case.received_at,
        SortColumn.DUE: URGENCY,
        SortColumn.STATUS: Case.status,
    }
    return keys[column]


def _conditions(query: CaseQuery, in_order: bool = False) -> list[ColumnElement[bool]]:
    return [_view_condition(query), _text_condition(query.text, in_order)]


def _view_condition(query: CaseQuery) -> ColumnElement[bool]:
    is_open = Case.status.in_(sorted(OPEN_STATUSES))
    today = query.today
    conditions: dict[SavedView, ColumnElement[bool]] = {
        SavedView.OPEN: is_open,
        SavedView.DUE_SOON: and_(
            is_open, URGENCY.between(today, today + timedelta(days=DUE_SOON_DAYS))
        ),
        SavedView.OVERDUE: and_(is_open, URGENCY < today),  # noqa: SIM300 - a column, not a constant
        SavedView.MINE: and_(is_open, Case.assignee == query.assignee)
        if query.assignee
        else false(),
        SavedView.AWAITING_REQUESTER: Case.status == CaseStatus.AWAITING_REQUESTER,
        SavedView.IN_RETENTION: Case.status == CaseStatus.IN_RETENTION,
        SavedView.CLOSED: Case.status == CaseStatus.CLOSED,
        SavedView.ALL: true(),
    }
    return conditions[query.view]


def normalise_search_text(text: str) -> str:
    """Return ``text`` as searched: NFKC (full-width letters and digits become ASCII), spaces
    collapsed, at most ``MAX_SEARCH_LENGTH`` characters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_SEARCH_LENGTH]


def _text_condition(text: str, in_order: bool = False) -> ColumnElement[bool]:
    """The search condition; ``in_order``: test each case's requester against the matches
    instead of looking the matches' cases up (``subject_id + 0`` hides the column's index from
    the planner, which then walks the sort order's index; see ``_matches_many``)."""
    text = normalise_search_text(text)
    if not text:
        return true()
    if _REFERENCE_LIKE.match(text.upper()):
        return _starts_with(Case.reference, text.upper())
    requester = Case.subject_id + 0 if in_order else Case.subject_id
    return requester.in_(_matching_subjects(text))


def _matching_subjects(text: str) -> Any:
    """Subject ids whose name, e-mail address, phone number or account ID starts with ``text``.

    Prefix matching keeps every branch an index range, so one- and two-character Chinese names
    (张三) are found as fast as long ones; a substring search would scan every subject."""
    by_identifier = [
        _identifier_prefix(IdentifierKind.EMAIL, text.lower()),
        _identifier_prefix(IdentifierKind.ACCOUNT_ID, text),
    ]
    phone = normalise_phone(text)
    if phone is not None:
        by_identifier.append(_identifier_prefix(IdentifierKind.PHONE, phone))
    by_name = select(DataSubject.id).where(
        _starts_with(func.lower(DataSubject.display_name), text.lower())
    )
    return union(by_name, *by_identifier)


def _identifier_prefix(kind: IdentifierKind, prefix: str) -> Select[tuple[int]]:
    return select(SubjectIdentifier.subject_id).where(
        SubjectIdentifier.kind == kind, _starts_with(SubjectIdentifier.value, prefix)
    )


def _starts_with(column: Any, prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, as a range the column's index can serve (LIKE would
    be case-insensitive and so unusable with a case-sensitive index)."""
    last = ord(prefix[-1]) + 1
    if 0xD800 <= last <= 0xDFFF:  # surrogates cannot be encoded: jump past them
        last = 0xE000
    if last > 0x10FFFF:
        return and_(column >= prefix)
    return and_(column >= prefix, column < prefix[:-1] + chr(last))


def _rows_by_id(session: Session, ids: Sequence[int]) -> list[CaseRow]:
    """The ``CaseRow`` of each id, in the order of ``ids``."""
    if not ids:
        return []
    email = (
        select(SubjectIdentifier.value)
        .where(
            SubjectIdentifier.subject_id == Case.subject_id,
            SubjectIdentifier.kind == IdentifierKind.EMAIL,
        )
        .order_by(SubjectIdentifier.id)
        .limit(1)
        .scalar_subquery()
    )
    statement = (
        select(*_ROW_COLUMNS, DataSubject.display_name, email, BINDING_DUE)
        .outerjoin(DataSubject, DataSubject.id == Case.subject_id)
        .where(Case.id.in_(ids))
    )
    found = {row[0]: _row(*row) for row in session.execute(statement)}
    return [found[case_id] for case_id in ids if case_id in found]


# Plain columns, not ORM entities: a page is read, never changed, and skipping the identity
# map and the large columns (message text, triage reasons) keeps a page load cheap.
_ROW_COLUMNS = (
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
    review_flags: list[str],
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
        due_provisional=due_provisional,
        review_flags=tuple(ReviewFlag(flag) for flag in review_flags),
    )
