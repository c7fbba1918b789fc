"""``python -m app``: import, list, letter, and clear errors with exit status 2."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import Letter
from app.store import unlock
from tests.conftest import CORPUS_INBOX, InMemoryKeyring

PASSPHRASE = "correct horse 电池 staple"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    return tmp_path / "data"


def _list(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def test_import_then_list_as_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(CORPUS_INBOX)]) == 0
    summary = capsys.readouterr().out
    assert "52 files: 51 imported, 0 duplicates, 0 failed, 1 skipped (not messages)" in summary
    rows = _list(capsys)
    assert len(rows) == 51
    zh05 = next(r for r in rows if r["requester_email"] == "sun.qi@example.cn")
    assert (zh05["kind"], zh05["due_date"], zh05["due_date_provisional"]) == (
        "account_cancellation",
        "2027-01-15",
        True,
    )
    assert zh05["received_at"] == "2026-12-24T03:20:00+00:00"
    assert main(["import", str(CORPUS_INBOX)]) == 0
    assert "0 imported, 51 duplicates" in capsys.readouterr().out


def test_letter_is_saved_and_stored_with_its_hash(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")])
    reference = _list(capsys)[0]["reference"]
    target = tmp_path / "ack.pdf"
    assert (
        main(
            [
                "letter",
                str(reference),
                "--template",
                "acknowledgement",
                "--lang",
                "zh",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    assert digest in capsys.readouterr().out
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    with db.session() as session:
        assert session.scalar(select(Letter.sha256)) == digest
    db.close()


def test_a_letter_that_cannot_be_saved_is_not_recorded(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")])
    reference = str(_list(capsys)[0]["reference"])
    status = main(["letter", reference, "-o", str(tmp_path / "missing" / "ack.pdf")])
    assert status == 2
    assert "does not exist" in capsys.readouterr().err
    db = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    with db.session() as session:
        assert session.scalar(select(func.count(Letter.id))) == 0
    db.close()


def test_user_errors_are_one_clear_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list"]) == 2
    assert "No case database" in capsys.readouterr().err
    main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")])
    capsys.readouterr()
    assert main(["letter", "PD-2026-999999", "-o", "x.pdf"]) == 2
    assert capsys.readouterr().err == "error: No case has the reference 'PD-2026-999999'.\n"
    database = data_dir / "privacy-desk.db"
    before = database.read_bytes()
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "wrong-key")
    assert main(["list"]) == 2
    assert "does not open" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_with_a_keyring_the_database_key_is_a_raw_key_kept_there(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: InMemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRIVACY_DESK_PASSPHRASE", raising=False)
    assert main(["import", str(CORPUS_INBOX / "zh02-zh-copy.eml")]) == 0
    (stored,) = memory_keyring.passwords.values()
    assert len(bytes.fromhex(stored)) == 32
    assert len(_list(capsys)) == 1


def test_a_command_on_a_missing_database_says_so_whatever_the_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: InMemoryKeyring,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``list`` never creates a database: a short passphrase is not the problem, and with a
    keyring no key is stored for a file that does not exist."""
    missing = tmp_path / "nowhere.db"
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "short")
    assert main(["--database", str(missing), "list"]) == 2
    assert capsys.readouterr().err == f"error: No case database at '{missing}'.\n"
    monkeypatch.delenv("PRIVACY_DESK_PASSPHRASE")
    assert main(["--database", str(missing), "list"]) == 2
    assert "No case database" in capsys.readouterr().err
    assert memory_keyring.passwords == {} and not missing.exists()


def test_a_reader_closing_the_pipe_ends_the_listing_quietly(data_dir: Path) -> None:
    assert main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` having exited: every write fails with EPIPE
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "app", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=Path(__file__).resolve().parents[1],
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (finished.returncode, finished.stderr) == (1, b"")
