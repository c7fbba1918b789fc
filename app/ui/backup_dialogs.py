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


def ask_save_file(parent: QWidget, title: str, start: str) -> Path | None:
    """Ask where to save with the platform's save dialog, opening at ``start`` (a path whose
    file name is the suggestion); ``None`` when cancelled.

    The file type offered follows the suggestion: a backup (``BACKUP_SUFFIX``) or a recovery
    sheet (``.pdf``); anything else (a database restored from a backup) with no filter. A
    backup offered under "PDF (*.pdf)" listed only PDFs in the folder, hiding the backups
    already there.
    """
    suffix = Path(start).suffix.lower()
    if suffix == BACKUP_SUFFIX:
        kind = QCoreApplication.translate("SafetyPage", "Privacy Desk backup (*%1);;All files (*)")
        file_filter = kind.replace("%1", BACKUP_SUFFIX)
    elif suffix == ".pdf":
        file_filter = "PDF (*.pdf)"
    else:  # a new database: any file name, every file shown
        file_filter = ""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    return Path(chosen) if chosen else None
