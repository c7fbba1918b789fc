"""What the list's source reads per action on SQLite: a search (a count and its first page)
reads no ``PRAGMA data_version`` for the remembered scroll positions, which are checked
against the data before a page that may be sought from them is read, so a change made while
the list showed a search still drops them (``app.services.case_list_source``)."""

from dataclasses import replace

import pytest
from sqlalchemy import delete

from app.models import Case
from app.services.case_list_source import DatabaseCaseSource
from app.services.case_list_terms import PAGE_SIZE
from app.services.case_search import CaseQuery, SortColumn
from app.store import Database
from tests.services.test_case_list_source import _read_apart, _references, _statements, _tied
from tests.services.test_case_search import TODAY

_BY_REFERENCE = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=5)


def _sqlite_only(database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        pytest.skip("elsewhere the anchors are dropped at every count, with no statement")


def _scrolled(database: Database) -> DatabaseCaseSource:
    """A source that counted the 45 tied cases by reference and read the page at row 20
    (remembering its first case)."""
    source = DatabaseCaseSource(_tied(database))
    source.count(_BY_REFERENCE)
    source.page(replace(_BY_REFERENCE, offset=20))
    return source


def test_a_search_reads_no_pragma_while_scroll_positions_are_held(database: Database) -> None:
    _sqlite_only(database)
    source = _scrolled(database)
    search = CaseQuery(TODAY, text="PD-2026-00001")
    seen, stop = _statements(database)
    try:
        assert source.count(search, 1000) == 10  # PD-2026-000010 to -000019
        page = source.page(replace(search, offset=0, limit=PAGE_SIZE))
    finally:
        stop()
    # Newest first: case n is received (45 - n) // 3 hours in, so 10-12 tie as the newest,
    # then 13-15 (ties by id, descending too).
    assert _references(page)[:4] == [f"PD-2026-{n:06d}" for n in (12, 11, 10, 15)]
    assert seen and not [sql for sql in seen if "PRAGMA" in sql.upper()]


def test_a_change_while_a_search_is_shown_drops_the_scroll_positions(database: Database) -> None:
    _sqlite_only(database)
    source = _scrolled(database)
    source.count(CaseQuery(TODAY, text="PD-2026-00001"), 1000)
    with database.session() as session:  # two cases before the remembered row go
        session.execute(
            delete(Case).where(Case.reference.in_(["PD-2026-000002", "PD-2026-000009"]))
        )
    # Back to the list by reference: its count, then the page after the remembered one.
    assert source.count(_BY_REFERENCE) == 43
    later = source.page(replace(_BY_REFERENCE, offset=25))
    assert _references(later) == [f"PD-2026-{n:06d}" for n in range(28, 33)]
    assert _references(later) == _read_apart(database, replace(_BY_REFERENCE, offset=25))


def test_a_scroll_near_a_remembered_row_checks_the_data_once_per_page(database: Database) -> None:
    _sqlite_only(database)
    source = _scrolled(database)
    seen, stop = _statements(database)
    try:
        page = source.page(replace(_BY_REFERENCE, offset=25))
    finally:
        stop()
    assert _references(page) == [f"PD-2026-{n:06d}" for n in range(26, 31)]
    assert len([sql for sql in seen if "data_version" in sql]) == 1
