"""Case → Clock → Confirm / Correct receipt date…: when a request reached the company.

Worded by what is known of the recorded receipt. One in doubt (no usable Date: header, a Date:
without zone, one in the future or long past: ``app.services.receipt_checks.RECEIPT_FLAGS``)
is confirmed, e.g. from the mail server's log. A sound one may still be corrected (a letter
that came by post before it was scanned): the dialog then says what the recorded receipt is
and where it was taken from, so that nobody overwrites a good Date: by mistake.
"""

from datetime import UTC, date, datetime, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLabel, QWidget

from app.models.enums import ReceivedAtSource, ReviewFlag
from app.ui.form_dialog import FormDialog
from app.ui.labels import flag_label
from app.ui.local_times import MINUTE_FORMAT, local_zone, zone_label
from app.ui.messages import show_error

# Where the recorded receipt instant was taken from (``ReceivedAtSource``), for "taken from …".
SOURCES = {
    ReceivedAtSource.DATE_HEADER: QT_TRANSLATE_NOOP("ReceiptDialog", "the message's Date: header"),
    ReceivedAtSource.RECEIVED_HEADER: QT_TRANSLATE_NOOP(
        "ReceiptDialog", "the mail server's Received: header"
    ),
    ReceivedAtSource.FILE_TIME: QT_TRANSLATE_NOOP(
        "ReceiptDialog", "the time the file was last changed"
    ),
    ReceivedAtSource.IMPORT_TIME: QT_TRANSLATE_NOOP("ReceiptDialog", "the time it was imported"),
    ReceivedAtSource.ENTERED: QT_TRANSLATE_NOOP(
        "ReceiptDialog", "an entry by staff or the web form"
    ),
}


def source_label(source: ReceivedAtSource) -> str:
    """Return where a receipt instant was taken from, in the UI language."""
    return QCoreApplication.translate("ReceiptDialog", str(SOURCES[source]))


def _confirmation() -> str:
    """The explanation for a receipt in doubt (read before the dialog exists: Qt's
    ``translate`` in the dialog's context, which ``self.tr`` uses too)."""
    return QCoreApplication.translate(
        "ReceiptDialog",
        "The message had no usable date; enter when it reached you, e.g. from the "
        "mail server's log. The deadline is counted again from this day.",
    )


def _correction(recorded: str, source: ReceivedAtSource) -> str:
    """The explanation for a sound receipt: what is recorded (``recorded``: local time and
    zone) and where it was taken from."""
    text = QCoreApplication.translate(
        "ReceiptDialog",
        "Recorded as received on %1, taken from %2. Correct it only if the request reached "
        "you at another time, e.g. a letter that came by post before it was scanned. The "
        "deadline is counted again from the new day.",
    )
    return text.replace("%1", recorded).replace("%2", source_label(source))


class ReceiptDialog(FormDialog):
    """Asks when the request reached the company: confirming a receipt in doubt, or correcting
    a sound one.

    Args:
        received_at: the case's current receipt instant (aware), shown in ``zone``.
        today: the local calendar day; later instants are refused.
        zone: the zone the instant is typed in and its label (default: this computer's).
        source: where the current instant was taken from (``None``: not said).
        doubts: the flags that put it in doubt; empty with a ``source`` words the dialog as a
            correction of a sound receipt, ``None`` (not known) as a confirmation.
    """

    def __init__(
        self,
        received_at: datetime,
        today: date,
        parent: QWidget | None = None,
        zone: tuple[tzinfo, str] | None = None,
        *,
        source: ReceivedAtSource | None = None,
        doubts: frozenset[ReviewFlag] | None = None,
    ) -> None:
        self._zone, shown_zone = zone or (local_zone(), zone_label())
        local = received_at.astimezone(self._zone)
        sound_source = source if doubts is not None and not doubts else None
        self.correcting = sound_source is not None
        if sound_source is not None:
            recorded = f"{local.strftime(MINUTE_FORMAT)} {shown_zone}"
            title = QCoreApplication.translate("ReceiptDialog", "Correct the receipt date")
            super().__init__(title, _correction(recorded, sound_source), parent)
        else:
            title = QCoreApplication.translate("ReceiptDialog", "Confirm the receipt date")
            super().__init__(title, _confirmation(), parent)
            self._add_doubts(doubts or frozenset(), source)
        self._today = today
        self.received = QDateTimeEdit(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Received"), self.received)
        self.form.addRow(self.tr("Time zone"), QLabel(shown_zone))
        self.refusal: str = ""

    def _add_doubts(self, doubts: frozenset[ReviewFlag], source: ReceivedAtSource | None) -> None:
        """Say why the receipt is in doubt and where it was taken from, as far as known."""
        if doubts:
            why = QLabel("\n".join(sorted(flag_label(flag) for flag in doubts)))
            why.setWordWrap(True)
            self.form.addRow(self.tr("In doubt"), why)
        if source is not None:
            self.form.addRow(self.tr("Taken from"), QLabel(source_label(source)))

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
            title = (
                self.tr("Receipt date not corrected")
                if self.correcting
                else self.tr("Receipt date not confirmed")
            )
            show_error(self, title, self.refusal, known=True)
            return
        super().accept()
