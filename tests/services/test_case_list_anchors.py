"""Which anchor a page of the case list is sought from (``app.services.case_list_anchors``):
worked out from the offsets alone. That the rows are the page's own is checked on the
database in ``test_case_list_source.py`` (SQLite and PostgreSQL)."""

from dataclasses import replace
from datetime import date

from app.services.case_list_anchors import ANCHORS_PER_QUERY, QUERIES_KEPT, Anchors, Jump
from app.services.case_list_terms import CaseQuery, SavedView, SortColumn

QUERY = CaseQuery(date(2026, 3, 10), SavedView.ALL, sort=SortColumn.RECEIVED, limit=200)


def _page(offset: int, query: CaseQuery = QUERY) -> CaseQuery:
    return replace(query, offset=offset)


def test_the_nearest_anchor_is_taken_forward_or_backward() -> None:
    anchors = Anchors()
    anchors.remember(_page(500_000), ["PD-2026-500001"])
    anchors.remember(_page(600_000), ["PD-2026-600001"])
    # 500,400 is 400 rows on from the anchor at 500,000.
    assert anchors.jump(_page(500_400)) == Jump("PD-2026-500001", 400, forward=True)
    # 599,600 ends 200 rows before the anchor at 600,000: those 200 are skipped backward.
    assert anchors.jump(_page(599_600)) == Jump("PD-2026-600001", 200, forward=False)
    # The anchor's own page: nothing skipped.
    assert anchors.jump(_page(500_000)) == Jump("PD-2026-500001", 0, forward=True)


def test_a_tie_is_sought_forward() -> None:
    anchors = Anchors()
    anchors.remember(_page(1_400), ["PD-2026-001401"])
    anchors.remember(_page(800), ["PD-2026-000801"])
    # 1,000 is 200 rows on from 800, and its page ends 200 rows before 1,400.
    assert anchors.jump(_page(1_000)) == Jump("PD-2026-000801", 200, forward=True)
    # A page holding an anchor's row without starting there (1,300-1,499) is not sought
    # from it: 500 on from 800.
    assert anchors.jump(_page(1_300)) == Jump("PD-2026-000801", 500, forward=True)


def test_a_page_nearer_the_start_than_any_anchor_is_read_by_its_offset() -> None:
    anchors = Anchors()
    anchors.remember(_page(500_000), ["PD-2026-500001"])
    assert anchors.jump(_page(200)) is None  # 200 rows from the start, 499,600 from there
    assert anchors.jump(_page(0)) is None


def test_anchors_are_kept_per_query_and_not_for_orders_that_cannot_be_sought() -> None:
    anchors = Anchors()
    anchors.remember(_page(500_000), ["PD-2026-500001"])
    other = replace(QUERY, descending=not QUERY.descending)
    assert anchors.jump(_page(500_200, other)) is None
    by_kind = replace(QUERY, sort=SortColumn.KIND)
    anchors.remember(_page(500_000, by_kind), ["PD-2026-500001"])
    assert anchors.jump(_page(500_200, by_kind)) is None
    anchors.remember(_page(700_000), [])  # an empty page anchors nothing
    assert anchors.jump(_page(700_000)) == Jump("PD-2026-500001", 200_000, forward=True)
    assert anchors.only_of(_page(0)) and not anchors.only_of(other)
    anchors.forget()
    assert anchors.jump(_page(500_200)) is None


def test_anchors_are_bounded() -> None:
    anchors = Anchors()
    for number in range(ANCHORS_PER_QUERY + 1):
        anchors.remember(_page(number * 200), [f"PD-2026-{number:06d}"])
    # The oldest (offset 0) went; offset 200 is still held.
    assert anchors.jump(_page(200)) == Jump("PD-2026-000001", 0, forward=True)
    for day in range(1, QUERIES_KEPT + 1):
        anchors.remember(_page(1_000, replace(QUERY, today=date(2026, 3, day))), ["PD-X"])
    assert anchors.jump(_page(200)) is None  # the first query's anchors were dropped
