"""Asks for the database passphrase where no OS keyring holds the key."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store.keys import MIN_PASSPHRASE_LENGTH
from app.ui.messages import error_text


class UnlockDialog(QDialog):
    """Passphrase entry: one field to unlock, two (entry and confirmation) for a new database.

    Args:
        creating: the database does not exist yet, so the passphrase is being chosen.
        problem: an error from the previous attempt to show above the field (e.g. wrong key).
    """

    def __init__(self, *, creating: bool, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._creating = creating
        self.setWindowTitle(self.tr("Unlock Privacy Desk"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        self._problem = QLabel(error_text(problem))
        self._problem.setStyleSheet("color: #c62828")
        self._problem.setWordWrap(True)
        self._problem.setVisible(bool(problem))
        layout.addWidget(self._problem)
        layout.addLayout(self._build_fields())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _intro(self) -> QLabel:
        if self._creating:
            text = self.tr(
                "No keyring is available on this computer, so the new case database will be "
                "encrypted with a passphrase. Choose one of at least %n characters and keep it "
                "safe: without it the cases cannot be opened.",
                "",
                MIN_PASSPHRASE_LENGTH,
            )
        else:
            text = self.tr("Enter the passphrase of the case database.")
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _build_fields(self) -> QFormLayout:
        form = QFormLayout()
        self._passphrase = QLineEdit()
        self._passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self._passphrase)
        self._confirmation = QLineEdit()
        self._confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        if self._creating:
            form.addRow(self.tr("Repeat passphrase"), self._confirmation)
        return form

    def passphrase(self) -> str:
        """Return the passphrase entered."""
        return self._passphrase.text()

    def _accept_if_valid(self) -> None:
        problem = self._validation_problem()
        if problem:
            self._problem.setText(problem)
            self._problem.setVisible(True)
            return
        self.accept()

    def _validation_problem(self) -> str:
        text = self._passphrase.text()
        if not text:
            return self.tr("Enter the passphrase.")
        if self._creating and len(text) < MIN_PASSPHRASE_LENGTH:
            return self.tr(
                "The passphrase needs at least %n characters.", "", MIN_PASSPHRASE_LENGTH
            )
        if self._creating and text != self._confirmation.text():
            return self.tr("The two entries differ.")
        return ""
