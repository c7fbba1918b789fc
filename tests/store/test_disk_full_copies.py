"""Files the app writes itself on a full disk: a backup that does not fit is one clear error
naming the folder and leaves no file (a real small disk: tmpfs, root only); a document whose
write fails names the file it was writing (a file-size limit, no root needed)."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import DiskFullError
from app.files import write_file_atomically
from app.store import Database
from app.store.backup import backup_database
from tests.store.full_disk import file_size_limit


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB file system: smaller than any case database (some 300 KiB when new)."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux")
    folder = tmp_path / "small disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip("no tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_backup_to_a_full_disk_is_one_clear_error_and_leaves_no_file(
    database: Database, small_disk: Path, tmp_path: Path
) -> None:
    with pytest.raises(DiskFullError) as raised:
        backup_database(database, small_disk / "cases.pdbackup")
    assert str(raised.value) == (
        f"The disk holding '{small_disk}' is full: free space on it and try again. Nothing was "
        "lost: the change that did not fit was undone, everything saved before it is kept."
    )
    assert list(small_disk.iterdir()) == []
    # The database's connection was left with no transaction open: the next backup works.
    assert backup_database(database, tmp_path / "roomy.pdbackup").path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_document_whose_write_fails_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    with file_size_limit(4096), pytest.raises(OSError) as raised:
        write_file_atomically(target, b"%PDF" + bytes(10_000))
    assert raised.value.filename == str(target)  # the CLI names its folder (disk full)
    assert list(tmp_path.iterdir()) == []  # no half-written temporary left
