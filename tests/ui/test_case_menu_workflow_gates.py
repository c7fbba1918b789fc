"""Case › Workflow offers a step only where the workflow services let it succeed (QA13 H1, H2):
on a case answered or closed none of Triage…, Ask the requester…, Log the reply…, Identity
check…, the two plans over the inventory and Data categories…, each disabled with the
services' reason as its tip; Correct receipt date… likewise after the answer (QA13 M5). A stale
shortcut is refused before its dialog, with the service's words, and changes nothing."""

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.main_window import MainWindow
from tests.services.clock_cases import timed_case

S = CaseStatus
TODAY = date(2026, 11, 29)
RECEIVED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
STATUSES = tuple(CaseStatus)  # every status, in the workflow's order (enums.py)
ANSWERED = (
    "The case is answered or closed: its triage, its clock and the plan and record of what was "
    "done for each data category are the record of its answer."
)
TRIAGED = "The case is triaged already and work on it has started."
NOT_WAITING = "The case is not waiting for the requester."
RECEIPT_ANSWERED = "The case is answered or closed: its deadline no longer runs."
# Each gated menu method's tip in each status of ``STATUSES`` ('': enabled).
TABLE = {
    "ask_triage": ("", TRIAGED, "", TRIAGED, TRIAGED),
    "ask_requester": (
        "",
        "",
        "The case waits for the requester already: log the reply first.",
        "",
        "A sign-off is pending on the case: decide the review first.",
    ),
    "ask_reply": (NOT_WAITING, NOT_WAITING, "", NOT_WAITING, NOT_WAITING),
    "ask_verification": ("", "", "", "", ""),
    "plan_deletion": ("", "", "", "", ""),
    "plan_export": ("", "", "", "", ""),
    "ask_categories": ("", "", "", "", ""),
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _window(qtbot: QtBot, database: Database, rule_book: RuleBook) -> MainWindow:
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.user.switch("li.handler")
    return window


def _add_cases(database: Database, rule_book: RuleBook) -> dict[CaseStatus, str]:
    """A CN access case in each of ``STATUSES``; returns their references."""
    references = {}
    with database.session() as session:
        for number, status in enumerate(STATUSES, start=1):
            case = timed_case(
                session,
                rule_book,
                kind=CaseKind.ACCESS,
                received=RECEIVED,
                today=TODAY,
                status=status,
                reference=f"PD-2026-{number:06d}",
            )
            references[status] = case.reference
    return references


def _messages() -> list[str]:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    texts = [box.text() for box in boxes if box.isVisible()]
    for box in boxes:
        box.close()
    return texts


def test_each_workflow_step_in_each_status(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    references = _add_cases(database, rule_book)
    window = _window(qtbot, database, rule_book)
    found: dict[tuple[str, CaseStatus], tuple[bool, str, str]] = {}
    for status, reference in references.items():
        window.show_case(reference)
        for method in TABLE:
            action = window.case_menu.gated[method]
            # An empty tool tip reads as the action's text in Qt: the tip is the status tip.
            tip = action.toolTip() if not action.isEnabled() else ""
            found[method, status] = (action.isEnabled(), tip, action.statusTip())
    expected = {
        (method, status): (not tip, tip, tip)
        for method, tips in TABLE.items()
        for status, tip in zip(STATUSES, (*tips, ANSWERED, ANSWERED, ANSWERED), strict=True)
    }
    assert found == expected


def test_the_receipt_is_corrected_only_before_the_answer(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    references = _add_cases(database, rule_book)
    window = _window(qtbot, database, rule_book)
    receipt = window.case_menu.receipt
    assert receipt is not None
    for status, reference in references.items():
        window.show_case(reference)
        answered = status in (S.RESPONDED, S.IN_RETENTION, S.CLOSED)
        assert receipt.isEnabled() is not answered
        assert receipt.text() == "C&orrect receipt date…"
        if answered:
            assert receipt.toolTip() == receipt.statusTip() == RECEIPT_ANSWERED
        else:
            assert receipt.toolTip().startswith("Correct the recorded receipt time only if")


def test_a_stale_shortcut_on_an_answered_case_opens_no_dialog(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    references = _add_cases(database, rule_book)
    window = _window(qtbot, database, rule_book)
    closed = references[S.CLOSED]
    window.show_case(closed)
    # Each would open a modal dialog (blocking here) if not refused first.
    for ask in (
        window.workflow.ask_triage,
        window.workflow.ask_requester,
        window.workflow.ask_reply,
        window.workflow.ask_verification,
        window.workflow.ask_categories,
    ):
        with qtbot.assertNotEmitted(window.workflow.changed):
            ask(closed)
        assert _messages() == [ANSWERED]
    with qtbot.assertNotEmitted(window.workflow.changed):
        assert not window.workflow.plan_deletion(closed)
    assert _messages() == [ANSWERED]
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_receipt(references[S.RESPONDED])
    assert _messages() == [
        "This case has been answered or closed: its deadline no longer runs and its dates are "
        "the record its answer was measured by, so its clock cannot be stopped, restarted or "
        "extended, nor its receipt date changed."
    ]
