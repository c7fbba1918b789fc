"""``python -m app backup|restore|key``: real SQLCipher, the in-memory keyring, clear errors."""

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import USER_ERROR, main
from app.errors import WrongKeyError
from app.store import MemorySecretStore, unlock
from app.store.keys import key_fingerprint, secret_name, stored_key
from app.store.recovery import grouped_hex
from app.store.secrets import KeyringSecretStore
from tests.conftest import CORPUS_INBOX
from tests.store.helpers import dump_tables
from tests.test_cli_restore_wrong_key import backup_under_a_lost_key

BACKUP_PASSPHRASE = "bäckup 'p@ss' 100% \\ 密码"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRIVACY_DESK_PASSPHRASE", raising=False)
    assert (
        main(
            [
                "import",
                str(CORPUS_INBOX / "zh01-zh-access.eml"),
                str(CORPUS_INBOX / "001-en-access-default.eml"),
            ]
        )
        == 0
    )
    return tmp_path / "data"


def _references(capsys: pytest.CaptureFixture[str], database: Path | None = None) -> list[str]:
    capsys.readouterr()
    prefix = ["--database", str(database)] if database else []
    assert main([*prefix, "list", "--format", "json"]) == 0
    return sorted(row["reference"] for row in json.loads(capsys.readouterr().out))


def test_backup_with_its_own_passphrase_then_restore_as_a_new_file(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BACKUP_PASS", BACKUP_PASSPHRASE)
    target = tmp_path / "usb" / "cases.pdbackup"
    target.parent.mkdir()
    assert main(["backup", "--to", str(target), "--passphrase-env", "BACKUP_PASS"]) == 0
    assert f"backup written and checked: {target}" in capsys.readouterr().out
    before = _references(capsys)
    restored = tmp_path / "restored.db"
    assert (
        main(["restore", str(target), "--as", str(restored), "--passphrase-env", "BACKUP_PASS"])
        == 0
    )
    assert _references(capsys, restored) == before == ["PD-2026-000001", "PD-2026-000002"]
    assert (
        main(["restore", str(target), "--as", str(restored), "--passphrase-env", "BACKUP_PASS"])
        == USER_ERROR
    )
    assert "--as needs a new file" in capsys.readouterr().err


def test_default_backup_then_restore_over_the_live_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup"]) == 0
    (backup,) = (data_dir / "backups").glob("*.pdbackup")
    assert main(["import", str(CORPUS_INBOX / "zh02-zh-copy.eml")]) == 0
    assert len(_references(capsys)) == 3
    assert main(["restore", str(backup)]) == 0
    output = capsys.readouterr().out
    assert "the database it replaced is kept at" in output
    assert len(_references(capsys)) == 2
    (kept,) = (data_dir / "backups").glob("privacy-desk-replaced-*.db")
    key = stored_key(KeyringSecretStore(), data_dir / "privacy-desk.db")
    assert key is not None  # the restored database kept the live database's key
    assert dump_tables(kept, key)["case"].__len__() == 3


def test_key_rotate_then_the_old_key_no_longer_opens(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "privacy-desk.db"
    old = stored_key(KeyringSecretStore(), path)
    assert main(["key", "rotate"]) == 0
    new = stored_key(KeyringSecretStore(), path)
    assert new is not None and new != old
    assert "the old key no longer opens it" in capsys.readouterr().out
    assert len(_references(capsys)) == 2
    stale = MemorySecretStore()
    assert old is not None
    stale.set(secret_name(path), old.key.hex())
    with pytest.raises(WrongKeyError):
        unlock(path, secrets=stale, passphrase=None)


def test_rotate_to_a_passphrase_needs_eight_characters(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEW_PASS", "short")
    assert main(["key", "rotate", "--to-passphrase-env", "NEW_PASS"]) == USER_ERROR
    assert "8 characters" in capsys.readouterr().err
    monkeypatch.setenv("NEW_PASS", BACKUP_PASSPHRASE)
    assert main(["key", "rotate", "--to-passphrase-env", "NEW_PASS"]) == 0
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", BACKUP_PASSPHRASE)
    assert len(_references(capsys)) == 2


def test_recovery_sheet_goes_only_to_the_chosen_file_and_restores_the_keyring(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = data_dir / "privacy-desk.db"
    key = stored_key(KeyringSecretStore(), path)
    assert key is not None
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    assert main(["key", "recovery-sheet", "-o", str(chosen / "key.pdf")]) == 0
    assert [p.name for p in chosen.iterdir()] == ["key.pdf"]
    text = PdfReader(chosen / "key.pdf").pages[0].extract_text()
    assert all(line in text for line in grouped_hex(key))
    KeyringSecretStore().set(secret_name(path), "")  # the keyring entry is lost
    monkeypatch.setenv("TYPED_KEY", "\n".join(grouped_hex(key)))
    assert main(["key", "restore", "--key-env", "TYPED_KEY"]) == 0
    assert stored_key(KeyringSecretStore(), path) == key
    monkeypatch.setenv("TYPED_KEY", "00" * 32)
    assert main(["key", "restore", "--key-env", "TYPED_KEY"]) == USER_ERROR
    assert "does not open" in capsys.readouterr().err
    assert stored_key(KeyringSecretStore(), path) == key


def test_the_database_a_restore_replaced_opens_with_the_app(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup"]) == 0
    (backup,) = (data_dir / "backups").glob("*.pdbackup")
    assert main(["import", str(CORPUS_INBOX / "zh02-zh-copy.eml")]) == 0
    assert main(["restore", str(backup)]) == 0
    (kept,) = (data_dir / "backups").glob("privacy-desk-replaced-*.db")
    # Keys are kept per path: the replaced file's key was stored under its new name.
    assert _references(capsys, kept) == ["PD-2026-000001", "PD-2026-000002", "PD-2026-000003"]
    assert _references(capsys) == ["PD-2026-000001", "PD-2026-000002"]


@pytest.mark.parametrize("cut", ["partial_page", "flipped_byte"])
def test_a_damaged_backup_is_named_as_such_not_sent_back_to_restore(
    data_dir: Path, tmp_path: Path, cut: str, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "b.pdbackup"
    assert main(["backup", "--to", str(backup)]) == 0
    data = bytearray(backup.read_bytes())
    if cut == "partial_page":
        data = data[: 3 * 4096 + 10]  # cut mid-page: not a whole number of pages
    else:
        data[len(data) // 2] ^= 0xFF  # one flipped byte in a data page: its HMAC fails
    backup.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["restore", str(backup), "--as", str(tmp_path / "new.db")]) == USER_ERROR
    assert capsys.readouterr().err == (
        "error: The backup 'b.pdbackup' is truncated or damaged and cannot be restored: "
        "choose another backup. Nothing was changed.\n"
    )
    assert not (tmp_path / "new.db").exists()


def test_backup_then_rotate_twice_then_restore_the_first_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "privacy-desk.db"
    first = stored_key(KeyringSecretStore(), path)
    assert first is not None
    (data_dir / "backups").mkdir()
    assert main(["backup", "--to", str(data_dir / "backups" / "week1.pdbackup")]) == 0
    assert main(["key", "rotate"]) == 0
    out = capsys.readouterr().out
    assert f"the old key {key_fingerprint(first)} stays in the keyring" in out
    assert main(["key", "rotate"]) == 0
    current = stored_key(KeyringSecretStore(), path)
    assert current is not None and current != first
    assert main(["import", str(CORPUS_INBOX / "zh02-zh-copy.eml")]) == 0
    assert len(_references(capsys)) == 3
    capsys.readouterr()
    assert main(["restore", str(data_dir / "backups" / "week1.pdbackup")]) == 0
    assert f"opened with the earlier key {key_fingerprint(first)}" in capsys.readouterr().out
    assert _references(capsys) == ["PD-2026-000001", "PD-2026-000002"]
    assert stored_key(KeyringSecretStore(), path) == current  # opens with today's keyring
    for file in (p for p in data_dir.rglob("*") if p.is_file()):
        content = file.read_bytes()
        for key in (first, current):
            assert key.key.hex().encode() not in content, file.name
            assert key.key.hex().upper().encode() not in content, file.name
            assert key.key not in content, file.name


def test_a_backup_whose_key_is_gone_names_it_and_the_recovery_sheet_opens_it(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = data_dir / "privacy-desk.db"
    backup = tmp_path / "b.pdbackup"
    first, current = backup_under_a_lost_key(path, backup)
    capsys.readouterr()
    restored = tmp_path / "restored.db"
    assert main(["restore", str(backup), "--as", str(restored)]) == USER_ERROR
    err = capsys.readouterr().err
    assert (
        f"error: This backup was made with key {key_fingerprint(first)}, which the keyring no "
        f"longer holds (the current key is {key_fingerprint(current)}): enter that key's "
        "recovery sheet.\n"
    ) in err
    assert "--key-env" in err
    assert not restored.exists()
    monkeypatch.setenv("SHEET_KEY", "\n".join(grouped_hex(first)))
    assert main(["restore", str(backup), "--as", str(restored), "--key-env", "SHEET_KEY"]) == 0
    assert _references(capsys, restored) == ["PD-2026-000001", "PD-2026-000002"]
