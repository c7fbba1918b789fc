"""The Case menu: workflow, letter and clock actions on the selected case."""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.reports.case_letter_keys import CASE_TEMPLATES
from app.ui.clock_controller import ClockController
from app.ui.labels import letter_template_label
from app.ui.letter_controller import LetterController
from app.ui.workflow_controller import WorkflowController

CaseAct = Callable[[str], object]
# (label, shortcut, controller method); None is a separator.
WORKFLOW = (
    (QT_TRANSLATE_NOOP("CaseMenu", "&Triage…"), "Ctrl+T", "ask_triage"),
    (QT_TRANSLATE_NOOP("CaseMenu", "&Ask the requester…"), "Ctrl+Shift+A", "ask_requester"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Log the &reply…"), "Ctrl+Shift+R", "ask_reply"),
    (QT_TRANSLATE_NOOP("CaseMenu", "&Identity check…"), "Ctrl+Shift+V", "ask_verification"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "&Plan deletion over the inventory"), None, "plan_deletion"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Data &categories…"), "Ctrl+Shift+C", "ask_categories"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "Ask for revie&w…"), None, "ask_review"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Re&view…"), None, "ask_decision"),
    (QT_TRANSLATE_NOOP("CaseMenu", "A&nswer…"), "Ctrl+Shift+N", "ask_response"),
    (QT_TRANSLATE_NOOP("CaseMenu", "C&lose…"), None, "ask_close"),
)
CLOCK = (
    (QT_TRANSLATE_NOOP("CaseMenu", "&Stop the clock…"), "Ctrl+P", "ask_pause"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Res&tart the clock…"), "Ctrl+Shift+P", "ask_resume"),
    (QT_TRANSLATE_NOOP("CaseMenu", "E&xtend the deadline…"), "Ctrl+E", "ask_extension"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "&Confirm receipt date…"), None, "ask_receipt"),
)
LANGUAGES = (
    ("zh", QT_TRANSLATE_NOOP("CaseMenu", "Chinese…")),
    ("en", QT_TRANSLATE_NOOP("CaseMenu", "English…")),
    ("zh+en", QT_TRANSLATE_NOOP("CaseMenu", "Bilingual…")),
)
LETTER_SHORTCUTS = {("acknowledgement", "zh"): "Ctrl+L", ("acknowledgement", "en"): "Ctrl+Shift+L"}


def _tr(text: object) -> str:
    return QCoreApplication.translate("CaseMenu", str(text))


class CaseMenu:
    """Builds the Case menu; ``case_actions`` are enabled only while a case is selected.

    Args:
        window: the main window (actions are parented to it, so shortcuts work anywhere).
        selected: returns the selected case's reference ('' when none).
    """

    def __init__(self, window: QMainWindow, selected: Callable[[], str]) -> None:
        self._window = window
        self._selected = selected
        self.case_actions: list[QAction] = []

    def action(self, text: str, shortcut: str | None, act: CaseAct) -> QAction:
        """Return an action that runs ``act`` on the selected case."""
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda: self._run(act))
        self.case_actions.append(action)
        return action

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
        for template in CASE_TEMPLATES:
            sub = letter_menu.addMenu(letter_template_label(template))
            for language, label in LANGUAGES:
                sub.addAction(
                    self.action(
                        _tr(label),
                        LETTER_SHORTCUTS.get((template, language)),
                        _letter(letters, template, language),
                    )
                )
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
            menu.addAction(self.action(_tr(label), shortcut, getattr(controller, method)))


def _letter(letters: LetterController, template: str, language: str) -> CaseAct:
    return lambda reference: letters.ask(reference, template, language)
