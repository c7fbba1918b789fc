"""``python -m benchmarks.case_list``: the case list at 100,000 (and 1,000,000) cases.

Generates realistic cases into an encrypted database, then times what a user does — open the
list, scroll to the middle, type a search (two-character Chinese name, e-mail, phone,
reference), switch views, sort by due date — each as the time to the first rows on screen.
Two same-run baselines make the numbers comparable across machines:

- ``SELECT id FROM "case" LIMIT 200`` on the same encrypted database, through the same
  sessions (the floor of any page load);
- the very statements each action ran, replayed through the standard ``sqlite3`` module on an
  unencrypted copy (what encryption, SQLAlchemy and the model add).

``BENCH_FULL=1`` adds the 1,000,000-case run; ``BENCH_ROUNDS`` (default 3) sets the rounds,
of which the best is reported. Peak memory is the process's maximum resident set and the peak
of Python allocations (``tracemalloc``) while the list is used.
"""

import os
import resource
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import event, text

from app.services.case_search import CaseQuery, SavedView, SortColumn
from app.store import Database, MemorySecretStore, unlock
from app.ui.case_browser import CaseBrowser
from app.ui.case_page_model import CasePageModel, DatabaseCaseSource
from benchmarks.demo_cases import create_search_indexes, generate_cases

TODAY = date(2026, 3, 10)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
Statement = tuple[str, Any]


@contextmanager
def recorded(database: Database) -> Iterator[list[Statement]]:
    """Collect the (SQL, parameters) each statement on ``database`` runs with."""
    statements: list[Statement] = []

    def seen(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_rest: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, parameters))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)


def best(work: Callable[[], object]) -> float:
    """Seconds of the fastest of ``ROUNDS`` runs of ``work``."""
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def replay(plain: sqlite3.Connection, statements: list[Statement]) -> float:
    """Seconds of the fastest run of ``statements`` through plain ``sqlite3``."""
    return best(lambda: [plain.execute(sql, params).fetchall() for sql, params in statements])


def _actions(model: CasePageModel, base: CaseQuery) -> dict[str, Callable[[], object]]:
    def show(query: CaseQuery, row: int = 0) -> Callable[[], object]:
        return lambda: (model.set_query(query), model.row_at(row))

    everything = replace(base, view=SavedView.ALL, sort=SortColumn.RECEIVED)
    return {
        "open the list (open cases by due)": show(base),
        "scroll to the middle (all cases)": lambda: (
            model.set_query(everything),
            model.row_at(model.rowCount() // 2),
        ),
        "search: 2-char Chinese name 张伟": show(replace(everything, text="张伟")),
        "search: e-mail prefix": show(replace(everything, text="zhang.wei1")),
        "search: phone +86 130…": show(replace(everything, text="+86 130 0012 3")),
        "search: reference": show(replace(everything, text="PD-2025-0001")),
        "view: overdue": show(replace(base, view=SavedView.OVERDUE)),
        "view: due within 7 days": show(replace(base, view=SavedView.DUE_SOON)),
        "view: mine": show(replace(base, view=SavedView.MINE)),
        "view: closed": show(replace(base, view=SavedView.CLOSED)),
        "sort all by due date ↑": show(replace(everything, sort=SortColumn.DUE, descending=False)),
        "sort all by due date ↓": show(replace(everything, sort=SortColumn.DUE)),
        "sort all by requester": show(replace(everything, sort=SortColumn.REQUESTER)),
    }


def _baseline(database: Database) -> float:
    def page() -> None:
        with database.session() as session:
            session.execute(text('SELECT id FROM "case" LIMIT 200')).all()

    return best(page)


def _plain_copy(database: Database, folder: Path) -> sqlite3.Connection:
    """An unencrypted copy of ``database`` (``sqlcipher_export``), opened with ``sqlite3``."""
    target = folder / "plain.db"
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
        raw.execute("SELECT sqlcipher_export('plaintext')")
        raw.execute("DETACH DATABASE plaintext")
    plain = sqlite3.connect(target)
    plain.execute("ANALYZE")  # the same planner statistics as the encrypted original
    return plain


def _first_paint(database: Database) -> float:
    def paint() -> None:
        browser = CaseBrowser(database, lambda: TODAY, "li.wei")
        browser.resize(1200, 800)
        browser.grab()  # renders the widget, so every visible row is fetched and painted
        browser.deleteLater()

    return best(paint)


def _print_row(name: str, seconds: float, baseline: float, plain: float | None) -> None:
    versus_plain = f"{seconds / plain:6.2f}x" if plain else "     —"
    print(f"  {name:<38} {seconds * 1000:9.1f} ms {seconds / baseline:8.1f}x {versus_plain}")


def run(size: int, folder: Path) -> None:
    """Generate ``size`` cases in ``folder`` and print the timings table."""
    database = unlock(
        folder / f"cases-{size}.db", secrets=MemorySecretStore(), passphrase=None, create=True
    )
    try:
        started = time.perf_counter()
        generate_cases(database, size, today=TODAY)
        create_search_indexes(database)
        print(f"\n{size:,} cases generated in {time.perf_counter() - started:.0f} s")
        _measure(database, folder)
    finally:
        database.close()


def _measure(database: Database, folder: Path) -> None:
    baseline = _baseline(database)
    plain = _plain_copy(database, folder)
    print(f"  {'action (to the first rows)':<38} {'time':>12} {'/baseline':>9} {'/sqlite3':>7}")
    _print_row("baseline: SELECT id … LIMIT 200", baseline, baseline, None)
    _print_row("window: list built and painted", _first_paint(database), baseline, None)
    base = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
    base = replace(base, assignee="li.wei")
    model = CasePageModel(DatabaseCaseSource(database), base, lambda: TODAY)
    actions = _actions(model, base)
    for name, action in actions.items():
        action()  # warm: the planner's statistics and page cache
        with recorded(database) as statements:
            action()
        _print_row(name, best(action), baseline, replay(plain, statements))
    plain.close()
    # Apart from the timings: tracing every allocation slows Python down several times.
    tracemalloc.start()
    for action in actions.values():
        action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak Python allocations while browsing: {peak / 2**20:.1f} MiB")
    print(f"  peak resident memory of the process:    {rss:.0f} MiB")


def main() -> None:
    """Print the case-list table at 100,000 cases, and at 1,000,000 with ``BENCH_FULL=1``."""
    application = QApplication.instance() or QApplication([])
    sizes = [100_000] + ([1_000_000] if os.environ.get("BENCH_FULL") == "1" else [])
    print(f"case list: best of {ROUNDS} rounds; baseline = SELECT id … LIMIT 200, same database")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            run(size, Path(folder))
    del application


if __name__ == "__main__":
    main()
