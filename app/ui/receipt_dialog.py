"""Case → Clock → Confirm receipt date…: the instant a message without a usable Date: arrived."""

from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QWidget

from app.ui.form_dialog import FormDialog
from app.ui.messages import show_error


def local_zone() -> tuple[tzinfo, str]:
    """Return this computer's time zone and its label, e.g. "Asia/Shanghai (UTC+08:00)".

    Qt names the zone (it honours TZ); zoneinfo converts, so daylight saving is applied per
    instant. Without a zoneinfo entry the current fixed offset stands in.
    """
    system = QTimeZone.systemTimeZone()
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    offset = system.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.OffsetName)
    try:
        zone: tzinfo = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        fallback = datetime.now().astimezone().tzinfo
        zone = fallback if fallback is not None else UTC
    return zone, f"{name} ({offset})"


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
        self._zone, zone_label = zone or local_zone()
        self._today = today
        local = received_at.astimezone(self._zone)
        self.received = QDateTimeEdit(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Received"), self.received)
        self.form.addRow(self.tr("Time zone"), QLabel(zone_label))
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
