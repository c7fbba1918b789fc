"""Planning the copy over the data inventory (app/services/workflow/categories.py
``plan_export``): an export for every category, none done, and the access response ready
once each is marked done and the answer recorded (PIPL Art. 45)."""

from datetime import UTC, datetime

from sqlalchemy import select

from app.models import Event
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind
from app.services.deadlines import load_rule_book
from app.services.letter_fit import LetterBlocker, letter_fit
from app.services.workflow import complete_action, respond
from app.services.workflow.categories import plan_export
from app.store import Database
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.retention_factory import HANDLER

# resources/workflow/inventory.toml, in its order.
SHIPPED_CATEGORIES = [
    "account",
    "real_name_verification",
    "addresses",
    "support",
    "icp_filing",
    "orders",
    "finance",
    "access_logs",
]
DONE_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def test_the_copy_is_planned_for_every_category_and_the_letter_follows(
    database: Database,
) -> None:
    rule_book = load_rule_book()
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.COPY)
        verify(session, case, rule_book)
        planned = plan_export(session, case, actor=HANDLER)
        as_planned = [(a.category, a.action, a.done_at) for a in planned]
        seen = [letter_fit(case, "access_response", rule_book, TODAY).blocker]
        for action in planned[:-1]:
            complete_action(session, case, action.category, actor=HANDLER, done_at=DONE_AT)
        seen.append(letter_fit(case, "access_response", rule_book, TODAY).blocker)
        complete_action(session, case, planned[-1].category, actor=HANDLER, done_at=DONE_AT)
        seen.append(letter_fit(case, "access_response", rule_book, TODAY).blocker)
        respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)
        seen.append(letter_fit(case, "access_response", rule_book, TODAY).blocker)
        events = session.scalars(
            select(Event.payload).where(
                Event.case_id == case.id, Event.action == "category.planned"
            )
        ).all()
    assert as_planned == [(key, CategoryActionKind.EXPORT, None) for key in SHIPPED_CATEGORIES]
    assert seen == [
        LetterBlocker.EXPORT_NOT_DONE,  # planned: each category still to be marked done
        LetterBlocker.EXPORT_NOT_DONE,
        LetterBlocker.NOT_ANSWERED,
        None,
    ]
    assert [(e["category"], e["action"]) for e in events] == [
        (key, "export") for key in SHIPPED_CATEGORIES
    ]
