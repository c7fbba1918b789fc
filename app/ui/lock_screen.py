"""The lock screen: hides the case data and asks for the key or passphrase again.

A passphrase database is unlocked by typing the passphrase; it is checked against the file
itself (read-only), not against a copy in memory. A keyring database has no secret the user
knows: its key sits in the OS keyring, which the OS unlocked at login and which any program of
this user can read. Asking that user to type 64 hex digits would add no protection the OS
session does not already give; so one click confirms the user is back, and the key is then read
from the keyring again and checked against the file (a keyring locked or emptied meanwhile
keeps the app locked). Lock the OS session to protect a keyring database from the next person.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.store.keys import Passphrase
from app.store.rekey import find_opening_key, keyring_candidates
from app.store.secrets import SecretStore
from app.ui.messages import error_text

# Called with the typed passphrase, or None for a keyring database; raises when it does not open.
KeyCheck = Callable[[str | None], None]


def file_key_check(database_path: Path, secrets: SecretStore | None) -> KeyCheck:
    """Return a check that the passphrase (or the keyring's key) opens ``database_path``.

    The check raises ``WrongKeyError`` (wrong passphrase) or ``KeyUnavailableError`` (the
    keyring holds no key any more); it opens the file read-only and changes nothing.
    """

    def check(passphrase: str | None) -> None:
        if passphrase is None:
            find_opening_key(database_path, keyring_candidates(database_path, secrets))
        else:
            find_opening_key(database_path, [Passphrase(passphrase)])

    return check


class LockScreen(QDialog):
    """Covers the window while locked; ``unlocked`` is emitted once the key checks out.

    Args:
        check: see ``file_key_check``.
        uses_passphrase: the database is keyed with a passphrase (else from the keyring).
        protected: the widget holding case data (e.g. the main window's central widget); it is
            hidden while locked and shown again on unlock.

    Signals:
        unlocked(): the key or passphrase opened the database.
    """

    unlocked = Signal()

    def __init__(
        self,
        check: KeyCheck,
        *,
        uses_passphrase: bool,
        protected: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._uses_passphrase = uses_passphrase
        self._protected = protected
        self.setWindowTitle(self.tr("Privacy Desk is locked"))
        self.setModal(True)
        # No close button: the only way out is unlocking (or quitting the app from the OS).
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_intro())
        self._passphrase = QLineEdit()
        self._passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._passphrase.setPlaceholderText(self.tr("Passphrase"))
        self._passphrase.setVisible(uses_passphrase)
        layout.addWidget(self._passphrase)
        self._problem = QLabel()
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet("color: #c62828")
        self._problem.setVisible(False)
        layout.addWidget(self._problem)
        layout.addWidget(self._build_buttons())

    def _build_intro(self) -> QLabel:
        if self._uses_passphrase:
            text = self.tr(
                "Privacy Desk locked itself after a period without activity. Enter the "
                "database passphrase to continue."
            )
        else:
            text = self.tr(
                "Privacy Desk locked itself after a period without activity. Click Unlock to "
                "continue: the key is read again from this computer's keyring, which your "
                "login protects. Lock your computer when you leave it."
            )
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.try_unlock)
        return buttons

    def lock(self) -> None:
        """Hide the case data and show the lock screen (window-modal, not blocking)."""
        if self._protected is not None:
            self._protected.hide()
        self._passphrase.clear()
        self._problem.setVisible(False)
        self.open()

    def try_unlock(self) -> None:
        """Check the passphrase or the keyring's key; unlock, or say why not."""
        typed = self._passphrase.text() if self._uses_passphrase else None
        if typed is not None and not typed:
            self._show_problem(self.tr("Enter the passphrase."))
            return
        try:
            self._check(typed)
        except (PrivacyDeskError, ValueError) as error:  # ValueError: a NUL in the passphrase
            self._passphrase.clear()
            self._show_problem(error_text(str(error)))
            return
        if self._protected is not None:
            self._protected.show()
        self.accept()
        self.unlocked.emit()

    def reject(self) -> None:
        """Escape does not unlock."""

    def _show_problem(self, text: str) -> None:
        self._problem.setText(text)
        self._problem.setVisible(True)
