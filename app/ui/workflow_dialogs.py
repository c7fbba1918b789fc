"""Dialogs for the workflow actions on a case; each returns plain values for the controller."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from app.models.enums import CaseKind, CaseOutcome, PauseReason, ReviewSubject, VerificationMethod
from app.ui.form_dialog import FormDialog, date_edit
from app.ui.labels import kind_label, pause_reason_label
from app.ui.labels_workflow import ground_label, method_label, outcome_label, review_label


class TriageDialog(FormDialog):
    """Confirm or correct the proposed kind and jurisdiction, and assign a handler."""

    def __init__(
        self,
        kind: CaseKind,
        jurisdiction: str,
        jurisdictions: list[str],
        assignee: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            self.tr("Triage"),
            self.tr(
                "Confirm what the requester asks for and which law applies; the deadline is "
                "recomputed from the rule of that law."
            ),
            parent,
        )
        self.kind = self.combo([(kind_label(k), k) for k in CaseKind], kind)
        self.jurisdiction = self.combo([(j, j) for j in jurisdictions], jurisdiction)
        self.assignee = QLineEdit(assignee)
        self.form.addRow(self.tr("Kind of request"), self.kind)
        self.form.addRow(self.tr("Jurisdiction"), self.jurisdiction)
        self.form.addRow(self.tr("Handler"), self.assignee)


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
        self.reason = self.combo([(pause_reason_label(r), r) for r in reasons])
        self.summary = QPlainTextEdit()
        self.form.addRow(self.tr("Waiting for"), self.reason)
        self.form.addRow(self.tr("What was asked"), self.summary)


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
        self.method = self.combo([(method_label(m), m) for m in VerificationMethod])
        self.verified = QCheckBox(self.tr("Identity verified"))
        self.verified.setChecked(True)
        self.evidence = QLineEdit()
        self.note = QLineEdit()
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow("", self.verified)
        self.form.addRow(self.tr("Evidence reference"), self.evidence)
        self.form.addRow(self.tr("Note"), self.note)


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
        self.list = QListWidget()
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


class ReviewRequestDialog(FormDialog):
    """Ask a second person to sign off a deletion, a refusal or a letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Ask for review"),
            self.tr("A second person, not the handler, signs off deletions, refusals and letters."),
            parent,
        )
        subjects = [
            (review_label(ReviewSubject.DELETION), ReviewSubject.DELETION),
            (review_label(ReviewSubject.REFUSAL), ReviewSubject.REFUSAL),
        ]
        self.subject = self.combo(subjects)
        self.form.addRow(self.tr("Sign off"), self.subject)


class ReviewDecisionDialog(FormDialog):
    """The reviewer approves or rejects (a rejection says why)."""

    def __init__(self, pending: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Review"),
            self.tr("Approve, or reject with the reason the handler will read."),
            parent,
        )
        self.review = self.combo([(text, review_id) for review_id, text in pending])
        self.approve = QCheckBox(self.tr("Approve"))
        self.approve.setChecked(True)
        self.comment = QPlainTextEdit()
        self.form.addRow(self.tr("Review"), self.review)
        self.form.addRow("", self.approve)
        self.form.addRow(self.tr("Comment"), self.comment)


class RespondDialog(FormDialog):
    """Record the answer: outcome and, for a refusal, the grounds from the jurisdiction's list."""

    def __init__(self, grounds: list[str], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Answer the request"),
            self.tr(
                "A refusal or partial refusal needs at least one ground from the list of the "
                "case's jurisdiction, and a second person's sign-off."
            ),
            parent,
        )
        outcomes = [CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED, CaseOutcome.REFUSED]
        self.outcome = self.combo([(outcome_label(o), o) for o in outcomes])
        self.grounds = QListWidget()
        for code in grounds:
            item = QListWidgetItem(ground_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.grounds.addItem(item)
        self.explanation = QPlainTextEdit()
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Refusal grounds"), self.grounds)
        self.form.addRow(self.tr("What they mean here"), self.explanation)

    def chosen_grounds(self) -> list[tuple[str, str]]:
        """Return (code, explanation) for each ticked ground."""
        text = self.explanation.toPlainText().strip()
        return [
            (str(self.grounds.item(i).data(Qt.ItemDataRole.UserRole)), text)
            for i in range(self.grounds.count())
            if self.grounds.item(i).checkState() == Qt.CheckState.Checked
        ]


class CloseDialog(FormDialog):
    """Close the case: after its answer, or early with an outcome that needs no answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Close the case"),
            self.tr(
                "A case that was answered closes as it is. An open case closes only as not a "
                "request, duplicate, withdrawn, unverifiable or redirected to self-service."
            ),
            parent,
        )
        outcomes = [(self.tr("As answered"), None)] + [
            (outcome_label(o), o)
            for o in (
                CaseOutcome.NOT_A_REQUEST,
                CaseOutcome.DUPLICATE,
                CaseOutcome.WITHDRAWN,
                CaseOutcome.UNVERIFIABLE,
                CaseOutcome.REDIRECTED_TO_SELF_SERVICE,
            )
        ]
        self.outcome = self.combo(outcomes)
        self.form.addRow(self.tr("Outcome"), self.outcome)
