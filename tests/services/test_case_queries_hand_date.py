"""The detail of a case whose due date is set by hand: the statute still counts its own date
(which binds if it falls earlier), so the detail carries that date's rule and breakdown beside
the hand date; a regulator's stated date is no rule's and carries none. Dates worked out by
hand: received Mon 2 Nov 2026 10:00 Beijing, CN deletion (PIPL Art. 47; cn.toml 15 working
days, day 0 = receipt; no holiday in November 2026, 国办发明电〔2025〕7号): Tue 3 - Fri 6 Nov
(4), 9-13 (9), 16-20 (14), Mon 23 Nov (15).
"""

from datetime import UTC, date, datetime

import pytest

from app.models.enums import CaseKind
from app.services.case_queries import case_detail
from app.services.clock import DueDateSource
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import set_due_date_by_hand
from app.services.stated_due_date import set_stated_due_date
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 10)
NOV_2 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
STATUTORY = date(2026, 11, 23)
HAND_DATE = date(2026, 11, 20)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_a_hand_date_keeps_the_statutory_date_and_its_rule_in_the_detail(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = timed_case(session, rule_book, kind=CaseKind.DELETION, received=NOV_2, today=TODAY)
        set_due_date_by_hand(
            session, case, HAND_DATE, "法院裁定", rule_book, today=TODAY, actor="li"
        )
        detail = case_detail(session, case.reference, rule_book, today=TODAY, record_view=False)
    assert (detail.rule_ref, detail.row.due_date) == ("stated:by_hand", HAND_DATE)
    assert detail.binding_due_date == HAND_DATE
    assert detail.rule is not None and detail.rule.rule_ref.startswith("CN/deletion@")
    assert detail.rule.source.startswith("PIPL art. 47")
    assert detail.explanation is not None
    assert detail.explanation.deadline.effective_due_date == STATUTORY


def test_a_regulators_stated_date_has_no_rule_in_the_detail(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = timed_case(session, rule_book, kind=CaseKind.DELETION, received=NOV_2, today=TODAY)
        source = DueDateSource.REGULATOR_LETTER
        set_stated_due_date(session, case, date(2026, 11, 16), source, actor="importer")
        detail = case_detail(session, case.reference, rule_book, today=TODAY, record_view=False)
    assert (detail.rule_ref, detail.rule, detail.explanation) == (
        "stated:regulator_letter",
        None,
        None,
    )
    assert detail.binding_due_date == date(2026, 11, 16)
