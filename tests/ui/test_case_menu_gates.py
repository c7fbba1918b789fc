"""Case › Workflow and Case › Clock offer only what can succeed on the case shown (QA9 L2, L3,
M2): Review… only with a review pending, Answer… only on a case in progress, Restart the clock
only while it is stopped, Extend the deadline… only where the rule has an extension (Chinese
law has none); a disabled action says why in its tip."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseOutcome, PauseReason, ReviewSubject
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.enum_choice import select_member
from app.ui.main_window import MainWindow
from app.ui.workflow_dialogs import RespondDialog
from tests.conftest import CORPUS_INBOX

TODAY = date(2026, 11, 29)
GATED = ("ask_decision", "ask_response", "ask_resume", "ask_extension")


def _window(qtbot: QtBot, database: Database, mail: str) -> tuple[MainWindow, str]:
    window = MainWindow(database, load_rule_book(), today=lambda: TODAY)
    qtbot.addWidget(window)
    window.user.switch("li.handler")
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / mail])
    row = window.case_list.model.row_at(0)
    assert row is not None
    _messages()
    window.show_case(row.reference)
    return window, row.reference


def _messages() -> list[str]:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    texts = [box.text() for box in boxes if box.isVisible()]
    for box in boxes:
        box.close()
    return texts


def _enabled(window: MainWindow) -> dict[str, bool]:
    gated: dict[str, QAction] = window.case_menu.gated
    return {method: gated[method].isEnabled() for method in GATED}


def _answer(answer: Callable[[QDialog], None]) -> None:
    QTimer.singleShot(0, lambda: answer(QApplication.activeModalWidget()))  # type: ignore[arg-type]


def test_a_chinese_case_offers_no_extension_and_no_restart(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = _window(qtbot, database, "zh03-zh-correction.eml")
    assert window.workflow.triage(reference, CaseKind.CORRECTION, "CN", "li.handler")
    window.show_case(reference)
    assert _enabled(window) == {
        "ask_decision": False,
        "ask_response": True,
        "ask_resume": False,
        "ask_extension": False,
    }
    extension = window.case_menu.gated["ask_extension"]
    assert "the rule has none" in extension.toolTip()
    assert extension.statusTip() == extension.toolTip()
    assert window.case_menu.gated["ask_response"].statusTip() == ""
    # Run anyway (a stale shortcut): refused before any reason is typed (the extension
    # dialog, modal, would block here), with the reason in a message box.
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_extension(reference)
    assert isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert _messages() == ["The rule for this case allows no extension."]


def test_restart_follows_the_pause(qtbot: QtBot, database: Database) -> None:
    window, reference = _window(qtbot, database, "zh03-zh-correction.eml")
    assert not _enabled(window)["ask_resume"]
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.pause(reference, date(2026, 10, 8), PauseReason.OTHER, "")
    assert _enabled(window)["ask_resume"]
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.resume(reference, date(2026, 10, 12))
    assert not _enabled(window)["ask_resume"]


def test_review_and_answer_follow_the_status(qtbot: QtBot, database: Database) -> None:
    window, reference = _window(qtbot, database, "001-en-access-default.eml")
    flow = window.workflow
    assert not _enabled(window)["ask_response"]  # new: triage it first
    assert flow.triage(reference, CaseKind.ACCESS, "EU", "li.handler")
    assert _enabled(window)["ask_response"]
    grounds = [("excessive", "weekly copies")]
    assert flow._apply(
        reference,
        lambda s, c: __import__("app.services.workflow", fromlist=["x"]).request_review(
            s, c, ReviewSubject.REFUSAL, actor="li.handler", grounds=grounds
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
        "ask_resume": False,
        "ask_extension": False,  # GDPR's notice date (within the first month) has passed
    }

    def refuse(dialog: QDialog) -> None:
        assert isinstance(dialog, RespondDialog)
        # The grounds signed off are ticked already.
        assert dialog.chosen_grounds() == grounds
        select_member(dialog.outcome, CaseOutcome.REFUSED)
        dialog.accept()

    _answer(refuse)
    with qtbot.waitSignal(flow.changed):
        flow.ask_response(reference)
    assert not _enabled(window)["ask_response"]
    assert "in progress" in window.case_menu.gated["ask_response"].toolTip()
