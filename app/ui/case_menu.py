"""The Case menu: workflow, letter and clock actions on the selected case.

The workflow and clock actions are enabled while a case is selected (``case_actions``), and those
that cannot succeed on the case shown are disabled with the reason as their tip (``GATES``: Review…
with no review pending, Answer… on a case not in progress; Stop, Restart and Extend by the clock
service's table, ``app.services.clock_gates``: not on a case answered or closed, not a request or
without a statutory deadline, Restart only while the clock is stopped, Extend only where the rule
has an extension left; the receipt action too, not on a case answered or closed). Correct the
extension reason… is offered on every case and refuses up front, with the service's reason, one not
extended, answered or closed, or whose extension notice was sent
(``app.services.extension_reason``). Triage…, Ask the requester…, Log the reply…, Identity check…,
the two plans over the inventory and Data categories… follow the workflow services' table,
``app.services.workflow.gates``: none on a case answered or closed (its triage, clock and record of
what was done are the record of its answer), Triage… only before work starts, Ask the requester…
not while a sign-off is pending or a question is open, Plan deletion over the inventory only for a
deletion or account cancellation and Plan the copy over the inventory only for an access or copy
request, Log the reply… only while the case waits for one, Ask for review… only on work in
progress, Close… neither while a sign-off is pending nor on a closed case (in retention only after
the purge; a deletion answered as carried out only with its data categories settled, one refused at
once). Their tip is the sentence the service raises (``app.services.refusals``), in the UI language
(``error_text``). The receipt action is named by what is known: Confirm receipt date… where the
receipt is in doubt, Correct receipt date… otherwise. Set the due date by hand… and Hand the due
date back to its rule follow ``app.services.due_date_by_hand`` (neither on a case answered or
closed; the hand-back only while a date is set by hand or taken from a regulator's letter), with
the sentence that service raises. The letters follow the case shown, offering what fits it
(``app.ui.letter_menu``).
"""

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.reports.case_letter_keys import CASE_TEMPLATES
from app.services.clock_gates import ClockAction
from app.services.due_date_by_hand import DUE_DATE_REFUSALS, DueDateAction, DueDateRefusal
from app.services.workflow.availability import CaseActionState
from app.services.workflow.gates import WorkflowAction
from app.ui.clock_controller import ClockController
from app.ui.extension_reason_dialog import ask_extension_reason
from app.ui.letter_controller import LetterController
from app.ui.letter_menu import LetterMenu
from app.ui.messages import error_text
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
    (QT_TRANSLATE_NOOP("CaseMenu", "Plan the cop&y over the inventory"), None, "plan_export"),
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
# Clock actions kept in their own modules, run with the clock controller: correcting the
# extension's reason is refused up front, with the service's reason, where it cannot be done.
CLOCK_EXTRAS: dict[str, Callable[[ClockController, str], object]] = {
    "ask_extension_reason": ask_extension_reason,
}
# Case › Clock's receipt action, named by what is known of the receipt: confirm one in doubt
# (no usable Date:, a Date: without zone, one in the future or long past), correct a sound one
# (e.g. a letter that came by post before it was scanned). (label, tip).
RECEIPT_IN_DOUBT = (
    QT_TRANSLATE_NOOP("CaseMenu", "&Confirm receipt date…"),
    QT_TRANSLATE_NOOP(
        "CaseMenu", "The receipt time is uncertain: confirm when the request reached you."
    ),
)
RECEIPT_SOUND = (
    QT_TRANSLATE_NOOP("CaseMenu", "C&orrect receipt date…"),
    QT_TRANSLATE_NOOP(
        "CaseMenu",
        "Correct the recorded receipt time only if the request reached you at another time "
        "(e.g. a letter scanned after it arrived).",
    ),
)
CLOCK = (
    (QT_TRANSLATE_NOOP("CaseMenu", "&Stop the clock…"), "Ctrl+P", "ask_pause"),
    (QT_TRANSLATE_NOOP("CaseMenu", "Res&tart the clock…"), "Ctrl+Shift+P", "ask_resume"),
    (QT_TRANSLATE_NOOP("CaseMenu", "E&xtend the deadline…"), "Ctrl+E", "ask_extension"),
    (
        QT_TRANSLATE_NOOP("CaseMenu", "Correct the extension re&ason…"),
        None,
        "ask_extension_reason",
    ),
    None,
    (RECEIPT_IN_DOUBT[0], None, "ask_receipt"),
    None,
    (QT_TRANSLATE_NOOP("CaseMenu", "Set the &due date by hand…"), None, "ask_set_due"),
    (QT_TRANSLATE_NOOP("CaseMenu", "&Hand the due date back to its rule"), None, "ask_release_due"),
)

# The due-date actions, by menu method: disabled with the sentence their service raises
# (``app.services.due_date_by_hand.DUE_DATE_REFUSALS``).
DUE_DATE_GATES = {"ask_set_due": DueDateAction.SET, "ask_release_due": DueDateAction.RELEASE}
NO_REVIEW = QT_TRANSLATE_NOOP("CaseMenu", "No review is waiting on this case.")
NOT_ANSWERABLE = QT_TRANSLATE_NOOP(
    "CaseMenu", "Only a case in progress can be answered (not one in review or answered)."
)


def _clock_gate(action: ClockAction) -> Callable[[CaseActionState], str | None]:
    return lambda state: _service_reason(state.clock_reasons.get(action))


def _workflow_gate(action: WorkflowAction) -> Callable[[CaseActionState], str | None]:
    return lambda state: _service_reason(state.workflow_reasons.get(action))


def _service_reason(reason: str | None) -> str | None:
    """The sentence the service raises (``app.services.refusals``), in the UI language."""
    return None if reason is None else error_text(reason)


# Actions that can succeed only in some states of the case: why not (in the UI language), or
# None when the action can succeed. The clock and workflow services word their refusals; the
# menu shows the very sentence they raise.
GATES: dict[str, Callable[[CaseActionState], str | None]] = {
    "ask_decision": lambda state: None if state.review_pending else _tr(NO_REVIEW),
    "ask_response": lambda state: None if state.answerable else _tr(NOT_ANSWERABLE),
    "ask_pause": _clock_gate(ClockAction.PAUSE),
    "ask_resume": _clock_gate(ClockAction.RESUME),
    "ask_extension": _clock_gate(ClockAction.EXTEND),
    "ask_receipt": _clock_gate(ClockAction.RECEIPT),
    "ask_triage": _workflow_gate(WorkflowAction.TRIAGE),
    "ask_requester": _workflow_gate(WorkflowAction.ASK_REQUESTER),
    "ask_reply": _workflow_gate(WorkflowAction.LOG_REPLY),
    "ask_verification": _workflow_gate(WorkflowAction.VERIFY_IDENTITY),
    "plan_deletion": _workflow_gate(WorkflowAction.PLAN_DELETION),
    "plan_export": _workflow_gate(WorkflowAction.PLAN_COPY),
    "ask_categories": _workflow_gate(WorkflowAction.COMPLETE_CATEGORY),
    "ask_review": _workflow_gate(WorkflowAction.REQUEST_REVIEW),
    "ask_close": _workflow_gate(WorkflowAction.CLOSE),
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
        self.receipt: QAction | None = None
        self._clock: ClockController | None = None

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
        gate_state = self._clock.gate_state(reference) if reference and self._clock else None
        state = gate_state[0] if gate_state else None
        for method, action in self.gated.items():
            why = _why_not(method, gate_state)
            action.setEnabled(bool(reference) and why is None)
            _set_tip(action, why or "")
        if self.receipt is not None:
            label, tip = RECEIPT_SOUND if state and not state.receipt_doubts else RECEIPT_IN_DOUBT
            self.receipt.setText(_tr(label))
            if self.receipt.isEnabled():
                _set_tip(self.receipt, _tr(tip) if state else "")

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
        self._clock = clock
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
            if method in GATES or method in DUE_DATE_GATES:
                self.gated[method] = action
            if method == "ask_receipt":
                self.receipt = action
            menu.addAction(action)
        menu.setToolTipsVisible(True)


def _why_not(
    method: str,
    gate_state: tuple[CaseActionState, dict[DueDateAction, DueDateRefusal | None]] | None,
) -> str | None:
    """Why the gated action ``method`` cannot succeed, in the UI language (``None``: it can,
    or nothing is known)."""
    if gate_state is None:
        return None
    state, due_date_refusals = gate_state
    due_date_action = DUE_DATE_GATES.get(method)
    if due_date_action is None:
        return GATES[method](state)
    refusal = due_date_refusals.get(due_date_action)
    # The due-date sentences carry no case data (no placeholders): the table's words as such.
    return None if refusal is None else _service_reason(DUE_DATE_REFUSALS[refusal].message)


def _set_tip(action: QAction, tip: str) -> None:
    """Show ``tip`` as the action's tooltip and status tip; with none, the tooltip is its
    text as read: Qt's own drops the "&" but keeps a Chinese label's "(&L)" as "(L)"."""
    action.setToolTip(tip or _MNEMONIC.sub("", action.text()).rstrip("…"))
    action.setStatusTip(tip)


# A mnemonic as translations write it after a label ("结案(&L)"), or a bare "&" before a letter.
_MNEMONIC = re.compile(r"\s*\(&[^)]\)|&(?=[^&])")


def _act(controller: object, method: str) -> CaseAct:
    extra = WORKFLOW_EXTRAS.get(method)
    if extra is not None and isinstance(controller, WorkflowController):
        return lambda reference: extra(controller, reference)
    clock_extra = CLOCK_EXTRAS.get(method)
    if clock_extra is not None and isinstance(controller, ClockController):
        return lambda reference: clock_extra(controller, reference)
    act: CaseAct = getattr(controller, method)
    return act
