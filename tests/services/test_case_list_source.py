"""A new query's count and first page read together (``first_page_counted``, the list's source):
the same numbers and rows as counting and paging apart, on the hand-built cases of
``test_case_search`` (20 cases, 6 requesters) and requesters found by several index ranges."""

from contextlib import nullcontext
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.case_list_anchors import SEEKABLE_SORTS, seekable
from app.services.case_list_source import DatabaseCaseSource
from app.services.case_list_terms import PAGE_SIZE
from app.services.case_search import (
    CaseQuery,
    SavedView,
    SortColumn,
    count_cases,
    first_page_counted,
    search_cases,
    search_terms,
)
from app.services.case_search_plans import PrefixRange
from app.store import Database
from app.store.reading import watch_plain_reads
from tests.services.case_search_requesters import named_case
from tests.services.test_case_search import CASES, TODAY, refs
from tests.services.test_case_search import cases as cases  # the fixture


def _references(page: Any) -> list[str]:
    return [row.reference for row in page.rows]


@pytest.mark.parametrize(
    ("query", "at_most", "expected"),
    [
        # Case 7 is extended to 31 March; 13 has no deadline (last by due date).
        (CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False), None, 13),
        (CaseQuery(TODAY, SavedView.OVERDUE, sort=SortColumn.DUE), None, 5),
        (CaseQuery(TODAY, SavedView.MINE, assignee="li.wei"), None, 2),
        (CaseQuery(TODAY, text="zhang"), 1000, 7),  # e-mail zhang.san@…, name Zhang Wei
        (CaseQuery(TODAY, text="zhang"), 5, 5),  # counted up to the cap only
        (CaseQuery(TODAY, text="zhang wei", sort=SortColumn.REQUESTER), 1000, 3),
        (CaseQuery(TODAY, text="PD-2026-00001"), 4, 4),  # 9 cases by reference, capped
        (CaseQuery(TODAY, text="nobody"), 1000, 0),
        (CaseQuery(TODAY, SavedView.CLOSED, text="张三"), 1000, 1),  # case 14
    ],
)
def test_a_count_read_with_its_first_page_is_the_count_and_page_read_apart(
    cases: Database, query: CaseQuery, at_most: int | None, expected: int
) -> None:
    with cases.session() as session:
        alone = count_cases(session, query, at_most=at_most)
        page = search_cases(session, replace(query, offset=0, limit=3))
        together = first_page_counted(session, query, at_most=at_most, limit=3)
    assert alone == expected
    assert together[0] == expected
    assert _references(together[1]) == _references(page)
    assert together[1].offset == 0


def test_a_requester_found_by_several_ranges_counts_each_case_once(database: Database) -> None:
    # "zhang" starts both words of her name and both her e-mail addresses: four index entries
    # lead to her. Her 2 cases count 2, and Zhangwei Li's 1 case makes 3; Li Wei is not found.
    subject = DataSubject(display_name="Zhang Zhangsan")
    for address in ("zhang@example.com", "zhang.zs@example.com"):
        subject.identifiers.append(SubjectIdentifier(kind=IdentifierKind.EMAIL, value=address))
    with database.session() as session:
        hers = [named_case(number, "Zhang Zhangsan") for number in (1, 2)]
        for case in hers:
            case.subject = subject
        session.add_all([*hers, named_case(3, "Zhangwei Li"), named_case(4, "Li Wei")])
    query = CaseQuery(TODAY, text="zhang")
    with database.session() as session:
        capped = [count_cases(session, query, at_most=cap) for cap in (1, 2, 3, 100)]
        assert capped == [1, 2, 3, 3]
        assert count_cases(session, query) == 3
        count, page = first_page_counted(session, query, at_most=100, limit=10)
    assert count == 3
    # Newest first: named_case(n) is received n hours after 1 March.
    assert _references(page) == ["PD-2026-000003", "PD-2026-000002", "PD-2026-000001"]


def test_the_words_of_a_search_are_intersected_in_the_order_their_sizes_call_for() -> None:
    terms = search_terms("Anna S")
    assert [r.low for r in terms.ranges if r.name.startswith("word")] == ["anna", "s"]
    # name, word0 (anna), word1 (s), e-mail (words without a digit: a name, no account ID):
    # "s" holds more entries, so it comes first (scanned) and "anna" last (collected); the
    # other ranges keep their places.
    others = [0] * (len(terms.ranges) - 3)
    assert len(others) == 1
    ordered = terms.words_ordered([0, 16_000, 69_000, *others])
    assert ordered.ranges[1] == PrefixRange("word0", "s", "t")
    assert ordered.ranges[2] == PrefixRange("word1", "anna", "annb")
    assert ordered.ranges[0] == terms.ranges[0] and ordered.ranges[3:] == terms.ranges[3:]
    # Both counted up to the same cap: the shorter prefix is taken as the larger range.
    assert terms.words_ordered([0, 14_142, 14_142, *others]) == ordered
    assert terms.words_ordered([0, 69_000, 16_000, *others]) == terms


def _statements(database: Database) -> tuple[list[str], Any]:
    seen: list[str] = []
    stop = watch_plain_reads(database.engine, lambda sql, _values: seen.append(sql))
    return seen, stop


def _statements_with_values(database: Database) -> tuple[list[tuple[str, Any]], Any]:
    seen: list[tuple[str, Any]] = []
    stop = watch_plain_reads(database.engine, lambda sql, values: seen.append((sql, values)))
    return seen, stop


def test_the_source_serves_the_first_page_read_with_the_count(cases: Database) -> None:
    source = DatabaseCaseSource(cases)
    query = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
    seen, stop = _statements(cases)
    try:
        assert source.count(query) == 13
        counted = len(seen)
        page = source.page(replace(query, offset=0, limit=PAGE_SIZE))
        assert len(seen) == counted  # no statement: the page came with the count
        # Asked again, the page is read afresh (it was handed out once).
        again = source.page(replace(query, offset=0, limit=PAGE_SIZE))
        assert len(seen) > counted
    finally:
        stop()
    with cases.session() as session:
        expected = search_cases(session, replace(query, offset=0, limit=PAGE_SIZE))
    assert _references(page) == _references(again) == _references(expected)
    assert len(page.rows) == 13


def test_the_source_reads_another_page_and_a_later_one_afresh(cases: Database) -> None:
    source = DatabaseCaseSource(cases)
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=5)
    assert source.count(query) == len(CASES)
    # Another page than the first: read, and the first page read ahead is dropped.
    second = source.page(replace(query, offset=5, limit=5))
    assert _references(second) == sorted(refs(*CASES))[5:10]
    # A case removed after the count: the first page, asked for now, no longer shows it.
    with cases.session() as session:
        session.execute(delete(Case).where(Case.reference == "PD-2025-000014"))
    first = source.page(replace(query, offset=0, limit=PAGE_SIZE))
    assert "PD-2025-000014" not in _references(first)
    assert len(first.rows) == len(CASES) - 1


def test_a_search_counted_further_reads_no_page(cases: Database) -> None:
    source = DatabaseCaseSource(cases)
    query = CaseQuery(TODAY, text="zhang")
    assert source.count(query, 3) == 3
    seen, stop = _statements(cases)
    try:
        assert source.count(query, 30) == 7  # the list scrolled to the end of the 3
    finally:
        stop()
    assert len(seen) <= 2  # the count (and its plan's estimate), no page of rows
    assert all("review_flags" not in sql for sql in seen)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", [s for s in SortColumn if s != SortColumn.REQUESTER])
def test_a_search_of_several_words_walking_the_sort_order_reads_the_same_page(
    database: Database, sort: SortColumn, descending: bool
) -> None:
    # 40 requesters; "Anna S" matches Anna Smith, Anna Stone and Sara Anna (24 cases), enough
    # for first_page_counted to walk the sort column's index testing case ids instead of
    # collecting and sorting the matches: the same count and page as reading them apart.
    names = ["Anna Smith", "Anna Stone", "Anna Lee", "Bob Smith", "Sara Anna"]
    with database.session() as session:
        session.add_all(named_case(n, names[n % len(names)]) for n in range(1, 41))
    query = CaseQuery(TODAY, SavedView.ALL, text="Anna S", sort=sort, descending=descending)
    with database.session() as session:
        alone = count_cases(session, query, at_most=1000)
        page = search_cases(session, replace(query, offset=0, limit=5))
        together = first_page_counted(session, query, at_most=1000, limit=5)
    assert alone == together[0] == 24
    assert _references(together[1]) == _references(page)
    assert len(page.rows) == 5


# Keyset jumps (app.services.case_list_anchors): 45 cases whose received instants tie in
# threes and run opposite to their ids (so ties are broken by id against the key's order),
# due dates tie in fours (every fifth has none), a third of them closed.
_TIED = 45


def _tied_case(number: int) -> Case:
    return Case(
        reference=f"PD-2026-{number:06d}",
        kind=list(CaseKind)[number % len(CaseKind)],
        status=CaseStatus.CLOSED if number % 3 == 0 else CaseStatus.IN_PROGRESS,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=(_TIED - number) // 3),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        due_date=date(2026, 3, 1) + timedelta(days=number // 4) if number % 5 else None,
    )


def _tied(database: Database) -> Database:
    # Not a fixture: tests/team/test_case_search_backends.py takes this module's tests alone.
    with database.session() as session:
        session.add_all(_tied_case(number) for number in range(1, _TIED + 1))
    return database


def _read_apart(database: Database, query: CaseQuery) -> list[str]:
    """The page ``query`` asks for, read by its offset in a transaction of its own."""
    with database.plain_reading() as reader:
        return _references(search_cases(reader, query))


def _bound_values(seen: list[tuple[str, Any]]) -> list[Any]:
    return [v for _, p in seen for v in (p.values() if isinstance(p, dict) else p)]


# From the middle page the list scrolls on, back, to the end and to the start: each later
# page is within reach of an anchor read before it.
_SCROLL = [20, 25, 15, 20, 35, 5, 40, 0, 10, 30, 10, 5]


# The open views' due order is a merge per status, read by offset: no anchors there.
_SOUGHT = [
    (sort, view)
    for sort in sorted(SEEKABLE_SORTS)
    for view in (SavedView.ALL, SavedView.CLOSED, SavedView.OPEN)
    if not (sort == SortColumn.DUE and view == SavedView.OPEN)
]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize(("sort", "view"), _SOUGHT)
def test_a_page_sought_from_an_anchor_is_the_page_at_its_offset(
    database: Database, sort: SortColumn, descending: bool, view: SavedView
) -> None:
    tied = _tied(database)
    source = DatabaseCaseSource(tied)
    query = CaseQuery(TODAY, view, sort=sort, descending=descending, limit=5)
    total = source.count(query)
    assert total == {SavedView.ALL: 45, SavedView.CLOSED: 15, SavedView.OPEN: 30}[view]
    first = source.page(replace(query, offset=total // 10 * 5))
    seen, stop = _statements_with_values(tied)
    try:
        scroll = [offset for offset in _SCROLL if offset < total]
        pages = {offset: source.page(replace(query, offset=offset)) for offset in scroll}
    finally:
        stop()
    for offset, page in pages.items():
        assert page.offset == offset
        assert _references(page) == _read_apart(tied, replace(query, offset=offset))
    # The page after the first was sought from its first case, bound as the anchor.
    assert first.rows[0].reference in _bound_values(seen)


def test_the_middle_of_a_view_is_sought_without_stepping_over_the_rows_before(
    database: Database,
) -> None:
    tied = _tied(database)
    source = DatabaseCaseSource(tied)
    query = CaseQuery(TODAY, sort=SortColumn.RECEIVED, descending=False, limit=5)
    source.count(query)
    source.page(replace(query, offset=30))
    seen, stop = _statements_with_values(tied)
    try:
        later = source.page(replace(query, offset=35))
    finally:
        stop()
    # Case n is received (45 - n) // 3 hours in: rows 3k..3k+2 are cases 43-3k..45-3k (ties
    # by id), so rows 35-39 are 12 (k = 11), 7, 8, 9 (k = 12) and 4 (k = 13).
    expected = [f"PD-2026-{n:06d}" for n in (12, 7, 8, 9, 4)]
    assert _references(later) == expected
    # Nothing bound skips 35 rows: the page was read 5 rows on from the anchor.
    assert 35 not in _bound_values(seen) and 5 in _bound_values(seen)


def test_orders_with_many_ties_searches_and_the_open_views_by_due_are_read_by_offset() -> None:
    query = CaseQuery(TODAY)
    assert seekable(replace(query, sort=SortColumn.RECEIVED))
    assert seekable(replace(query, view=SavedView.CLOSED, sort=SortColumn.DUE))
    assert not seekable(replace(query, text="zhang"))
    for sort in (SortColumn.KIND, SortColumn.STATUS, SortColumn.REQUESTER):
        assert not seekable(replace(query, sort=sort))
    assert not seekable(replace(query, view=SavedView.OVERDUE, sort=SortColumn.DUE))


def test_after_a_change_and_a_recount_the_pages_are_those_of_the_changed_cases(
    database: Database,
) -> None:
    tied = _tied(database)
    source = DatabaseCaseSource(tied)
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=5)
    source.count(query)
    source.page(replace(query, offset=20))
    with tied.session() as session:  # two cases before the anchor go (another user, say)
        session.execute(
            delete(Case).where(Case.reference.in_(["PD-2026-000002", "PD-2026-000009"]))
        )
    assert source.count(query) == 43  # the list refreshes
    later = source.page(replace(query, offset=25))
    assert _references(later) == [f"PD-2026-{n:06d}" for n in range(28, 33)]


@pytest.mark.parametrize("held", [False, True])
def test_on_sqlite_a_change_drops_the_anchors_before_the_next_page(
    database: Database, held: bool
) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("elsewhere the anchors last until the next count")
    tied = _tied(database)
    source = DatabaseCaseSource(tied)
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=5)
    source.count(query)
    source.page(replace(query, offset=20))
    # Written on the list's own pooled connection (its total_changes() moves), or, while
    # that one is held, on another (the list's data_version moves).
    with tied.plain_reading() if held else nullcontext(), tied.session() as session:
        session.execute(delete(Case).where(Case.reference == "PD-2026-000003"))
    later = source.page(replace(query, offset=25))
    assert _references(later) == [f"PD-2026-{n:06d}" for n in range(27, 32)]
