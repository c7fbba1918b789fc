"""A small form dialog base and date fields shared by the case dialogs."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def date_edit(value: date, *, latest: date | None = None) -> QDateEdit:
    """Return a calendar-popup date field showing ISO dates, set to ``value`` and, with
    ``latest``, refusing later dates."""
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    return edit


def date_of(edit: QDateEdit) -> date:
    """Return the date chosen in ``edit``."""
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class FormDialog(QDialog):
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

    @staticmethod
    def combo(values: Sequence[tuple[str, object]], current: object = None) -> QComboBox:
        """Return a combo box of (label, value) pairs with ``current`` selected."""
        box = QComboBox()
        for label, value in values:
            box.addItem(label, value)
            if value == current:
                box.setCurrentIndex(box.count() - 1)
        return box
