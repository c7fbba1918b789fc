"""A second instance on the same database gets a clear "in use"; a crashed one never blocks."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import DatabaseInUseError, DatabaseLockedError
from app.store import Database, MemorySecretStore, unlock
from app.store.keys import stored_key

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from pathlib import Path
from app.store import MemorySecretStore, unlock
from app.store.keys import secret_name
secrets = MemorySecretStore()
secrets.set(secret_name(Path(sys.argv[1])), sys.argv[2])
database = unlock(Path(sys.argv[1]), secrets=secrets, passphrase=None)
print("OPEN", flush=True)
sys.stdin.read()
database.close()
"""
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _start_holder(path: Path, secrets: MemorySecretStore) -> subprocess.Popen[str]:
    key = stored_key(secrets, path)
    assert key is not None
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), key.key.hex()],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
    return holder


def test_a_second_instance_is_told_the_database_is_in_use_until_the_first_exits(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    database.close()
    holder = _start_holder(database_path, secrets)
    try:
        with pytest.raises(DatabaseInUseError, match="in use by another Privacy Desk") as caught:
            unlock(database_path, secrets=secrets, passphrase=None)
        assert isinstance(caught.value, DatabaseLockedError)  # callers that catch "locked" see it
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=10)
        holder.stdout.close()
    unlock(database_path, secrets=secrets, passphrase=None).close()  # released on exit


def test_the_lock_of_a_killed_instance_does_not_block_the_next_start(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    database.close()
    holder = _start_holder(database_path, secrets)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.close()
    holder.stdout.close()
    assert database_path.with_name(database_path.name + ".lock").exists()  # the stale file
    unlock(database_path, secrets=secrets, passphrase=None).close()


def test_the_same_process_may_open_it_twice(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    second = unlock(database_path, secrets=secrets, passphrase=None)
    second.close()
    with database.session() as session:  # the first is unaffected by the second's close
        assert session.connection().exec_driver_sql("SELECT 1").scalar() == 1
