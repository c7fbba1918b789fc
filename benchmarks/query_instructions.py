"""The case list's queries counted in CPU instructions, next to plain ``sqlite3``: what the
timed query rows of ``benchmarks.case_list`` measure, without the machine's noise.

On this 2-core machine the timed ratio of a 1-ms search moves by more than the target's
margin from one run to the next (1.16× then 1.60× for the reference search, minutes apart):
other programs' use of the caches and the core reaches a short statement unevenly. An
instruction count does not move: run under Valgrind's callgrind, this module counts, for each
action given, the instructions of ``ROUNDS`` runs of

- ``ours``: the list's action as the model runs it (``benchmarks.case_list.model_actions``:
  the model, the source, the plan, the pooled connection, SQLCipher);
- ``raw``: the very statements it sent, replayed in one read transaction each on the pool's
  connection, checked out for each run (SQLCipher's SQLite without our Python);
- ``plain``: the same statements through the standard ``sqlite3`` on the unencrypted copy
  (``benchmarks.case_list``'s baseline);
- ``checkout``: an empty read through the pool (what a read costs before its first statement).

Each part is one callgrind dump (``callgrind_control -z`` before, ``-d`` after), named in the
order printed; ``summary:`` of a dump is its instruction count::

    QT_QPA_PLATFORM=offscreen valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \\
        .venv/bin/python -m benchmarks.query_instructions e-mail reference
    grep -h '^summary:' /tmp/cg.out.*

Instructions leave out the kernel (plain ``sqlite3`` makes ~30 system calls per action for its
file locks, ours 3) and stalls on memory, so they bound the Python and SQL work only: on
2026-11-30 at 1,000,000 cases, per action, the e-mail search took 3.48 M instructions ours,
2.92 M raw, 3.08 M plain, 0.10 M the checkout (ours/plain 1.13×); the reference search 3.89 M,
3.37 M, 3.55 M, 0.10 M (1.10×): SQLCipher's statements take fewer instructions than the
stdlib's SQLite, and our Python is the 0.5 M between ``ours`` and ``raw``. On 2026-12-01 (raw
now with its checkout): the start view 7.49 M ours, 6.77 M raw, 7.39 M plain (1.01×); the
scroll to the middle 14.1 M, 12.6 M, 13.4 M (1.06×); the e-mail search 3.51 M, 3.00 M, 3.10 M
(1.13×).
"""

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QApplication

from app.services.case_list_source import DatabaseCaseSource
from app.services.case_search import CaseQuery, SavedView, SortColumn
from app.store import Database
from app.store.reading import plain_reading
from app.ui.case_page_model import CasePageModel
from benchmarks.case_list import Statement, model_actions, recorded, replayed
from benchmarks.case_list_data import TODAY, open_prepared, plain_copy, prepared_database

SIZE = int(os.environ.get("BENCH_SIZES", "1000000").split(",")[0])
ROUNDS = int(os.environ.get("BENCH_INSTRUCTION_ROUNDS", "50"))
WARM_ROUNDS = 5


def _callgrind(flag: str) -> None:
    """Zero (``-z``) or dump (``-d``) this process's callgrind counters."""
    subprocess.run(["callgrind_control", flag, str(os.getpid())], check=True, capture_output=True)


def _counted(part: Callable[[], object]) -> None:
    """Run ``part`` warm, then ``ROUNDS`` times between a zeroing and a dump."""
    for _ in range(WARM_ROUNDS):
        part()
    _callgrind("-z")
    for _ in range(ROUNDS):
        part()
    _callgrind("-d")


def _raw_replay(database: Database, statements: list[Statement]) -> Callable[[], None]:
    """``statements`` run in one read transaction on the DB-API connection of ``database``'s
    pool, checked out for each run as the list's reads check it out: a connection held for
    the whole count would make the list's own reads take a second one, whose data token
    differs (``app.services.case_list_anchors``), so that every scroll lost its anchors and
    every view its kept count (the scroll to the middle counted 322 M instructions so)."""

    def replay() -> None:
        held = database.engine.raw_connection()
        try:
            driver: Any = held.driver_connection
            driver.execute("BEGIN")
            for sql, parameters in statements:
                driver.execute(sql, parameters).fetchall()
            driver.rollback()
        finally:
            held.close()

    return replay


def _checkout(database: Database) -> Callable[[], None]:
    """An empty read through ``database``'s pool: checkout, BEGIN, rollback, checkin."""

    def read() -> None:
        with plain_reading(database.engine):
            pass

    return read


def main(wanted: list[str]) -> None:
    """Count the parts of each action whose name holds one of ``wanted`` (all: none given)."""
    application = QApplication.instance() or QApplication([])
    path, _ = prepared_database(SIZE)
    database = open_prepared(path)
    plain = plain_copy(path)
    base = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
    base = replace(base, assignee="li.wei")
    model = CasePageModel(DatabaseCaseSource(database), base, lambda: TODAY)
    for name, action in model_actions(model, base).items():
        if wanted and not any(word in name for word in wanted):
            continue
        action()
        with recorded(database) as statements:
            action()
        parts = {
            "ours": action,
            "raw": _raw_replay(database, statements),
            "plain": replayed(plain, statements),
            "checkout": _checkout(database),
        }
        for label, part in parts.items():
            _counted(part)
            print(f"{name}: {label} ({ROUNDS} rounds)", flush=True)
    plain.close()
    database.close()
    del application


if __name__ == "__main__":
    main(sys.argv[1:])
