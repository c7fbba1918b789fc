"""The case list's queries counted in CPU instructions, next to plain ``sqlite3``: what the
timed query rows of ``benchmarks.case_list`` measure, without the machine's noise.

On this 2-core machine the timed ratio of a 1-ms search moves by more than the target's
margin from one run to the next (1.16× then 1.60× for the reference search, minutes apart):
other programs' use of the caches and the core reaches a short statement unevenly. An
instruction count does not move: run under Valgrind's callgrind, this module counts, for each
action given, the instructions of ``ROUNDS`` runs of

- ``ours``: the list's action as the model runs it (``benchmarks.case_list.model_actions``:
  the model, the source, the plan, the pooled connection, SQLCipher);
- ``raw``: the very statements it sent, replayed on one connection of ours in one read
  transaction each (SQLCipher's SQLite without our Python);
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
stdlib's SQLite, and our Python is the 0.5 M between ``ours`` and ``raw``.
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


def _raw_replay(driver: Any, statements: list[Statement]) -> Callable[[], None]:
    """``statements`` run on the DB-API connection ``driver`` in one read transaction."""

    def replay() -> None:
        driver.execute("BEGIN")
        for sql, parameters in statements:
            driver.execute(sql, parameters).fetchall()
        driver.rollback()

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
        held = database.engine.raw_connection()
        driver = held.driver_connection
        assert driver is not None

        parts = {
            "ours": action,
            "raw": _raw_replay(driver, statements),
            "plain": replayed(plain, statements),
            "checkout": _checkout(database),
        }
        try:
            for label, part in parts.items():
                _counted(part)
                print(f"{name}: {label} ({ROUNDS} rounds)", flush=True)
        finally:
            held.close()
    plain.close()
    database.close()
    del application


if __name__ == "__main__":
    main(sys.argv[1:])
