"""``python -m app --database FILE list`` on a file that is no usable case database (QA15 D1):
the damaged-file message names the app's backups folder only where one exists beside the file,
and a file with SQLite's plain header before unreadable bytes is damaged, not "a plain,
unencrypted SQLite file". The file under test is never created, written or moved, and no
companion file (-wal, -shm, -journal, backups/) appears beside it."""

import random
import sqlite3
from pathlib import Path

import pytest

from app.cli import USER_ERROR, main
from app.store.connection import PLAIN_SQLITE_HEADER


@pytest.fixture(autouse=True)
def _environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "qa15-pass")


def _list_error(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The error ``list`` prints for ``path``, checking that the folder holding it is the same
    before and after, byte for byte."""
    before = _contents(path.parent)
    capsys.readouterr()
    assert main(["--database", str(path), "list"]) == USER_ERROR
    assert _contents(path.parent) == before
    return capsys.readouterr().err


def _contents(folder: Path) -> dict[str, bytes | None]:
    """Every entry of ``folder``: a file's bytes, ``None`` for a folder."""
    return {p.name: p.read_bytes() if p.is_file() else None for p in folder.iterdir()}


def _random_file(folder: Path, head: bytes = b"") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "small.db"
    # 1000 bytes in all: not a whole number of 512-byte pages, so "truncated or damaged".
    path.write_bytes(head + random.Random(15).randbytes(1000 - len(head)))
    return path


def test_a_damaged_file_without_a_backups_folder_names_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rand"
    path = _random_file(folder)
    assert _list_error(path, capsys) == (
        f"error: 'small.db' in '{folder}' is truncated or damaged and cannot be opened as it "
        "is. Restore it from a backup of yours or an automatic one: python -m app --database "
        f"{path} restore BACKUP-FILE; the damaged file is kept aside.\n"
    )
    assert not (folder / "backups").exists()


def test_a_damaged_file_beside_the_app_s_backups_folder_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rand"
    path = _random_file(folder)
    (folder / "backups").mkdir()
    assert _list_error(path, capsys) == (
        f"error: 'small.db' in '{folder}' is truncated or damaged and cannot be opened as it "
        "is. Restore it from a backup (yours, an automatic one, or a copy the app kept in "
        f"'{folder}/backups'): python -m app --database {path} restore BACKUP-FILE; the "
        "damaged file is kept aside.\n"
    )


def test_sqlite_s_header_before_random_bytes_is_damaged_not_a_plain_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "rand"
    path = folder / "header.db"
    folder.mkdir()
    # Two 4096-byte pages: whole pages, so only the unreadable schema tells it is damaged.
    path.write_bytes(PLAIN_SQLITE_HEADER + random.Random(15).randbytes(8192 - 16))
    assert _list_error(path, capsys) == (
        f"error: 'header.db' in '{folder}' is truncated or damaged and cannot be opened as it "
        "is. Restore it from a backup of yours or an automatic one: python -m app --database "
        f"{path} restore BACKUP-FILE; the damaged file is kept aside.\n"
    )


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_a_plain_sqlite_database_whose_schema_reads_is_named_plain(
    tmp_path: Path, journal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA journal_mode = {journal}")
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.execute("INSERT INTO notes VALUES ('个人信息')")
    connection.commit()
    connection.close()  # the last connection: a WAL is checkpointed and removed
    assert _list_error(path, capsys) == (
        "error: 'plain.db' is a plain, unencrypted SQLite file, not a Privacy Desk database.\n"
    )
