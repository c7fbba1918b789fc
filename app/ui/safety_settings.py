"""Typed accessors over ``QSettings`` for scheduled backups and the idle lock (STYLE.md §10).

These are per-machine settings (a backup folder is a path on this computer), so they live in
``QSettings`` rather than in the case database.
"""

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QSettings

from app.store.idle_lock import DEFAULT_IDLE_MINUTES
from app.store.schedule import BackupSchedule

DEFAULT_INTERVAL_HOURS = 24
DEFAULT_KEEP = 7


class SafetySettings:
    """Scheduled-backup settings (folder, interval in hours, how many to keep, on/off) and the
    idle-lock minutes, read and written through one ``QSettings``."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def folder(self) -> Path | None:
        """Return the backup folder, or ``None`` when none is chosen."""
        value = str(self._settings.value("backup/folder", "") or "")
        return Path(value) if value else None

    def set_folder(self, folder: Path | None) -> None:
        """Choose the backup folder (``None`` to clear it)."""
        self._settings.setValue("backup/folder", str(folder) if folder else "")

    def interval_hours(self) -> int:
        """Return hours between automatic backups (at least 1)."""
        return max(1, self._int("backup/interval_hours", DEFAULT_INTERVAL_HOURS))

    def set_interval_hours(self, hours: int) -> None:
        """Set hours between automatic backups."""
        self._settings.setValue("backup/interval_hours", int(hours))

    def keep(self) -> int:
        """Return how many automatic backups to keep (at least 1)."""
        return max(1, self._int("backup/keep", DEFAULT_KEEP))

    def set_keep(self, keep: int) -> None:
        """Set how many automatic backups to keep."""
        self._settings.setValue("backup/keep", int(keep))

    def enabled(self) -> bool:
        """Return whether automatic backups are on (off until a folder is chosen)."""
        return str(self._settings.value("backup/enabled", "false")).lower() == "true"

    def set_enabled(self, enabled: bool) -> None:
        """Turn automatic backups on or off."""
        self._settings.setValue("backup/enabled", "true" if enabled else "false")

    def idle_minutes(self) -> int:
        """Return the idle time before the app locks itself, in minutes (0 = never)."""
        return max(0, self._int("lock/idle_minutes", DEFAULT_IDLE_MINUTES))

    def set_idle_minutes(self, minutes: int) -> None:
        """Set the idle time before locking, in minutes (0 = never)."""
        self._settings.setValue("lock/idle_minutes", int(minutes))

    def schedule(self) -> BackupSchedule | None:
        """Return the ``BackupSchedule`` for ``app.store.schedule.run_due_backup``, or ``None``
        when automatic backups are off or have no folder."""
        folder = self.folder()
        if not self.enabled() or folder is None:
            return None
        return BackupSchedule(folder, timedelta(hours=self.interval_hours()), self.keep())

    def sync(self) -> None:
        """Write the settings to disk now."""
        self._settings.sync()

    def _int(self, name: str, default: int) -> int:
        try:
            return int(str(self._settings.value(name, default)))
        except ValueError:  # edited by hand into something else
            return default
