"""Dialogs that stop, restart and extend a case's deadline clock."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.models.enums import PauseReason
from app.ui.enum_choice import chosen_member, enum_combo
from app.ui.form_dialog import FormDialog, date_edit, date_of
from app.ui.labels import pause_reason_label
from app.ui.messages import error_text


class PauseDialog(FormDialog):
    """Asks from which day the clock stops and why: from the receipt date (``earliest``; no
    clock ran before it) to today."""

    def __init__(
        self, today: date, parent: QWidget | None = None, *, earliest: date | None = None
    ) -> None:
        super().__init__(
            self.tr("Stop the clock"),
            self.tr(
                "While the case waits for the requester (identity proof, clarification, a fee) "
                "the clock stops where the rule allows it; the deadline moves when it restarts."
            ),
            parent,
        )
        self.start = date_edit(today, latest=today)
        _set_earliest(self.start, earliest)
        self.reason = enum_combo([(pause_reason_label(r), r) for r in PauseReason])
        self.note = QLineEdit()
        self.form.addRow(self.tr("First paused day"), self.start)
        self.form.addRow(self.tr("Waiting for"), self.reason)
        self.form.addRow(self.tr("Note"), self.note)

    def values(self) -> tuple[date, PauseReason, str]:
        """Return the first paused day, the reason and the note."""
        return date_of(self.start), chosen_member(self.reason, PauseReason), self.note.text()


class ResumeDialog(FormDialog):
    """Asks for the last paused day: from the pause's first day (``earliest``) to today."""

    def __init__(
        self, today: date, parent: QWidget | None = None, *, earliest: date | None = None
    ) -> None:
        super().__init__(
            self.tr("Restart the clock"),
            self.tr("The reply arrived: the clock restarts the day after the last paused day."),
            parent,
        )
        self.end = date_edit(today, latest=today)
        _set_earliest(self.end, earliest)
        self.form.addRow(self.tr("Last paused day"), self.end)

    def last_paused_day(self) -> date:
        """Return the last paused day."""
        return date_of(self.end)


class ExtensionDialog(FormDialog):
    """Asks for the reason of an extension, which the requester will be told.

    Args:
        notice_due: the last day to tell the requester (``None``: unknown).
        save: called on OK with the reason as typed; a ``PrivacyDeskError`` it raises (e.g. a
            character no letter font has) is shown in the dialog, which stays open with the
            reason as typed. Without it, OK just closes the dialog.
    """

    def __init__(
        self,
        notice_due: date | None,
        parent: QWidget | None = None,
        *,
        save: Callable[[str], object] | None = None,
    ) -> None:
        notice = notice_due.isoformat() if notice_due else "—"
        super().__init__(
            self.tr("Extend the deadline"),
            self.tr(
                "Take the extension the rule allows. The requester must be told of it, with "
                "the reasons, by %1."
            ).replace("%1", notice),
            parent,
        )
        self.reason = QPlainTextEdit()
        self.form.addRow(self.tr("Reason"), self.reason)
        self._save = save
        self.error = QLabel("")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # messages are text, never markup
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        self.form.addRow(self.error)

    def reason_text(self) -> str:
        """Return the reason entered."""
        return self.reason.toPlainText()

    def accept(self) -> None:
        """Take the extension (``save``); close only when it is taken."""
        if self._save is not None:
            try:
                self._save(self.reason_text())
            except PrivacyDeskError as error:
                self.error.setText(error_text(str(error)))
                self.error.setVisible(True)
                self.reason.setFocus()
                return
        super().accept()


def _set_earliest(edit: QDateEdit, earliest: date | None) -> None:
    """Refuse dates before ``earliest`` in ``edit`` (the service refuses them too)."""
    if earliest is not None and earliest <= date_of(edit):
        edit.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
