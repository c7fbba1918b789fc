"""The Case menu: workflow, letter and clock actions on the selected case.

The workflow and clock actions are enabled while a case is selected (``case_actions``), and
those that cannot succeed on the case shown are disabled with the reason as their tip
(``GATES``: Review… with no review pending, Answer… on a case not in progress, Restart the
clock when it runs, Extend the deadline… when the rule has no extension left). The letters
follow the case shown, offering what fits it (``app.ui.letter_menu``).
"""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.reports.case_letter_keys import CASE_TEMPLATES
from app.services.workflow.availability import CaseActionState
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

# Actions that can succeed only in some states of the case: (test, why not, in the UI language).
GATES: dict[str, tuple[Callable[[CaseActionState], bool], object]] = {
    "ask_decision": (
        lambda state: state.review_pending,
        QT_TRANSLATE_NOOP("CaseMenu", "No review is waiting on this case."),
    ),
    "ask_response": (
        lambda state: state.answerable,
        QT_TRANSLATE_NOOP(
            "CaseMenu", "Only a case in progress can be answered (not one in review or answered)."
        ),
    ),
    "ask_resume": (
        lambda state: state.paused,
        QT_TRANSLATE_NOOP("CaseMenu", "The clock is running: there is no pause to end."),
    ),
    "ask_extension": (
        lambda state: state.extendable,
        QT_TRANSLATE_NOOP(
            "CaseMenu",
            "No extension can be taken: the rule has none, it was taken, or its notice date "
            "has passed.",
        ),
    ),
}


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
        self.gated: dict[str, QAction] = {}
        self._workflow: WorkflowController | None = None

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
        """Offer the letters that fit the case ``reference`` now shown ('' for none), and
        disable the workflow and clock actions that cannot succeed on it (``GATES``)."""
        if self.letters is not None:
            self.letters.show_case(reference)
        state = self._workflow.action_state(reference) if reference and self._workflow else None
        for method, action in self.gated.items():
            test, why = GATES[method]
            allowed = state is None or test(state)
            action.setEnabled(bool(reference) and allowed)
            tip = "" if allowed else _tr(why)
            action.setToolTip(tip)
            action.setStatusTip(tip)

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
        self._workflow = workflow
        self._fill(
            menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "&Workflow"))), WORKFLOW, workflow
        )
        letter_menu = menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "&Letters")))
        self.letters = LetterMenu(
            letter_menu, CASE_TEMPLATES, letters, self._case_action, self._selected
        )
        self.letters.show_case(self._selected())
        self._fill(menu.addMenu(_tr(QT_TRANSLATE_NOOP("CaseMenu", "C&lock"))), CLOCK, clock)
        self.show_case(self._selected())

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
            action = self.action(_tr(label), shortcut, _act(controller, method))
            if method in GATES:
                self.gated[method] = action
            menu.addAction(action)
        menu.setToolTipsVisible(True)


def _act(controller: object, method: str) -> CaseAct:
    extra = WORKFLOW_EXTRAS.get(method)
    if extra is not None and isinstance(controller, WorkflowController):
        return lambda reference: extra(controller, reference)
    act: CaseAct = getattr(controller, method)
    return act
