"""The record of what was done for each data category stays (QA13 H2): planning a deletion or
a copy again keeps every category already carried out (its action, when and by whom) and plans
only the others; a case answered or closed is not planned again at all; a category carried out
is neither re-planned nor recorded a second time. An access or copy request is answered in
full only with its copy recorded, as its access response requires (QA13 M3)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import CaseAnsweredError, CategoryDoneError, TransitionBlockedError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import letter_fit
from app.services.workflow import complete_action, plan_deletion, respond, set_action
from app.services.workflow.categories import plan_export
from app.services.workflow.inventory import load_inventory
from app.store import Database
from tests.services.test_workflow import HANDLER, TODAY, _case, _verify

DELETED_AT = datetime(2026, 11, 20, 1, 30, tzinfo=UTC)
# The shipped inventory (resources/workflow/inventory.toml), in its order.
CATEGORIES = (
    "account",
    "real_name_verification",
    "addresses",
    "support",
    "icp_filing",
    "orders",
    "finance",
    "access_logs",
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _records(case: Case) -> dict[str, tuple[CategoryActionKind, datetime | None, str | None]]:
    return {a.category: (a.action, a.done_at, a.done_by) for a in case.category_actions}


def _deleted(session: Session, case: Case, categories: tuple[str, ...]) -> None:
    for category in categories:
        complete_action(session, case, category, actor=HANDLER, done_at=DELETED_AT)


def test_the_shipped_inventory_is_the_one_counted_here() -> None:
    assert tuple(load_inventory().categories) == CATEGORIES


def test_planning_the_deletion_again_keeps_what_was_done(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION)
        plan_deletion(session, case, hold_from=date(2026, 11, 2), actor=HANDLER)
        _deleted(session, case, ("account", "addresses"))
        replanned = plan_deletion(session, case, hold_from=date(2026, 11, 29), actor="zhao.other")
        assert [a.category for a in replanned] == [
            c for c in CATEGORIES if c not in ("account", "addresses")
        ]
        records = _records(case)
        done = (CategoryActionKind.DELETE, DELETED_AT, HANDLER)
        assert records["account"] == records["addresses"] == done
        assert records["support"] == (CategoryActionKind.DELETE, None, None)
        # Transaction records held 3 years from the new date (E-Commerce Law Art. 31).
        orders = next(a for a in case.category_actions if a.category == "orders")
        assert orders.hold_until == date(2029, 11, 29)


def test_a_category_carried_out_is_not_planned_or_recorded_again(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION)
        plan_deletion(session, case, hold_from=date(2026, 11, 2), actor=HANDLER)
        _deleted(session, case, ("account",))
        with pytest.raises(CategoryDoneError):
            set_action(session, case, "account", CategoryActionKind.ANONYMISE, actor=HANDLER)
        with pytest.raises(CategoryDoneError):
            complete_action(session, case, "account", actor="zhao.other")
        assert _records(case)["account"] == (CategoryActionKind.DELETE, DELETED_AT, HANDLER)


def test_a_closed_deletion_keeps_its_record_of_what_was_deleted(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H2: PD-025, a closed CN deletion whose 8 categories were done on 20 Oct, lost every
    # done_at/done_by to one click of "Plan deletion over the inventory".
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION)
        plan_deletion(session, case, hold_from=date(2026, 11, 2), actor=HANDLER)
        _deleted(session, case, CATEGORIES)
        before = _records(case)
        case.status = CaseStatus.CLOSED
        with pytest.raises(CaseAnsweredError):
            plan_deletion(session, case, hold_from=TODAY, actor=HANDLER)
        with pytest.raises(CaseAnsweredError):
            plan_export(session, case, actor=HANDLER)
        with pytest.raises(CaseAnsweredError):
            set_action(session, case, "support", CategoryActionKind.ANONYMISE, actor=HANDLER)
        assert _records(case) == before
        assert all(done_at == DELETED_AT for _, done_at, _ in before.values())


def _answer_in_full(session: Session, case: Case) -> None:
    respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)


def test_an_access_request_is_answered_in_full_only_with_its_copy_recorded(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS)
        _verify(session, case, rule_book)
        with pytest.raises(TransitionBlockedError) as nothing:
            _answer_in_full(session, case)
        assert nothing.value.missing == (
            "the copy planned over the data inventory, each category exported or none held",
        )
        plan_export(session, case, actor=HANDLER)
        set_action(session, case, "icp_filing", CategoryActionKind.NONE_HELD, actor=HANDLER)
        _deleted(session, case, ("account", "real_name_verification"))
        with pytest.raises(TransitionBlockedError) as open_exports:
            _answer_in_full(session, case)
        assert open_exports.value.missing == (
            "the data categories of the copy not yet exported: "
            '"Addresses", "Support tickets and call recordings", "Orders and transactions", '
            '"Bank cards and invoices", "Access logs"',
        )
        access_response = letter_fit(case, "access_response", rule_book, TODAY)
        assert access_response.blocker is not None  # the letter gate agrees
        _deleted(session, case, ("addresses", "support", "orders", "finance", "access_logs"))
        _answer_in_full(session, case)
        assert (case.status, case.outcome) == (CaseStatus.RESPONDED, CaseOutcome.FULFILLED)
        assert letter_fit(case, "access_response", rule_book, TODAY).blocker is None


def test_a_request_refused_needs_no_copy(database: Database, rule_book: RuleBook) -> None:
    # The copy gate is for an answer in full; a refusal goes by its grounds and sign-off.
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.COPY)
        with pytest.raises(TransitionBlockedError) as refused:
            respond(session, case, CaseOutcome.REFUSED, today=TODAY, actor=HANDLER)
        assert not any("copy" in missing for missing in refused.value.missing)
