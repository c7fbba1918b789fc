"""Key rotation with real SQLCipher: same rows after, old key refused, no lock-out on a crash."""

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.errors import DatabaseInUseError, KeyUnavailableError, WrongKeyError
from app.store import Database, MemorySecretStore, Passphrase, RawKey, unlock
from app.store.connection import connect
from app.store.keys import (
    generate_raw_key,
    pending_key,
    pending_secret_name,
    secret_name,
    stored_key,
)
from app.store.rekey import rotate_key
from tests.store.helpers import dump_tables, import_corpus

SPECIAL_PASSPHRASES = [
    'it\'s "quoted"',
    "100% p@ss/w0rd",
    "back\\slash\\\\",
    "个人信息 密码 Ünïcödé",
]


@pytest.fixture
def old_key(database: Database, database_path: Path, secrets: MemorySecretStore) -> RawKey:
    import_corpus(database)
    database.close()
    key = stored_key(secrets, database_path)
    assert key is not None
    return key


def test_rotating_to_a_new_raw_key_keeps_every_row_and_retires_the_old_key(
    old_key: RawKey, database_path: Path, secrets: MemorySecretStore
) -> None:
    before = dump_tables(database_path, old_key)
    new = generate_raw_key()
    result = rotate_key(database_path, old_key, new, secrets)
    assert result.to_raw_key and result.tables["case"] == 51
    assert dump_tables(database_path, new) == before
    with pytest.raises(WrongKeyError):
        connect(database_path, old_key, read_only=True)
    assert stored_key(secrets, database_path) == new
    assert pending_key(secrets, database_path) is None
    unlock(database_path, secrets=secrets, passphrase=None).close()


@pytest.mark.parametrize("passphrase", SPECIAL_PASSPHRASES)
def test_raw_key_to_passphrase_and_back(
    old_key: RawKey, database_path: Path, secrets: MemorySecretStore, passphrase: str
) -> None:
    before = dump_tables(database_path, old_key)
    rotate_key(database_path, old_key, Passphrase(passphrase), secrets)
    assert stored_key(secrets, database_path) is None  # the retired raw key is not kept
    unlock(database_path, secrets=secrets, passphrase=passphrase).close()
    with pytest.raises(WrongKeyError):
        unlock(database_path, secrets=secrets, passphrase=passphrase + "x")
    back = generate_raw_key()
    rotate_key(database_path, Passphrase(passphrase), back, secrets)
    assert dump_tables(database_path, back) == before
    with pytest.raises(WrongKeyError):
        connect(database_path, Passphrase(passphrase), read_only=True)


def test_a_raw_key_needs_a_keyring_to_be_kept(old_key: RawKey, database_path: Path) -> None:
    with pytest.raises(KeyUnavailableError, match="keyring"):
        rotate_key(database_path, old_key, generate_raw_key(), None)
    connect(database_path, old_key, read_only=True).close()  # unchanged


def test_rotation_refuses_an_open_database(
    old_key: RawKey, database_path: Path, secrets: MemorySecretStore
) -> None:
    database = unlock(database_path, secrets=secrets, passphrase=None)
    try:
        with pytest.raises(DatabaseInUseError):
            rotate_key(database_path, old_key, generate_raw_key(), secrets)
    finally:
        database.close()
    assert stored_key(secrets, database_path) == old_key


def _rekey_behind_the_apps_back(path: Path, old: RawKey, new: RawKey) -> None:
    raw = sqlcipher.connect(str(path), isolation_level=None)
    raw.execute(old.pragma())
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute(new.pragma("rekey"))
    raw.close()


def test_a_crash_after_the_rekey_but_before_the_keyring_update_does_not_lock_the_user_out(
    old_key: RawKey, database_path: Path, secrets: MemorySecretStore
) -> None:
    # The state a crash leaves between step 2 (rekey) and step 4 (keyring update).
    new = generate_raw_key()
    secrets.set(pending_secret_name(database_path), new.key.hex())
    _rekey_behind_the_apps_back(database_path, old_key, new)
    unlock(database_path, secrets=secrets, passphrase=None).close()
    assert stored_key(secrets, database_path) == new  # the pending key was promoted
    assert pending_key(secrets, database_path) is None


def test_a_crash_before_the_rekey_leaves_the_old_key_and_drops_the_pending_one(
    old_key: RawKey, database_path: Path, secrets: MemorySecretStore
) -> None:
    secrets.set(pending_secret_name(database_path), generate_raw_key().key.hex())
    unlock(database_path, secrets=secrets, passphrase=None).close()
    assert stored_key(secrets, database_path) == old_key
    assert secrets.get(pending_secret_name(database_path)) == ""
    assert secrets.get(secret_name(database_path)) == old_key.key.hex()
