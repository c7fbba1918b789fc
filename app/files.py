"""Writing files the user asked for, safely."""

import os
import tempfile
from pathlib import Path

from app.errors import ExportPathError


def check_export_target(target: Path) -> Path:
    """Return ``target`` (user-expanded) if a file can be written there.

    Raises:
        ExportPathError: the folder does not exist, is not writable, or the target is a folder.
    """
    target = target.expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportPathError(f"'{target}' is a folder; choose a file name.")
    if not folder.is_dir():
        raise ExportPathError(f"The folder '{folder}' does not exist.")
    if not os.access(folder, os.W_OK):
        raise ExportPathError(f"The folder '{folder}' is not writable.")
    return target


def write_file_atomically(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` through a temporary file in the same folder and a rename,
    so a crash leaves the old file or the new one, never half a document.

    Raises:
        ExportPathError: the target cannot be written (see ``check_export_target``).
        OSError: the disk refused the write (full, removed meanwhile).
    """
    target = check_export_target(target)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
