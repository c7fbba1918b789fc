"""Case › Clock › Set the due date by hand…: a date in the case's statutory zone and the reason.

The date is a calendar date where the deadline is counted (the rule's zone, e.g.
Asia/Shanghai; the company's for a case without a rule set), not an instant. The dialog says
what the date does (it binds until handed back to its rule) and what it cannot do (come after
the statutory deadline, which is still counted and binds once it falls before it: PIPL
Art. 50, GDPR Art. 12(3); ``app.services.clock.recompute_clock``), and
refuses, with a reason, a date before receipt or outside the years deadlines are counted for
(``app.services.deadlines.is_countable``), and an empty reason.
"""

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from app.services.deadlines import is_countable
from app.services.deadlines.compute import EARLIEST_COUNTED_DATE, LATEST_COUNTED_DATE
from app.ui.form_dialog import FormDialog, date_edit, date_of
from app.ui.messages import show_error


@dataclass(frozen=True)
class DueDateContext:
    """What the dialog shows of the case.

    Attributes:
        received_date: the receipt date in the statutory zone (a local calendar date).
        due_date: the due date now in force (``binding_due_date``), or ``None``.
        zone: the statutory zone named with its offset, e.g. ``Asia/Shanghai (UTC+08:00)``.
        today: the local date, offered when the case has no due date.
    """

    received_date: date
    due_date: date | None
    zone: str
    today: date


class DueDateDialog(FormDialog):
    """Asks for the due date set by hand and why; ``refusal`` holds the last refusal shown."""

    def __init__(self, context: DueDateContext, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Set the due date by hand"),
            self.tr(
                "The date you set becomes this case's due date until you hand it back to its "
                "rule. It may come before the statutory deadline, never after it: a later date "
                "is refused. The statutory deadline is still counted (a pause or an identity "
                "check moves it, not this date); if it later falls before this date (a "
                "corrected receipt date, another jurisdiction or kind, a changed holiday "
                "calendar), the statutory date binds and this date is released. The reason is "
                "kept as an internal note of the case."
            ),
            parent,
        )
        self._received = context.received_date
        self.refusal = ""
        self.due = date_edit(context.due_date or max(context.today, context.received_date))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            self.tr("e.g. a court order, a date agreed with the requester or the regulator")
        )
        shown_due = context.due_date.isoformat() if context.due_date else "—"
        self.form.addRow(self.tr("Time zone"), QLabel(context.zone))
        self.form.addRow(self.tr("Received"), QLabel(context.received_date.isoformat()))
        self.form.addRow(self.tr("Due date now"), QLabel(shown_due))
        self.form.addRow(self.tr("New due date"), self.due)
        self.form.addRow(self.tr("Reason"), self.reason)

    def due_date(self) -> date:
        """Return the due date chosen (a calendar date in the statutory zone)."""
        return date_of(self.due)

    def reason_text(self) -> str:
        """Return the reason entered, without surrounding blanks."""
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        """Close with OK unless the date or the reason would be refused; then say why."""
        self.refusal = self._why_not()
        if self.refusal:
            show_error(self, self.tr("Due date not set"), self.refusal, known=True)
            return
        super().accept()

    def _why_not(self) -> str:
        chosen = self.due_date()
        if not is_countable(chosen):
            return (
                self.tr("The due date must lie between %1 and %2: check the year.")
                .replace("%1", EARLIEST_COUNTED_DATE.isoformat())
                .replace("%2", LATEST_COUNTED_DATE.isoformat())
            )
        if chosen < self._received:
            return self.tr("The due date cannot be before the request was received (%1).").replace(
                "%1", self._received.isoformat()
            )
        if not self.reason_text():
            return self.tr("Give the reason the due date is set by hand.")
        return ""
