"""A search of several words over all cases by date received or urgency walks the order's index
testing each case's requester from the index alone (``ix_case_received_subject``,
``ix_case_urgency_subject``, migration 0015): no case row and no lookup of the matching
requesters' cases (``ix_case_subject_id``), whose scattered pages filled the page cache at a
million cases (issue 6). Told from SQLite's own plan of the statement the page was read with.
"""

from typing import Any

import pytest

from app.services.case_search import CaseQuery, SavedView, SortColumn, first_page_counted
from app.store import Database
from app.store.reading import watch_plain_reads
from tests.services.case_search_requesters import named_case
from tests.services.test_case_search import TODAY

# 40 requesters; "Anna S" matches Anna Smith, Anna Stone and Sara Anna: 24 cases, more than
# the walk's threshold at 40 cases (isqrt(5 * 40) // 14 = 1).
NAMES = ["Anna Smith", "Anna Stone", "Anna Lee", "Bob Smith", "Sara Anna"]


@pytest.fixture
def annas(database: Database) -> Database:
    with database.session() as session:
        session.add_all(named_case(n, NAMES[n % len(NAMES)]) for n in range(1, 41))
    return database


def _plan_of_the_page(database: Database, query: CaseQuery) -> tuple[int, list[str], list[str]]:
    """The count, the page's references and the table accesses in the plan of the statement
    that read the page's ids in order (the one with ORDER BY and LIMIT)."""
    seen: list[tuple[str, Any]] = []
    stop = watch_plain_reads(database.engine, lambda sql, values: seen.append((sql, values)))
    try:
        with database.plain_reading() as reader:
            count, page = first_page_counted(reader, query, at_most=1000, limit=5)
            sql, values = next((s, v) for s, v in seen if "ORDER BY" in s and "LIMIT" in s)
            plan = reader.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", values).fetchall()
    finally:
        stop()
    steps = [str(row[-1]) for row in plan if str(row[-1]).startswith(("SCAN", "SEARCH"))]
    return count, [row.reference for row in page.rows], steps


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        (SortColumn.RECEIVED, "ix_case_received_subject"),
        (SortColumn.DUE, "ix_case_urgency_subject"),
    ],
)
@pytest.mark.parametrize("descending", [False, True])
def test_several_words_over_all_cases_walk_the_order_with_its_requesters(
    annas: Database, sort: SortColumn, index: str, descending: bool
) -> None:
    query = CaseQuery(TODAY, SavedView.ALL, text="Anna S", sort=sort, descending=descending)
    count, references, steps = _plan_of_the_page(annas, query)
    assert count == 24
    assert steps[0] == f"SCAN case USING COVERING INDEX {index}"
    assert not any("ix_case_subject_id" in step for step in steps)
    # Every received instant and (no deadline: '9999-12-31') urgency ties but the received
    # ones: named_case n is received at n hours, so by received the page is the first or last
    # five matching numbers; by urgency all tie and the case id orders them.
    matching = [n for n in range(1, 41) if NAMES[n % len(NAMES)] in NAMES[:2] + NAMES[4:]]
    expected = matching[-5:][::-1] if descending else matching[:5]
    assert references == [f"PD-2026-{n:06d}" for n in expected]


def test_by_reference_the_walk_still_tests_the_case_ids(annas: Database) -> None:
    # No index holds the reference with the requester: walking by requester would read every
    # walked case's row, so the matching cases' ids are collected and tested instead.
    query = CaseQuery(TODAY, SavedView.ALL, text="Anna S", sort=SortColumn.REFERENCE)
    count, _references, steps = _plan_of_the_page(annas, query)
    assert count == 24
    assert any("ix_case_subject_id" in step for step in steps)
