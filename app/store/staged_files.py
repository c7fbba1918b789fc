"""Files written beside their final name and given it only once complete and checked.

A backup or a restored database is never written in place: it is staged under a hidden name in
the same folder (``staging_path``), checked, then published (``publish``) without ever replacing
a file that appeared meanwhile.
"""

import os
from datetime import UTC, datetime
from pathlib import Path


def staging_path(target: Path, label: str) -> Path:
    """Return a new hidden name beside ``target`` for a file being written, e.g.
    ``.cases.db.part-20261130T031500123456Z`` for ``label`` ``"part"`` (UTC stamp)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return target.with_name(f".{target.name}.{label}-{stamp}")


def publish(staging: Path, target: Path) -> None:
    """Give the checked ``staging`` file its final name without ever replacing a file: a hard
    link fails if ``target`` appeared meanwhile (``os.replace`` would silently overwrite).

    Raises:
        FileExistsError: ``target`` exists (``staging`` is deleted).
    """
    try:
        os.link(staging, target)
    except FileExistsError:
        staging.unlink()
        raise
    except OSError:  # no hard links on this volume (FAT/exFAT sticks, some network shares)
        if target.exists():
            staging.unlink()
            raise FileExistsError(target) from None
        os.replace(staging, target)
        return
    staging.unlink()
