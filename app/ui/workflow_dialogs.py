"""Dialogs for the workflow actions on a case; each returns plain values for the controller."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.models.enums import CaseKind, CaseOutcome, PauseReason, VerificationMethod
from app.ui.enum_choice import chosen_member, enum_combo, optional_member
from app.ui.form_dialog import FormDialog, date_edit
from app.ui.grounds_picker import GroundsPicker
from app.ui.handler_choice import HandlerChoice
from app.ui.labels import kind_label, pause_reason_label
from app.ui.labels_workflow import method_label, outcome_label
from app.ui.wrapping_list import WrappingList


class TriageDialog(FormDialog):
    """Confirm or correct the proposed kind and jurisdiction, and assign a handler: one of
    ``members`` (the active staff), or any user name while the staff list is empty
    (``open_list``). OK keeps the dialog open while the handler is no member (the hint below
    the field says why); the case's handler unchanged passes."""

    def __init__(
        self,
        kind: CaseKind,
        jurisdiction: str,
        jurisdictions: list[str],
        assignee: str,
        parent: QWidget | None = None,
        *,
        members: Sequence[tuple[str, str]] = (),
        open_list: bool = True,
    ) -> None:
        super().__init__(
            self.tr("Triage"),
            self.tr(
                "Confirm what the requester asks for and which law applies; the deadline is "
                "recomputed from the rule of that law."
            ),
            parent,
        )
        self.kind = enum_combo([(kind_label(k), k) for k in CaseKind], kind)
        self.jurisdiction = self.combo([(j, j) for j in jurisdictions], jurisdiction)
        self.assignee = HandlerChoice(members, assignee, open_list=open_list)
        self.form.addRow(self.tr("Kind of request"), self.kind)
        self.form.addRow(self.tr("Jurisdiction"), self.jurisdiction)
        self.form.addRow(self.tr("Handler"), self.assignee)

    def chosen_kind(self) -> CaseKind:
        """Return the kind of request confirmed."""
        return chosen_member(self.kind, CaseKind)

    def accept(self) -> None:
        """Close with OK unless the handler is no active staff member (then the field keeps
        the focus and its hint says why)."""
        if not self.assignee.acceptable():
            self.assignee.box.setFocus()
            return
        super().accept()


class AskRequesterDialog(FormDialog):
    """Ask for identity proof or clarification; the case waits for the requester."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Ask the requester"),
            self.tr(
                "The case waits for the requester and its clock stops where the rule allows. "
                "Summarise what you asked for (the letter itself is produced separately)."
            ),
            parent,
        )
        reasons = [PauseReason.IDENTITY_VERIFICATION, PauseReason.CLARIFICATION]
        self.reason = enum_combo([(pause_reason_label(r), r) for r in reasons])
        self.summary = QPlainTextEdit()
        self.form.addRow(self.tr("Waiting for"), self.reason)
        self.form.addRow(self.tr("What was asked"), self.summary)

    def chosen_reason(self) -> PauseReason:
        """Return what the case waits for."""
        return chosen_member(self.reason, PauseReason)


class ReplyDialog(FormDialog):
    """Log the requester's reply; the clock restarts the day after it arrived."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Log the reply"),
            self.tr("The clock restarts the day after the reply arrived."),
            parent,
        )
        self.received = date_edit(today)
        self.channel = self.combo(
            [
                (self.tr("E-mail"), "email"),
                (self.tr("Letter"), "letter"),
                (self.tr("Phone"), "phone"),
                (self.tr("Web form"), "web_form"),
            ]
        )
        self.summary = QPlainTextEdit()
        self.form.addRow(self.tr("Arrived on"), self.received)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Summary"), self.summary)


class VerificationDialog(FormDialog):
    """Record an identity check (only a hash of the evidence is kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Identity check"),
            self.tr(
                "Record how the requester's identity was checked. The evidence itself is not "
                "stored: paste a reference (e.g. the login session or ticket) and only its SHA-256 "
                "is kept."
            ),
            parent,
        )
        self.method = enum_combo([(method_label(m), m) for m in VerificationMethod])
        self.verified = QCheckBox(self.tr("Identity verified"))
        self.verified.setChecked(True)
        self.evidence = QLineEdit()
        self.note = QLineEdit()
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow("", self.verified)
        self.form.addRow(self.tr("Evidence reference"), self.evidence)
        self.form.addRow(self.tr("Note"), self.note)

    def chosen_method(self) -> VerificationMethod:
        """Return how the identity was checked."""
        return chosen_member(self.method, VerificationMethod)


class CategoriesDialog(FormDialog):
    """Tick the data categories whose planned action has been carried out."""

    def __init__(self, lines: list[tuple[str, str, bool]], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Data categories"),
            self.tr(
                "Tick each category once its deletion, anonymisation or legal hold is in place. "
                "A deletion cannot be answered while any category is unsettled."
            ),
            parent,
        )
        self.list = WrappingList()
        for key, text, done in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            if done:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.list.addItem(item)
        self.form.addRow(self.list)

    def newly_done(self) -> list[str]:
        """Return the keys ticked now (not those done before)."""
        keys = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
            if checkable and item.checkState() == Qt.CheckState.Checked:
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return keys


class RespondDialog(FormDialog):
    """Record the answer: outcome and, for a refusal, the grounds from the jurisdiction's list
    (those signed off with the refusal ticked already).

    Args:
        grounds: the ground codes of the case's jurisdiction.
        recorded: the (code, explanation) pairs recorded with the refusal's sign-off.
    """

    def __init__(
        self,
        grounds: Sequence[str],
        parent: QWidget | None = None,
        recorded: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(
            self.tr("Answer the request"),
            self.tr(
                "A refusal or partial refusal needs at least one ground from the list of the "
                "case's jurisdiction, and a second person's sign-off."
            ),
            parent,
        )
        outcomes = [CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED, CaseOutcome.REFUSED]
        self.outcome = enum_combo([(outcome_label(o), o) for o in outcomes])
        self.picker = GroundsPicker(grounds, recorded)
        self.grounds = self.picker.list
        self.explanation = self.picker.explanation
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Refusal grounds"), self.grounds)
        self.form.addRow(self.tr("What they mean here"), self.explanation)

    def chosen_outcome(self) -> CaseOutcome:
        """Return the outcome of the answer."""
        return chosen_member(self.outcome, CaseOutcome)

    def chosen_grounds(self) -> list[tuple[str, str]]:
        """Return (code, explanation) for each ticked ground."""
        return self.picker.chosen()


class CloseDialog(FormDialog):
    """Close the case: after its answer, or early with an outcome that needs no answer.

    Args:
        answered: whether the case was answered; an open case is offered only the outcomes
            that need no answer (closing it "as answered" is refused, ``lifecycle.close``).
    """

    def __init__(self, parent: QWidget | None = None, *, answered: bool = True) -> None:
        super().__init__(
            self.tr("Close the case"),
            self.tr(
                "A case that was answered closes as it is. An open case closes only as not a "
                "request, duplicate, withdrawn, unverifiable or redirected to self-service."
            ),
            parent,
        )
        as_answered: list[tuple[str, CaseOutcome | None]] = [(self.tr("As answered"), None)]
        outcomes = (as_answered if answered else []) + [
            (outcome_label(o), o)
            for o in (
                CaseOutcome.NOT_A_REQUEST,
                CaseOutcome.DUPLICATE,
                CaseOutcome.WITHDRAWN,
                CaseOutcome.UNVERIFIABLE,
                CaseOutcome.REDIRECTED_TO_SELF_SERVICE,
            )
        ]
        self.outcome = enum_combo(outcomes)
        self.form.addRow(self.tr("Outcome"), self.outcome)

    def chosen_outcome(self) -> CaseOutcome | None:
        """Return the outcome to close with (``None``: as answered)."""
        return optional_member(self.outcome, CaseOutcome)
