"""A database written with SQLCipher 3 settings is detected, migrated after a copy, and said so."""

import hashlib
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.errors import LegacyFormatError, WrongKeyError
from app.store import Passphrase, RawKey, open_database, unlock
from app.store.connection import connect
from app.store.keys import DatabaseKey, generate_raw_key


def _make_sqlcipher3_database(path: Path, key: DatabaseKey) -> None:
    raw = sqlcipher.connect(str(path), isolation_level=None)
    raw.execute(key.pragma())
    raw.execute("PRAGMA cipher_compatibility = 3")  # after the key, or SQLCipher ignores it
    raw.execute("CREATE TABLE legacy_note (id INTEGER PRIMARY KEY, body TEXT)")
    raw.executemany("INSERT INTO legacy_note (body) VALUES (?)", [("一",), ("two",), ("drei",)])
    raw.close()


@pytest.mark.parametrize(
    "key", [Passphrase("个人信息 p@ss'100%\\"), generate_raw_key()], ids=["passphrase", "raw"]
)
def test_a_sqlcipher3_database_is_detected_not_reported_as_a_wrong_key(
    tmp_path: Path, key: DatabaseKey
) -> None:
    path = tmp_path / "old.db"
    _make_sqlcipher3_database(path, key)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(LegacyFormatError, match="SQLCipher"):
        connect(path, key)
    with pytest.raises(WrongKeyError):  # another key is still just a wrong key
        connect(path, Passphrase("not the key"))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest


@pytest.mark.parametrize(
    "key", [Passphrase("个人信息 p@ss'100%\\"), generate_raw_key()], ids=["passphrase", "raw"]
)
def test_opening_migrates_it_after_keeping_the_old_file(tmp_path: Path, key: DatabaseKey) -> None:
    path = tmp_path / "old.db"
    _make_sqlcipher3_database(path, key)
    original = path.read_bytes()
    database = open_database(path, key)
    try:
        migration = database.format_migration
        assert migration is not None and migration.from_version == 3
        assert migration.backup_path.read_bytes() == original
        assert migration.backup_path.parent == tmp_path / "backups"
    finally:
        database.close()
    reopened = connect(path, key, read_only=True)  # current format now, same key
    assert reopened.execute("SELECT body FROM legacy_note ORDER BY id").fetchall() == [
        ("一",),
        ("two",),
        ("drei",),
    ]
    reopened.close()
    again = open_database(path, key)
    assert again.format_migration is None
    again.close()


def test_unlock_reports_the_migration_on_the_passphrase_path(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _make_sqlcipher3_database(path, Passphrase("legacy passphrase"))
    database = unlock(path, secrets=None, passphrase="legacy passphrase")
    assert database.format_migration is not None
    database.close()
    assert isinstance(generate_raw_key(), RawKey)
