"""The two sections of the "Backup and keys" dialog (``app.ui.safety_page``): backup and restore
(the backup passphrase, the two buttons, progress and status), and the encryption key (a new
passphrase, rotation, the recovery sheet and the note on where the key is kept).

Widgets only: the page connects the buttons and keeps every widget under its own attribute
name. The texts keep the translation context of the page they were written in ("SafetyPage"),
so the existing Chinese translations still apply.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)


class BackupSection(QGroupBox):
    """Backup and restore: ``backup_passphrase``, ``backup_button``, ``restore_button``,
    ``progress`` (hidden until a copy runs) and ``status``."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("SafetyPage", "Backup and restore"))
        layout = QVBoxLayout(self)
        self.backup_passphrase = QLineEdit()
        self.backup_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.backup_passphrase.setPlaceholderText(
            QCoreApplication.translate("SafetyPage", "Backup passphrase (optional)")
        )
        self.backup_passphrase.setToolTip(
            QCoreApplication.translate(
                "SafetyPage", "Leave empty to encrypt the backup with the database key."
            )
        )
        layout.addWidget(self.backup_passphrase)
        row = QHBoxLayout()
        self.backup_button = QPushButton(QCoreApplication.translate("SafetyPage", "&Back up now…"))
        self.restore_button = QPushButton(
            QCoreApplication.translate("SafetyPage", "&Restore into a new file…")
        )
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)


class KeySection(QGroupBox):
    """The encryption key: ``new_passphrase`` (shown only when ``passphrase_shown``: without a
    keyring the new key can only be a passphrase the user keeps), ``rotate_button``,
    ``sheet_button`` and ``key_note`` (its text is the page's)."""

    def __init__(self, *, passphrase_shown: bool) -> None:
        super().__init__(QCoreApplication.translate("SafetyPage", "Encryption key"))
        layout = QVBoxLayout(self)
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setPlaceholderText(
            QCoreApplication.translate("SafetyPage", "New passphrase (at least 8 characters)")
        )
        self.new_passphrase.setVisible(passphrase_shown)
        layout.addWidget(self.new_passphrase)
        row = QHBoxLayout()
        self.rotate_button = QPushButton(
            QCoreApplication.translate("SafetyPage", "Rotate the &key…")
        )
        self.sheet_button = QPushButton(
            QCoreApplication.translate("SafetyPage", "Save the recovery &sheet…")
        )
        row.addWidget(self.rotate_button)
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        layout.addWidget(self.key_note)
