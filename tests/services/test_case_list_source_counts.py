"""A view counted in full is not counted again while nothing changed (SQLite's data version and
the reading connection's changes, ``app.services.case_list_source``): counting all cases reads
a whole index, which at a million cases pushed the next search's pages out of a 20 MiB page
cache. Any change, a search in between or another order does not make the count stale."""

from dataclasses import replace

import pytest
from sqlalchemy import delete

from app.models import Case
from app.services.case_list_source import DatabaseCaseSource
from app.services.case_search import CaseQuery, SavedView, SortColumn
from app.store import Database
from tests.services.test_case_list_source import _references, _statements, _tied
from tests.services.test_case_search import TODAY

ALL = CaseQuery(TODAY, SavedView.ALL, sort=SortColumn.RECEIVED, descending=True)


def _counts_run(database: Database, source: DatabaseCaseSource, query: CaseQuery) -> int:
    """Count ``query`` and read its first page; return how many count statements ran."""
    seen, stop = _statements(database)
    try:
        source.count(query)
        source.page(query)
    finally:
        stop()
    return sum(1 for sql in seen if "count(" in sql.lower())


@pytest.fixture
def tied(database: Database) -> Database:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("elsewhere there is no cheap check of a change: every count reads")
    return _tied(database)  # 45 cases, a third closed


def test_a_view_counted_again_unchanged_keeps_its_count_and_reads_its_page(
    tied: Database,
) -> None:
    source = DatabaseCaseSource(tied)
    assert _counts_run(tied, source, ALL) == 1
    first = _references(source.page(replace(ALL, limit=200)))
    source.count(replace(ALL, text="PD-2026-00001"), 1000)  # a search in between
    by_reference = replace(ALL, sort=SortColumn.REFERENCE, descending=False)
    assert _counts_run(tied, source, by_reference) == 0  # another order, the same cases
    assert _counts_run(tied, source, ALL) == 0
    assert source.count(ALL) == 45
    assert _references(source.page(ALL)) == first


def test_a_change_or_another_view_is_counted_afresh(tied: Database) -> None:
    source = DatabaseCaseSource(tied)
    assert source.count(ALL) == 45
    closed = replace(ALL, view=SavedView.CLOSED)
    assert _counts_run(tied, source, closed) == 1
    assert source.count(closed) == 15
    with tied.session() as session:
        session.execute(delete(Case).where(Case.reference == "PD-2026-000003"))
    assert _counts_run(tied, source, closed) == 1
    assert source.count(closed) == 14
    assert source.count(ALL) == 44
