"""A full disk (real SQLCipher): one clear error naming the folder, the batch stopped at the
first file that did not fit, nothing committed lost, and a close that never fails on it."""

import logging
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import DiskFullError
from app.models import Case
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database, MemorySecretStore, unlock
from app.store.disk_space import DiskFullWatch
from tests.store.full_disk import cap_pages, file_size_limit, padded_messages

FULL_MESSAGE = (
    "The disk holding '{folder}' is full: free space on it and try again. Nothing was lost: "
    "the change that did not fit was undone, everything saved before it is kept."
)


def _cases(database: Database) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_a_write_that_does_not_fit_is_one_clear_error_and_the_batch_stops_there(
    database: Database, database_path: Path, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    first, *rest = padded_messages(tmp_path / "inbox", 4)
    rule_book = load_rule_book()
    assert import_paths(database.session, [first], rule_book).count(ImportOutcome.IMPORTED) == 1
    cap_pages(database)  # the next message (some 200 KiB) does not fit in the free pages
    watch = DiskFullWatch(database.session)
    report = import_paths(watch, rest, rule_book, should_cancel=watch.full)
    # 1.eml failed; 2.eml and 3.eml were not tried: each would fail the same way.
    folder = database_path.parent.resolve()
    assert [(r.file_name, r.outcome, r.problem) for r in report.results] == [
        ("1.eml", ImportOutcome.FAILED, FULL_MESSAGE.format(folder=folder))
    ]
    assert report.cancelled
    assert isinstance(watch.error, DiskFullError)
    assert _cases(database) == 1  # 0.eml kept; nothing of 1.eml written
    database.close()
    reopened = unlock(database_path, secrets=secrets, passphrase=None)  # room again
    try:
        again = import_paths(reopened.session, [tmp_path / "inbox"], rule_book)
        assert [r.outcome for r in again.results] == [ImportOutcome.DUPLICATE] + [
            ImportOutcome.IMPORTED
        ] * 3
        assert _cases(reopened) == 4
    finally:
        reopened.close()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_checkpoint_that_does_not_fit_fails_no_close_and_loses_nothing(
    database: Database,
    database_path: Path,
    secrets: MemorySecretStore,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    rule_book = load_rule_book()
    messages = padded_messages(tmp_path / "inbox", 2)
    assert import_paths(database.session, messages, rule_book).count(ImportOutcome.IMPORTED) == 2
    wal = Path(f"{database_path}-wal")
    size = database_path.stat().st_size  # a new database: its pages are still in the WAL
    assert wal.stat().st_size > size
    with caplog.at_level(logging.WARNING), file_size_limit(size):
        database.close()  # the checkpoint cannot grow the file
    assert "the write-ahead log was not copied into the database file" in caplog.text
    assert wal.stat().st_size > 0  # kept, with every committed change
    assert database_path.stat().st_size % 4096 == 0
    reopened = unlock(database_path, secrets=secrets, passphrase=None)  # the lock was let go
    try:
        assert _cases(reopened) == 2
    finally:
        reopened.close()
    assert not wal.exists() or wal.stat().st_size == 0  # copied in at this close
