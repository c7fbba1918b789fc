"""A page's rows kept as read and converted one by one when used (``PageRows``): a repaint
converts the rows on screen, not the whole page of 200."""

from collections.abc import Sequence
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseStatus
from app.services.case_list_rows import PageRows, case_rows, rows_by_id
from app.services.case_list_terms import padded_batches
from app.services.case_statements import compiled
from app.store import Database
from tests.services.test_case_search import cases as cases  # the fixture


def _read(database: Database) -> tuple[list[Any], list[int], Any]:
    """The 20 cases' rows as the driver returns them, in reference order, their ids, and
    the statement that converts them."""
    with database.plain_reading() as reader:
        statement = compiled(reader, ("rows", 32), partial(case_rows, 32))
        ids = [row[0] for row in reader.exec_driver_sql(_IDS, ()).fetchall()]
        ((_size, values),) = padded_batches(ids)
        by_id = {row[0]: row for row in statement.fetched(reader, values)}
    return [by_id[case_id] for case_id in ids], ids, statement


_IDS = 'SELECT id FROM "case" ORDER BY reference'


def test_each_row_is_converted_once_and_only_when_used(cases: Database) -> None:
    fetched, _ids, statement = _read(cases)
    converted: list[Sequence[Any]] = []

    def convert(row: Sequence[Any]) -> tuple[Any, ...]:
        converted.append(row)
        return statement.converted(row)

    rows = PageRows(fetched, convert)
    assert len(rows) == 20 and converted == []
    first = rows[0]
    assert first.reference == "PD-2025-000014" and rows[0] is first
    assert rows[-1].reference == "PD-2026-000020"
    assert converted == [fetched[0], fetched[-1]]
    assert [row.reference for row in rows[1:3]] == ["PD-2026-000001", "PD-2026-000002"]
    assert len(converted) == 4
    assert len(list(rows)) == 20 and len(converted) == 20  # the rest, once each


def test_a_page_read_by_id_equals_its_rows_as_a_tuple(cases: Database) -> None:
    _fetched, ids, _statement = _read(cases)
    with cases.plain_reading() as reader:
        rows = rows_by_id(reader, list(reversed(ids)))
    listed = tuple(rows)
    assert [row.reference for row in listed[:2]] == ["PD-2026-000020", "PD-2026-000019"]
    assert rows == listed and listed == rows and hash(rows) == hash(listed)
    assert rows != listed[1:] and rows != "PD-2026-000020"
    assert listed[0].status is CaseStatus.IN_RETENTION  # case 20
    assert listed[-1].reference == "PD-2025-000014" and listed[-1].status is CaseStatus.CLOSED


def test_rows_of_ids_not_found_are_left_out(cases: Database) -> None:
    with cases.session() as session:
        last = session.scalar(select(Case.id).order_by(Case.id.desc()).limit(1))
    assert last is not None
    with cases.plain_reading() as reader:
        rows = rows_by_id(reader, [last + 1, last, last + 2])
    assert len(rows) == 1 and rows[0].reference.startswith("PD-")
    with pytest.raises(IndexError):
        rows[1]
