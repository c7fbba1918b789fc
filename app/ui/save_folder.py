"""Where a "Save …" dialog starts: the folder the user last saved such a file in, else their
Documents folder, never the process's working folder (the program's own folder when started
from it: QA round 16, W10).

The last folder is kept in ``QSettings`` under ``save_folders/<kind>`` (e.g.
``save_folders/letters``), so letters and exports each remember their own place.
"""

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

SETTINGS_GROUP = "save_folders"


def start_folder(kind: str, settings: QSettings | None = None) -> str:
    """Return the folder a file dialog for ``kind`` opens in (an open dialog's start).

    Args:
        kind: what is saved or opened (``"backups"``), the key the last folder is kept under.
        settings: where the last folder is kept; ``QSettings()`` by default.

    Returns:
        The last folder used for ``kind`` while it still exists, else the user's Documents
        folder (``QStandardPaths.DocumentsLocation``) when it exists, else the home folder;
        an absolute path, never the process's working folder.
    """
    stored = (settings or QSettings()).value(f"{SETTINGS_GROUP}/{kind}", "", type=str)
    last = Path(stored) if isinstance(stored, str) and stored else None
    if last is not None and last.is_dir():
        return str(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(Path(documents)) if documents and Path(documents).is_dir() else str(Path.home())


def start_path(kind: str, file_name: str, settings: QSettings | None = None) -> str:
    """Return the path a save dialog for ``file_name`` opens at.

    Args:
        kind: what is saved (``"letters"``), the key the last folder is kept under.
        file_name: the suggested file name (no folder).
        settings: where the last folder is kept; ``QSettings()`` by default.

    Returns:
        ``<folder>/<file_name>`` with the folder of ``start_folder(kind)``.
    """
    return str(Path(start_folder(kind, settings)) / file_name)


def remember(kind: str, chosen: str, settings: QSettings | None = None) -> None:
    """Keep the folder of ``chosen`` (a path the save dialog returned) as the last folder for
    ``kind``; nothing for an empty (cancelled) choice."""
    if not chosen:
        return
    (settings or QSettings()).setValue(f"{SETTINGS_GROUP}/{kind}", str(Path(chosen).parent))
