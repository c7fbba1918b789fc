"""Backups made before a key rotation stay restorable (real SQLCipher, in-memory keyring)."""

from pathlib import Path

import pytest

from app.errors import KeyUnavailableError, WrongKeyError
from app.store import Database, MemorySecretStore, Passphrase, RawKey, unlock
from app.store.backup import backup_database, restore_backup
from app.store.backup_keys import BackupKeyNote, find_backup_key, key_note_path, read_key_note
from app.store.connection import connect
from app.store.keys import (
    generate_raw_key,
    key_fingerprint,
    retired_fingerprints,
    retired_key,
    retired_secret_name,
    stored_key,
)
from app.store.rekey import rotate_key
from tests.store.helpers import CORPUS_MESSAGES, dump_tables, import_corpus

DB_PASSPHRASE = "个人信息 'db' p@ss 100%"


@pytest.fixture
def first_key(database: Database, database_path: Path, secrets: MemorySecretStore) -> RawKey:
    assert import_corpus(database) == CORPUS_MESSAGES
    key = stored_key(secrets, database_path)
    assert key is not None
    return key


def _backup_then_close(database: Database, target: Path) -> None:
    backup_database(database, target)
    database.close()


def test_a_backup_names_its_key_by_fingerprint_and_holds_no_key(
    database: Database, first_key: RawKey, tmp_path: Path
) -> None:
    backup = tmp_path / "b.pdbackup"
    backup_database(database, backup)
    fingerprint = key_fingerprint(first_key)
    assert read_key_note(backup) == BackupKeyNote("raw", fingerprint)
    note = key_note_path(backup).read_text(encoding="utf-8")
    assert note == f'{{"format": 1, "key": "raw", "fingerprint": "{fingerprint}"}}'
    assert first_key.key.hex() not in note.lower()


def test_backup_rotate_restore_opens_with_the_retired_key_and_the_current_keyring(
    database: Database,
    first_key: RawKey,
    database_path: Path,
    secrets: MemorySecretStore,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "last-week.pdbackup"
    _backup_then_close(database, backup)
    before = dump_tables(database_path, first_key)
    second = generate_raw_key()
    rotate_key(database_path, first_key, second, secrets)
    assert retired_fingerprints(secrets) == [key_fingerprint(first_key)]
    assert retired_key(secrets, key_fingerprint(first_key)) == first_key
    opened = find_backup_key(backup, [], [second], secrets)
    assert opened == first_key
    report = restore_backup(backup, opened, database_path, second, secrets)
    assert report.tables["case"] == CORPUS_MESSAGES and report.previous_kept_at is not None
    assert dump_tables(database_path, second) == before
    with pytest.raises(WrongKeyError):
        connect(database_path, first_key, read_only=True)  # restored under the current key
    unlock(database_path, secrets=secrets, passphrase=None).close()


def test_rotating_twice_keeps_both_earlier_keys_for_their_backups(
    database: Database,
    first_key: RawKey,
    database_path: Path,
    secrets: MemorySecretStore,
    tmp_path: Path,
) -> None:
    _backup_then_close(database, tmp_path / "one.pdbackup")
    second, third = generate_raw_key(), generate_raw_key()
    rotate_key(database_path, first_key, second, secrets)
    database = unlock(database_path, secrets=secrets, passphrase=None)
    _backup_then_close(database, tmp_path / "two.pdbackup")
    rotate_key(database_path, second, third, secrets)
    assert retired_fingerprints(secrets) == [key_fingerprint(first_key), key_fingerprint(second)]
    assert find_backup_key(tmp_path / "one.pdbackup", [], [third], secrets) == first_key
    assert find_backup_key(tmp_path / "two.pdbackup", [], [third], secrets) == second
    restored = tmp_path / "restored.db"
    restore_backup(tmp_path / "one.pdbackup", first_key, restored, third)
    assert len(dump_tables(restored, third)["case"]) == CORPUS_MESSAGES


def test_a_backup_without_its_sidecar_still_opens_with_a_retired_key(
    database: Database,
    first_key: RawKey,
    database_path: Path,
    secrets: MemorySecretStore,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "copied-alone.pdbackup"
    _backup_then_close(database, backup)
    key_note_path(backup).unlink()
    second = generate_raw_key()
    rotate_key(database_path, first_key, second, secrets)
    assert find_backup_key(backup, [], [second], secrets) == first_key


def test_a_backup_whose_key_is_gone_names_the_key_it_needs(
    database: Database,
    first_key: RawKey,
    database_path: Path,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "b.pdbackup"
    _backup_then_close(database, backup)
    current = generate_raw_key()
    # A new machine: the keyring holds only the current key, not the retired one.
    with pytest.raises(KeyUnavailableError) as raised:
        find_backup_key(backup, [Passphrase("not it at all")], [current], MemorySecretStore())
    assert str(raised.value) == (
        f"This backup was made with key {key_fingerprint(first_key)}, which the keyring no "
        f"longer holds (the current key is {key_fingerprint(current)}): enter that key's "
        "recovery sheet."
    )
    # The recovery sheet's key (typed or scanned) opens it.
    assert find_backup_key(backup, [first_key], [current], MemorySecretStore()) == first_key


def test_a_retired_key_that_was_lost_is_not_taken_for_another(
    secrets: MemorySecretStore,
) -> None:
    key = generate_raw_key()
    secrets.set(retired_secret_name(key_fingerprint(key)), generate_raw_key().key.hex())
    assert retired_key(secrets, key_fingerprint(key)) is None


def test_a_passphrase_database_backs_up_and_restores_as_before(
    tmp_path: Path, secrets: MemorySecretStore
) -> None:
    path = tmp_path / "pass.db"
    database = unlock(path, secrets=None, passphrase=DB_PASSPHRASE, create=True)
    assert import_corpus(database) == CORPUS_MESSAGES
    backup = tmp_path / "pass.pdbackup"
    _backup_then_close(database, backup)
    assert read_key_note(backup) == BackupKeyNote("database-passphrase")
    assert DB_PASSPHRASE.encode() not in key_note_path(backup).read_bytes()
    key = Passphrase(DB_PASSPHRASE)
    assert find_backup_key(backup, [], [key], None) == key
    rotate_key(path, key, Passphrase("a new passphrase"), None)
    assert retired_fingerprints(secrets) == []  # a passphrase is the user's to keep
    with pytest.raises(KeyUnavailableError) as raised:
        find_backup_key(backup, [], [Passphrase("a new passphrase")], None)
    assert str(raised.value) == (
        "This backup was made with the passphrase the database had at the time: enter that "
        "passphrase."
    )
    assert find_backup_key(backup, [key], [Passphrase("a new passphrase")], None) == key


def test_a_backup_with_its_own_passphrase_says_so(
    database: Database, first_key: RawKey, tmp_path: Path
) -> None:
    backup = tmp_path / "own.pdbackup"
    backup_database(database, backup, Passphrase("own backup pass"))
    assert read_key_note(backup) == BackupKeyNote("backup-passphrase")
    with pytest.raises(KeyUnavailableError) as raised:
        find_backup_key(backup, [], [first_key], None)
    assert str(raised.value) == (
        "This backup was made with a backup passphrase of its own, not the database key: "
        "enter that backup passphrase."
    )


def test_rotation_refuses_when_the_keyring_holds_another_key_under_the_same_check(
    database: Database, first_key: RawKey, database_path: Path, secrets: MemorySecretStore
) -> None:
    database.close()
    name = retired_secret_name(key_fingerprint(first_key))
    secrets.set(name, generate_raw_key().key.hex())  # stands in for a 32-bit collision
    with pytest.raises(KeyUnavailableError, match="same check value"):
        rotate_key(database_path, first_key, generate_raw_key(), secrets)
    connect(database_path, first_key, read_only=True).close()  # nothing changed
    assert stored_key(secrets, database_path) == first_key


def test_no_key_material_in_any_file_under_the_data_folder(
    database: Database,
    first_key: RawKey,
    database_path: Path,
    secrets: MemorySecretStore,
) -> None:
    folder = database_path.parent / "backups"
    folder.mkdir()
    _backup_then_close(database, folder / "b.pdbackup")
    second = generate_raw_key()
    rotate_key(database_path, first_key, second, secrets)
    restore_backup(folder / "b.pdbackup", first_key, database_path, second, secrets)
    files = [p for p in database_path.parent.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".keycheck.json") for p in files)
    for path in files:
        content = path.read_bytes()
        for key in (first_key, second):
            for needle in (key.key, key.key.hex().encode(), key.key.hex().upper().encode()):
                assert needle not in content, path.name
