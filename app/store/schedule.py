"""Automatic backups: one when the last is older than the interval, keeping the newest N.

Plain Python, no timer: the GUI calls ``run_due_backup`` from its own timer (off the GUI
thread) and the CLI may call it at start. The schedule is a small settings object, not a
database row. Backups are recognised by their name, ``<stem>-auto-<UTC stamp>.pdbackup``, so
rotation only ever deletes files this schedule wrote; their time is read from the name, not
from the file's mtime (which copying between disks changes).
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.store.backup import BACKUP_SUFFIX, BackupReport, backup_database
from app.store.backup_keys import key_note_path
from app.store.database import Database
from app.store.keys import DatabaseKey

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_STAMP = re.compile(r"-auto-(\d{8}T\d{6}Z)" + re.escape(BACKUP_SUFFIX) + "$")


@dataclass(frozen=True)
class BackupSchedule:
    """Settings of the automatic backups.

    Attributes:
        folder: where backups go (a folder on another disk is best).
        interval: back up when the newest backup is at least this old.
        keep: how many automatic backups to keep (the oldest beyond are deleted), at least 1.
        enabled: off: ``run_due_backup`` does nothing.
    """

    folder: Path
    interval: timedelta = timedelta(days=1)
    keep: int = 7
    enabled: bool = True

    def __post_init__(self) -> None:
        if self.keep < 1:
            raise ValueError("keep at least one backup")
        if self.interval <= timedelta(0):
            raise ValueError("the backup interval must be positive")


def automatic_backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """Return the automatic backups of database ``stem`` in ``folder``, oldest first, with the
    UTC instant from their name."""
    if not folder.is_dir():
        return []
    found: list[tuple[datetime, Path]] = []
    for path in folder.glob(f"{stem}-auto-*{BACKUP_SUFFIX}"):
        match = _STAMP.search(path.name)
        if match:
            found.append((datetime.strptime(match[1], STAMP_FORMAT).replace(tzinfo=UTC), path))
    return sorted(found)


def is_backup_due(now: datetime, schedule: BackupSchedule, stem: str) -> bool:
    """True when ``schedule`` is on and its newest backup is ``interval`` or more before ``now``
    (aware UTC), or there is none."""
    if not schedule.enabled:
        return False
    existing = automatic_backups(schedule.folder, stem)
    return not existing or now - existing[-1][0] >= schedule.interval


def run_due_backup(
    now: datetime, schedule: BackupSchedule, database: Database, key: DatabaseKey | None = None
) -> BackupReport | None:
    """Back ``database`` up into ``schedule.folder`` if one is due, then keep the newest N.

    Args:
        now: the current instant, timezone-aware.
        schedule: the settings.
        database: the open database.
        key: the backups' own passphrase, or ``None`` for the database key.

    Returns:
        The new backup's ``BackupReport``, or ``None`` when none was due.

    Raises:
        BackupError: the new backup failed its check (older backups are all kept).
        OSError: the folder cannot be written.
    """
    stem = database.path.stem
    if not is_backup_due(now, schedule, stem):
        return None
    name = f"{stem}-auto-{now.astimezone(UTC).strftime(STAMP_FORMAT)}{BACKUP_SUFFIX}"
    report = backup_database(database, schedule.folder / name, key)
    prune_backups(schedule.folder, stem, schedule.keep)
    return report


def prune_backups(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of ``stem``; return those deleted."""
    existing = automatic_backups(folder, stem)
    doomed = [path for _, path in existing[: max(len(existing) - keep, 0)]]
    for path in doomed:
        path.unlink(missing_ok=True)
        key_note_path(path).unlink(missing_ok=True)  # which key opens it: gone with it
    return doomed
