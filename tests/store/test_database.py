"""Opening, creating and keying the encrypted database (real SQLCipher)."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DatabaseMissingError,
    KeyUnavailableError,
    NotADatabaseError,
    WrongKeyError,
)
from app.models import Base
from app.store import Database, MemorySecretStore, Passphrase, open_database, unlock
from app.store.keys import stored_key
from app.store.migrations_runner import (
    EXPRESSION_INDEXES,
    alembic_config,
    comparable,
    current_revision,
    head_revision,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_keyed_from_the_secret_store_and_migrated(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    assert stored_key(secrets, database_path) is not None
    assert current_revision(database.engine) == head_revision() is not None
    assert database_path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert (database_path.stat().st_mode & 0o777) == 0o600


def test_reopening_with_the_stored_key_keeps_the_data(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    with database.session() as session:
        session.execute(text("CREATE TABLE scratch (v TEXT)"))
        session.execute(text("INSERT INTO scratch VALUES ('kept')"))
    database.close()
    reopened = unlock(database_path, secrets=secrets, passphrase=None)
    with reopened.session() as session:
        assert session.execute(text("SELECT v FROM scratch")).scalar_one() == "kept"
    reopened.close()


def test_wrong_key_is_a_clear_error_and_leaves_the_file_byte_identical(
    database: Database, database_path: Path
) -> None:
    database.close()
    before = _digest(database_path)
    with pytest.raises(WrongKeyError, match="does not open"):
        unlock(database_path, secrets=MemorySecretStore(), passphrase="wrong-key")
    with pytest.raises(WrongKeyError):
        open_database(database_path, Passphrase("wrong-key"), create=True)
    assert _digest(database_path) == before
    assert (
        not Path(f"{database_path}-wal").exists()
        or Path(f"{database_path}-wal").stat().st_size == 0
    )


def _plain_sqlite() -> bytes:
    """A real plain (unencrypted) SQLite database with a schema that reads: one 4096-byte page."""
    connection = sqlite3.connect(":memory:")
    connection.execute("PRAGMA user_version = 1")
    content = connection.serialize()
    connection.close()
    return content


@pytest.mark.parametrize(
    "content",
    [_plain_sqlite(), b"just some text\n", b""],
    ids=["plain-sqlite", "text-file", "empty-but-folder-check"],
)
def test_a_file_that_is_no_case_database_is_reported_as_such(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "other.db"
    if content:
        path.write_bytes(content)
        with pytest.raises(NotADatabaseError, match="not a Privacy Desk database"):
            unlock(path, secrets=None, passphrase="a passphrase")
        assert path.read_bytes() == content
    else:
        path.mkdir()
        with pytest.raises(NotADatabaseError, match="folder"):
            unlock(path, secrets=None, passphrase="a passphrase")


def test_a_data_folder_that_is_a_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.write_text("not a folder", encoding="utf-8")
    with pytest.raises(NotADatabaseError, match="'data' is a file, not a folder"):
        unlock(folder / "privacy-desk.db", secrets=None, passphrase="a passphrase", create=True)
    assert folder.read_text(encoding="utf-8") == "not a folder"


def test_a_database_held_by_another_writer_is_reported_locked(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    key = stored_key(secrets, database_path)
    assert key is not None
    holder = sqlcipher.connect(str(database_path), isolation_level=None)
    holder.execute(key.pragma())
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLockedError, match="in use"):
            unlock(database_path, secrets=secrets, passphrase=None, busy_timeout_ms=100)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_missing_file_is_created_only_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(DatabaseMissingError):
        unlock(path, secrets=MemorySecretStore(), passphrase=None)
    assert not path.exists()


@pytest.mark.parametrize(
    "passphrase",
    [
        'it\'s "quoted"',
        "100% p@ss/w0rd",
        "back\\slash\\\\",
        "个人信息 密码 Ünïcödé",
        "x'00'-- ; DROP TABLE case",
    ],
)
def test_passphrases_with_special_characters_round_trip(tmp_path: Path, passphrase: str) -> None:
    path = tmp_path / "p.db"
    unlock(path, secrets=None, passphrase=passphrase, create=True).close()
    unlock(path, secrets=None, passphrase=passphrase).close()
    with pytest.raises(WrongKeyError):
        unlock(path, secrets=None, passphrase=passphrase + " ")


def test_without_keyring_a_new_database_needs_a_passphrase_of_eight_characters(
    tmp_path: Path,
) -> None:
    with pytest.raises(KeyUnavailableError, match="passphrase"):
        unlock(tmp_path / "n.db", secrets=None, passphrase=None, create=True)
    with pytest.raises(KeyUnavailableError, match="8 characters"):
        unlock(tmp_path / "n.db", secrets=None, passphrase="short", create=True)
    assert not (tmp_path / "n.db").exists()


# SQLAlchemy cannot reflect expression indexes on SQLite; they are checked by name.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_models_and_migrations_agree(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": comparable})
        differences = compare_metadata(context, Base.metadata)
        names = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index'"
            )
        }
    assert differences == []
    assert names >= EXPRESSION_INDEXES


def test_existing_file_is_never_truncated_by_create(tmp_path: Path) -> None:
    path = tmp_path / "taken.db"
    path.write_bytes(os.urandom(4096))
    before = _digest(path)
    with pytest.raises(WrongKeyError):
        unlock(path, secrets=None, passphrase="a passphrase", create=True)
    assert _digest(path) == before


def test_an_older_schema_is_upgraded_at_open_after_a_backup_copy(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    database.close()
    reopened = unlock(database_path, secrets=secrets, passphrase=None)
    assert current_revision(reopened.engine) == head_revision()
    (backup,) = (database_path.parent / "backups").iterdir()
    assert backup.name.startswith("privacy-desk-before-0001-")
    reopened.close()
    key = stored_key(secrets, database_path)
    assert key is not None
    copy = sqlcipher.connect(str(backup))
    copy.execute(key.pragma())
    assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    copy.close()


def test_an_empty_file_is_not_written_by_a_read_and_is_adopted_by_a_create(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    path.chmod(0o644)
    with pytest.raises(NotADatabaseError, match="empty file"):
        unlock(path, secrets=None, passphrase="a passphrase")
    assert path.read_bytes() == b""
    unlock(path, secrets=None, passphrase="a passphrase", create=True).close()
    assert (path.stat().st_mode & 0o777) == 0o600
    unlock(path, secrets=None, passphrase="a passphrase").close()


def test_a_schema_with_cases_in_it_is_upgraded_without_losing_any(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    from app.services.deadlines import load_rule_book
    from app.services.importing import import_paths
    from app.store.migrations_runner import run_alembic
    from tests.conftest import CORPUS_INBOX

    import_paths(database.session, [CORPUS_INBOX / "zh01-zh-access.eml"], load_rule_book())
    run_alembic(database.engine, lambda config: command.downgrade(config, "0001"))
    database.close()
    reopened = unlock(database_path, secrets=secrets, passphrase=None)
    with reopened.session() as session:
        counts = [
            session.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
            for t in ("case", "attachment", "event", "data_subject")
        ]
        assert counts[:2] == [1, 1] and counts[2] >= 2 and counts[3] == 1
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    assert current_revision(reopened.engine) == head_revision()
    reopened.close()


def test_a_truncated_database_is_reported_as_damaged_and_left_as_it_is(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    database.close()
    content = database_path.read_bytes()
    database_path.write_bytes(content[: len(content) - 100])
    before = _digest(database_path)
    with pytest.raises(DamagedDatabaseError, match="truncated or damaged"):
        unlock(database_path, secrets=secrets, passphrase=None)
    assert _digest(database_path) == before


def test_the_fast_schema_check_knows_the_newest_revision(tmp_path: Path) -> None:
    from app.store.migrations_runner import head_revision
    from app.store.schema_head import SCHEMA_HEAD, at_schema_head

    # A new revision must move SCHEMA_HEAD too, or every start would run Alembic.
    assert head_revision() == SCHEMA_HEAD
    database = unlock(tmp_path / "pd.db", secrets=MemorySecretStore(), passphrase=None, create=True)
    try:
        assert at_schema_head(database.engine)
    finally:
        database.close()


def test_a_read_session_reads_while_a_writer_holds_the_lock(database: Database) -> None:
    import time

    from sqlalchemy import text

    with database.session() as writer:
        writer.execute(text("CREATE TABLE probe (n INTEGER)"))
    with database.session() as writer:
        writer.execute(text("INSERT INTO probe VALUES (1)"))  # uncommitted, lock held
        started = time.monotonic()
        with database.read_session() as reader:
            seen = reader.scalar(text("SELECT count(*) FROM probe"))
        assert seen == 0  # the last committed state, without waiting for the writer
        assert time.monotonic() - started < 1.0
    with database.read_session() as reader:
        assert reader.scalar(text("SELECT count(*) FROM probe")) == 1
        reader.execute(text("INSERT INTO probe VALUES (2)"))
    with database.read_session() as reader:  # a read session's writes are rolled back
        assert reader.scalar(text("SELECT count(*) FROM probe")) == 1


def test_a_failed_statement_quotes_no_values(database: Database) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    secret = "王秘密 secret.person@example.com"
    add = text(
        "INSERT INTO app_setting (key, value, updated_by, updated_at)"
        " VALUES ('k', '1', :who, '2026-11-30 00:00:00')"
    )
    with database.session() as session:
        session.execute(add, {"who": secret})
    with pytest.raises(IntegrityError) as failure, database.session() as session:
        session.execute(add, {"who": secret})  # the same key again: refused
    assert secret not in str(failure.value)
