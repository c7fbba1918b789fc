"""Dialogs that stop, restart and extend a case's deadline clock."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import PauseReason
from app.ui.labels import pause_reason_label


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(value.year, value.month, value.day))
    return edit


def _to_date(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class _FormDialog(QDialog):
    """A titled form with an explanation, OK and Cancel."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(explanation)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PauseDialog(_FormDialog):
    """Asks from which day the clock stops and why."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Stop the clock"),
            self.tr(
                "While the case waits for the requester (identity proof, clarification, a fee) "
                "the clock stops where the rule allows it; the deadline moves when it restarts."
            ),
            parent,
        )
        self.start = _date_edit(today)
        self.reason = QComboBox()
        for reason in PauseReason:
            self.reason.addItem(pause_reason_label(reason), reason)
        self.note = QLineEdit()
        self.form.addRow(self.tr("First paused day"), self.start)
        self.form.addRow(self.tr("Waiting for"), self.reason)
        self.form.addRow(self.tr("Note"), self.note)

    def values(self) -> tuple[date, PauseReason, str]:
        """Return the first paused day, the reason and the note."""
        return _to_date(self.start), PauseReason(self.reason.currentData()), self.note.text()


class ResumeDialog(_FormDialog):
    """Asks for the last paused day."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Restart the clock"),
            self.tr("The reply arrived: the clock restarts the day after the last paused day."),
            parent,
        )
        self.end = _date_edit(today)
        self.form.addRow(self.tr("Last paused day"), self.end)

    def last_paused_day(self) -> date:
        """Return the last paused day."""
        return _to_date(self.end)


class ExtensionDialog(_FormDialog):
    """Asks for the reason of an extension, which the requester will be told."""

    def __init__(self, notice_due: date | None, parent: QWidget | None = None) -> None:
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

    def reason_text(self) -> str:
        """Return the reason entered."""
        return self.reason.toPlainText()
