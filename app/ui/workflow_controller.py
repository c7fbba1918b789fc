"""Case → Workflow: the lifecycle actions of a case as dialogs over the workflow services.

Each action runs in one short session; a guard that blocks it shows what is missing and nothing
is written (the service raises before it writes).
"""

from datetime import UTC, date, datetime

from PySide6.QtWidgets import QDialog
from sqlalchemy.orm import Session, object_session

from app.models import Case
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CategoryActionKind,
    PauseReason,
    ReviewDecision,
    ReviewSubject,
    VerificationMethod,
)
from app.services.clock import recompute_clock
from app.services.workflow import (
    Inventory,
    ask_requester,
    close,
    complete_action,
    current_inventory,
    decide_review,
    grounds_for,
    log_reply,
    plan_deletion,
    record_verification,
    request_review,
    respond,
    start_work,
    triage,
)
from app.ui.case_actions import CaseActionController
from app.ui.form_dialog import date_of
from app.ui.labels import ui_language
from app.ui.labels_workflow import category_action_text
from app.ui.workflow_dialogs import (
    AskRequesterDialog,
    CategoriesDialog,
    CloseDialog,
    ReplyDialog,
    RespondDialog,
    ReviewDecisionDialog,
    ReviewRequestDialog,
    TriageDialog,
    VerificationDialog,
)


class WorkflowController(CaseActionController):
    """Workflow actions for the main window (``changed`` is emitted after each one)."""

    def ask_triage(self, reference: str) -> None:
        """Confirm kind, jurisdiction and handler; the clock follows the confirmed rule."""
        kind, jurisdiction, assignee = self._read(
            reference, lambda c: (c.kind, c.jurisdiction, c.assignee or self._actor())
        )
        codes = sorted(self._rule_book.rule_sets)
        dialog = TriageDialog(kind, jurisdiction, codes, assignee, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.triage(
                reference,
                dialog.kind.currentData(),
                dialog.jurisdiction.currentData(),
                dialog.assignee.text().strip(),
            )

    def triage(self, reference: str, kind: CaseKind, jurisdiction: str, assignee: str) -> bool:
        """Mark the case triaged with the confirmed values and start work on it."""

        def change(session: Session, case: Case) -> None:
            triage(
                session,
                case,
                kind=kind,
                jurisdiction=jurisdiction,
                assignee=assignee or None,
                actor=self._actor(),
            )
            recompute_clock(
                session,
                case,
                self._rule_book,
                cause="triaged",
                today=self._today(),
                actor=self._actor(),
            )
            start_work(session, case, actor=self._actor())

        return self._apply(reference, change)

    def ask_requester(self, reference: str) -> None:
        """Ask for identity proof or clarification."""
        dialog = AskRequesterDialog(self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason = PauseReason(dialog.reason.currentData())
            summary = dialog.summary.toPlainText().strip() or reason.value
            self._apply(
                reference,
                lambda s, c: ask_requester(
                    s,
                    c,
                    self._rule_book,
                    reason,
                    summary=summary,
                    today=self._today(),
                    actor=self._actor(),
                ),
            )

    def ask_reply(self, reference: str) -> None:
        """Log the requester's reply."""
        dialog = ReplyDialog(self._today(), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(
                reference,
                lambda s, c: log_reply(
                    s,
                    c,
                    self._rule_book,
                    summary=dialog.summary.toPlainText().strip(),
                    channel=str(dialog.channel.currentData()),
                    received_date=date_of(dialog.received),
                    today=self._today(),
                    actor=self._actor(),
                ),
            )

    def ask_verification(self, reference: str) -> None:
        """Record an identity check."""
        dialog = VerificationDialog(self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        evidence = dialog.evidence.text().strip().encode() or None
        self._apply(
            reference,
            lambda s, c: record_verification(
                s,
                c,
                self._rule_book,
                method=VerificationMethod(dialog.method.currentData()),
                verified=dialog.verified.isChecked(),
                checked_at=datetime.now(UTC),
                evidence=evidence,
                note=dialog.note.text(),
                today=self._today(),
                actor=self._actor(),
            ),
        )

    def plan_deletion(self, reference: str) -> bool:
        """Plan the inventory's action for every data category (held ones until their date)."""
        return self._apply(
            reference,
            lambda s, c: plan_deletion(s, c, hold_from=self._today(), actor=self._actor()),
        )

    def ask_categories(self, reference: str) -> None:
        """Tick the categories whose action is done."""

        def lines(case: Case) -> list[tuple[str, str, bool]]:
            session = object_session(case)
            assert session is not None  # _read hands over a case of its open session
            inventory = current_inventory(session)
            return [
                (
                    a.category,
                    _category_text(inventory, a.category, a.action.value, a.hold_until),
                    a.done_at is not None,
                )
                for a in case.category_actions
            ]

        dialog = CategoriesDialog(self._read(reference, lines), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            done = dialog.newly_done()
            self._apply(
                reference,
                lambda s, c: [complete_action(s, c, key, actor=self._actor()) for key in done],
            )

    def ask_review(self, reference: str) -> None:
        """Ask a second person to sign off."""
        dialog = ReviewRequestDialog(self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            subject = ReviewSubject(dialog.subject.currentData())
            self._apply(reference, lambda s, c: request_review(s, c, subject, actor=self._actor()))

    def ask_decision(self, reference: str) -> None:
        """Decide a pending review as the current user."""
        pending = self._read(
            reference,
            lambda c: [
                (r.id, f"{r.subject.value} — {r.requested_by}")
                for r in c.reviews
                if r.decision == ReviewDecision.PENDING
            ],
        )
        dialog = ReviewDecisionDialog(pending, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        review_id = dialog.review.currentData()

        def change(session: Session, case: Case) -> None:
            review = next(r for r in case.reviews if r.id == review_id)
            decide_review(
                session,
                case,
                review,
                reviewer=self._actor(),
                approve=dialog.approve.isChecked(),
                comment=dialog.comment.toPlainText(),
            )

        self._apply(reference, change)

    def ask_response(self, reference: str) -> None:
        """Record the answer and its grounds."""
        jurisdiction = self._read(reference, lambda c: c.jurisdiction)
        dialog = RespondDialog(sorted(grounds_for(jurisdiction)), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            outcome = CaseOutcome(dialog.outcome.currentData())
            grounds = dialog.chosen_grounds()
            self._apply(
                reference,
                lambda s, c: respond(
                    s, c, outcome, grounds=grounds, today=self._today(), actor=self._actor()
                ),
            )

    def ask_close(self, reference: str) -> None:
        """Close the case."""
        dialog = CloseDialog(self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            outcome = dialog.outcome.currentData()
            self._apply(reference, lambda s, c: close(s, c, outcome=outcome, actor=self._actor()))


def _category_text(inventory: Inventory, key: str, action: str, hold_until: date | None) -> str:
    category = inventory.categories.get(key)
    name = (category.name_zh if ui_language() == "zh" else category.name_en) if category else key
    return category_action_text(name, CategoryActionKind(action), hold_until)
