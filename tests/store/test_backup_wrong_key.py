"""A passphrase or recovery key given for a backup and wrong is named as wrong, not taken for
none given (QA18 F6); the backup's key note is owner-only like the backup (real SQLCipher)."""

from pathlib import Path

import pytest

from app.errors import KeyUnavailableError, WrongBackupKeyError
from app.store import Database, MemorySecretStore, Passphrase, RawKey, unlock
from app.store.backup import backup_database
from app.store.backup_keys import find_backup_key, key_note_path
from app.store.keys import generate_raw_key, key_fingerprint, stored_key
from app.store.recovery import keys_from_typed_text

OWN = "备份 密码 🔑 with spaces"
DB_PASSPHRASE = "数据库 passphrase ü"


def test_a_wrong_backup_passphrase_is_named_as_wrong(database: Database, tmp_path: Path) -> None:
    backup = tmp_path / "own.pdbackup"
    backup_database(database, backup, Passphrase(OWN))
    assert database.key is not None
    current = [database.key]
    for given in ([Passphrase("nope")], keys_from_typed_text(OWN + " "), [Passphrase(OWN[:-1])]):
        with pytest.raises(WrongBackupKeyError) as raised:
            find_backup_key(backup, given, current, None)
        assert str(raised.value) == (
            "The backup passphrase is not right for this backup; nothing was restored."
        )
    # None given: the message still says which passphrase it needs, as before.
    with pytest.raises(KeyUnavailableError) as missing:
        find_backup_key(backup, [], current, None)
    assert not isinstance(missing.value, WrongBackupKeyError)
    assert "a backup passphrase of its own" in str(missing.value)
    assert find_backup_key(backup, keys_from_typed_text(OWN), current, None) == Passphrase(OWN)


def test_a_wrong_database_passphrase_is_named_as_wrong(tmp_path: Path) -> None:
    database = unlock(tmp_path / "p.db", secrets=None, passphrase=DB_PASSPHRASE, create=True)
    backup = tmp_path / "p.pdbackup"
    backup_database(database, backup)  # under the database's passphrase of the time
    database.close()
    with pytest.raises(WrongBackupKeyError) as raised:
        find_backup_key(backup, [Passphrase("today's passphrase")], [], None)
    assert str(raised.value) == (
        "The passphrase given is not the one the database had when this backup was made; "
        "nothing was restored."
    )


def test_the_wrong_recovery_sheet_names_both_keys(
    database: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    first = stored_key(secrets, database_path)
    assert isinstance(first, RawKey)
    backup = tmp_path / "raw.pdbackup"
    backup_database(database, backup)
    other = generate_raw_key()  # another key's sheet, on a machine whose keyring lost the key
    with pytest.raises(WrongBackupKeyError) as raised:
        find_backup_key(backup, [other], [other], MemorySecretStore())
    assert str(raised.value) == (
        f"The recovery key given is key {key_fingerprint(other)}, but this backup was made "
        f"with key {key_fingerprint(first)}: enter that key's recovery sheet. Nothing was "
        "restored."
    )


def test_a_backup_without_its_key_note_and_a_wrong_key_given(
    database: Database, tmp_path: Path
) -> None:
    backup = tmp_path / "copied alone «1».pdbackup"
    backup_database(database, backup)
    key_note_path(backup).unlink()
    with pytest.raises(WrongBackupKeyError) as raised:
        find_backup_key(backup, keys_from_typed_text("not it"), [], None)
    assert str(raised.value) == (
        "The key or passphrase given does not open the backup 'copied alone «1».pdbackup'; "
        "nothing was restored."
    )


def test_the_key_note_is_owner_only_like_the_backup(database: Database, tmp_path: Path) -> None:
    backup = tmp_path / "b.pdbackup"
    backup_database(database, backup, Passphrase(OWN))
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert (key_note_path(backup).stat().st_mode & 0o777) == 0o600
