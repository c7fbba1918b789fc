"""The backup and restore file dialogs of the "Backup and keys" page, and the folders they
remember (``app.ui.save_folder``): they start in the folder last used, else Documents, never
the process's working folder (the program's own folder when started from it: QA round 16, W10).
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.store.backup import BACKUP_SUFFIX

# The file dialogs' remembered folders (app.ui.save_folder): where backups were last written
# or restored from, and where a restore last went.
BACKUPS, RESTORES = "backups", "restores"

# Asks for an existing file: (parent, dialog title, folder to start in) -> the path, or None.
ChooseOpenPath = Callable[[QWidget, str, str], Path | None]


def ask_open_path(parent: QWidget, title: str, folder: str) -> Path | None:
    """Ask for a backup file with the platform's open dialog, starting in ``folder``;
    ``None`` when cancelled."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        title,
        folder,
        QCoreApplication.translate(
            "SafetyPage", "Privacy Desk backup (*%1);;All files (*)"
        ).replace("%1", BACKUP_SUFFIX),
    )
    return Path(chosen) if chosen else None
