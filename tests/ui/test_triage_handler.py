"""Case › Workflow › Triage…: the handler is chosen among the active members of Settings ›
Staff and roles (QA16 W2). A typo keeps the dialog open saying why, a pasted page is cut at
100 characters, a name in another case is stored as the list spells it; with no staff list
yet (first start) any user name is taken and the dialog says so."""

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.models.enums import StaffRole
from app.services.case_queries import find_case
from app.services.settings_staff import add_staff, set_staff_active
from app.store import Database
from app.ui.bidi import isolated_or
from app.ui.workflow_dialogs import TriageDialog
from tests.ui.case_window import HANDLER, answer_modal, window_with_mail

NOT_STAFF = (
    "Not an active staff member: choose one from the list, or add them in Settings › Staff "
    "and roles first."
)


def _assignee(database: Database, reference: str) -> str | None:
    with database.session() as session:
        return find_case(session, reference).assignee


def test_the_handler_is_one_of_the_active_staff(qtbot: QtBot, database: Database) -> None:
    with database.session() as session:
        add_staff(session, HANDLER, "李经理", StaffRole.MANAGER, actor=HANDLER)
        add_staff(session, "li.wei", "李伟", StaffRole.HANDLER, actor=HANDLER)
        add_staff(session, "wang.fang", "王芳", StaffRole.HANDLER, actor=HANDLER)
        set_staff_active(session, "wang.fang", False, actor=HANDLER)
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    seen: list[tuple[object, ...]] = []

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, TriageDialog)
        field = dialog.assignee
        try:
            box = field.box
            offered = [box.itemText(i) for i in range(box.count())]
            seen.append(("offered", offered, field.text(), field.hint.text()))
            field.setText("li.wel")  # QA16 s13: a typo
            dialog.accept()
            seen.append(("typo", dialog.isVisible(), field.hint.text()))
            field.setText("长" * 10_000)  # QA16 s4: a pasted page
            seen.append(("paste", len(field.text())))
            field.setText("LI.WEI")
            seen.append(("member", field.hint.text()))
            dialog.accept()
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting
                dialog.reject()

    answer_modal(QDialog, choose)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_triage(reference)
    assert seen == [
        # wang.fang is inactive: not offered; the signed-in manager is proposed.
        ("offered", [HANDLER, "li.wei"], HANDLER, isolated_or("李经理")),
        ("typo", True, NOT_STAFF),  # OK did not close the dialog
        ("paste", 100),  # Settings › Staff's longest user name
        ("member", isolated_or("李伟")),
    ]
    assert _assignee(database, reference) == "li.wei"  # as the staff list spells it


def test_with_no_staff_list_yet_any_user_name_is_taken_with_a_warning(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "001-en-access-default.eml")
    hints: list[str] = []

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, TriageDialog)
        dialog.assignee.setText("new.colleague")
        try:
            hints.append(dialog.assignee.hint.text())
        finally:
            dialog.accept()

    answer_modal(QDialog, choose)
    with qtbot.waitSignal(window.workflow.changed):
        window.workflow.ask_triage(reference)
    assert hints == [
        "No staff list yet: any user name is taken. Add the team in Settings › Staff and "
        "roles to choose handlers from it."
    ]
    assert _assignee(database, reference) == "new.colleague"
