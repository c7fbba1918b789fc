"""Child process for the crash test: imports the corpus in a loop and edits the new cases.

Run as ``python -m tests.store.crash_worker DATABASE WORKDIR`` with the raw key (hex) in
``$CRASH_TEST_KEY``. It imports the application once, then forks one worker per line
``go`` read from standard input: starting a fresh interpreter per kill would spend ~2 s of the
test's budget per round on imports alone, and a forked worker is as real a process as any (its
own connections, its own file descriptors, killed by the kernel). Each worker prints
``FORKED <pid>`` at once, then ``CASE <reference>`` after each import's commit returned and
``EDIT <reference>`` after each edit's commit returned; the parent prints ``DONE`` when the
worker has died.
"""

import os
import sys
import traceback
from contextlib import suppress
from pathlib import Path

from app.clock import company_today
from app.errors import PrivacyDeskError
from app.models.enums import PauseReason
from app.services.case_queries import find_case
from app.services.clock_adjustments import pause_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.intake import read_message_file, triage
from app.store import Database, MemorySecretStore, unlock
from app.store.keys import secret_name
from tests.conftest import CORPUS_INBOX


def say(line: str) -> None:
    """Write one line with a single unbuffered ``write``, so a kill never leaves half a line."""
    os.write(1, (line + "\n").encode())


def variant(source: Path, workdir: Path, serial: str) -> Path:
    """Copy ``source`` with a fresh Message-ID first, so every import makes a new case."""
    target = workdir / f"{serial}-{source.name}"
    target.write_bytes(
        f"Message-ID: <crash-{serial}@test.invalid>\r\n".encode() + source.read_bytes()
    )
    return target


def edit(database: Database, reference: str, rule_book: RuleBook) -> None:
    """Pause the clock of a case (an ordinary user edit), in its own transaction."""
    with database.session() as session:
        case = find_case(session, reference)
        today = company_today()
        pause_clock(
            session,
            case,
            rule_book,
            start_date=today,
            reason=PauseReason.CLARIFICATION,
            today=today,
        )


def work(path: Path, workdir: Path, rule_book: RuleBook) -> None:
    """Open the database and import and edit until killed."""
    secrets = MemorySecretStore()
    secrets.set(secret_name(path), os.environ["CRASH_TEST_KEY"])
    database = unlock(path, secrets=secrets, passphrase=None)
    say("OPENED")
    files = sorted(CORPUS_INBOX.glob("*.eml"))
    for number in range(10**6):
        serial = f"{os.getpid()}-{number}"
        report = import_paths(
            database.session, [variant(files[number % len(files)], workdir, serial)], rule_book
        )
        result = report.results[0]
        if result.outcome is ImportOutcome.IMPORTED and result.reference:
            say(f"CASE {result.reference}")
            try:
                edit(database, result.reference, rule_book)
            except PrivacyDeskError:
                continue
            say(f"EDIT {result.reference}")


def warm_up(workdir: Path, rule_book: RuleBook) -> None:
    """Import and edit once on a scratch database, closed before any fork, so every forked
    worker starts with what an import loads on first use (triage's vocabularies, modules
    imported lazily, folding tables) and the kills land during work even on a loaded machine."""
    triage(read_message_file(sorted(CORPUS_INBOX.glob("*.eml"))[0]))
    scratch = workdir / "warm-up"
    scratch.mkdir()
    database = unlock(
        scratch / "warm.db", secrets=MemorySecretStore(), passphrase=None, create=True
    )
    try:
        for number, source in enumerate(sorted(CORPUS_INBOX.glob("*.eml"))[:3]):
            report = import_paths(
                database.session, [variant(source, scratch, f"warm-{number}")], rule_book
            )
            reference = report.results[0].reference
            if reference:
                with suppress(PrivacyDeskError):  # a case whose clock cannot pause
                    edit(database, reference, rule_book)
    finally:
        database.close()


def main() -> None:
    path, workdir = Path(sys.argv[1]), Path(sys.argv[2])
    rule_book = load_rule_book()
    warm_up(workdir, rule_book)
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            say(f"FORKED {os.getpid()}")
            try:
                work(path, workdir, rule_book)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        os.waitpid(pid, 0)
        say("DONE")


if __name__ == "__main__":
    main()
