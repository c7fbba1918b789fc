"""A background import and an edit on another connection at the same time both land."""

import threading
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import func, select

from app.errors import DatabaseLockedError
from app.models import Case, CasePause, Event
from app.models.enums import PauseReason
from app.services.case_queries import find_case
from app.services.clock_adjustments import pause_clock
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database, MemorySecretStore, unlock
from app.store.keys import stored_key
from app.store.retry import write_with_retry
from tests.conftest import CORPUS_INBOX

TODAY = date(2026, 9, 1)


def _pause(reference: str):  # type: ignore[no-untyped-def]
    rule_book = load_rule_book()

    def work(session):  # type: ignore[no-untyped-def]
        case = find_case(session, reference)
        pause_clock(
            session, case, rule_book, start_date=TODAY, reason=PauseReason.OTHER, today=TODAY
        )
        return case.reference

    return work


def test_a_background_import_and_an_edit_both_land(database: Database) -> None:
    rule_book = load_rule_book()
    first = import_paths(database.session, [CORPUS_INBOX / "001-en-access-default.eml"], rule_book)
    reference = first.results[0].reference
    assert reference is not None
    started = threading.Event()
    outcome: list[int] = []

    def background() -> None:
        started.set()
        report = import_paths(database.session, [CORPUS_INBOX], rule_book)
        outcome.append(report.count(ImportOutcome.IMPORTED))

    worker = threading.Thread(target=background)
    worker.start()
    started.wait()
    edits = [write_with_retry(database, _pause(reference)) for _ in range(1)]
    worker.join(timeout=60)
    assert outcome == [50]  # the 51 files less the one imported first
    assert edits == [reference]
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 51
        assert session.scalar(select(func.count()).select_from(CasePause)) == 1
        assert session.scalar(select(func.count()).where(Event.action == "clock.paused")) == 1


def test_an_edit_outlasting_the_busy_timeout_is_retried_not_dropped(
    database_path: Path, secrets: MemorySecretStore, database: Database
) -> None:
    rule_book = load_rule_book()
    report = import_paths(database.session, [CORPUS_INBOX / "zh01-zh-access.eml"], rule_book)
    reference = report.results[0].reference
    assert reference is not None
    database.close()
    short = unlock(database_path, secrets=secrets, passphrase=None, busy_timeout_ms=50)
    key = stored_key(secrets, database_path)
    assert key is not None
    holder = sqlcipher.connect(str(database_path), isolation_level=None, check_same_thread=False)
    holder.execute(key.pragma())
    holder.execute("BEGIN IMMEDIATE")  # another writer, e.g. a long import transaction
    retries: list[int] = []
    release = threading.Timer(0.4, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        assert write_with_retry(short, _pause(reference), pause_s=0.1, on_retry=retries.append) == (
            reference
        )
    finally:
        release.join()
        holder.close()
    assert retries and retries[0] == 1
    with short.session() as session:
        assert len(find_case(session, reference).pauses) == 1
    holder = sqlcipher.connect(str(database_path), isolation_level=None)
    holder.execute(key.pragma())
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseLockedError, match="not saved"):
            write_with_retry(short, _pause(reference), attempts=2, pause_s=0.01)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        short.close()
