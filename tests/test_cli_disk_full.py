"""``python -m app`` on a full disk: the import stops at the first file that does not fit,
with the table so far, the summary and one clear error; a command whose closing checkpoint
does not fit still ends normally, and nothing committed is lost."""

import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store import default_database_path
from tests.store.full_disk import file_size_limit, no_growth, padded_messages


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "correct horse 电池 staple")
    return tmp_path / "data"


def test_an_import_on_a_full_disk_stops_with_its_results_and_one_clear_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, *rest = padded_messages(tmp_path / "inbox", 4)
    assert main(["import", str(first)]) == 0
    capsys.readouterr()
    with no_growth():  # 1.eml (some 200 KiB) does not fit in the file's free pages
        status = main(["import", *map(str, rest)])
    out, err = capsys.readouterr()
    folder = default_database_path().parent.resolve()
    full = (
        f"The disk holding '{folder}' is full: free space on it and try again. Nothing was "
        "lost: the change that did not fit was undone, everything saved before it is kept."
    )
    assert status == 2
    lines = out.splitlines()
    assert [line.split()[:2] for line in lines[1:-1]] == [["1.eml", "failed"]]  # 2, 3 not tried
    assert lines[1].endswith(full)
    assert lines[-1] == (
        "1 files: 0 imported, 0 duplicates, 1 failed; 0 need review; stopped: the disk is full"
    )
    assert err.splitlines() == [f"error: {full}"]
    assert main(["import", str(rest[0])]) == 0  # with room again
    assert "1 files: 1 imported" in capsys.readouterr().out


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_closing_checkpoint_that_does_not_fit_fails_no_command(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = padded_messages(tmp_path / "inbox", 2)
    assert main(["import", str(first)]) == 0
    database = default_database_path()
    # The file may not grow: the import's 200 KiB go to the WAL (a file of its own, empty
    # after the last close), the checkpoint that would copy them into the file fails at close.
    with file_size_limit(database.stat().st_size):
        assert main(["import", str(second)]) == 0
        assert main(["list"]) == 0  # read-only: its closing checkpoint fails the same way
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    warning = "the write-ahead log was not copied into the database file"
    assert [warning in record.getMessage() for record in caplog.records] == [True, True]
    assert len(out.splitlines()[-2:]) == 2 and "PD-2026-000002" in out  # listed from the WAL
    assert main(["verify-audit"]) == 0  # with room again: nothing was lost
    assert main(["list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3  # verified line + both cases
