"""Case → Workflow: the lifecycle actions of a case as dialogs over the workflow services.

Each action runs in one short session; a guard that blocks it shows what is missing and nothing
is written (the service raises before it writes).
"""

from datetime import UTC, datetime

from PySide6.QtWidgets import QDialog
from sqlalchemy.orm import Session, object_session

from app.errors import PrivacyDeskError, WorkflowError
from app.models import Case
from app.models.enums import (
    CaseKind,
    ReviewDecision,
)
from app.reports.letter_text import check_letter_text
from app.services.staff_handlers import HandlerChoices, handler_choices
from app.services.workflow import (
    ask_requester,
    close,
    complete_action,
    current_inventory,
    decide_review,
    log_reply,
    plan_deletion,
    record_verification,
    request_review,
    respond,
    start_work,
    triage,
)
from app.services.workflow.categories import plan_export
from app.services.workflow.gates import ANSWERED_STATUSES, WorkflowAction, refuse_workflow_step
from app.ui.case_actions import CaseActionController
from app.ui.form_dialog import date_of
from app.ui.messages import show_error, show_message
from app.ui.review_dialogs import ReviewDecisionDialog, ReviewRequestDialog
from app.ui.workflow_case_lines import category_text, grounds_of, pending_reviews
from app.ui.workflow_dialogs import (
    AskRequesterDialog,
    CategoriesDialog,
    CloseDialog,
    ReplyDialog,
    RespondDialog,
    TriageDialog,
    VerificationDialog,
)


class WorkflowController(CaseActionController):
    """Workflow actions for the main window (``changed`` is emitted after each one). A step
    the case's status refuses (``app.services.workflow.gates``) is refused before its dialog
    opens, with the service's reason (the menu disables it; a stale shortcut still runs)."""

    def _refused(self, reference: str, action: WorkflowAction) -> bool:
        """Return whether the workflow services would refuse ``action`` on ``reference`` (or
        the case cannot be read), after showing why."""
        try:
            self._read(reference, lambda case: refuse_workflow_step(action, case))
        except PrivacyDeskError as error:
            show_error(self._window, self.tr("Case not changed"), str(error), known=True)
            return True
        return False

    def ask_triage(self, reference: str) -> None:
        """Confirm kind, jurisdiction and handler; the clock follows the confirmed rule."""
        if self._refused(reference, WorkflowAction.TRIAGE):
            return

        def values(case: Case) -> tuple[CaseKind, str, str, HandlerChoices]:
            session = object_session(case)
            assert session is not None  # _read hands over a case of its open session
            handler = case.assignee or self._actor()
            return case.kind, case.jurisdiction, handler, handler_choices(session)

        kind, jurisdiction, assignee, staff = self._read(reference, values)
        codes = sorted(self._rule_book.rule_sets)
        dialog = TriageDialog(
            kind,
            jurisdiction,
            codes,
            assignee,
            self._window,
            members=staff.members,
            open_list=staff.open_list,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.triage(
                reference,
                dialog.chosen_kind(),
                str(dialog.jurisdiction.currentData()),
                dialog.assignee.text().strip(),
            )

    def triage(self, reference: str, kind: CaseKind, jurisdiction: str, assignee: str) -> bool:
        """Mark the case triaged with the confirmed values and start work on it."""

        # Intake (its stated-limit reader) loads with the first triage, not with the window's
        # tools before the dashboard (issue 6: memory).
        from app.services.regulator_deadline import retime_after_triage

        def change(session: Session, case: Case) -> None:
            triage(
                session,
                case,
                kind=kind,
                jurisdiction=jurisdiction,
                assignee=assignee or None,
                actor=self._actor(),
            )
            retime_after_triage(
                session, case, self._rule_book, today=self._today(), actor=self._actor()
            )
            start_work(session, case, actor=self._actor())

        return self._apply(reference, change)

    def ask_requester(self, reference: str) -> None:
        """Ask for identity proof or clarification."""
        if self._refused(reference, WorkflowAction.ASK_REQUESTER):
            return
        dialog = AskRequesterDialog(self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason = dialog.chosen_reason()
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
        if self._refused(reference, WorkflowAction.LOG_REPLY):
            return
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
        if self._refused(reference, WorkflowAction.VERIFY_IDENTITY):
            return
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
                method=dialog.chosen_method(),
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

    def plan_export(self, reference: str) -> bool:
        """Plan the copy (export) of every data category of the inventory, for the access
        response (PIPL Art. 45)."""
        return self._apply(reference, lambda s, c: plan_export(s, c, actor=self._actor()))

    def ask_categories(self, reference: str) -> None:
        """Tick the categories whose action is done."""
        if self._refused(reference, WorkflowAction.COMPLETE_CATEGORY):
            return

        def lines(case: Case) -> list[tuple[str, str, bool]]:
            session = object_session(case)
            assert session is not None  # _read hands over a case of its open session
            inventory = current_inventory(session)
            return [
                (
                    a.category,
                    category_text(inventory, a.category, a.action.value, a.hold_until),
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
        """Ask a second person to sign off; a refusal is asked for with its grounds, which the
        reviewer then reads (PIPL Art. 50; ``request_review``)."""
        if self._refused(reference, WorkflowAction.REQUEST_REVIEW):
            return
        codes, recorded = self._read(reference, grounds_of)
        dialog = ReviewRequestDialog(codes, recorded, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            subject, grounds = dialog.chosen_subject(), dialog.chosen_grounds()
            self._apply(
                reference,
                lambda s, c: request_review(
                    s, c, subject, actor=self._actor(), grounds=grounds, printable=check_letter_text
                ),
            )

    def ask_decision(self, reference: str) -> None:
        """Decide a pending review as the current user; with none pending, say so instead."""
        pending = self._read(reference, pending_reviews)
        if not pending:
            show_message(
                self._window,
                self.tr("Review"),
                self.tr("No review is waiting on this case: nothing to sign off."),
            )
            return
        dialog = ReviewDecisionDialog(pending, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.decide(
                reference,
                dialog.chosen_review(),
                approve=dialog.approve.isChecked(),
                comment=dialog.comment.toPlainText(),
            )

    def decide(self, reference: str, review_id: int | None, *, approve: bool, comment: str) -> bool:
        """Decide the review ``review_id`` of ``reference`` as the current user; returns whether
        it was decided (a review no longer pending is explained, nothing changes)."""

        def change(session: Session, case: Case) -> None:
            review = next((r for r in case.reviews if r.id == review_id), None)
            if review is None or review.decision != ReviewDecision.PENDING:
                raise WorkflowError("This review has already been decided.")
            decide_review(
                session, case, review, reviewer=self._actor(), approve=approve, comment=comment
            )

        return self._apply(reference, change)

    def ask_response(self, reference: str) -> None:
        """Record the answer and its grounds (those signed off with the refusal ticked)."""
        codes, recorded = self._read(reference, grounds_of)
        dialog = RespondDialog(codes, self._window, recorded)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            outcome = dialog.chosen_outcome()
            grounds = dialog.chosen_grounds()
            self._apply(
                reference,
                lambda s, c: respond(
                    s, c, outcome, grounds=grounds, today=self._today(), actor=self._actor()
                ),
            )

    def ask_close(self, reference: str) -> None:
        """Close the case; an open one is offered only the outcomes that need no answer."""
        if self._refused(reference, WorkflowAction.CLOSE):
            return
        answered = self._read(reference, lambda case: case.status in ANSWERED_STATUSES)
        dialog = CloseDialog(self._window, answered=answered)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            outcome = dialog.chosen_outcome()
            self._apply(reference, lambda s, c: close(s, c, outcome=outcome, actor=self._actor()))
