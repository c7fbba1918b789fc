"""``python -m app restore`` with a wrong backup passphrase or recovery sheet says that what was
given is wrong, not that one is needed (QA18 F6): real SQLCipher, the in-memory keyring."""

from pathlib import Path

import pytest

from app.cli import USER_ERROR, main
from app.store.backup_keys import key_note_path
from app.store.keys import RawKey, key_fingerprint, retired_secret_name, stored_key
from app.store.recovery import grouped_hex
from app.store.secrets import KeyringSecretStore
from tests.conftest import CORPUS_INBOX

OWN = "备份 密码 🔑 with spaces"
WRONG_PASSPHRASE = (
    "error: The backup passphrase is not right for this backup; nothing was restored.\n"
)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PRIVACY_DESK_PASSPHRASE", raising=False)
    assert main(["import", str(CORPUS_INBOX / "zh01-zh-access.eml")]) == 0
    return tmp_path / "data"


def backup_under_a_lost_key(database: Path, backup: Path) -> tuple[RawKey, RawKey]:
    """Back ``database`` up to ``backup`` through the CLI, rotate its key, and lose the retired
    key from the keyring (a reinstalled machine with only today's key restored); return the
    backup's key and the current one."""
    first = stored_key(KeyringSecretStore(), database)
    assert first is not None
    assert main(["backup", "--to", str(backup)]) == 0
    assert main(["key", "rotate"]) == 0
    current = stored_key(KeyringSecretStore(), database)
    assert current is not None
    KeyringSecretStore().set(retired_secret_name(key_fingerprint(first)), "")  # key lost
    return first, current


def test_a_wrong_backup_passphrase_is_named_as_wrong(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BKP", OWN)
    monkeypatch.setenv("WRONG", "nope")
    backup = tmp_path / "bk" / "备份 ü.pdbk"
    backup.parent.mkdir()
    assert main(["backup", "--to", str(backup), "--passphrase-env", "BKP"]) == 0
    assert (key_note_path(backup).stat().st_mode & 0o777) == 0o600  # as the backup itself
    capsys.readouterr()
    restored = tmp_path / "bk" / "r2.db"
    argv = ["restore", str(backup), "--as", str(restored)]
    assert main([*argv, "--passphrase-env", "WRONG"]) == USER_ERROR
    assert capsys.readouterr() == ("", WRONG_PASSPHRASE)
    assert not restored.exists()
    assert main(argv) == USER_ERROR  # none given: which passphrase it needs, and how to give it
    err = capsys.readouterr().err
    assert "error: This backup was made with a backup passphrase of its own" in err
    assert "--passphrase-env VAR" in err and not restored.exists()
    assert main([*argv, "--passphrase-env", "BKP"]) == 0
    assert capsys.readouterr().out.startswith(f"restored and checked: {restored} (")


def test_the_recovery_sheet_of_another_key_is_named(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "b.pdbackup"
    first, current = backup_under_a_lost_key(data_dir / "privacy-desk.db", backup)
    monkeypatch.setenv("SHEET_KEY", "\n".join(grouped_hex(current)))  # today's sheet, not its
    capsys.readouterr()
    restored = tmp_path / "restored.db"
    assert main(["restore", str(backup), "--as", str(restored), "--key-env", "SHEET_KEY"]) == 2
    assert capsys.readouterr().err == (
        f"error: The recovery key given is key {key_fingerprint(current)}, but this backup was "
        f"made with key {key_fingerprint(first)}: enter that key's recovery sheet. Nothing was "
        "restored.\n"
    )
    assert not restored.exists()


def test_a_recovery_key_given_for_a_passphrase_backup_is_named_as_given(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """QA19 F7: 64 digits given with --key-env for a backup made with its own passphrase: the
    key given cannot open it (it needs that passphrase), and no hint to give --key-env."""
    monkeypatch.setenv("BKP", OWN)
    monkeypatch.setenv("K", "0" * 64)
    backup = tmp_path / "b1.pdbk"
    assert main(["backup", "--to", str(backup), "--passphrase-env", "BKP"]) == 0
    capsys.readouterr()
    restored = tmp_path / "r6.db"
    assert main(["restore", str(backup), "--as", str(restored), "--key-env", "K"]) == USER_ERROR
    assert capsys.readouterr() == (
        "",
        "error: The recovery key given cannot open this backup: it was made with a backup "
        "passphrase of its own. Enter that backup passphrase; nothing was restored.\n",
    )
    assert not restored.exists()


def test_a_passphrase_given_for_a_keyring_backup_is_not_asked_for_again(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A passphrase given for a backup made under the keyring key, which was then rotated away
    and lost: the key it needs is named, and the hint names only --key-env, not the
    --passphrase-env just given."""
    backup = tmp_path / "b.pdbackup"
    first, current = backup_under_a_lost_key(data_dir / "privacy-desk.db", backup)
    monkeypatch.setenv("PASS", OWN)
    capsys.readouterr()
    restored = tmp_path / "restored.db"
    argv = ["restore", str(backup), "--as", str(restored), "--passphrase-env", "PASS"]
    assert main(argv) == USER_ERROR
    assert capsys.readouterr().err == (
        "hint: give the recovery sheet's 64 digits with --key-env VAR\n"
        f"error: This backup was made with key {key_fingerprint(first)}, which the keyring no "
        f"longer holds (the current key is {key_fingerprint(current)}): enter that key's "
        "recovery sheet.\n"
    )
    assert not restored.exists()
