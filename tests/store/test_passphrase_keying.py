"""A passphrase's key is derived once per open database: every connection is keyed with the raw
key SQLCipher itself derives (PBKDF2-HMAC-SHA512, 256,000 iterations, the file's first 16
bytes as salt), so a second pooled connection no longer runs the 0.25 s derivation on the
thread that asks for it (the GUI's). A wrong passphrase fails as before, and the derived key
is written nowhere."""

import hashlib
import logging
import statistics
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from app.errors import WrongKeyError
from app.store import Database, unlock
from app.store import first_look as first_look_module
from app.store.connection import connect
from app.store.first_look import FirstLook, first_look, let_go_of_look_ahead, look_ahead
from app.store.keys import Passphrase, RawKey, connection_key
from tests.store.test_first_look_ahead import _fingerprint, _lock_is_free

# Quotes, %, @, a backslash and Chinese: the bytes SQLCipher derives from are the UTF-8 text.
PASSPHRASE = "个人信息 it's 100% p@ss\\word"
WRONG_KEY_MESSAGE = (
    "The key or passphrase does not open this case database: the passphrase or key is wrong, "
    "or the file is not this database (damaged or replaced). If the passphrase is right, "
    "restore the file from a backup."
)
# SQLCipher reads 67 characters of x'<64 hex digits>' as a raw key, never as a passphrase.
RAW_LOOKING = "x'" + "ab" * 32 + "'"
SETTING = (
    "INSERT INTO app_setting (key, value, updated_by, updated_at) "
    "VALUES ('probe', '\"正确\"', 'test', '2026-11-30 00:00:00.000000')"
)


@pytest.fixture(autouse=True)
def no_look_left_ahead() -> Iterator[None]:
    yield
    left = first_look_module._take_ahead()
    if left is not None:
        left.let_go()


@pytest.fixture
def passphrase_path(tmp_path: Path) -> Path:
    """A closed database keyed with ``PASSPHRASE``, holding one setting."""
    path = tmp_path / "data" / "privacy-desk.db"
    database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    with database.session() as session:
        session.execute(text(SETTING))
    database.close()
    return path


def _sqlcipher_4_key(path: Path, passphrase: str) -> bytes:
    """SQLCipher 4's documented derivation, worked out here independently of the app."""
    salt = path.read_bytes()[:16]
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, 256_000, 32)


def _contents(connection: Any) -> list[tuple[object, ...]]:
    """The schema and the settings, as ``connection`` reads them."""
    schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
    settings = connection.execute("SELECT key, value FROM app_setting ORDER BY key")
    return [tuple(row) for row in schema.fetchall()] + [tuple(row) for row in settings.fetchall()]


def test_the_derived_key_is_sqlcipher_s_own_and_opens_the_file_alone(passphrase_path: Path) -> None:
    derived = connection_key(passphrase_path, Passphrase(PASSPHRASE))
    assert derived == RawKey(_sqlcipher_4_key(passphrase_path, PASSPHRASE))
    by_passphrase = connect(passphrase_path, Passphrase(PASSPHRASE), read_only=True)
    by_raw_key = connect(passphrase_path, derived, read_only=True)
    try:
        assert ("probe", '"正确"') in _contents(by_raw_key)
        assert _contents(by_raw_key) == _contents(by_passphrase)
    finally:
        by_passphrase.close()
        by_raw_key.close()


def test_nothing_is_derived_where_sqlcipher_would_not(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    assert connection_key(missing, Passphrase(PASSPHRASE)) == Passphrase(PASSPHRASE)
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert connection_key(empty, Passphrase(PASSPHRASE)) == Passphrase(PASSPHRASE)
    plain = tmp_path / "plain.db"
    plain.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    assert connection_key(plain, Passphrase(PASSPHRASE)) == Passphrase(PASSPHRASE)
    raw = RawKey(bytes(range(32)))
    assert connection_key(plain, raw) is raw


def test_a_passphrase_sqlcipher_takes_as_raw_key_data_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "data" / "privacy-desk.db"
    unlock(path, secrets=None, passphrase=RAW_LOOKING, create=True).close()
    assert connection_key(path, Passphrase(RAW_LOOKING)) == Passphrase(RAW_LOOKING)
    database = unlock(path, secrets=None, passphrase=RAW_LOOKING)
    with _reader(database) as one, _reader(database) as two:
        assert one.exec_driver_sql("SELECT 1").scalar() == two.exec_driver_sql("SELECT 1").scalar()
    database.close()


def _reader(database: Database) -> Connection:
    """A connection for reading (a deferred transaction: two can be open at once)."""
    return database.engine.execution_options(read_only=True).connect()


def _second_connection_seconds(database: Database) -> float:
    """How long the pool takes to open a connection while its first one is in use."""
    with _reader(database) as first:
        first.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        started = time.perf_counter()
        with _reader(database) as second:
            second.exec_driver_sql("SELECT count(*) FROM app_setting").scalar()
            elapsed = time.perf_counter() - started
    database.engine.dispose()  # the next measure opens anew
    return elapsed


def _passphrase_open_seconds(path: Path) -> float:
    started = time.perf_counter()
    connect(path, Passphrase(PASSPHRASE)).close()
    return time.perf_counter() - started


@pytest.mark.parametrize("opened", ["unlock", "first_look", "created"])
def test_a_second_connection_is_keyed_without_deriving_again(
    passphrase_path: Path, tmp_path: Path, opened: str
) -> None:
    if opened == "unlock":
        database = unlock(passphrase_path, secrets=None, passphrase=PASSPHRASE)
    elif opened == "first_look":
        look = first_look(passphrase_path, None, PASSPHRASE)
        assert look is not None and look.key == Passphrase(PASSPHRASE)
        assert look.keying == RawKey(_sqlcipher_4_key(passphrase_path, PASSPHRASE))
        database = look.database()
    else:
        path = tmp_path / "new" / "privacy-desk.db"
        database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    assert database.key == Passphrase(PASSPHRASE)  # backups and the lock screen use it
    # Medians of a few, alternated: the machine is shared, its load changes both alike.
    spare, derived = [], []
    for _ in range(3):
        spare.append(_second_connection_seconds(database))
        derived.append(_passphrase_open_seconds(database.path))
    database.close()
    # PBKDF2 with 256,000 iterations is 0.2-0.8 s here; opening with the raw key a few ms.
    assert statistics.median(spare) < statistics.median(derived) / 5


def test_a_wrong_passphrase_fails_with_the_same_error_and_changes_nothing(
    passphrase_path: Path,
) -> None:
    before = _fingerprint(passphrase_path)
    with pytest.raises(WrongKeyError) as wrong:
        unlock(passphrase_path, secrets=None, passphrase="not the passphrase")
    assert str(wrong.value) == WRONG_KEY_MESSAGE
    with pytest.raises(WrongKeyError) as plain:  # what SQLCipher says with the passphrase
        connect(passphrase_path, Passphrase("not the passphrase"))
    assert str(plain.value) == WRONG_KEY_MESSAGE
    assert first_look(passphrase_path, None, "not the passphrase") is None
    assert _fingerprint(passphrase_path) == before
    assert _lock_is_free(passphrase_path)


def test_the_derived_key_is_written_nowhere(
    passphrase_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key = _sqlcipher_4_key(passphrase_path, PASSPHRASE)
    needles = (key, key.hex().encode(), key.hex().upper().encode())
    caplog.set_level(logging.DEBUG)
    look = first_look(passphrase_path, None, PASSPHRASE)
    assert look is not None
    database = look.database()
    with _reader(database) as one, _reader(database) as two:
        one.exec_driver_sql("SELECT 1")
        two.exec_driver_sql("SELECT 1")
    shown = [repr(look), repr(database), str(database), caplog.text]
    with pytest.raises(WrongKeyError) as wrong:
        unlock(tmp_path / "data" / "privacy-desk.db", secrets=None, passphrase="not it")
    shown += [str(wrong.value), repr(wrong.value)]
    database.close()
    assert not any(key.hex() in part.lower() for part in shown)
    for found in tmp_path.rglob("*"):
        if found.is_file():
            assert not any(needle in found.read_bytes() for needle in needles), found.name


def test_the_look_ahead_can_be_let_go_at_once(passphrase_path: Path) -> None:
    before = _fingerprint(passphrase_path)
    assert look_ahead(passphrase_path, PASSPHRASE)
    let_go_of_look_ahead()  # while its key derivation runs: the file is then never opened
    _join_look_ahead_thread()
    assert _fingerprint(passphrase_path) == before  # no WAL, no SHM: never opened
    assert _lock_is_free(passphrase_path)
    look = first_look(passphrase_path, None, PASSPHRASE)  # the plain way, anew
    assert isinstance(look, FirstLook)
    look.close()


def test_a_look_ahead_already_open_is_closed_when_let_go(passphrase_path: Path) -> None:
    opened = threading.Event()
    assert look_ahead(passphrase_path, PASSPHRASE, lambda _connection: opened.set())
    assert opened.wait(60)
    let_go_of_look_ahead()
    assert _lock_is_free(passphrase_path)  # at once: no 60 s wait for a claim
    _join_look_ahead_thread()
    let_go_of_look_ahead()  # nothing left: does nothing


def _join_look_ahead_thread() -> None:
    for thread in threading.enumerate():
        if thread.name == "first-look-ahead":
            thread.join(timeout=30)
            assert not thread.is_alive()  # it ends, it does not wait for a claim
