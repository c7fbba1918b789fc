"""SIGKILL at random moments during import and editing never corrupts or loses a commit.

A real child process (``tests/store/crash_worker.py``) imports the corpus in a loop and pauses
each new case's clock; it is killed with SIGKILL at a random moment 30 times. After every kill
the database must pass ``PRAGMA integrity_check``, the audit chain must verify, and every case
(and every edit) whose commit had returned must be there.
"""

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, text
from sqlalchemy import select as sql_select

from app.models import Case, CasePause
from app.services.audit import verify_chain
from app.store import Database, MemorySecretStore, unlock
from app.store.keys import stored_key

ROOT = Path(__file__).resolve().parents[2]
KILLS = 30
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")


class Worker:
    """The child process and its output, read line by line without blocking forever."""

    def __init__(self, database_path: Path, workdir: Path, key_hex: str) -> None:
        env = {**os.environ, "CRASH_TEST_KEY": key_hex}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.store.crash_worker", str(database_path), str(workdir)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.buffer = b""

    def lines_until(self, prefix: str, timeout_s: float = 30.0) -> list[str]:
        """Return the lines read up to and including the first starting with ``prefix``."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout_s
        lines: list[str] = []
        while True:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                lines.append(raw.decode())
                if lines[-1].startswith(prefix):
                    return lines
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no {prefix!r} from the crash worker"
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                assert chunk, "the crash worker exited"
                self.buffer += chunk

    def go(self) -> int:
        """Fork a worker and return its pid."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()
        return int(self.lines_until("FORKED")[-1].split()[1])

    def stop(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()


def _check(database: Database, cases: set[str], edits: set[str]) -> None:
    with database.session() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        chain = verify_chain(session)
        assert chain.ok and chain.first_bad_event_id is None
        present = set(session.scalars(sql_select(Case.reference)))
        assert cases <= present, f"lost committed cases: {sorted(cases - present)}"
        paused = set(
            session.scalars(
                sql_select(Case.reference)
                .join(CasePause)
                .group_by(Case.reference)
                .having(func.count() > 0)
            )
        )
        assert edits <= paused, f"lost committed edits: {sorted(edits - paused)}"


def test_killing_the_app_during_import_and_edits_never_loses_a_commit(
    database: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    database.close()
    key = stored_key(secrets, database_path)
    assert key is not None
    workdir = tmp_path / "incoming"
    workdir.mkdir()
    chooser = random.Random(8)
    cases: set[str] = set()
    edits: set[str] = set()
    worker = Worker(database_path, workdir, key.key.hex())
    try:
        for _ in range(KILLS):
            pid = worker.go()
            # The kill window starts once the worker's first import has committed, so that on
            # a loaded machine too the kills land during imports and edits, not while the
            # worker is still opening the database.
            working = worker.lines_until("CASE")
            time.sleep(chooser.uniform(0.0, 0.8))
            os.kill(pid, signal.SIGKILL)
            for line in working + worker.lines_until("DONE"):
                kind, _, reference = line.partition(" ")
                {"CASE": cases, "EDIT": edits}.get(kind, set()).add(reference)
            reopened = unlock(database_path, secrets=secrets, passphrase=None)
            try:
                _check(reopened, cases, edits)
            finally:
                reopened.close()
    finally:
        worker.stop()
    # The kills must have landed while work was going on: many rounds got as far as an edit.
    print(f"{KILLS} kills: {len(cases)} committed cases, {len(edits)} committed edits")
    assert len(edits) >= KILLS // 2
