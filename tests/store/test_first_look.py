"""A first look opens an ordinary database without SQLAlchemy and hands everything unusual to
the full unlock, leaving the file and its lock as they were."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import PrivacyDeskError
from app.store import Database, MemorySecretStore, unlock
from app.store.first_look import first_look
from app.store.keys import generate_raw_key, pending_secret_name

PASSPHRASE = "correct horse battery"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def closed_path(database: Database) -> Path:
    database.close()
    return database.path


def test_an_ordinary_database_is_looked_at_then_taken_over(
    closed_path: Path, secrets: MemorySecretStore
) -> None:
    look = first_look(closed_path, secrets, None)
    assert look is not None
    assert look.connection.execute('SELECT count(*) FROM "case"').fetchone() == (0,)
    database = look.database()
    assert look.database() is database  # built once
    with database.session() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    look.close()  # the database owns the connection and the lock now: nothing happens
    database.close()
    again = first_look(closed_path, secrets, None)
    assert again is not None
    again.close()
    again.close()  # closing twice is harmless
    with pytest.raises(PrivacyDeskError):
        again.database()


def test_a_passphrase_database_is_looked_at_with_the_right_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "pass.db"
    unlock(path, secrets=None, passphrase=PASSPHRASE, create=True).close()
    assert first_look(path, None, "not the passphrase") is None
    look = first_look(path, None, PASSPHRASE)  # the wrong try left no lock behind
    assert look is not None
    look.close()


def test_what_the_full_unlock_must_handle_gets_no_look(
    closed_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    assert first_look(tmp_path / "missing.db", secrets, PASSPHRASE) is None
    empty = tmp_path / "empty.db"
    empty.touch()
    assert first_look(empty, secrets, PASSPHRASE) is None and empty.stat().st_size == 0
    assert first_look(closed_path, MemorySecretStore(), None) is None  # no key at hand
    secrets.set(pending_secret_name(closed_path), generate_raw_key().key.hex())
    assert first_look(closed_path, secrets, None) is None  # a rotation to settle
    secrets.set(pending_secret_name(closed_path), "")
    holder = unlock(closed_path, secrets=secrets, passphrase=None)
    with holder.session() as session:  # an older schema: the full open migrates it
        session.execute(text("UPDATE alembic_version SET version_num = '0004'"))
    holder.close()
    assert first_look(closed_path, secrets, None) is None


def test_a_database_another_process_holds_gets_no_look(
    closed_path: Path, secrets: MemorySecretStore
) -> None:
    code = (
        "import sys, pathlib; from app.store.instance_lock import acquire_instance_lock;"
        "acquire_instance_lock(pathlib.Path(sys.argv[1])); print('held', flush=True);"
        "sys.stdin.read()"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", code, str(closed_path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline() == "held\n"
        assert first_look(closed_path, secrets, None) is None
    finally:
        other.communicate("", timeout=30)
    look = first_look(closed_path, secrets, None)  # let go: the look opens it
    assert look is not None
    look.close()


def test_a_database_that_cannot_be_written_is_reported_when_opened(
    closed_path: Path, secrets: MemorySecretStore
) -> None:
    from app.errors import ReadOnlyDatabaseError
    from app.store.connection import connect, probe_writable
    from app.store.keys import stored_key

    key = stored_key(secrets, closed_path)
    assert key is not None
    before = closed_path.read_bytes()
    # As a write-protected file or disk opens: SQLite reads it but refuses every write.
    read_only = connect(closed_path, key, read_only=True)
    try:
        with pytest.raises(ReadOnlyDatabaseError, match="read-only"):
            probe_writable(read_only)
    finally:
        read_only.close()
    writable = connect(closed_path, key)
    try:
        probe_writable(writable)  # a writable file passes, and the probe changes nothing
    finally:
        writable.close()
    assert closed_path.read_bytes() == before
