"""The statements behind the case list, one per shape, every changing value a named bind.

Each builder returns a statement whose text depends only on the request's shape (view, sort,
direction, what kind of text is searched); dates, the assignee, search prefixes, offsets and
limits are named ``bindparam``s filled from ``bind_values``, so that ``case_statements`` can
compile each shape once. Orders and indexes are explained in ``app.services.case_search``.
"""

from collections.abc import Hashable
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Date,
    Select,
    String,
    and_,
    asc,
    bindparam,
    desc,
    false,
    func,
    literal,
    literal_column,
    null,
    select,
    true,
    union_all,
)

from app.models import Case, DataSubject
from app.models.enums import CaseStatus
from app.services.case_list_sql import URGENCY
from app.services.case_list_terms import (
    DUE_SOON_DAYS,
    CaseQuery,
    SavedView,
    SortColumn,
)
from app.services.case_search_matching import (
    WORD,
    PrefixRange,
    SearchTerms,
    matching_subjects,
    prefix_range,
    range_sizes,
    reference_binds,
    text_condition,
)
from app.services.clock import OPEN_STATUSES

# The views that list open cases only (their ``status IN`` is served per status, see
# ``_merged_by_status``).
OPEN_VIEWS = frozenset({SavedView.OPEN, SavedView.DUE_SOON, SavedView.OVERDUE, SavedView.MINE})


def bind_values(query: CaseQuery, terms: SearchTerms) -> dict[str, Any]:
    """Return the values of every bind the statements of ``query`` may hold."""
    values: dict[str, Any] = {
        "today": query.today,
        "soon_end": query.today + timedelta(days=DUE_SOON_DAYS),
        "assignee": query.assignee,
        "offset": max(query.offset, 0),
        "limit": max(query.limit, 0),
    }
    for prefix in terms.ranges:
        values[f"{prefix.name}_low"] = prefix.low
        values[f"{prefix.name}_high"] = prefix.high
    for n, reference in enumerate(terms.references):
        values[f"ref{n}"] = reference
    return values


def shape_of(query: CaseQuery, terms: SearchTerms) -> Hashable:
    """What of ``query`` changes its statements' text (offset, limit, dates and text do not)."""
    mine_nobody = query.view == SavedView.MINE and not query.assignee
    return query.view, mine_nobody, query.sort, query.descending, terms.shape


def ordered_ids(query: CaseQuery, terms: SearchTerms, in_order: bool) -> Select[Any] | Any:
    """The ids of ``query``'s page (binds ``offset`` and ``limit``), in its order."""
    return _ordered(query, terms, in_order).offset(bindparam("offset")).limit(bindparam("limit"))


def _ordered(
    query: CaseQuery, terms: SearchTerms, in_order: bool
) -> Select[tuple[int]] | CompoundSelect[Any]:
    if (
        query.sort == SortColumn.DUE
        and query.view in OPEN_VIEWS
        and (in_order or not terms.searched)
    ):
        return _merged_by_status(query, terms, in_order)
    if query.sort == SortColumn.REQUESTER and not terms.searched:
        return _by_requester(query)
    order = (sort_key_order(query), Case.id.desc() if query.descending else Case.id.asc())
    conditions = case_conditions(query, terms, in_order)
    return with_join(select(Case.id), query).where(*conditions).order_by(*order)


def _merged_by_status(query: CaseQuery, terms: SearchTerms, in_order: bool) -> CompoundSelect[Any]:
    """The open cases of a view by urgency, as one ordered range per open status merged
    (``app.services.case_search``: "Indexes")."""
    # Each arm's status is open already: testing it against the open statuses again made
    # SQLCipher's SQLite test every row read twice (at a million cases, the ids of an overdue
    # page 0.37 -> 0.29 ms).
    arms = [
        select(Case.id.label("id"), URGENCY.label("urgency")).where(
            Case.status == literal(status, Case.status.type),
            view_condition(query, known_open=True),
            text_condition(terms, in_order),
        )
        for status in sorted(OPEN_STATUSES)
    ]
    direction = desc if query.descending else asc
    return union_all(*arms).order_by(
        direction(literal_column("urgency")), direction(literal_column("id"))
    )


def _by_requester(query: CaseQuery) -> CompoundSelect[Any]:
    """The view's cases by requester name: those without a requester (their key is NULL, so
    first ascending, see ``sort_key_order``), merged with the named ones read in name order.

    An outer join from every case would make SQLite read all of them and sort; the inner join
    lets it walk the name index and stop after the page (``MERGE (UNION ALL)``).
    """
    view = view_condition(query)
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
        _nulls_at_start(literal_column("name_key"), query.descending),
        direction(literal_column("id")),
    )


def counted(query: CaseQuery, terms: SearchTerms, capped: bool) -> Select[tuple[int]]:
    """The count of ``query``'s cases; ``capped``: counting stops at the bind ``at_most``.

    A capped count of requesters' cases over every case reads the matching requesters'
    ranges as they come and looks their cases up until ``at_most`` distinct cases are found:
    for 王 at a million cases a thousand steps, where ``case.subject_id IN (...)`` first
    collected all 22,000 matching requesters. Within a saved view SQLite would read that
    join from the view's cases instead (every closed case, probing the requesters), so there
    the ``IN`` stays and the planner chooses (``app.services.case_search``)."""
    conditions = case_conditions(query, terms)
    if capped and query.view == SavedView.ALL and terms.searched and not terms.by_reference:
        return _distinct_cases_counted(terms)
    if not capped:
        return select(func.count()).select_from(Case).where(*conditions)
    found = select(Case.id).where(*conditions).limit(bindparam("at_most")).subquery()
    return select(func.count()).select_from(found)


def _distinct_cases_counted(terms: SearchTerms) -> Select[tuple[int]]:
    subjects = matching_subjects(terms).subquery()
    subject_id = next(iter(subjects.c))
    cases = select(Case.id).select_from(subjects).join(Case, Case.subject_id == subject_id)
    if terms.references:  # the cases a reference number names, whoever their requester
        numbered = select(Case.id).where(Case.reference.in_(reference_binds(terms)))
        union = union_all(cases, numbered).subquery()
        cases = select(next(iter(union.c)))
    found = cases.distinct().limit(bindparam("at_most")).subquery()
    return select(func.count()).select_from(found)


def with_join(statement: Select[Any], query: CaseQuery) -> Select[Any]:
    """``statement`` joined to the requester when ``query`` sorts by the requester's name."""
    if query.sort != SortColumn.REQUESTER:
        return statement
    return statement.outerjoin(DataSubject, DataSubject.id == Case.subject_id)


def sort_key(column: SortColumn) -> Any:
    """The expression ``column`` sorts by (each served by an index)."""
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


def sort_key_order(query: CaseQuery) -> Any:
    """``query``'s sort key in its direction. The requester's name is NULL for a case without
    one (or an anonymised one): those come first ascending and last descending — SQLite's own
    order, in which its indexes serve the sort; PostgreSQL's is the opposite, so it is told."""
    key = sort_key(query.sort)
    if query.sort == SortColumn.REQUESTER:
        return _nulls_at_start(key, query.descending)
    # The other keys are never NULL: an explicit NULLS order would keep PostgreSQL from its
    # indexes (ASC NULLS LAST) for nothing.
    return key.desc() if query.descending else key.asc()


def _nulls_at_start(key: Any, descending: bool) -> Any:
    return key.desc().nullslast() if descending else key.asc().nullsfirst()


def case_conditions(
    query: CaseQuery, terms: SearchTerms, in_order: bool = False
) -> list[ColumnElement[bool]]:
    """The view's and the search's conditions on ``Case``."""
    return [view_condition(query), text_condition(terms, in_order)]


def _one_of(statuses: list[CaseStatus]) -> ColumnElement[bool]:
    # One bind per status, not an "expanding" IN list (that one is rendered per call).
    return Case.status.in_([literal(status, Case.status.type) for status in statuses])


def view_condition(query: CaseQuery, *, known_open: bool = False) -> ColumnElement[bool]:
    """The saved view's condition (binds ``today``, ``soon_end``, ``assignee``);
    ``known_open``: the cases are known to be open (one open status's range), so that the
    test for an open status is left out."""
    is_open = true() if known_open else _one_of(sorted(OPEN_STATUSES))
    today = bindparam("today", type_=Date)
    if query.view == SavedView.DUE_SOON:
        return and_(is_open, URGENCY.between(today, bindparam("soon_end", type_=Date)))
    if query.view == SavedView.OVERDUE:
        return and_(is_open, URGENCY < today)  # noqa: SIM300 - a column, not a constant
    if query.view == SavedView.MINE:
        assignee = bindparam("assignee", type_=String)
        return and_(is_open, Case.assignee == assignee) if query.assignee else false()
    by_status = {
        SavedView.OPEN: is_open,
        SavedView.AWAITING_REQUESTER: _one_of([CaseStatus.AWAITING_REQUESTER]),
        SavedView.IN_RETENTION: _one_of([CaseStatus.IN_RETENTION]),
        SavedView.CLOSED: _one_of([CaseStatus.CLOSED]),
    }
    return by_status.get(query.view, true())


__all__ = [
    "OPEN_VIEWS",
    "WORD",
    "PrefixRange",
    "SearchTerms",
    "bind_values",
    "case_conditions",
    "counted",
    "ordered_ids",
    "prefix_range",
    "range_sizes",
    "shape_of",
    "sort_key",
    "sort_key_order",
    "view_condition",
    "with_join",
]
