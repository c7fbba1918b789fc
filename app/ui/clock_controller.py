"""Case → Stop / Restart the clock, Extend the deadline: dialogs over the clock service."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.orm import Session

from app.errors import PrivacyDeskError
from app.models import Case
from app.models.enums import PauseReason
from app.services.case_queries import find_case
from app.services.clock import pause_clock, resume_clock, take_extension
from app.services.deadlines import RuleBook
from app.store import Database
from app.ui.clock_dialogs import ExtensionDialog, PauseDialog, ResumeDialog
from app.ui.messages import show_error


class ClockController(QObject):
    """Changes a case's clock for the main window; each change is audited by the service.

    Signals:
        changed(str): the reference of the case whose clock changed.
    """

    changed = Signal(str)

    def __init__(
        self, database: Database, rule_book: RuleBook, today: Callable[[], date], window: QWidget
    ) -> None:
        super().__init__(window)
        self._database = database
        self._rule_book = rule_book
        self._today = today
        self._window = window

    def ask_pause(self, reference: str) -> None:
        """Ask from when and why, then stop the clock of ``reference``."""
        dialog = PauseDialog(self._today(), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.pause(reference, *dialog.values())

    def ask_resume(self, reference: str) -> None:
        """Ask for the last paused day, then restart the clock of ``reference``."""
        dialog = ResumeDialog(self._today(), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resume(reference, dialog.last_paused_day())

    def ask_extension(self, reference: str) -> None:
        """Ask for the reason, then extend the deadline of ``reference``."""
        with self._database.session() as session:
            notice_due = find_case(session, reference).extension_notice_due_date
        dialog = ExtensionDialog(notice_due, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.extend(reference, dialog.reason_text())

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
            ),
        )

    def resume(self, reference: str, last_paused_day: date) -> bool:
        """Restart the clock; returns whether it was restarted."""
        return self._apply(
            reference,
            lambda session, case: resume_clock(
                session, case, self._rule_book, end_date=last_paused_day, today=self._today()
            ),
        )

    def extend(self, reference: str, reason: str) -> bool:
        """Take the extension; returns whether it was taken."""
        return self._apply(
            reference,
            lambda session, case: take_extension(
                session, case, self._rule_book, reason=reason, today=self._today()
            ),
        )

    def _apply(self, reference: str, change: Callable[[Session, Case], object]) -> bool:
        try:
            with self._database.session() as session:
                change(session, find_case(session, reference))
        except PrivacyDeskError as error:
            show_error(self._window, self.tr("Clock not changed"), str(error), known=True)
            return False
        self.changed.emit(reference)
        return True
