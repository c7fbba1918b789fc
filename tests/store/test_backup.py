"""Encrypted backups and restores with real SQLCipher: identical rows, nothing overwritten."""

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import BackupError, DatabaseInUseError, WrongKeyError
from app.store import Database, MemorySecretStore, Passphrase, unlock
from app.store.backup import backup_database, restore_backup
from app.store.keys import stored_key
from app.store.schedule import BackupSchedule, automatic_backups, run_due_backup
from tests.store.helpers import CORPUS_MESSAGES, dump_tables, import_corpus

SPECIAL_PASSPHRASES = [
    'it\'s "quoted"',
    "100% p@ss/w0rd",
    "back\\slash\\\\",
    "个人信息 密码 Ünïcödé",
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(database: Database) -> Database:
    assert import_corpus(database) == CORPUS_MESSAGES
    return database


def test_backup_wipe_restore_gives_identical_rows_table_by_table(
    filled: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    key = stored_key(secrets, database_path)
    assert key is not None
    report = backup_database(filled, tmp_path / "b.pdbackup")
    assert report.tables["case"] == CORPUS_MESSAGES
    assert report.tables["attachment"] == CORPUS_MESSAGES  # each original message is kept
    filled.close()
    before = dump_tables(database_path, key)
    backup_digest = _sha(tmp_path / "b.pdbackup")
    for leftover in database_path.parent.glob(database_path.name + "*"):
        leftover.unlink()  # wipe: the database, its WAL/SHM and lock file are gone
    restored = restore_backup(tmp_path / "b.pdbackup", key, database_path, key)
    assert restored.previous_kept_at is None
    assert dump_tables(database_path, key) == before
    assert _sha(tmp_path / "b.pdbackup") == backup_digest  # restoring never writes the backup
    unlock(database_path, secrets=secrets, passphrase=None).close()  # the app opens it as before


def test_a_backup_is_encrypted_and_only_its_key_opens_it(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "b.pdbackup"
    backup_database(filled, target, Passphrase("a backup passphrase"))
    content = target.read_bytes()
    assert not content.startswith(b"SQLite format 3")
    assert b"Erika Mustermann" not in content and b"erika.mustermann" not in content
    with pytest.raises(WrongKeyError):
        restore_backup(
            target, Passphrase("another passphrase"), tmp_path / "r.db", Passphrase("x" * 8)
        )
    assert not (tmp_path / "r.db").exists()


@pytest.mark.parametrize("passphrase", SPECIAL_PASSPHRASES)
def test_backup_passphrases_with_special_characters_round_trip(
    filled: Database, tmp_path: Path, passphrase: str
) -> None:
    backup_database(filled, tmp_path / "b.pdbackup", Passphrase(passphrase))
    result = restore_backup(
        tmp_path / "b.pdbackup", Passphrase(passphrase), tmp_path / "r.db", Passphrase(passphrase)
    )
    assert result.tables["case"] == CORPUS_MESSAGES
    with pytest.raises(WrongKeyError):
        restore_backup(
            tmp_path / "b.pdbackup",
            Passphrase(passphrase + " "),
            tmp_path / "s.db",
            Passphrase(passphrase),
        )


def test_backup_never_overwrites_an_existing_file(filled: Database, tmp_path: Path) -> None:
    target = tmp_path / "taken.pdbackup"
    target.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        backup_database(filled, target)
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_restore_over_the_live_database_keeps_the_old_one_aside(
    filled: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    key = stored_key(secrets, database_path)
    assert key is not None
    backup_database(filled, tmp_path / "b.pdbackup")
    filled.close()
    old = dump_tables(database_path, key)
    live = unlock(database_path, secrets=secrets, passphrase=None)
    try:
        with pytest.raises(DatabaseInUseError):  # the live database is open: nothing replaced
            restore_backup(tmp_path / "b.pdbackup", key, database_path, key)
    finally:
        live.close()
    assert [p.name for p in database_path.parent.iterdir() if ".restoring-" in p.name] == []
    result = restore_backup(tmp_path / "b.pdbackup", key, database_path, key)
    assert result.previous_kept_at is not None
    assert result.previous_kept_at.parent == database_path.parent / "backups"
    assert dump_tables(result.previous_kept_at, key) == old
    assert dump_tables(database_path, key) == old


def test_a_damaged_backup_is_refused_and_nothing_is_replaced(
    filled: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    key = stored_key(secrets, database_path)
    assert key is not None
    backup = tmp_path / "b.pdbackup"
    backup_database(filled, backup)
    filled.close()
    live = _sha(database_path)
    damaged = bytearray(backup.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # one flipped byte in a data page: its HMAC fails
    backup.write_bytes(bytes(damaged))
    with pytest.raises(BackupError):
        restore_backup(backup, key, database_path, key)
    assert _sha(database_path) == live
    assert [p.name for p in database_path.parent.iterdir() if ".restoring-" in p.name] == []


def test_scheduled_backups_run_when_due_and_keep_the_newest_n(
    filled: Database, tmp_path: Path
) -> None:
    schedule = BackupSchedule(tmp_path / "auto", interval=timedelta(hours=24), keep=3)
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    made = [run_due_backup(start + timedelta(hours=h), schedule, filled) for h in range(0, 121, 12)]
    # due at 0, 24, 48, 72, 96 and 120 h; the 12-hourly calls in between find the last too new
    assert [report is not None for report in made] == [True, False] * 5 + [True]
    kept = automatic_backups(schedule.folder, "privacy-desk")
    assert [when for when, _ in kept] == [start + timedelta(hours=h) for h in (72, 96, 120)]
    assert all(report is None or report.tables["case"] == CORPUS_MESSAGES for report in made)
    assert run_due_backup(start, BackupSchedule(tmp_path / "off", enabled=False), filled) is None


def test_the_replaced_database_opens_under_its_new_name_with_the_keyring(
    filled: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    key = stored_key(secrets, database_path)
    assert key is not None
    backup_database(filled, tmp_path / "b.pdbackup")
    filled.close()
    result = restore_backup(tmp_path / "b.pdbackup", key, database_path, key, secrets)
    kept = result.previous_kept_at
    assert kept is not None
    assert stored_key(secrets, kept) == key
    reopened = unlock(kept, secrets=secrets, passphrase=None)  # keys are looked up by path
    try:
        with reopened.session() as session:
            assert session.execute(text('SELECT count(*) FROM "case"')).scalar() == CORPUS_MESSAGES
    finally:
        reopened.close()


def test_a_replaced_passphrase_database_opens_with_the_passphrase(tmp_path: Path) -> None:
    live_path = tmp_path / "privacy-desk.db"
    passphrase = Passphrase("qa passphrase 123")
    live = unlock(live_path, secrets=None, passphrase=passphrase.text, create=True)
    assert import_corpus(live) == CORPUS_MESSAGES
    backup_database(live, tmp_path / "b.pdbackup")
    live.close()
    result = restore_backup(tmp_path / "b.pdbackup", passphrase, live_path, passphrase, None)
    assert result.previous_kept_at is not None
    reopened = unlock(result.previous_kept_at, secrets=None, passphrase=passphrase.text)
    try:
        with reopened.session() as session:
            assert session.execute(text('SELECT count(*) FROM "case"')).scalar() == CORPUS_MESSAGES
    finally:
        reopened.close()
