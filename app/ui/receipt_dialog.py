"""Case → Clock → Confirm receipt date…: the instant a message without a usable Date: arrived."""

from datetime import UTC, date, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QWidget

from app.ui.form_dialog import FormDialog
from app.ui.local_times import local_zone, zone_label
from app.ui.messages import show_error


class ReceiptDialog(FormDialog):
    """Asks when a message whose Date: header was missing or implausible reached the company.

    Args:
        received_at: the case's current receipt instant (aware), shown in local time.
        today: the local calendar day; later instants are refused.
        zone: the zone the instant is typed in and its label (default: this computer's).
    """

    def __init__(
        self,
        received_at: datetime,
        today: date,
        parent: QWidget | None = None,
        zone: tuple[tzinfo, str] | None = None,
    ) -> None:
        super().__init__(
            self.tr("Confirm the receipt date"),
            self.tr(
                "The message had no usable date; enter when it reached you, e.g. from the "
                "mail server's log. The deadline is counted again from this day."
            ),
            parent,
        )
        self._zone, shown_zone = zone or (local_zone(), zone_label())
        self._today = today
        local = received_at.astimezone(self._zone)
        self.received = QDateTimeEdit(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Received"), self.received)
        self.form.addRow(self.tr("Time zone"), QLabel(shown_zone))
        self.refusal: str = ""

    def received_at(self) -> datetime:
        """Return the instant entered as an aware UTC datetime."""
        chosen = self.received.dateTime()
        day, time = chosen.date(), chosen.time()
        local = datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self._zone
        )
        return local.astimezone(UTC)

    def accept(self) -> None:
        """Close with OK unless the instant lies in the future, which is explained instead."""
        instant = self.received_at()
        if instant.astimezone(self._zone).date() > self._today or instant > datetime.now(UTC):
            self.refusal = self.tr(
                "The receipt date cannot be in the future: enter when the message reached you."
            )
            show_error(self, self.tr("Receipt date not confirmed"), self.refusal, known=True)
            return
        super().accept()
