"""Case › Workflow offers a step only where the workflow services let it succeed (QA13 H1, H2):
on a case answered or closed none of Triage…, Ask the requester…, Log the reply…, Identity
check…, the two plans over the inventory and Data categories…, each disabled with the
services' reason as its tip; Correct receipt date… likewise after the answer (QA13 M5). A stale
shortcut is refused before its dialog, with the service's words, and changes nothing. Ask for
review… and Close… likewise: a review only of work in progress, no closing while a sign-off is
pending, of a closed case or of one in retention before its purge (the dialogs were offered on
a closed case and refused only once filled in)."""

from collections.abc import Iterable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.main_window import MainWindow
from tests.ui.case_window import add_cases, gate_state, handler_window, take_messages

S = CaseStatus
STATUSES = tuple(CaseStatus)  # every status, in the workflow's order (enums.py)
ANSWERED = (
    "The case is answered or closed: its triage, its clock and the plan and record of what was "
    "done for each data category are the record of its answer."
)
TRIAGED = "The case is triaged already and work on it has started."
NOT_WAITING = "The case is not waiting for the requester."
NOTHING_PLANNED = (
    "No data category of this case waits to be carried out: plan deletion or the copy over the "
    "inventory first."
)
NOT_ERASING = (
    "Planning deletion over the inventory is for deletion and account-cancellation requests; "
    "the kind of this request is 'Access'."
)
RECEIPT_ANSWERED = (
    "This case has been answered or closed: its deadline no longer runs and its dates are the "
    "record its answer was measured by, so its clock cannot be stopped, restarted or extended, "
    "nor its receipt date changed."
)
REVIEW_REFUSED = "cannot be sent for review: only work in progress is signed off."
# Ask for review… and Close… in each status of ``STATUSES`` ('': enabled); a status is named
# by its label in the UI (app.ui.labels).
ANSWERING = {
    "ask_review": (
        f"A case that is 'New' {REVIEW_REFUSED}",
        f"A case that is 'Triaged' {REVIEW_REFUSED}",
        f"A case that is 'Awaiting requester' {REVIEW_REFUSED}",
        "",
        "",  # another sign-off may be asked for while one is pending
        f"A case that is 'Responded' {REVIEW_REFUSED}",
        f"A case that is 'In retention' {REVIEW_REFUSED}",
        f"A case that is 'Closed' {REVIEW_REFUSED}",
    ),
    "ask_close": (
        "",
        "",
        "",
        "",
        "A sign-off is pending on the case: decide the review first.",
        "",
        "The account's data is in retention until its purge date; purge it to close.",
        "The case is closed already.",
    ),
}
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
    # An access case: deletion is not planned for it (test_case_menu_plan_kinds).
    "plan_deletion": (*[NOT_ERASING] * 5,),
    "plan_export": ("", "", "", "", ""),
    # Nothing is planned on these cases: nothing to mark carried out.
    "ask_categories": (*[NOTHING_PLANNED] * 5,),
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _add_cases(database: Database, rule_book: RuleBook) -> dict[CaseStatus, str]:
    """A CN access case in each of ``STATUSES``; returns their references."""
    cases = [(CaseKind.ACCESS, status) for status in STATUSES]
    return dict(zip(STATUSES, add_cases(database, rule_book, cases), strict=True))


def test_each_workflow_step_in_each_status(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    answered = (ANSWERED, ANSWERED, ANSWERED)
    table = {method: (*tips, *answered) for method, tips in TABLE.items()}
    _assert_tips_in_each_status(qtbot, database, rule_book, table)


def test_the_receipt_is_corrected_only_before_the_answer(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    references = _add_cases(database, rule_book)
    window = handler_window(qtbot, database, rule_book)
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
    window = handler_window(qtbot, database, rule_book)
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
        assert take_messages() == [ANSWERED]
    with qtbot.assertNotEmitted(window.workflow.changed):
        assert not window.workflow.plan_deletion(closed)
    assert take_messages() == [ANSWERED]
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_receipt(references[S.RESPONDED])
    assert take_messages() == [RECEIPT_ANSWERED]
    # Close… and Ask for review… too (no dialog is left open if one was offered).
    for ask, refused in (
        (window.workflow.ask_close, "The case is closed already."),
        # A message box shows the code as the UI names it (app.ui.messages.error_text).
        (window.workflow.ask_review, f"A case that is 'Closed' {REVIEW_REFUSED}"),
    ):
        opened = _reject_a_dialog()
        with qtbot.assertNotEmitted(window.workflow.changed):
            ask(closed)
        qtbot.wait(10)
        assert (opened, take_messages()) == ([], [refused])


def _tips(window: MainWindow, methods: Iterable[str]) -> dict[str, tuple[bool, str, str]]:
    """(enabled, tool tip when disabled, status tip) of each gated method's action."""
    return {method: gate_state(window, method) for method in methods}


def test_review_and_closing_in_each_status(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    _assert_tips_in_each_status(qtbot, database, rule_book, ANSWERING)


def _assert_tips_in_each_status(
    qtbot: QtBot, database: Database, rule_book: RuleBook, table: dict[str, tuple[str, ...]]
) -> None:
    """Check each method's action on a case in each of ``STATUSES`` against ``table`` (its
    tip in each status, '' where it is enabled)."""
    references = _add_cases(database, rule_book)
    window = handler_window(qtbot, database, rule_book)
    found: dict[tuple[str, CaseStatus], tuple[bool, str, str]] = {}
    for status, reference in references.items():
        window.show_case(reference)
        for method, tips in _tips(window, table).items():
            found[method, status] = tips
    expected = {
        (method, status): (not tip, tip, tip)
        for method, tips in table.items()
        for status, tip in zip(STATUSES, tips, strict=True)
    }
    assert found == expected


def test_a_closed_case_offers_neither_in_chinese(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    references = _add_cases(database, rule_book)
    window = handler_window(qtbot, database, rule_book)
    window.show_case(references[S.CLOSED])
    # The service's sentences from errors.zh_CN.toml; the status by its Chinese label.
    assert _tips(window, ANSWERING) == {
        "ask_review": (
            False,
            "处于“已结案”状态的案件不能提交复核：只有办理中的案件才能签核。",
            "处于“已结案”状态的案件不能提交复核：只有办理中的案件才能签核。",
        ),
        "ask_close": (False, "此案件已结案。", "此案件已结案。"),
    }


def _reject_a_dialog() -> list[str]:
    """Reject the modal dialog an action opens (it would block the test), naming it in the
    list returned; message boxes are left for ``take_messages``."""
    opened: list[str] = []

    def reject() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and not isinstance(dialog, QMessageBox):
            opened.append(type(dialog).__name__)
            dialog.reject()

    QTimer.singleShot(0, reject)
    return opened
