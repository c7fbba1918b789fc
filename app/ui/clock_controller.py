"""Case → Stop / Restart the clock, Extend the deadline, Confirm / Correct receipt date, Set the
due date by hand / Hand the due date back to its rule: dialogs over the clock service."""

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy.orm import Session

from app.clock import COMPANY_ZONE
from app.errors import PrivacyDeskError
from app.models import Case
from app.models.enums import PauseReason
from app.reports.letter_text import check_letter_text
from app.services.case_queries import find_case
from app.services.clock_adjustments import (
    confirm_receipt,
    pause_clock,
    receipt_date,
    receipt_zone,
    resume_clock,
    take_extension,
)
from app.services.clock_gates import ClockAction, check_clock_change
from app.services.due_date_by_hand import (
    DueDateAction,
    DueDateRefusal,
    due_date_refusal,
    refuse_due_date_change,
    release_due_date,
    set_due_date_by_hand,
)
from app.services.receipt_checks import receipt_doubts
from app.services.workflow.availability import CaseActionState, action_state
from app.ui.case_actions import CaseActionController
from app.ui.clock_dialogs import ExtensionDialog, PauseDialog, ResumeDialog
from app.ui.due_date_dialog import DueDateContext, DueDateDialog
from app.ui.local_times import zone_with_offset
from app.ui.messages import show_error
from app.ui.receipt_dialog import ReceiptDialog

T = TypeVar("T")
DueDateRefusals = dict[DueDateAction, DueDateRefusal | None]


class ClockController(CaseActionController):
    """Changes a case's clock for the main window; each change is audited by the service.

    Signals:
        changed(str): the reference of the case whose clock changed.
    """

    def ask_pause(self, reference: str) -> None:
        """Ask from when (receipt date to today) and why, then stop the clock of ``reference``;
        a case whose clock cannot be stopped (answered or closed, not a request, no statutory
        deadline, already stopped) is refused up front with the service's reason."""
        received = self._unless_refused(
            reference,
            ClockAction.PAUSE,
            self.tr("Clock not stopped"),
            lambda session, case: receipt_date(session, case, self._rule_book, today=self._today()),
        )
        if received is None:
            return
        dialog = PauseDialog(self._today(), self._window, earliest=received)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.pause(reference, *dialog.values())

    def ask_resume(self, reference: str) -> None:
        """Ask for the last paused day, then restart the clock of ``reference``; a clock that
        cannot be restarted (not stopped, or the case answered or closed) is refused up front
        (the service's error is shown, no dialog)."""
        started = self._unless_refused(
            reference,
            ClockAction.RESUME,
            self.tr("Clock not restarted"),
            lambda _session, case: _open_pause_start(case),
        )
        if started is None:
            return
        dialog = ResumeDialog(self._today(), self._window, earliest=started)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resume(reference, dialog.last_paused_day())

    def ask_extension(self, reference: str) -> None:
        """Ask for the reason, then extend the deadline of ``reference``; a case that cannot be
        extended (no statutory deadline running, the rule has none, as Chinese law, already
        extended, its notice date passed) is refused before the reason is typed."""
        notice_due = self._unless_refused(
            reference,
            ClockAction.EXTEND,
            self.tr("Deadline not extended"),
            lambda _session, case: case.extension_notice_due_date,
        )
        if notice_due is None:
            return
        # A refused reason (e.g. a character no letter font has) keeps the dialog open.
        ExtensionDialog(notice_due, self._window, save=self._extender(reference)).exec()

    def _unless_refused(
        self, reference: str, action: ClockAction, title: str, read: Callable[[Session, Case], T]
    ) -> T | None:
        """Return ``read`` of the case ``reference``, or ``None`` after showing why the clock
        service would refuse ``action`` on it (or why the case cannot be read)."""
        try:
            with self._database.session() as session:
                case = find_case(session, reference)
                check_clock_change(session, case, self._rule_book, action, today=self._today())
                return read(session, case)
        except PrivacyDeskError as error:
            show_error(self._window, title, str(error), known=True)
            return None

    def ask_receipt(self, reference: str) -> None:
        """Ask when the request reached the company, typed in the case's statutory zone (its
        rule's, e.g. Asia/Shanghai, where the receipt day is counted; the company's for a case
        without a rule set), then record it for ``reference``: a confirmation where the
        receipt is in doubt, else a correction worded with the receipt recorded and its
        source. A case answered or closed is refused before the dialog opens (its receipt is
        the record its answer was measured by: ``app.services.clock_gates``)."""
        known = self._unless_refused(
            reference,
            ClockAction.RECEIPT,
            self.tr("Receipt date not changed"),
            lambda _session, case: (
                case.received_at,
                receipt_zone(case, self._rule_book),
                case.received_at_source,
                receipt_doubts(case.review_flags or ()),
            ),
        )
        if known is None:
            return
        received_at, zone, source, doubts = known
        shown = zone or COMPANY_ZONE
        named = (shown, zone_with_offset(shown, received_at))
        dialog = ReceiptDialog(
            received_at, self._today(), self._window, named, source=source, doubts=doubts
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.confirm_receipt(reference, dialog.received_at())

    def gate_state(self, reference: str) -> tuple[CaseActionState, DueDateRefusals] | None:
        """Return what the case ``reference`` allows now and why each due-date action would be
        refused (``None``: it can succeed), read in one session for the Case menu; ``None``
        when the case cannot be read (the actions then stay offered)."""
        try:
            return self._read(
                reference,
                lambda case: (
                    action_state(case, today=self._today()),
                    {a: due_date_refusal(a, case) for a in DueDateAction},
                ),
            )
        except PrivacyDeskError:
            return None

    def ask_set_due(self, reference: str) -> None:
        """Ask for a due date (a date in the case's statutory zone) and why, then set it by hand
        on ``reference``; a case answered or closed is refused before anything is typed."""
        context = self._due_date_context(reference, DueDateAction.SET)
        if context is None:
            return
        dialog = DueDateDialog(context, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_due(reference, dialog.due_date(), dialog.reason_text())

    def ask_release_due(self, reference: str) -> QMessageBox | None:
        """Ask for confirmation (a box that does not block; returned), then hand the due date
        of ``reference`` back to its rule; a due date its rule computes already, or a case
        answered or closed, is refused up front (``None``)."""
        if self._due_date_context(reference, DueDateAction.RELEASE) is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Hand the due date back to its rule"),
            self.tr(
                "The due date set by hand or taken from the regulator's letter is dropped, and "
                "the case's rule computes its due date again (a kind no rule times is left "
                "without one)."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.release_due(reference))
        box.open()
        return box

    def _due_date_context(self, reference: str, action: DueDateAction) -> DueDateContext | None:
        """Return what the due-date dialog shows of ``reference``, or ``None`` after showing
        why ``action`` would be refused (or why the case cannot be read)."""
        try:
            with self._database.session() as session:
                case = find_case(session, reference)
                refuse_due_date_change(action, case)
                return self._context_of(case)
        except PrivacyDeskError as error:
            show_error(self._window, self.tr("Due date not changed"), str(error), known=True)
            return None

    def _context_of(self, case: Case) -> DueDateContext:
        zone = receipt_zone(case, self._rule_book) or COMPANY_ZONE
        received = case.received_at.astimezone(zone)
        return DueDateContext(
            received.date(), case.binding_due_date, zone_with_offset(zone, received), self._today()
        )

    def set_due(self, reference: str, due_date: date, reason: str) -> bool:
        """Set ``due_date`` (a calendar date in the statutory zone) by hand for ``reason``;
        returns whether it was set (an error is shown otherwise)."""
        return self._apply(
            reference,
            lambda session, case: set_due_date_by_hand(
                session,
                case,
                due_date,
                reason,
                self._rule_book,
                today=self._today(),
                actor=self._actor(),
            ),
            self.tr("Due date not set"),
        )

    def release_due(self, reference: str) -> bool:
        """Hand the due date back to its rule; returns whether it was handed back."""
        return self._apply(
            reference,
            lambda session, case: release_due_date(
                session, case, self._rule_book, today=self._today(), actor=self._actor()
            ),
            self.tr("Due date not handed back"),
        )

    def pause(self, reference: str, start: date, reason: PauseReason, note: str) -> bool:
        """Stop the clock; returns whether it was stopped (an error is shown otherwise)."""
        return self._apply(
            reference,
            lambda session, case: pause_clock(
                session,
                case,
                self._rule_book,
                start_date=start,
                reason=reason,
                note=note,
                today=self._today(),
                actor=self._actor(),
            ),
        )

    def resume(self, reference: str, last_paused_day: date) -> bool:
        """Restart the clock; returns whether it was restarted."""
        return self._apply(
            reference,
            lambda session, case: resume_clock(
                session,
                case,
                self._rule_book,
                end_date=last_paused_day,
                today=self._today(),
                actor=self._actor(),
            ),
        )

    def extend(self, reference: str, reason: str) -> bool:
        """Take the extension; returns whether it was taken."""
        return self._apply(reference, lambda session, case: self._take(session, case, reason))

    def _extender(self, reference: str) -> Callable[[str], None]:
        """Return what takes the extension of ``reference`` for a reason, raising the
        service's ``PrivacyDeskError`` when it is refused (the dialog shows it)."""

        def take(reason: str) -> None:
            with self._database.session() as session:
                self._take(session, find_case(session, reference), reason)
            self.changed.emit(reference)

        return take

    def _take(self, session: Session, case: Case, reason: str) -> None:
        take_extension(
            session,
            case,
            self._rule_book,
            reason=reason,
            printable=check_letter_text,
            today=self._today(),
            actor=self._actor(),
        )

    def confirm_receipt(self, reference: str, received_at: datetime) -> bool:
        """Record the confirmed receipt instant (aware) and recount the deadline; returns
        whether it was recorded (a naive, future or uncountable instant is refused)."""
        return self._apply(
            reference,
            lambda session, case: confirm_receipt(
                session,
                case,
                self._rule_book,
                received_at=received_at,
                today=self._today(),
                actor=self._actor(),
            ),
        )


def _open_pause_start(case: Case) -> date | None:
    """Return the first day of the running pause of ``case``, or ``None``."""
    return next((p.start_date for p in case.pauses if p.end_date is None), None)
