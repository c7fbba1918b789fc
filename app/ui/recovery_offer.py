"""After a new database is created with a random key: offer to save the recovery sheet.

The key lives only in this computer's keyring. A reinstalled system, a new user profile or a
reset keyring loses it, and with it every case: SQLCipher has no back door. The sheet (the key
as text and a QR code) is the one way back, so it is offered at the moment the key is made.
The PDF is written only to the file the user chooses, never to a default or temporary place.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.files import write_file_atomically
from app.store.keys import RawKey, key_fingerprint
from app.ui.messages import show_error
from app.ui.save_folder import remember, start_path

RECOVERY = "recovery"  # the save dialog's remembered folder (app.ui.save_folder)

# Asks where to save a file: (dialog title, suggested file name) -> the path, or None.
ChooseSavePath = Callable[[QWidget, str, str], Path | None]


def ask_save_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Ask with the platform's save dialog; ``None`` when cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    return Path(chosen) if chosen else None


def save_recovery_sheet(key: RawKey, database_name: str, target: Path) -> None:
    """Write the recovery sheet of ``key`` to ``target`` (the user's choice) atomically.

    Raises:
        ExportPathError: the target cannot be written. OSError: the disk refused.
    """
    from app.store.recovery_sheet import recovery_sheet_pdf  # ReportLab: only to print it

    write_file_atomically(target, recovery_sheet_pdf(key, database_name, datetime.now(UTC)))


class RecoveryOffer(QDialog):
    """Explains why the recovery sheet matters and saves it where the user chooses.

    Args:
        key: the new database's raw key. database_name: its file name (no folder).
        choose_path: asks for the target file (tests pass one that returns a path).

    Signals:
        saved(object): the ``Path`` the sheet was written to.
    """

    saved = Signal(object)

    def __init__(
        self,
        key: RawKey,
        database_name: str,
        choose_path: ChooseSavePath = ask_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._key = key
        self._database_name = database_name
        self._choose_path = choose_path
        self.setWindowTitle(self.tr("Save the recovery key"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_explanation())
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save recovery sheet…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build_explanation(self) -> QLabel:
        text = self.tr(
            "The new case database is encrypted with a random key kept in this computer's "
            "keyring. If the keyring is lost (a reinstalled system, a new user profile), the "
            "cases cannot be opened by anyone, including us.\n\n"
            "Save the recovery sheet now and print it: it holds the key as text and as a QR "
            "code (key check %1). Keep it locked away, as anyone holding it can read every "
            "case. You can print it later from Tools › Backup and keys."
        ).replace("%1", key_fingerprint(self._key))
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def save(self) -> None:
        """Ask where, write the sheet there, and close; stay open if it could not be written."""
        start = start_path(RECOVERY, "recovery-key.pdf")  # never the working folder
        target = self._choose_path(self, self.tr("Save the recovery sheet"), start)
        if target is None:
            return
        try:
            save_recovery_sheet(self._key, self._database_name, target)
        except (PrivacyDeskError, OSError) as error:
            message = error.strerror if isinstance(error, OSError) else str(error)
            show_error(self, self.tr("Recovery sheet not saved"), message or "", known=True)
            return
        remember(RECOVERY, str(target))  # only once the sheet is written
        self.saved.emit(target)
        self.accept()
