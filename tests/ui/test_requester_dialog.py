"""Case › Workflow › Requester details…: the dialog shows the details on record, refuses what
the service refuses without closing, and saves a correction the letters then print; a letter
blocked by a character no font has in the name (CJK Extension B; emoji are left out of a
name) tells staff where to correct it."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case, IdentifierKind
from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.case_menu import CaseMenu
from app.ui.clock_controller import ClockController
from app.ui.letter_controller import LetterController
from app.ui.requester_dialog import RequesterDialog, requester_dialog
from app.ui.workflow_controller import WorkflowController
from tests.services.letter_cases import TODAY, open_case, verify

UNPRINTABLE_NAME = "王𠀀芳"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def reference(database: Database, rule_book: RuleBook) -> str:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        assert case.subject is not None
        case.subject.display_name = UNPRINTABLE_NAME
        verify(session, case, rule_book)
        return case.reference


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    return main


def _flow(database: Database, rule_book: RuleBook, window: QMainWindow) -> WorkflowController:
    return WorkflowController(database, rule_book, lambda: TODAY, window, lambda: "li.handler")


def _dialog(
    database: Database, rule_book: RuleBook, window: QMainWindow, ref: str
) -> RequesterDialog:
    dialog = requester_dialog(_flow(database, rule_book, window), ref)
    assert dialog is not None
    return dialog


def _stored_name(database: Database) -> str | None:
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        return case.subject.display_name if case.subject else None


def test_the_dialog_shows_the_details_on_record(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    dialog = _dialog(database, rule_book, window, reference)
    assert (dialog.name.text(), dialog.email.text(), dialog.phone.text()) == (
        UNPRINTABLE_NAME,
        "zs0@example.com",
        "",
    )
    assert dialog.others.isHidden() and dialog.error.isHidden()


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "Enter the requester's name."), ("王" * 201, "at most 200 characters")],
)
def test_a_refused_name_keeps_the_dialog_open_and_changes_nothing(
    database: Database,
    rule_book: RuleBook,
    window: QMainWindow,
    reference: str,
    name: str,
    message: str,
) -> None:
    dialog = _dialog(database, rule_book, window, reference)
    dialog.name.setText(name)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message in dialog.error.text() and not dialog.error.isHidden()
    assert _stored_name(database) == UNPRINTABLE_NAME


def test_accepting_saves_the_correction_and_announces_the_change(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    flow = _flow(database, rule_book, window)
    dialog = requester_dialog(flow, reference)
    assert dialog is not None
    dialog.name.setText("王芳")
    dialog.phone.setText("138 0013 8000")
    with qtbot.waitSignal(flow.changed) as changed:
        dialog.accept()
    assert changed.args == [reference]
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session() as session:
        subject = session.scalars(select(Case)).one().subject
        assert subject is not None and subject.display_name == "王芳"
        assert subject.identifier(IdentifierKind.PHONE) == "13800138000"


def test_the_dialog_says_the_other_cases_change_too(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    with database.session() as session:
        first = session.scalars(select(Case)).one()
        for _ in range(2):
            open_case(session, rule_book, CaseKind.DELETION).subject = first.subject
    dialog = _dialog(database, rule_book, window, reference)
    assert not dialog.others.isHidden()
    assert dialog.others.text() == (
        "This requester has 2 other case(s); the correction applies to them too."
    )


def test_the_workflow_menu_offers_requester_details(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    args = (database, rule_book, lambda: TODAY, window)
    menu = QMenu(window)
    CaseMenu(window, lambda: reference).build(
        menu, LetterController(*args), _flow(database, rule_book, window), ClockController(*args)
    )
    workflow = menu.actions()[0].menu()
    assert isinstance(workflow, QMenu)
    labels = [action.text() for action in workflow.actions()]
    assert labels.index("Re&quester details…") == labels.index("&Identity check…") + 1


def test_a_letter_blocked_by_a_character_no_font_has_says_where_to_correct_the_name(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    window: QMainWindow,
    reference: str,
    tmp_path: Path,
) -> None:
    letters = LetterController(database, rule_book, lambda: date(2026, 11, 29), window)
    letters.generate(reference, "zh", tmp_path / "letter.pdf")
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=60_000)
    (box,) = window.findChildren(QMessageBox)
    assert "U+20000" in box.text()
    assert "Case › Workflow › Requester details…" in box.text()
    assert not (tmp_path / "letter.pdf").exists()


def test_a_damaged_name_is_shown_as_in_doubt_and_ok_confirms_it(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    """QA19 F10: the flag ``name_damaged`` is explained in the dialog; OK with the name as it
    stands confirms it (the flag goes, so letters may greet by it again)."""
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        case.review_flags = [*case.review_flags, "name_damaged"]
    dialog = _dialog(database, rule_book, window, reference)
    assert not dialog.doubt.isHidden()
    assert "Saving confirms the name" in dialog.doubt.text()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert "name_damaged" not in case.review_flags
    assert _dialog(database, rule_book, window, reference).doubt.isHidden()
