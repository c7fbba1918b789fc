"""A new query's count and first page read together (``first_page_counted``, the list's source):
the same numbers and rows as counting and paging apart, on the hand-built cases of
``test_case_search`` (20 cases, 6 requesters) and requesters found by several index ranges."""

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import delete

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
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
from tests.services.test_case_search import CASES, TODAY, named_case, refs
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
    # name, word0 (anna), word1 (s), e-mail, account: "s" holds more entries, so it comes
    # first (scanned) and "anna" last (collected); the other ranges keep their places.
    ordered = terms.words_ordered([0, 16_000, 69_000, 0, 0])
    assert ordered.ranges[1] == PrefixRange("word0", "s", "t")
    assert ordered.ranges[2] == PrefixRange("word1", "anna", "annb")
    assert ordered.ranges[0] == terms.ranges[0] and ordered.ranges[3:] == terms.ranges[3:]
    # Both counted up to the same cap: the shorter prefix is taken as the larger range.
    assert terms.words_ordered([0, 14_142, 14_142, 0, 0]) == ordered
    assert terms.words_ordered([0, 69_000, 16_000, 0, 0]) == terms


def _statements(database: Database) -> tuple[list[str], Any]:
    seen: list[str] = []
    stop = watch_plain_reads(database.engine, lambda sql, _values: seen.append(sql))
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
