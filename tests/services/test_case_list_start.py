"""The case list's start without SQLAlchemy: the kept statements are the ones the list compiles,
and they read exactly the rows the full path reads (the hand-built cases of test_case_search)."""

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite

from app.models import Case
from app.models.enums import CaseOutcome, ReviewFlag
from app.resources import resource_path
from app.services.case_list_snapshot import SNAPSHOT_PARTS, start_snapshot
from app.services.case_list_source import DatabaseCaseSource
from app.services.case_list_start import StartCaseSource
from app.services.case_list_terms import CasePage, CaseQuery, CaseSource, SavedView, SortColumn
from app.store import Database, MemorySecretStore
from app.store.first_look import FirstLook, first_look
from tests.services.test_case_search import TODAY, _add_cases, reference

ROOT = Path(__file__).resolve().parents[2]
START = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
# The open cases by binding due date (extended when extended; none last), ties by id.
START_ORDER = tuple(reference(n) for n in (16, 19, 1, 5, 8, 2, 6, 15, 3, 4, 7, 18, 13))


class CountingSource:
    """The full source, counting the requests it serves."""

    def __init__(self, source: CaseSource) -> None:
        self.source, self.calls = source, 0

    def count(self, query: CaseQuery, at_most: int | None = None) -> int:
        self.calls += 1
        return self.source.count(query, at_most)

    def page(self, query: CaseQuery) -> CasePage:
        self.calls += 1
        return self.source.page(query)

    def position(self, query: CaseQuery, reference: str) -> int | None:
        self.calls += 1
        return self.source.position(query, reference)

    def has_cases(self) -> bool:
        self.calls += 1
        return self.source.has_cases()


@pytest.fixture
def looked(database: Database, secrets: MemorySecretStore) -> tuple[FirstLook, DatabaseCaseSource]:
    with database.session() as session:
        _add_cases(session)
        flagged = session.scalars(select(Case).where(Case.reference == reference(2))).one()
        flagged.review_flags = [ReviewFlag.MISSING_DATE.value, ReviewFlag.UNKNOWN_KIND.value]
        flagged.due_provisional = True
        flagged.outcome = CaseOutcome.PARTIALLY_FULFILLED
        flagged.language = "zh"
    database.close()
    look = first_look(database.path, secrets, None)
    assert look is not None
    return look, DatabaseCaseSource(look.database())


def test_the_kept_statements_are_what_the_list_compiles_now() -> None:
    kept = json.loads(resource_path(*SNAPSHOT_PARTS).read_text(encoding="utf-8"))
    # On failure: .venv/bin/python tools/update_case_list_start.py
    assert kept == json.loads(json.dumps(start_snapshot(sqlite.dialect())))


def test_the_start_view_reads_the_rows_the_full_path_reads(
    looked: tuple[FirstLook, DatabaseCaseSource],
) -> None:
    look, full = looked
    counting = CountingSource(full)
    start = StartCaseSource(look.connection, lambda: counting)
    assert start.count(START) == 13 == full.count(START)
    page = start.page(START)
    assert tuple(row.reference for row in page.rows) == START_ORDER
    assert page == full.page(START)  # every field, converted as SQLAlchemy converts it
    flagged = next(row for row in page.rows if row.reference == reference(2))
    assert flagged.review_flags == (ReviewFlag.MISSING_DATE, ReviewFlag.UNKNOWN_KIND)
    assert flagged.due_provisional and flagged.outcome == CaseOutcome.PARTIALLY_FULFILLED
    assert flagged.received_at.utcoffset() is not None
    later = replace(START, offset=5, limit=4)
    assert start.page(later) == full.page(later) and len(start.page(later).rows) == 4
    assert start.has_cases()
    assert counting.calls == 0  # all of it read through the plain connection


def test_anything_else_goes_to_the_full_source(
    looked: tuple[FirstLook, DatabaseCaseSource],
) -> None:
    look, full = looked
    counting = CountingSource(full)
    start = StartCaseSource(look.connection, lambda: counting)
    closed = replace(START, view=SavedView.CLOSED)
    assert start.page(closed) == full.page(closed) and counting.calls == 1
    # 张三 (cases 1, 2, 16) and 张三丰 (case 5) among the open cases.
    assert start.count(replace(START, text="张三")) == 4 and counting.calls == 2
    assert start.count(START, at_most=5) == 5 and counting.calls == 3  # a capped count
    assert start.position(START, reference(5)) == 3 and counting.calls == 4
    start.retire()  # the connection went to the engine: nothing is read from it any more
    assert start.page(START) == full.page(START) and start.has_cases() and counting.calls == 6


def test_the_first_paint_modules_do_not_import_sqlalchemy() -> None:
    code = (
        "import sys, main, app.ui.application, app.ui.main_window;"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')];"
        "print(loaded); sys.exit(1 if loaded else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
