"""Shared set-up of the tests of the Case menu's gates and of the workflow dialogs: the main
window acting as the handler on Sun 29 Nov 2026, the cases it shows (one imported from the
corpus, or CN cases made in given kinds and statuses), the state of a gated action, the modal
dialog an action opens answered as a person would, and the message boxes the window opens."""

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.main_window import MainWindow
from tests.conftest import CORPUS_INBOX
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 29)
RECEIVED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
HANDLER = "li.handler"
D = TypeVar("D", bound=QDialog)


def handler_window(qtbot: QtBot, database: Database, rule_book: RuleBook) -> MainWindow:
    """The main window over ``database`` on ``TODAY``, acting as ``HANDLER``."""
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.user.switch(HANDLER)
    return window


def window_with_mail(qtbot: QtBot, database: Database, mail: str) -> tuple[MainWindow, str]:
    """``handler_window`` after importing the corpus message ``mail`` (its summary box
    closed), showing the one case it made; returns the window and the case's reference."""
    window = handler_window(qtbot, database, load_rule_book())
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / mail])
    row = window.case_list.model.row_at(0)
    assert row is not None
    take_messages()  # the import's summary
    window.show_case(row.reference)
    return window, row.reference


def add_cases(
    database: Database, rule_book: RuleBook, cases: Iterable[tuple[CaseKind, CaseStatus]]
) -> list[str]:
    """A CN case received at ``RECEIVED`` for each (kind, status) of ``cases``, timed as of
    ``TODAY`` and numbered PD-2026-000001 on; returns their references in that order."""
    with database.session() as session:
        return [
            timed_case(
                session,
                rule_book,
                kind=kind,
                received=RECEIVED,
                today=TODAY,
                status=status,
                reference=f"PD-2026-{number:06d}",
            ).reference
            for number, (kind, status) in enumerate(cases, start=1)
        ]


def gate_state(window: MainWindow, method: str) -> tuple[bool, str, str]:
    """(enabled, tool tip when disabled or '', status tip) of the action of the Case menu's
    gated ``method``; an empty tool tip reads as the action's text in Qt, so the tip of an
    enabled action is not read."""
    action = window.case_menu.gated[method]
    tip = action.toolTip() if not action.isEnabled() else ""
    return action.isEnabled(), tip, action.statusTip()


def take_messages() -> list[str]:
    """The texts of the message boxes shown, all message boxes closed."""
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    texts = [box.text() for box in boxes if box.isVisible()]
    for box in boxes:
        box.close()
    return texts


def answer_modal(kind: type[D], answer: Callable[[D], None]) -> list[D]:
    """Have ``answer`` fill in and close the modal dialog (a ``kind``) that the next action
    opens, which would otherwise block the test; returns the list the dialog is put in once
    answered, empty while none opened."""
    seen: list[D] = []

    def respond() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, respond)
    return seen
