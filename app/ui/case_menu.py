"""The Case menu: workflow, letter and clock actions on the selected case.

The workflow and clock actions are enabled while a case is selected (``case_actions``); the
letters follow the case shown, offering what fits it (``app.ui.letter_menu``).
"""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.reports.case_letter_keys import CASE_TEMPLATES
from app.ui.clock_controller import ClockController
from app.ui.letter_controller import LetterController
from app.ui.letter_menu import LetterMenu
from app.ui.requester_dialog import ask_requester_details
from app.ui.workflow_controller import WorkflowController

CaseAct = Callable[[str], object]
# (label, shortcut, controller method or one of ``WORKFLOW_EXTRAS``); None is a separator.
WORKFLOW = (
    (QT_TRANSLATE_NOOP("CaseMenu", "&Triage…"), "Ctrl+T", "ask_triage"),
    (QT_TRANSLATE_NOOP("CaseMenu", "&Ask the requester…"), "Ctrl+Shift+A", "ask_requester"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Log the &reply…"), "Ctrl+Shift+R", "ask_reply"),
    (QT_TRANSLATE_NOOP("CaseMenu", "&Identity check…"), "Ctrl+Shift+V", "ask_verification"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Re&quester details…"), None, "ask_requester_details"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "&Plan deletion over the inventory"), None, "plan_deletion"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Data &categories…"), "Ctrl+Shift+C", "ask_categories"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "Ask for revie&w…"), None, "ask_review"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Re&view…"), None, "ask_decision"),
    (QT_TRANSLATE_NOOP("CaseMenu", "A&nswer…"), "Ctrl+Shift+N", "ask_response"),
    (QT_TRANSLATE_NOOP("CaseMenu", "C&lose…"), None, "ask_close"),
)
# Workflow actions kept in their own modules, run with the workflow controller.
WORKFLOW_EXTRAS: dict[str, Callable[[WorkflowController, str], object]] = {
    "ask_requester_details": ask_requester_details,
}
CLOCK = (
    (QT_TRANSLATE_NOOP("CaseMenu", "&Stop the clock…"), "Ctrl+P", "ask_pause"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Res&tart the clock…"), "Ctrl+Shift+P", "ask_resume"),
    (QT_TRANSLATE_NOOP("CaseMenu", "E&xtend the deadline…"), "Ctrl+E", "ask_extension"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "&Confirm receipt date…"), None, "ask_receipt"),
)


def _tr(text: object) -> str:
    return QCoreApplication.translate("CaseMenu", str(text))


class CaseMenu:
    """Builds the Case menu; ``case_actions`` are enabled only while a case is selected, the
    letters (``letters``, built by ``build``) as they fit the case shown (``show_case``).

    Args:
        window: the main window (actions are parented to it, so shortcuts work anywhere).
        selected: returns the selected case's reference ('' when none).
    """

    def __init__(self, window: QMainWindow, selected: Callable[[], str]) -> None:
        self._window = window
        self._selected = selected
        self.case_actions: list[QAction] = []
        self.letters: LetterMenu | None = None

    def action(self, text: str, shortcut: str | None, act: CaseAct) -> QAction:
        """Return an action that runs ``act`` on the selected case, enabled while one is."""
        action = self._case_action(text, shortcut, act)
        self.case_actions.append(action)
        return action

    def _case_action(self, text: str, shortcut: str | None, act: CaseAct) -> QAction:
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self._run(act))
        return action

    def show_case(self, reference: str) -> None:
        """Offer the letters that fit the case ``reference`` now shown ('' for none)."""
        if self.letters is not None:
            self.letters.show_case(reference)

    def _run(self, act: CaseAct) -> None:
        reference = self._selected()
        if reference:
            act(reference)

    def build(
        self,
        menu: QMenu,
        letters: LetterController,
        workflow: WorkflowController,
        clock: ClockController,
    ) -> None:
        """Fill ``menu`` with the workflow, letter and clock submenus."""
        self._fill(
            menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "&Workflow"))), WORKFLOW, workflow
        )
        letter_menu = menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "&Letters")))
        self.letters = LetterMenu(
            letter_menu, CASE_TEMPLATES, letters, self._case_action, self._selected
        )
        self.letters.show_case(self._selected())
        self._fill(menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "C&lock"))), CLOCK, clock)

    def _fill(
        self,
        menu: QMenu,
        items: tuple[tuple[object, str | None, str] | None, ...],
        controller: object,
    ) -> None:
        for item in items:
            if item is None:
                menu.addSeparator()
                continue
            label, shortcut, method = item
            menu.addAction(self.action(_tr(label), shortcut, _act(controller, method)))


def _act(controller: object, method: str) -> CaseAct:
    extra = WORKFLOW_EXTRAS.get(method)
    if extra is not None and isinstance(controller, WorkflowController):
        return lambda reference: extra(controller, reference)
    act: CaseAct = getattr(controller, method)
    return act
