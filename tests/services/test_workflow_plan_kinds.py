"""Each plan over the data inventory serves the request kinds it is for (QA14 F9): deletion is
planned for a deletion or an account cancellation (PIPL Art. 47), the copy for an access or
copy request (PIPL Art. 45). Another kind is refused by the service before anything is
written, with a sentence naming its kind, and the Case › Workflow menu disables the plan with
the same sentence (``action_state``). Before, the copy planned on a deletion re-planned its
erasure as an export, and deletion planned on an access request failed on its legal holds.
Data categories… (marking a category carried out) is refused while none waits to be."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case, CategoryAction
from app.models.enums import CaseKind, CaseStatus, CategoryActionKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import action_state, complete_action, plan_deletion
from app.services.workflow.categories import plan_export
from app.services.workflow.gates import WorkflowAction, WorkflowRefusal
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 29)
RECEIVED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
DONE_AT = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)  # after receipt, before TODAY
KINDS = tuple(CaseKind)
ERASING = {CaseKind.DELETION, CaseKind.ACCOUNT_CANCELLATION}
COPYING = {CaseKind.ACCESS, CaseKind.COPY}
NOT_ERASING = (
    "Planning deletion over the inventory is for deletion and account-cancellation requests; "
    "the kind of this request is '{kind}'."
)
NOT_COPYING = (
    "Planning the copy over the inventory is for access and copy requests; the kind of this "
    "request is '{kind}'."
)
# The shipped inventory (resources/workflow/inventory.toml): what a deletion does to each.
ON_DELETION = {
    "account": CategoryActionKind.DELETE,
    "real_name_verification": CategoryActionKind.DELETE,
    "addresses": CategoryActionKind.DELETE,
    "support": CategoryActionKind.DELETE,
    "icp_filing": CategoryActionKind.ANONYMISE,
    "orders": CategoryActionKind.LEGAL_HOLD,
    "finance": CategoryActionKind.LEGAL_HOLD,
    "access_logs": CategoryActionKind.LEGAL_HOLD,
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(session: Session, rule_book: RuleBook, kind: CaseKind, number: int) -> Case:
    return timed_case(
        session,
        rule_book,
        kind=kind,
        received=RECEIVED,
        today=TODAY,
        status=CaseStatus.IN_PROGRESS,
        reference=f"PD-2026-{number:06d}",
    )


def _plans(case: Case) -> dict[str, CategoryActionKind]:
    return {a.category: a.action for a in case.category_actions}


@pytest.mark.parametrize("kind", KINDS)
def test_deletion_is_planned_only_for_a_deletion_or_cancellation(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, kind, 1)
        state = action_state(case, today=TODAY)
        if kind in ERASING:
            assert state.workflow[WorkflowAction.PLAN_DELETION] is None
            plan_deletion(session, case, hold_from=date(2026, 11, 2), actor="li")
            assert _plans(case) == ON_DELETION
            return
        message = NOT_ERASING.format(kind=kind.value)
        assert state.workflow[WorkflowAction.PLAN_DELETION] is WorkflowRefusal.NOT_ERASING
        assert state.workflow_reasons[WorkflowAction.PLAN_DELETION] == message
        with pytest.raises(WorkflowError) as refused:
            plan_deletion(session, case, hold_from=date(2026, 11, 2), actor="li")
        assert (type(refused.value), str(refused.value)) == (WorkflowError, message)
        assert case.category_actions == []


@pytest.mark.parametrize("kind", KINDS)
def test_the_copy_is_planned_only_for_an_access_or_copy_request(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, kind, 1)
        state = action_state(case, today=TODAY)
        if kind in COPYING:
            assert state.workflow[WorkflowAction.PLAN_COPY] is None
            plan_export(session, case, actor="li")
            assert _plans(case) == dict.fromkeys(ON_DELETION, CategoryActionKind.EXPORT)
            return
        message = NOT_COPYING.format(kind=kind.value)
        assert state.workflow[WorkflowAction.PLAN_COPY] is WorkflowRefusal.NOT_COPYING
        assert state.workflow_reasons[WorkflowAction.PLAN_COPY] == message
        with pytest.raises(WorkflowError) as refused:
            plan_export(session, case, actor="li")
        assert (type(refused.value), str(refused.value)) == (WorkflowError, message)
        assert case.category_actions == []


@pytest.mark.parametrize("kind", sorted(ERASING))
def test_the_copy_planned_on_a_deletion_leaves_its_erasure_planned(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    # QA14 F9, PD-2026-000018: the copy planned over a deletion's plan re-planned it as exports.
    with database.session() as session:
        case = _case(session, rule_book, kind, 1)
        plan_deletion(session, case, hold_from=date(2026, 11, 2), actor="li")
        with pytest.raises(WorkflowError):
            plan_export(session, case, actor="li")
        assert _plans(case) == ON_DELETION


NOTHING_PLANNED = (
    "No data category of this case waits to be carried out: plan deletion or the copy over the "
    "inventory first."
)


@pytest.mark.parametrize("kind", KINDS)
def test_data_categories_are_marked_only_while_one_waits(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    # Data categories… opened an empty dialog on a case with nothing planned (QA14 F9, the
    # other category action): refused with the way on, and again once all are carried out.
    action = WorkflowAction.COMPLETE_CATEGORY
    with database.session() as session:
        case = _case(session, rule_book, kind, 1)
        state = action_state(case, today=TODAY)
        assert state.workflow[action] is WorkflowRefusal.NOTHING_PLANNED
        assert state.workflow_reasons[action] == NOTHING_PLANNED
        with pytest.raises(WorkflowError) as refused:
            complete_action(session, case, "account", actor="li")
        assert (type(refused.value), str(refused.value)) == (WorkflowError, NOTHING_PLANNED)
        planned = CategoryActionKind.DELETE if kind in ERASING else CategoryActionKind.EXPORT
        case.category_actions.append(
            CategoryAction(category="account", action=planned, planned_by="li")
        )
        assert action_state(case, today=TODAY).workflow[action] is None
        complete_action(session, case, "account", actor="li", done_at=DONE_AT)
        assert [(a.category, a.done_at) for a in case.category_actions] == [("account", DONE_AT)]
        assert action_state(case, today=TODAY).workflow[action] is WorkflowRefusal.NOTHING_PLANNED
