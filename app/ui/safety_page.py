"""The "Backup and keys" dialog: back up now, restore into a new file, rotate the key, save the
recovery sheet, and the scheduled-backup and idle-lock settings.

Backups, restores and rotations run off the GUI thread (``BackgroundTask``); files go only
where the user chooses. A rotation closes and reopens the database, so the page emits
``database_reopened`` with the new ``Database`` for the window to use from then on.
"""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.store import Database
from app.store.backup import BACKUP_SUFFIX, BackupReport, RestoreReport
from app.store.keys import RawKey
from app.store.secrets import SecretStore
from app.ui.background import BackgroundTask
from app.ui.backup_dialogs import (
    BACKUPS,
    RESTORES,
    ChooseOpenPath,
    ask_open_path,
    ask_save_file,
)
from app.ui.messages import show_error
from app.ui.recovery_offer import RECOVERY, ChooseSavePath, save_recovery_sheet
from app.ui.safety_operations import (
    KeyRotationOutcome,
    back_up_to,
    restore_to_new_file,
    rotate_and_reopen,
)
from app.ui.safety_sections import BackupSection, KeySection
from app.ui.safety_settings import SafetySettings
from app.ui.safety_settings_form import ChooseFolder, SafetySettingsForm, ask_folder
from app.ui.save_folder import remember, start_folder, start_path
from app.ui.window_size import WholeScrollArea, fit_to_screen


class SafetyPage(QDialog):
    """Backup and keys.

    Args:
        database: the open database. secrets: the keyring, or ``None`` where there is none.
        settings: scheduled-backup and idle-lock settings (``SafetySettingsForm``).
        choose_save, choose_open, choose_folder: file pickers (tests pass fakes).
        pool: where background work runs (the global pool by default).

    Signals:
        backup_finished(object): the ``BackupReport`` of a backup written and checked.
        restore_finished(object): the ``RestoreReport`` of a restore into a new file.
        database_reopened(object): the ``Database`` to use after a key rotation.
        settings_changed(): a scheduled-backup or idle-lock setting changed (saved already).
        task_failed(str): a background operation failed; its message.
    """

    backup_finished = Signal(object)
    restore_finished = Signal(object)
    database_reopened = Signal(object)
    settings_changed = Signal()
    task_failed = Signal(str)

    def __init__(
        self,
        database: Database,
        secrets: SecretStore | None,
        settings: SafetySettings,
        *,
        choose_save: ChooseSavePath = ask_save_file,
        choose_open: ChooseOpenPath = ask_open_path,
        choose_folder: ChooseFolder = ask_folder,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._secrets = secrets
        self._choose_save, self._choose_open = choose_save, choose_open
        self._pool = pool
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Backup and keys"))
        sections = QWidget()
        body = QVBoxLayout(sections)
        body.setContentsMargins(0, 0, 0, 0)
        backup = BackupSection()
        self.backup_passphrase, self.progress, self.status = (
            backup.backup_passphrase,
            backup.progress,
            backup.status,
        )
        self.backup_button, self.restore_button = backup.backup_button, backup.restore_button
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        keys = KeySection(passphrase_shown=secrets is None)
        self.new_passphrase, self.key_note = keys.new_passphrase, keys.key_note
        self.rotate_button, self.sheet_button = keys.rotate_button, keys.sheet_button
        self.rotate_button.clicked.connect(self.ask_rotation)
        self.sheet_button.clicked.connect(self.save_sheet)
        self._update_key_note()
        body.addWidget(backup)
        body.addWidget(keys)
        self.settings_form = SafetySettingsForm(settings, choose_folder, self)
        self.settings_form.changed.connect(self.settings_changed)
        body.addWidget(self.settings_form)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # At 150 % on a 1440×900 screen the sections alone were 548 of the 600 pixels there
        # are: they scroll, the Close button stays in view.
        layout.addWidget(WholeScrollArea(sections))
        layout.addWidget(close)
        fit_to_screen(self)

    # -- operations -------------------------------------------------------------------------

    def back_up(self) -> None:
        """Ask for a new file and write a checked backup there in the background."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        suggested = f"{self._database.path.stem}-{stamp}{BACKUP_SUFFIX}"
        # The last backup folder, else Documents: never the working folder (kept on success).
        start = start_path(BACKUPS, suggested)
        target = self._choose_save(self, self.tr("Back up to"), start)
        if target is None:
            return
        passphrase = self.backup_passphrase.text() or None
        database = self._database
        self._run(lambda _p, _c: back_up_to(database, target, passphrase), self._backed_up)

    def restore(self) -> None:
        """Ask for a backup and a new file, restore into it and show the checks' result."""
        backup = self._choose_open(self, self.tr("Backup to restore"), start_folder(BACKUPS))
        if backup is None:
            return
        start = start_path(RESTORES, "restored.db")
        target = self._choose_save(self, self.tr("Restore into the new file"), start)
        if target is None:
            return
        passphrase = self.backup_passphrase.text() or None
        database, secrets = self._database, self._secrets
        self._run(
            lambda _p, _c: restore_to_new_file(backup, passphrase, target, database, secrets),
            lambda report: self._restored(report, backup),
        )

    def ask_rotation(self) -> None:
        """Confirm, then re-encrypt the database under a new key in the background."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Rotate the key"),
            self.tr(
                "The database is closed, re-encrypted under a new key and opened again. Finish "
                "imports first. Printed recovery sheets of the old key no longer open the "
                "database, but still open the backups made before: keep them with those backups."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.accepted.connect(self.rotate)
        box.open()
        self.rotation_question = box

    def rotate(self) -> None:
        """Re-encrypt under a new key now (no question)."""
        passphrase = self.new_passphrase.text() or None
        database, secrets = self._database, self._secrets
        self._run(lambda _p, _c: rotate_and_reopen(database, secrets, passphrase), self._rotated)

    def save_sheet(self) -> None:
        """Save the recovery sheet of a keyring database where the user chooses."""
        key = self._database.key
        if not isinstance(key, RawKey):
            return
        start = start_path(RECOVERY, "recovery-key.pdf")  # never the working folder
        target = self._choose_save(self, self.tr("Save the recovery sheet"), start)
        if target is None:
            return
        try:
            save_recovery_sheet(key, self._database.path.name, target)
        except Exception as error:  # ExportPathError or OSError: say so, change nothing
            show_error(self, self.tr("Recovery sheet not saved"), str(error), known=True)
            return
        remember(RECOVERY, str(target))
        self.status.setText(self.tr("Recovery sheet saved to %1.").replace("%1", str(target)))

    # -- background plumbing ----------------------------------------------------------------

    def _run(self, work: Callable[[Any, Any], object], done: Callable[[Any], None]) -> None:
        self._set_busy(True)
        task = BackgroundTask(work, self)
        task.succeeded.connect(done)
        task.failed.connect(self._failed)
        self._task = task
        task.start(self._pool)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setRange(0, 0)  # a copy reports no steps: show that it is working
        self.progress.setVisible(busy)
        for button in (self.backup_button, self.restore_button, self.rotate_button):
            button.setEnabled(not busy)
        self.sheet_button.setEnabled(not busy and isinstance(self._database.key, RawKey))

    def _failed(self, message: str, known: bool) -> None:
        self._set_busy(False)
        self.status.setText("")
        show_error(self, self.tr("Not done"), message, known)
        self.task_failed.emit(message)

    def _backed_up(self, report: BackupReport) -> None:
        self._set_busy(False)
        remember(BACKUPS, str(report.path))
        self.status.setText(
            self.tr("Backup written to %1 and checked: %2 tables, %3 rows.")
            .replace("%1", str(report.path))
            .replace("%2", str(len(report.tables)))
            .replace("%3", str(report.rows))
        )
        self.backup_finished.emit(report)

    def _restored(self, report: RestoreReport, backup: Path) -> None:
        self._set_busy(False)
        remember(BACKUPS, str(backup))  # where backups are: the next restore starts there
        remember(RESTORES, str(report.path))
        self.status.setText(
            self.tr(
                "Restored into %1 and checked: integrity ok, %2 tables with %3 rows, the same "
                "as in the backup. The database in use is unchanged."
            )
            .replace("%1", str(report.path))
            .replace("%2", str(len(report.tables)))
            .replace("%3", str(sum(report.tables.values())))
        )
        self.restore_finished.emit(report)

    def _rotated(self, outcome: KeyRotationOutcome) -> None:
        self._set_busy(False)
        self._database = outcome.database
        self.new_passphrase.clear()
        self._update_key_note()
        self.database_reopened.emit(outcome.database)
        if not outcome.rotated:
            self._failed(outcome.problem, True)
            return
        self.status.setText(
            self.tr("The database is now encrypted with a new key; the old key no longer opens it.")
        )

    def _update_key_note(self) -> None:
        keyring = isinstance(self._database.key, RawKey)
        self.sheet_button.setEnabled(keyring)
        self.key_note.setText(
            self.tr("The key is kept in this computer's keyring. Keep a printed recovery sheet.")
            if keyring
            else self.tr(
                "This database is encrypted with a passphrase: the passphrase itself is what to "
                "keep safe; there is no recovery sheet."
            )
        )
