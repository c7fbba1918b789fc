"""The scheduled-backup and idle-lock settings of the "Backup and keys" dialog, saved to
``SafetySettings`` as soon as they change."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.backup_dialogs import BACKUPS
from app.ui.safety_settings import SafetySettings
from app.ui.save_folder import start_folder

# Asks for a folder: (parent, dialog title, folder to start in) -> the folder, or None.
ChooseFolder = Callable[[QWidget, str, str], Path | None]


def ask_folder(parent: QWidget, title: str, folder: str) -> Path | None:
    """Ask for a folder with the platform's dialog, starting in ``folder``; ``None`` when
    cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(chosen) if chosen else None


class SafetySettingsForm(QWidget):
    """The "Automatic backups" and "Lock" sections.

    Args:
        settings: where the values are read from and saved to.
        choose_folder: the folder picker (tests pass a fake).

    Signals:
        changed(): a scheduled-backup or idle-lock setting changed (saved already).
    """

    changed = Signal()

    def __init__(
        self,
        settings: SafetySettings,
        choose_folder: ChooseFolder = ask_folder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._choose_folder = choose_folder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_schedule())
        layout.addWidget(self._build_lock())
        self._load_settings()

    def _build_schedule(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SafetyPage", "Automatic backups"))
        form = QFormLayout(box)
        self.schedule_enabled = QCheckBox(
            QCoreApplication.translate("SafetyPage", "Back up automatically")
        )
        form.addRow(self.schedule_enabled)
        folder_row = QHBoxLayout()
        self.schedule_folder = QLineEdit()
        self.schedule_folder.setReadOnly(True)
        browse = QPushButton(QCoreApplication.translate("SafetyPage", "Choose…"))
        browse.clicked.connect(self.choose_schedule_folder)
        folder_row.addWidget(self.schedule_folder, 1)
        folder_row.addWidget(browse)
        form.addRow(QCoreApplication.translate("SafetyPage", "Folder"), folder_row)
        self.schedule_interval = QSpinBox()
        self.schedule_interval.setRange(1, 24 * 30)
        self.schedule_interval.setSuffix(QCoreApplication.translate("SafetyPage", " h"))
        form.addRow(QCoreApplication.translate("SafetyPage", "Every"), self.schedule_interval)
        self.schedule_keep = QSpinBox()
        self.schedule_keep.setRange(1, 365)
        form.addRow(QCoreApplication.translate("SafetyPage", "Keep the newest"), self.schedule_keep)
        return box

    def _build_lock(self) -> QGroupBox:
        box = QGroupBox(QCoreApplication.translate("SafetyPage", "Lock"))
        form = QFormLayout(box)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 24 * 60)
        self.idle_minutes.setSpecialValueText(QCoreApplication.translate("SafetyPage", "never"))
        self.idle_minutes.setSuffix(QCoreApplication.translate("SafetyPage", " min"))
        form.addRow(QCoreApplication.translate("SafetyPage", "Lock after idle"), self.idle_minutes)
        return box

    def _load_settings(self) -> None:
        folder = self._settings.folder()
        self.schedule_folder.setText(str(folder) if folder else "")
        self.schedule_enabled.setChecked(self._settings.enabled())
        self.schedule_interval.setValue(self._settings.interval_hours())
        self.schedule_keep.setValue(self._settings.keep())
        self.idle_minutes.setValue(self._settings.idle_minutes())
        self.schedule_enabled.toggled.connect(self._save_settings)
        for spin in (self.schedule_interval, self.schedule_keep, self.idle_minutes):
            spin.valueChanged.connect(self._save_settings)

    def choose_schedule_folder(self) -> None:
        """Ask for the folder of automatic backups and save it (nothing when cancelled). The
        dialog starts in the folder set now, else where backups were last saved, else
        Documents (``save_folder.start_folder``), never the process's working folder."""
        current = self._settings.folder()
        start = str(current) if current is not None and current.is_dir() else start_folder(BACKUPS)
        folder = self._choose_folder(
            self, QCoreApplication.translate("SafetyPage", "Folder for automatic backups"), start
        )
        if folder is not None:
            self.schedule_folder.setText(str(folder))
            self._save_settings()

    def _save_settings(self) -> None:
        text = self.schedule_folder.text()
        self._settings.set_folder(Path(text) if text else None)
        self._settings.set_enabled(self.schedule_enabled.isChecked())
        self._settings.set_interval_hours(self.schedule_interval.value())
        self._settings.set_keep(self.schedule_keep.value())
        self._settings.set_idle_minutes(self.idle_minutes.value())
        self._settings.sync()
        self.changed.emit()
