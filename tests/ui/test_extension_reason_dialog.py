"""Case › Clock: Extend the deadline… refuses a reason the extension notice could not print,
naming its characters, and Correct the extension reason… replaces the reason of an extended
case, staying open while the new reason is refused (QA18 F10).

The case: EU access received Mon 30 Nov 2026 09:00 UTC; notice due Wed 30 Dec 2026 (one month,
GDPR Art. 12(3)); extended: 30 Feb 2027 does not exist -> Sun 28 Feb -> Mon 1 Mar 2027.
"""

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseKind, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.case_menu import CaseMenu
from app.ui.clock_controller import ClockController
from app.ui.clock_dialogs import ExtensionDialog
from app.ui.extension_reason_dialog import extension_reason_dialog
from app.ui.letter_controller import LetterController
from app.ui.workflow_controller import WorkflowController
from tests.services.clock_cases import timed_case

TODAY = date(2026, 12, 1)
UNPRINTABLE = "大量数据 / large volume of records — 𠮷"  # U+20BB7: in no bundled face
CORRECTED = "大量数据 / large volume of records in archived systems"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def reference(database: Database, rule_book: RuleBook) -> str:
    with database.session() as session:
        case = timed_case(
            session,
            rule_book,
            kind=CaseKind.ACCESS,
            received=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
            today=TODAY,
            jurisdiction="EU",
            status=CaseStatus.IN_PROGRESS,
        )
        return case.reference


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    return main


def _clock(database: Database, rule_book: RuleBook, window: QMainWindow) -> ClockController:
    return ClockController(database, rule_book, lambda: TODAY, window, lambda: "li.na")


def _stored(database: Database) -> tuple[str | None, date | None]:
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        return case.extension_reason, case.binding_due_date


def _boxes(window: QMainWindow) -> list[str]:
    return [box.text() for box in window.findChildren(QMessageBox)]


def test_extending_with_a_reason_no_font_prints_is_refused(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    clock = _clock(database, rule_book, window)
    assert not clock.extend(reference, UNPRINTABLE)
    (text,) = _boxes(window)
    assert text.startswith(
        "The reason holds characters no letter font on this computer has (U+20BB7)"
    )
    assert _stored(database) == (None, date(2026, 12, 30))
    assert clock.extend(reference, CORRECTED)
    assert _stored(database) == (CORRECTED, date(2027, 3, 1))


def test_the_extend_dialog_stays_open_with_a_refused_reason(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    clock = _clock(database, rule_book, window)
    seen: list[tuple[bool, str, str]] = []

    def type_reasons() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExtensionDialog)
        dialog.reason.setPlainText(UNPRINTABLE)
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.error.text(), dialog.reason.toPlainText()))
        dialog.reason.setPlainText(CORRECTED)
        dialog.accept()
        seen.append((dialog.isVisible(), dialog.error.text(), dialog.reason.toPlainText()))

    QTimer.singleShot(0, type_reasons)
    clock.ask_extension(reference)
    (open_, error, typed), (still_open, _, _) = seen
    assert open_ and typed == UNPRINTABLE  # kept as typed, to edit
    assert error.startswith(
        "The reason holds characters no letter font on this computer has (U+20BB7)"
    )
    assert not still_open
    assert _stored(database) == (CORRECTED, date(2027, 3, 1))


def test_a_case_not_extended_has_no_reason_to_correct(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    assert extension_reason_dialog(_clock(database, rule_book, window), reference) is None
    assert _boxes(window) == [
        "This case has not been extended: it has no extension reason to correct."
    ]


def test_the_reason_is_corrected_in_the_dialog(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    clock = _clock(database, rule_book, window)
    assert clock.extend(reference, "Many archived systems")
    dialog = extension_reason_dialog(clock, reference)
    assert dialog is not None
    assert dialog.reason.toPlainText() == "Many archived systems"
    assert dialog.error.isHidden()
    dialog.reason.setPlainText(UNPRINTABLE)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "(U+20BB7)" in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.reason.toPlainText() == UNPRINTABLE  # kept as typed, to edit
    assert _stored(database) == ("Many archived systems", date(2027, 3, 1))
    dialog.reason.setPlainText(CORRECTED)
    with qtbot.waitSignal(clock.changed) as changed:
        dialog.accept()
    assert changed.args == [reference]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _stored(database) == (CORRECTED, date(2027, 3, 1))


def test_the_clock_menu_offers_the_correction_after_extend(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    args = (database, rule_book, lambda: TODAY, window)
    menu = QMenu(window)
    CaseMenu(window, lambda: reference).build(
        menu, LetterController(*args), WorkflowController(*args), ClockController(*args)
    )
    clock_menu = menu.actions()[2].menu()
    assert isinstance(clock_menu, QMenu)
    labels = [action.text() for action in clock_menu.actions()]
    assert labels.index("Correct the extension re&ason…") == (
        labels.index("E&xtend the deadline…") + 1
    )
