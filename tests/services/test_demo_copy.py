"""A demo access case that plans the copy over the inventory, marks each category exported,
answers and sends the access response (app/services/demo_steps.py ``plan_copy``): the
access response needs the copy recorded (PIPL Art. 45; letter_fit NOTHING_EXPORTED)."""

from dataclasses import replace
from pathlib import Path

from app.clock import company_today
from app.models.enums import CaseOutcome, CategoryActionKind
from app.reports.case_letters import render_case_letter
from app.services.case_queries import find_case
from app.services.deadlines import load_rule_book
from app.services.demo_data import _make_case, _write_message
from app.services.demo_scenarios import SCENARIOS
from app.store import Database

# The demo's CN access case (李雷), answered 36 days after receipt, with the copy planned on
# day 30 and exported on day 34 (the steps the lead puts into demo_scenarios.py).
COPY_STEPS = (
    "triage",
    "start",
    "verify",
    "note",
    "plan_copy@30",
    "settle@34",
    "respond_fulfilled@36",
    "letter:access_response:sent",
    "close@40",
)


def test_a_demo_access_case_records_the_copy_and_sends_the_access_response(
    database: Database, tmp_path: Path
) -> None:
    scenario = next(s for s in SCENARIOS if s.email == "li.lei@example.cn")
    scenario = replace(scenario, steps=COPY_STEPS)
    today = company_today()
    message = _write_message(tmp_path, 1, scenario, today)
    with database.session() as session:
        reference = _make_case(
            session, message, scenario, load_rule_book(), render_case_letter, today, "li.handler"
        )
    with database.session() as session:
        case = find_case(session, reference)
        actions = {(a.action, a.done_at is not None) for a in case.category_actions}
        letters = [(x.template_key, x.sent_at is not None) for x in case.letters]
        outcome = case.outcome
    assert actions == {(CategoryActionKind.EXPORT, True)}
    assert outcome == CaseOutcome.FULFILLED
    assert letters == [("access_response", True)]
