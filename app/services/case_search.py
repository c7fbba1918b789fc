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
status, assignee+status, subject+status) serve every view's order; the open views by due date
are read as a merge of one ``(status, urgency)`` range per open status; a search by name is a
prefix range over the name's words per typed word (``subject_name_word``, whose primary key is
(word, subject), migration 0008) and, for a text of several words, over ``lower(display_name)``
(``ix_data_subject_display_name_lower``); an identifier is one prefix range per kind over its
folded form (``ix_subject_identifier_folded``, migration 0013: any letter case and width, a
phone number's national significant number); ``app.services.case_search_matching`` builds them.

A search's page is read one of two ways, chosen per call from one capped count per index range
(``case_search_choice``): a search matching few requesters collects their cases and sorts them;
one matching many (王 at a million cases: 22,000 requesters, 28,000 cases) walks the cases in
the sort order and keeps those whose requester matches, until the page is full; over all
cases by date received or urgency the order's index holds the requester too (migration 0015),
so the walk reads neither case rows nor the matching requesters' cases. Its count for
the list is capped (``count_cases(at_most=...)``): the matching requesters' cases are looked up
as the ranges yield them, until that many distinct cases are found. The list's source reads a
new query's count and first page together (``first_page_counted``): for a search matching few
cases, the ordered ids up to the cap are the count too.

Cases without a requester sort first ascending and last descending by requester, on SQLite
(its own NULL order, so its indexes serve it) and PostgreSQL (told so: NULLS FIRST/LAST) alike,
and ``case_position`` counts them the same way.

The statements (``app.services.case_search_plans``) are compiled once per shape and dialect
and run as SQL text (``app.services.case_statements``): building and compiling them per call
cost more than SQLite's own work.
"""

from dataclasses import replace
from typing import Any

from sqlalchemy import Integer, Select, String, and_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.models import Case
from app.services import case_search_plans as plans
from app.services.case_list_rows import rows_by_id
from app.services.case_list_sql import BINDING_DUE, URGENCY
from app.services.case_list_terms import (
    DUE_SOON_DAYS,
    MAX_SEARCH_LENGTH,
    PAGE_SIZE,
    CasePage,
    CaseQuery,
    SavedView,
    SortColumn,
    normalise_search_text,
)
from app.services.case_search_choice import (
    ROW_READ_STEPS,
    SUBJECT_WALK_SORTS,
    SUBJECT_WALK_STEPS,
    reading_plan,
    walk_threshold,
)
from app.services.case_search_plans import SearchTerms
from app.services.case_search_text import search_terms, terms_of
from app.services.case_statements import Runner, compiled, runner_of


def count_cases(reading: Session | Runner, query: CaseQuery, *, at_most: int | None = None) -> int:
    """Return how many cases ``query`` selects (ignoring offset and limit).

    Args:
        reading: a session, or a plain reader (``app.store.reading``: the case list's).
        at_most: stop counting there (the result is then ``at_most`` when at least that many
            match): a search matching tens of thousands of cases is counted in the time of a
            page, and the list asks for more only when it is scrolled that far.
    """
    connection = runner_of(reading)
    terms = terms_of(connection, query.text)
    if at_most is not None and terms.words > 1:
        terms = reading_plan(connection, query, terms)[1]  # the intersection's cheap order
    return _counted(connection, query, terms, at_most)


def first_page_counted(
    reading: Session | Runner, query: CaseQuery, *, at_most: int | None, limit: int
) -> tuple[int, CasePage]:
    """Return ``count_cases(reading, query, at_most=at_most)`` and the first page of ``limit``
    rows (``search_cases`` at offset 0), read together: the list shows both after every new
    query, and a search that matches few cases finds its count in its page's own statement
    (the ordered ids up to ``at_most``: all its matches are read and sorted for the page
    anyway).
    """
    connection = runner_of(reading)
    first = _first_page(query, max(limit, 0))
    in_order, terms = reading_plan(connection, first, terms_of(connection, query.text))
    if at_most is not None and terms.words > 1 and _walks_by_case_id(first):
        return _first_page_of_words(connection, first, terms, at_most)
    if at_most is not None and terms.searched and not in_order:
        ahead = replace(first, limit=max(at_most, first.limit))
        ids = _ordered_ids(connection, ahead, terms, in_order=False)
        rows = rows_by_id(connection, ids[: first.limit])
        return min(len(ids), max(at_most, 0)), CasePage(0, rows)
    count = _counted(connection, query, terms, at_most)
    rows = rows_by_id(connection, _ordered_ids(connection, first, terms, in_order))
    return count, CasePage(0, rows)


def _first_page(query: CaseQuery, limit: int) -> CaseQuery:
    """``query`` asking for its first ``limit`` rows: ``query`` itself when it does already,
    as the list's new queries do (``dataclasses.replace`` costs a few microseconds of the
    ~0.3 ms of Python a search by e-mail address takes, README "Speed")."""
    if query.offset == 0 and query.limit == limit:
        return query
    return replace(query, offset=0, limit=limit)


def _walks_by_case_id(query: CaseQuery) -> bool:
    """Whether ``query``'s order is one index holding only its key and the case id (the
    cases of every view, by any column but the requester's name), so that walking it while
    testing the case ids reads no case row (``case_search_matching.text_condition``)."""
    return query.view == SavedView.ALL and query.sort != SortColumn.REQUESTER


def _walks_by_subject(query: CaseQuery) -> bool:
    """Whether ``query``'s order is an index holding its key, the case id and the requester
    (all cases by date received or by urgency: ``ix_case_received_subject``,
    ``ix_case_urgency_subject``, migration 0015), so that walking it while testing the
    requesters reads neither a case row nor the matching requesters' cases."""
    return query.view == SavedView.ALL and query.sort in SUBJECT_WALK_SORTS


def _first_page_of_words(
    connection: Runner, first: CaseQuery, terms: SearchTerms, at_most: int
) -> tuple[int, CasePage]:
    """``first_page_counted`` for a text of several words over ``_walks_by_case_id`` orders:
    the matching cases are counted (up to ``at_most`` or the walk's threshold), then the page
    is read by walking the order's index when they are that many, else by collecting and
    sorting them. Same rows either way.

    The walk tests each index entry's requester against the matching requesters where the
    index holds it (``_walks_by_subject``), else its case id against the matching cases' ids,
    collected first from ``ix_case_subject_id``: one scattered index page per matching
    requester (at a million cases "anna s": 3,000 requesters, 2,000 pages, the most of the
    search's 3,800; walking by requester reads 2,400 in all)."""
    by_subject = _walks_by_subject(first)
    steps = SUBJECT_WALK_STEPS if by_subject else ROW_READ_STEPS
    walk_from = max(walk_threshold(connection, first) // steps, 1)
    found = _counted(connection, first, terms, max(at_most, walk_from))
    walking = found >= walk_from
    ordered = replace(terms, by_case_id=not by_subject) if walking else terms
    rows = rows_by_id(connection, _ordered_ids(connection, first, ordered, walking))
    return min(found, max(at_most, 0)), CasePage(0, rows)


def has_cases(session: Session) -> bool:
    """Return whether the database holds any case at all (for the first-start empty state)."""
    return session.scalar(select(Case.id).limit(1)) is not None


def search_cases(reading: Session | Runner, query: CaseQuery) -> CasePage:
    """Return the page of cases ``query`` asks for, in its sort order.

    Returns:
        A ``CasePage`` at ``query.offset`` with at most ``query.limit`` rows; the row's
        ``due_date`` is the binding due date (see ``SavedView``).
    """
    connection = runner_of(reading)
    in_order, terms = reading_plan(connection, query, terms_of(connection, query.text))
    ids = _ordered_ids(connection, query, terms, in_order)
    return CasePage(query.offset, rows_by_id(connection, ids))


def _counted(connection: Runner, query: CaseQuery, terms: SearchTerms, at_most: int | None) -> int:
    capped = at_most is not None
    statement = compiled(
        connection,
        ("count", capped, plans.shape_of(query, terms)),
        lambda: plans.counted(query, terms, capped),
    )
    values = plans.bind_values(query, terms) | {"at_most": max(at_most or 0, 0)}
    return int(statement.scalar(connection, values) or 0)


def _ordered_ids(
    connection: Runner, query: CaseQuery, terms: SearchTerms, in_order: bool
) -> list[int]:
    statement = compiled(
        connection,
        ("ids", in_order, plans.shape_of(query, terms)),
        lambda: plans.ordered_ids(query, terms, in_order),
    )
    return statement.first_column(connection, plans.bind_values(query, terms))


def case_position(session: Session, query: CaseQuery, reference: str) -> int | None:
    """Return the 0-based row of the case ``reference`` in ``query``'s order, or ``None`` when
    the query does not select it. Counts the rows before it, so it costs one count query."""
    terms = terms_of(runner_of(session), query.text)
    values = plans.bind_values(query, terms) | {"reference": reference}
    found = session.execute(_position_key(query, terms), values).first()
    if found is None:
        return None
    statement = _rows_before(query, terms, null_key=found[1] is None)
    values |= {"case_id": found[0], "key": found[1]}
    return int(session.scalar(statement, values) or 0)


def _rows_before(query: CaseQuery, terms: SearchTerms, null_key: bool) -> Select[tuple[int]]:
    """The count of ``query``'s cases before the one whose sort key is bound as ``key`` (or is
    NULL: ``null_key``) and id as ``case_id``; NULL keys sort first ascending and last
    descending (``case_search_plans.sort_key_order``)."""
    key, case_id = plans.sort_key(query.sort), bindparam("case_id", type_=Integer)
    value = bindparam("key", type_=key.type)
    if query.descending:
        before = (
            or_(key.is_not(None), Case.id > case_id)
            if null_key
            else or_(key > value, and_(key == value, Case.id > case_id))
        )
    elif null_key:
        before = and_(key.is_(None), Case.id < case_id)
    else:
        before = or_(key.is_(None), key < value, and_(key == value, Case.id < case_id))
    statement = plans.with_join(select(func.count()).select_from(Case), query)
    return statement.where(before, *plans.case_conditions(query, terms))


def _position_key(query: CaseQuery, terms: SearchTerms) -> Select[Any]:
    """The id and sort key of the case whose reference is bound as ``reference``, when
    ``query`` selects it."""
    key = plans.sort_key(query.sort)
    reference = bindparam("reference", type_=String)
    statement = plans.with_join(select(Case.id, key), query)
    return statement.where(Case.reference == reference, *plans.case_conditions(query, terms))


__all__ = [
    "BINDING_DUE",
    "DUE_SOON_DAYS",
    "MAX_SEARCH_LENGTH",
    "PAGE_SIZE",
    "URGENCY",
    "CasePage",
    "CaseQuery",
    "SavedView",
    "SortColumn",
    "case_position",
    "count_cases",
    "first_page_counted",
    "has_cases",
    "normalise_search_text",
    "search_cases",
    "search_terms",
]
