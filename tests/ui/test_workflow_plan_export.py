"""Case › Workflow › Plan the copy over the inventory (``WorkflowController.plan_export``):
an export planned for every category of the inventory, the window told of the change; the
access response then waits only for each export to be marked done (PIPL Art. 45)."""

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CategoryActionKind
from app.services.case_queries import find_case
from app.services.deadlines import load_rule_book
from app.services.letter_fit import LetterBlocker, letter_fit
from app.store import Database
from app.ui.workflow_controller import WorkflowController
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.test_plan_export import SHIPPED_CATEGORIES


def test_the_copy_is_planned_over_the_inventory(qtbot: QtBot, database: Database) -> None:
    rule_book = load_rule_book()
    window = QMainWindow()
    qtbot.addWidget(window)
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        verify(session, case, rule_book)
        reference = case.reference
    flow = WorkflowController(database, rule_book, lambda: TODAY, window, lambda: "li.handler")
    with qtbot.waitSignal(flow.changed) as changed:
        assert flow.plan_export(reference)
    with database.session() as session:
        case = find_case(session, reference)
        planned = [(a.category, a.action, a.planned_by) for a in case.category_actions]
        blocker = letter_fit(case, "access_response", rule_book, TODAY).blocker
    assert changed.args == [reference]
    assert planned == [(k, CategoryActionKind.EXPORT, "li.handler") for k in SHIPPED_CATEGORIES]
    assert blocker == LetterBlocker.EXPORT_NOT_DONE  # planned, not yet marked done (QA12 N7)
