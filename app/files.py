"""Writing files the user asked for, safely."""

import os
import tempfile
from pathlib import Path

from app.errors import ExportPathError


def check_export_target(target: Path, *, overwrite: bool = True) -> Path:
    """Return ``target`` (user-expanded) if a file can be written there.

    Args:
        overwrite: whether an existing file may be replaced (a GUI save dialog has already
            asked; the CLI asks for ``--overwrite``).

    Raises:
        ExportPathError: the folder does not exist or is not writable, the target is a
            folder, or it exists and ``overwrite`` is false.
    """
    target = target.expanduser()
    folder = target.parent
    if target.is_dir():
        raise ExportPathError(f"'{target}' is a folder; choose a file name.")
    if target.exists() and not overwrite:
        raise ExportPathError(f"'{target}' exists already; choose another name or --overwrite.")
    if not folder.is_dir():
        raise ExportPathError(f"The folder '{folder}' does not exist.")
    if not os.access(folder, os.W_OK):
        raise ExportPathError(f"The folder '{folder}' is not writable.")
    return target


def write_file_atomically(target: Path, content: bytes, *, overwrite: bool = True) -> None:
    """Write ``content`` to ``target`` through a temporary file in the same folder and a rename,
    so a crash leaves the old file or the new one, never half a document.

    Raises:
        ExportPathError: the target cannot be written (see ``check_export_target``).
        OSError: the disk refused the write (full, removed meanwhile).
    """
    target = check_export_target(target, overwrite=overwrite)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        if overwrite:
            os.replace(temporary, target)
        else:
            _link_without_replacing(Path(temporary), target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        if error.filename is None:  # a write's error names no file: name the one written
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _link_without_replacing(temporary: Path, target: Path) -> None:
    """Give the written file its name unless that name was taken meanwhile (no race)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise ExportPathError(f"'{target}' exists already; choose another name.") from None
    temporary.unlink()
