"""Case → Stop / Restart the clock, Extend the deadline, Confirm receipt date: dialogs over the
clock service."""

from datetime import date, datetime

from PySide6.QtWidgets import QDialog

from app.clock import COMPANY_ZONE
from app.models import Case
from app.models.enums import PauseReason
from app.services.case_queries import find_case
from app.services.clock_adjustments import (
    confirm_receipt,
    pause_clock,
    receipt_date,
    receipt_zone,
    resume_clock,
    take_extension,
)
from app.ui.case_actions import CaseActionController
from app.ui.clock_dialogs import ExtensionDialog, PauseDialog, ResumeDialog
from app.ui.local_times import zone_with_offset
from app.ui.messages import show_error
from app.ui.receipt_dialog import ReceiptDialog

# What ``take_extension`` would refuse, said before the reason is typed (ClockError texts).
NO_EXTENSION = "The rule for this case allows no extension."
ALREADY_EXTENDED = "This case has already been extended."


class ClockController(CaseActionController):
    """Changes a case's clock for the main window; each change is audited by the service.

    Signals:
        changed(str): the reference of the case whose clock changed.
    """

    def ask_pause(self, reference: str) -> None:
        """Ask from when (receipt date to today) and why, then stop the clock of ``reference``."""
        with self._database.session() as session:
            received = receipt_date(
                session, find_case(session, reference), self._rule_book, today=self._today()
            )
        dialog = PauseDialog(self._today(), self._window, earliest=received)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.pause(reference, *dialog.values())

    def ask_resume(self, reference: str) -> None:
        """Ask for the last paused day, then restart the clock of ``reference``; a clock that
        is not paused is refused at once (the service's error is shown, no dialog)."""
        started = self._read(reference, _open_pause_start)
        if started is None:
            self.resume(reference, self._today())
            return
        dialog = ResumeDialog(self._today(), self._window, earliest=started)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resume(reference, dialog.last_paused_day())

    def ask_extension(self, reference: str) -> None:
        """Ask for the reason, then extend the deadline of ``reference``; a case whose rule
        has no extension (Chinese law has none) or that was extended is refused up front."""
        notice_due, extended = self._read(
            reference, lambda case: (case.extension_notice_due_date, case.extension_reason)
        )
        assert notice_due is None or isinstance(notice_due, date)
        if notice_due is None or extended is not None:
            refusal = NO_EXTENSION if notice_due is None else ALREADY_EXTENDED
            show_error(self._window, self.tr("Deadline not extended"), refusal, known=True)
            return
        dialog = ExtensionDialog(notice_due, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.extend(reference, dialog.reason_text())

    def ask_receipt(self, reference: str) -> None:
        """Ask when the message reached the company, typed in the case's statutory zone (its
        rule's, e.g. Asia/Shanghai, where the receipt day is counted; the company's for a case
        without a rule set), then confirm the receipt of ``reference``."""
        received_at, zone = self._read(
            reference, lambda case: (case.received_at, receipt_zone(case, self._rule_book))
        )
        assert isinstance(received_at, datetime)
        shown = zone or COMPANY_ZONE
        named = (shown, zone_with_offset(shown, received_at))
        dialog = ReceiptDialog(received_at, self._today(), self._window, named)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.confirm_receipt(reference, dialog.received_at())

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
        return self._apply(
            reference,
            lambda session, case: take_extension(
                session,
                case,
                self._rule_book,
                reason=reason,
                today=self._today(),
                actor=self._actor(),
            ),
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
