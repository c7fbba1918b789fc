"""Closing an answered deletion or account cancellation with data categories still planned:
an answer that carries the erasure out (in full or in part) closes only once each category is
carried out (PIPL Art. 47); one that carries nothing out (a refusal, PIPL Art. 50; withdrawn,
unverifiable…) closes at once, and its close records the categories as not carried out and
why. Before, a refused deletion could never close: closing waited for categories that could no
longer be marked done once the case was answered."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import CaseAnsweredError, TransitionBlockedError
from app.models import Case, CategoryAction, Event
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import action_state
from app.services.workflow.gates import CARRIES_OUT_NOTHING, ERASING_KINDS
from app.store import Database
from tests.services.test_workflow_gates import TODAY, A, R, S, _case, _run


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_the_outcomes_that_carry_nothing_out() -> None:
    # Every outcome but an answer met in full or in part carries no erasure out.
    assert (
        set(CaseOutcome)
        - {
            CaseOutcome.FULFILLED,
            CaseOutcome.PARTIALLY_FULFILLED,
        }
        == CARRIES_OUT_NOTHING
    )


@pytest.mark.parametrize("kind", sorted(ERASING_KINDS))
@pytest.mark.parametrize("outcome", [CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED])
def test_an_answered_deletion_closes_only_with_its_categories_settled(
    database: Database, rule_book: RuleBook, kind: CaseKind, outcome: CaseOutcome
) -> None:
    # A deletion answered as carried out (in full or in part) with 'account' still planned:
    # closing waits for it (lifecycle.close), as the menu says before the dialog.
    unsettled = 'Data categories are still unsettled: "Account information"'
    with database.session() as session:
        case = _case(session, rule_book, 1, S.RESPONDED)
        case.kind, case.outcome = kind, outcome
        state = action_state(case, today=TODAY)
        assert state.workflow[A.CLOSE] is R.UNSETTLED
        assert state.workflow_reasons[A.CLOSE] == unsettled
        with pytest.raises(TransitionBlockedError) as refused:
            _run(session, case, rule_book, A.CLOSE)
        assert str(refused.value) == unsettled
        assert (case.status, case.closed_at) == (S.RESPONDED, None)
        case.category_actions[0].done_at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
        assert action_state(case, today=TODAY).workflow[A.CLOSE] is None
        _run(session, case, rule_book, A.CLOSE)
        assert (case.status, case.outcome) == (S.CLOSED, outcome)
        assert "not_carried_out" not in _close_event(session, case).payload


def _close_event(session: Session, case: Case) -> Event:
    return session.scalars(
        select(Event)
        .where(Event.case_id == case.id, Event.action == "case.status_changed")
        .order_by(Event.id.desc())
    ).first()  # type: ignore[return-value]


@pytest.mark.parametrize("kind", sorted(ERASING_KINDS))
@pytest.mark.parametrize("outcome", sorted(CARRIES_OUT_NOTHING))
def test_a_deletion_answered_without_carrying_it_out_closes_recording_what_was_not_done(
    database: Database, rule_book: RuleBook, kind: CaseKind, outcome: CaseOutcome
) -> None:
    # The deadlock: a deletion refused (PIPL Art. 50) with 'account' planned for deletion and
    # 'orders' for a hold. Marking them done is refused once answered (the record of the
    # answer), and closing waited for them: the case could never close. Nothing was deleted,
    # so the close goes through and its event records both as not carried out, and why.
    with database.session() as session:
        case = _case(session, rule_book, 1, S.IN_PROGRESS)
        case.kind = kind
        case.category_actions[0].action = CategoryActionKind.DELETE
        case.category_actions.append(
            CategoryAction(
                category="orders",
                action=CategoryActionKind.LEGAL_HOLD,
                hold_until=date(2029, 11, 2),
                hold_rule="ecommerce_art31",
                planned_by="li",
            )
        )
        case.status, case.outcome = S.RESPONDED, outcome
        with pytest.raises(CaseAnsweredError):
            _run(session, case, rule_book, A.COMPLETE_CATEGORY)
        state = action_state(case, today=TODAY)
        assert state.workflow[A.CLOSE] is None
        assert A.CLOSE not in state.workflow_reasons
        _run(session, case, rule_book, A.CLOSE)
        assert (case.status, case.outcome) == (S.CLOSED, outcome)
        assert [a.done_at for a in case.category_actions] == [None, None]
        assert _close_event(session, case).payload == {
            "from": "responded",
            "to": "closed",
            "outcome": outcome.value,
            "answered_outcome": outcome.value,
            "not_carried_out": [
                {"category": "account", "action": "delete"},
                {"category": "orders", "action": "legal_hold"},
            ],
        }
