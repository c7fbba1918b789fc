"""Case › Workflow and Case › Clock offer only what can succeed on the case shown (QA9 L2, L3,
M2; QA10 L7): Review… only with a review pending, Answer… only on a case in progress, Stop the
clock and Extend the deadline… only while a statutory deadline runs (not on a case answered or
closed, nor on mail that is no request), Restart the clock only while it is stopped, Extend
only where the rule has an extension (Chinese law has none); a disabled action says why in its
tip, in the very words the service refuses it with. Confirm receipt date… where the receipt is
in doubt, Correct receipt date… otherwise (M8)."""

from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseOutcome, PauseReason, ReviewFlag, ReviewSubject
from app.reports.letter_text import check_letter_text
from app.services.case_queries import find_case
from app.services.workflow import close
from app.store import Database
from app.ui.enum_choice import select_member
from app.ui.main_window import MainWindow
from app.ui.workflow_dialogs import RespondDialog
from tests.ui.case_window import answer_modal, take_messages, window_with_mail

GATED = ("ask_decision", "ask_response", "ask_pause", "ask_resume", "ask_extension")

CLOSED_REFUSAL = (
    "This case has been answered or closed: its deadline no longer runs and its dates are the "
    "record its answer was measured by, so its clock cannot be stopped, restarted or extended, "
    "nor its receipt date changed."
)


def _enabled(window: MainWindow) -> dict[str, bool]:
    gated: dict[str, QAction] = window.case_menu.gated
    return {method: gated[method].isEnabled() for method in GATED}


def test_a_chinese_case_offers_no_extension_and_no_restart(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    assert window.workflow.triage(reference, CaseKind.CORRECTION, "CN", "li.handler")
    window.show_case(reference)
    assert _enabled(window) == {
        "ask_decision": False,
        "ask_response": True,
        "ask_pause": True,
        "ask_resume": False,
        "ask_extension": False,
    }
    extension = window.case_menu.gated["ask_extension"]
    assert extension.toolTip() == "The rule for this case allows no extension."
    assert extension.statusTip() == extension.toolTip()
    assert window.case_menu.gated["ask_response"].statusTip() == ""
    # Run anyway (a stale shortcut): refused before any reason is typed (the extension
    # dialog, modal, would block here), with the reason in a message box.
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_extension(reference)
    assert isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert take_messages() == ["The rule for this case allows no extension."]


def test_restart_follows_the_pause(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    assert not _enabled(window)["ask_resume"]
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.pause(reference, date(2026, 10, 8), PauseReason.OTHER, "")
    assert _enabled(window)["ask_resume"]
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.resume(reference, date(2026, 10, 12))
    assert not _enabled(window)["ask_resume"]


def test_review_and_answer_follow_the_status(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    flow = window.workflow
    assert not _enabled(window)["ask_response"]  # new: triage it first
    assert flow.triage(reference, CaseKind.ACCESS, "EU", "li.handler")
    assert _enabled(window)["ask_response"]
    grounds = [("excessive", "weekly copies")]
    assert flow._apply(
        reference,
        lambda s, c: __import__("app.services.workflow", fromlist=["x"]).request_review(
            s,
            c,
            ReviewSubject.REFUSAL,
            actor="li.handler",
            grounds=grounds,
            printable=check_letter_text,
        ),
    )
    assert _enabled(window)["ask_decision"]
    assert not _enabled(window)["ask_response"]  # in review
    window.user.switch("wang.reviewer")
    review_id = window.workflow._read(reference, lambda c: c.reviews[0].id)
    assert flow.decide(reference, review_id, approve=True, comment="")
    window.user.switch("li.handler")
    assert _enabled(window) == {
        "ask_decision": False,
        "ask_response": True,
        "ask_pause": True,
        "ask_resume": False,
        "ask_extension": False,  # GDPR's notice date (within the first month) has passed
    }
    # Received Tue 18 Aug 2026 (22:57 in Brussels): the notice was due within one month,
    # by Fri 18 Sep 2026 (GDPR Art. 12(3)).
    assert window.case_menu.gated["ask_extension"].toolTip() == (
        "An extension had to be notified by 2026-09-18."
    )

    def refuse(dialog: QDialog) -> None:
        assert isinstance(dialog, RespondDialog)
        # The grounds signed off are ticked already.
        assert dialog.chosen_grounds() == grounds
        select_member(dialog.outcome, CaseOutcome.REFUSED)
        dialog.accept()

    answer_modal(RespondDialog, refuse)
    with qtbot.waitSignal(flow.changed):
        flow.ask_response(reference)
    assert not _enabled(window)["ask_response"]
    assert "in progress" in window.case_menu.gated["ask_response"].toolTip()
    # Answered: the deadline no longer runs, so its clock is neither stopped nor extended.
    assert not any(_enabled(window)[m] for m in ("ask_pause", "ask_resume", "ask_extension"))
    assert window.case_menu.gated["ask_pause"].toolTip() == CLOSED_REFUSAL


def test_a_closed_case_offers_no_clock_change(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.pause(
            reference, date(2026, 10, 8), PauseReason.IDENTITY_VERIFICATION, ""
        )
    with qtbot.waitSignal(window.workflow.changed):
        assert window.workflow._apply(
            reference,
            lambda s, c: close(s, c, outcome=CaseOutcome.UNVERIFIABLE, actor="li.handler"),
        )
    window.show_case(reference)
    # Closed while waiting for identity proof: the pause is the record, not to be ended now.
    assert _enabled(window) == dict.fromkeys(GATED, False)
    for method in ("ask_pause", "ask_resume", "ask_extension"):
        assert window.case_menu.gated[method].toolTip() == CLOSED_REFUSAL
    # Run anyway (a stale shortcut): refused before the dialog, with the service's reason.
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_pause(reference)
    assert take_messages() == [CLOSED_REFUSAL]
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_resume(reference)
    assert take_messages() == [CLOSED_REFUSAL]
    assert not window.clock.pause(reference, date(2026, 11, 2), PauseReason.OTHER, "")
    assert take_messages() == [CLOSED_REFUSAL]


def test_mail_that_is_no_request_has_no_clock_to_stop(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    assert window.workflow.triage(reference, CaseKind.NOT_A_REQUEST, "CN", "li.handler")
    window.show_case(reference)
    enabled = _enabled(window)
    assert (enabled["ask_pause"], enabled["ask_resume"], enabled["ask_extension"]) == (
        False,
        False,
        False,
    )
    tip = (
        "This case is not a request: no statutory deadline runs, so its clock cannot be "
        "stopped or extended."
    )
    assert window.case_menu.gated["ask_pause"].toolTip() == tip
    assert window.case_menu.gated["ask_pause"].statusTip() == tip
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_pause(reference)
    assert take_messages() == [tip]


def test_the_receipt_action_is_named_by_what_is_known(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    receipt = window.case_menu.receipt
    assert receipt is not None and receipt.isEnabled()
    # zh03 has a Date: with its zone: the receipt is sound and can only be corrected.
    assert receipt.text() == "C&orrect receipt date…"
    assert receipt.toolTip().startswith("Correct the recorded receipt time only if")
    with database.session() as session:
        case = find_case(session, reference)
        case.review_flags = sorted({*case.review_flags, ReviewFlag.DATE_WITHOUT_ZONE.value})
    window.show_case(reference)
    assert receipt.text() == "&Confirm receipt date…"
    assert receipt.toolTip() == (
        "The receipt time is uncertain: confirm when the request reached you."
    )
