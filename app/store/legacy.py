"""Databases written by SQLCipher 3: keep the old file aside, then copy it to the current format.

SQLCipher 4 changed the defaults (page size 4096, PBKDF2-HMAC-SHA512 with 256,000 iterations,
HMAC-SHA512), so a SQLCipher 3 file looks like a wrong key. ``connect`` tells the two apart by
trying the SQLCipher 3 settings (``LegacyFormatError``). The migration never writes into the old
file: it is copied to ``backups/`` first, exported with the same key into a new file in the
current format, that file is checked (integrity, row counts) and only then renamed over the old
name. ``PRAGMA cipher_migrate`` would rewrite the file in place with no check we control.
"""

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.store.connection import connect
from app.store.copying import aside_path, write_verified_copy
from app.store.keys import DatabaseKey

LEGACY_VERSION = 3


@dataclass(frozen=True)
class FormatMigration:
    """A database was migrated from an older SQLCipher format when it was opened.

    Attributes:
        from_version: the SQLCipher major version that wrote it (3).
        backup_path: the untouched copy of the old file, kept in ``backups/``.
    """

    from_version: int
    backup_path: Path


def migrate_sqlcipher3(path: Path, key: DatabaseKey) -> FormatMigration:
    """Migrate the closed SQLCipher 3 database at ``path`` to the current format, same key.

    Returns:
        The ``FormatMigration`` with the kept copy of the old file.

    Raises:
        BackupError: the new copy failed its check (the old file is still in place).
        WrongKeyError: ``key`` does not open it even with SQLCipher 3 settings.
    """
    now = datetime.now(UTC)
    backup = _copy_aside(path, now)
    staging = path.with_name(f".{path.name}.migrating-{now.strftime('%Y%m%dT%H%M%S%fZ')}")
    source = connect(path, key, read_only=True, cipher_compatibility=LEGACY_VERSION)
    try:
        write_verified_copy(source, staging, key)
    finally:
        source.close()
    os.replace(staging, path)
    return FormatMigration(LEGACY_VERSION, backup)


def _copy_aside(path: Path, now: datetime) -> Path:
    target = aside_path(path, f"sqlcipher{LEGACY_VERSION}", now)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copy2(wal, Path(f"{target}-wal"))
    return target
