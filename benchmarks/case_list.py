"""``python -m benchmarks.case_list``: the case list at 100,000 (and 1,000,000) cases.

Prints one table: action | Privacy Desk | plain sqlite3 | ratio | target | ok?

- start to a usable window: the real app (``main.py``) in its own process on the generated
  database, until the list's first paint (``app/ui/startup_probe.py``); a second run under
  ``python -X importtime`` lists the heavy packages (``DEFERRABLE``) imported before the paint;
- first paint: a ``CaseBrowser`` built and painted in this process;
- user steps as seen: a sort change (header click) or a search (text typed, then Enter) until
  the table has repainted; opening a case (service read and the detail pane filled);
- queries: each view, search and sort as the model runs it (query, count and the first page
  of rows), next to the very statements it ran replayed through the standard ``sqlite3``
  module on an unencrypted copy (what SQLCipher, SQLAlchemy and the model add): ≤ 1.5×;
- peak memory of a process that only browses the list (views, searches, sorts);
- at 100,000 cases, the usual Qt approach: every row in a ``QStandardItemModel`` behind a
  ``QSortFilterProxyModel`` (load, sort, filter, memory), in a process of its own.

``BENCH_FULL=1`` adds the 1,000,000-case run (targets are set for it); ``BENCH_SIZES`` (e.g.
``1000000``) runs only the sizes given; ``BENCH_ONLY`` (e.g. ``steps,queries``) only the given
parts of ``PARTS``; ``BENCH_ROUNDS`` (default 3) sets the rounds of the start, paint and
user steps, of which the best is reported. A query and its baseline are timed alternately in
the same rounds and each side's fastest round reported (``benchmarks.timing.paired``: at least
``BENCH_PAIRED_ROUNDS``, 15, and until each side has spent ``BENCH_PAIRED_SECONDS``, 0.25 s;
``BENCH_CLOCK=cpu`` times them in CPU time, for a loaded machine).
Generated databases are cached in a temp folder (``benchmarks/case_list_data.py``).

Like with like: the baseline replays the exact SQL text and parameters each query sent, on an
unencrypted copy with the same indexes, planner statistics and page-cache size, and a query
whose plan differs between the two (``EXPLAIN QUERY PLAN``) is listed under the table.
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from app.services.case_list_source import DatabaseCaseSource
from app.services.case_queries import case_detail
from app.services.case_search import CaseQuery, SavedView, SortColumn
from app.services.deadlines import load_rule_book
from app.store import Database
from app.store.reading import watch_plain_reads
from app.ui.case_browser import CaseBrowser
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_list_columns import Column
from app.ui.case_page_model import CasePageModel
from benchmarks.case_list_child import child, startup
from benchmarks.case_list_data import TODAY, open_prepared, plain_copy, prepared_database
from benchmarks.memory import memory_row
from benchmarks.timing import ON_CPU_TIME, PAIRED_ROUNDS, PAIRED_SECONDS, ROUNDS, best, paired

PARTS = ("start", "paint", "steps", "queries", "memory", "qt")
ONLY = frozenset(filter(None, os.environ.get("BENCH_ONLY", ",".join(PARTS)).split(",")))
Statement = tuple[str, Any]
Row = tuple[str, float, float | None, str, bool | None]  # action, value, plain, target, ok
SEARCHES = {
    "2-char Chinese name 王芳": "王芳",
    "1-char Chinese name 王": "王",
    "first name and initial Anna S": "Anna S",
    "surname Smith": "Smith",
    "given name 建华": "建华",
    "e-mail prefix": "zhang.wei1",
    "phone +86 130…": "+86 130 0012 3",
    "reference": "PD-2025-0001",
}


@contextmanager
def recorded(database: Database) -> Iterator[list[Statement]]:
    """Collect the (SQL, parameters) of each SELECT run on ``database``."""
    statements: list[Statement] = []

    def plain(sql: str, parameters: Any) -> None:
        if sql.lstrip().upper().startswith("SELECT"):
            statements.append((sql, parameters))

    def seen(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_rest: Any) -> None:
        plain(sql, parameters)

    event.listen(database.engine, "before_cursor_execute", seen)
    stop_plain = watch_plain_reads(database.engine, plain)  # the list's own reads
    try:
        yield statements
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
        stop_plain()


def replay(plain: sqlite3.Connection, statements: list[Statement]) -> float:
    """Seconds of the fastest run of ``statements`` through plain ``sqlite3``."""
    return best(replayed(plain, statements))


def replayed(plain: sqlite3.Connection, statements: list[Statement]) -> Callable[[], object]:
    """A run of ``statements`` through plain ``sqlite3``, each fetched in full."""
    return lambda: [plain.execute(sql, params).fetchall() for sql, params in statements]


def model_actions(model: CasePageModel, base: CaseQuery) -> dict[str, Callable[[], object]]:
    """The list's queries as the model runs them: count and the first rows of a query."""

    def show(query: CaseQuery, middle: bool = False) -> Callable[[], object]:
        def action() -> object:
            model.set_query(query)
            return model.row_at(model.rowCount() // 2 if middle else 0)

        return action

    everything = replace(base, view=SavedView.ALL, sort=SortColumn.RECEIVED)
    actions: dict[str, Callable[[], object]] = {
        "query: open cases by due (the start view)": show(base),
        "query: scroll to the middle of all cases": show(everything, middle=True),
    }
    for name, text in SEARCHES.items():
        actions[f"query: search {name}"] = show(replace(everything, text=text))
    for view in (SavedView.OVERDUE, SavedView.DUE_SOON, SavedView.MINE, SavedView.CLOSED):
        actions[f"query: view {view.value}"] = show(replace(base, view=view))
    for sort, descending in ((SortColumn.DUE, True), (SortColumn.REQUESTER, False)):
        arrow = "↓" if descending else "↑"
        query = replace(everything, sort=sort, descending=descending)
        actions[f"query: sort all by {sort.value} {arrow}"] = show(query)
    return actions


def browser_actions(browser: CaseBrowser) -> dict[str, Callable[[], object]]:
    """User steps through the browser, each until the table has repainted."""

    def painted() -> None:
        browser.table.viewport().grab()  # renders now: the visible rows are fetched and drawn

    def search(text: str) -> Callable[[], object]:
        def action() -> None:
            browser.search_box.setText(text)
            browser.search_now()  # as Enter does; typing waits for the debounce first
            painted()

        return action

    def sort(column: Column, order: Qt.SortOrder) -> Callable[[], object]:
        def action() -> None:
            browser.table.sortByColumn(column, order)  # as a header click does
            painted()

        return action

    actions = {f"search {name} → repaint": search(text) for name, text in SEARCHES.items()}
    actions["sort change: requester ↑ → repaint"] = sort(
        Column.REQUESTER, Qt.SortOrder.AscendingOrder
    )
    actions["sort change: due ↓ → repaint"] = sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    return actions


def _reset(browser: CaseBrowser) -> None:
    """Back to the start view, unsearched, by due date (untimed, between rounds)."""
    browser.search_box.setText("")
    browser.search_now()
    browser.set_view(SavedView.ALL)
    browser.table.sortByColumn(Column.RECEIVED, Qt.SortOrder.DescendingOrder)


def _first_paint(database: Database) -> float:
    def paint() -> None:
        browser = CaseBrowser(database, lambda: TODAY, "li.wei")
        browser.resize(1200, 800)
        browser.grab()  # renders the widget, so every visible row is fetched and painted
        browser.deleteLater()

    return best(paint)


def _user_steps(database: Database) -> list[Row]:
    browser = CaseBrowser(database, lambda: TODAY, "li.wei")
    browser.resize(1200, 800)
    browser.show()
    rows: list[Row] = []
    for name, action in browser_actions(browser).items():
        seconds = best(action, lambda: _reset(browser))
        rows.append((name, seconds, None, "≤ 100 ms", seconds <= 0.1))
    reference = browser.model.row_at(0)
    seconds = _open_case(database, reference.reference if reference else "")
    rows.append(("open a case (detail read and shown)", seconds, None, "—", None))
    browser.deleteLater()
    return rows


def _open_case(database: Database, reference: str) -> float:
    rule_book, pane = load_rule_book(), CaseDetailPane()

    def show() -> None:
        with database.session() as session:
            pane.show_detail(case_detail(session, reference, rule_book, today=TODAY))

    seconds = best(show)
    pane.deleteLater()
    return seconds


def _queries(database: Database, plain: sqlite3.Connection) -> list[Row]:
    """The query rows; prints each statement whose plan is not the baseline's."""
    base = CaseQuery(TODAY, SavedView.OPEN, sort=SortColumn.DUE, descending=False)
    base = replace(base, assignee="li.wei")
    model = CasePageModel(DatabaseCaseSource(database), base, lambda: TODAY)
    rows: list[Row] = []
    for name, action in model_actions(model, base).items():
        action()  # warm: the page cache
        with recorded(database) as statements:
            action()
        baseline_action = replayed(plain, statements)
        baseline_action()  # warm alike (best of 3 rounds had its first round for that)
        seconds, baseline = paired(action, baseline_action)
        rows.append((name, seconds, baseline, "≤ 1.5×", seconds <= 1.5 * baseline))
        for sql in _plans_differ(database, plain, statements):
            print(f"  plan differs from plain sqlite3: {name}: {sql}")
    return rows


def _plans_differ(
    database: Database, plain: sqlite3.Connection, statements: list[Statement]
) -> list[str]:
    """The statements whose ``EXPLAIN QUERY PLAN`` differs between SQLCipher and plain."""
    differing = []
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        for sql, parameters in statements:
            ours = _plan(raw.execute(f"EXPLAIN QUERY PLAN {sql}", parameters).fetchall())
            theirs = _plan(plain.execute(f"EXPLAIN QUERY PLAN {sql}", parameters).fetchall())
            if ours != theirs:
                differing.append(" ".join(sql.split())[:160])
    return differing


def _plan(rows: list[Any]) -> list[str]:
    """The plan's table accesses: which table, by which index, in order. Only these: the
    stdlib's SQLite (3.40 here) and SQLCipher's (3.53) word the rest differently (a UNION is
    "MERGE (UNION)" in one, "UNION USING TEMP B-TREE" in the other), and only the newer calls
    an index holding every column read "covering"."""
    steps = (str(row[-1]) for row in rows)
    accesses = (step for step in steps if step.startswith(("SEARCH", "SCAN")))
    return [step.replace("COVERING INDEX", "INDEX") for step in accesses]


def _matched_cache(database: Database, plain: sqlite3.Connection) -> None:
    """Give the baseline connection the app's page-cache size (like with like)."""
    with database.engine.connect() as connection:
        size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    plain.execute(f"PRAGMA cache_size = {int(size or -2000)}")


def measure(size: int) -> list[Row]:
    """Return the table's rows for ``size`` generated cases."""
    path, generation = prepared_database(size)
    note = "cached" if generation is None else f"generated in {generation:.0f} s"
    print(f"\n{size:,} cases ({note}; load {os.getloadavg()[0]:.1f}) at {path.parent}")
    rows = _startup(path) if "start" in ONLY else []
    database = open_prepared(path)
    plain = plain_copy(path)
    _matched_cache(database, plain)
    try:
        if "paint" in ONLY:
            first = _first_paint(database)
            rows.append(("first paint of the list", first, None, "≤ 150 ms", first <= 0.15))
        rows += _user_steps(database) if "steps" in ONLY else []
        rows += _queries(database, plain) if "queries" in ONLY else []
    finally:
        plain.close()
        database.close()
    if "memory" in ONLY:
        memory = child("memory", path)["rss_mib"]
        rows.append(("peak memory, list alone (MiB)", memory, None, "≤ 150 MiB", memory <= 150))
        rows.append(memory_row(path))  # the app itself: list, dashboard, scrolling, searches
    return rows + (_qt_approach(path) if size == 100_000 and "qt" in ONLY else [])


def _startup(path: Path) -> list[Row]:
    startup(path)  # warm: the file cache (a first start also recomputes generated deadlines)
    launch = startup(path)
    startup(path, keyring=True)  # warm the raw-keyed copy too
    keyed = startup(path, keyring=True)
    imports = startup(path, importtime=True)
    return [
        ("start → window with the list painted (passphrase: PBKDF2)", launch["seconds"], None,
         "≤ 800 ms", launch["seconds"] <= 0.8),
        ("start → window with the list painted (key in a keyring)", keyed["seconds"], None,
         "≤ 800 ms", keyed["seconds"] <= 0.8),
        (f"heavy imports before first paint ({', '.join(imports['deferrable_imported'])})",
         len(imports["deferrable_imported"]), None, "none", not imports["deferrable_imported"]),
    ]  # fmt: skip


def _qt_approach(path: Path) -> list[Row]:
    found = child("qt_approach", path)
    return [
        (f"usual Qt model: load all {found['rows']:,} rows", found["load_s"], None, "—", None),
        ("usual Qt model: proxy sort by requester", found["sort_s"], None, "—", None),
        ("usual Qt model: proxy filter 王芳", found["filter_s"], None, "—", None),
        ("usual Qt model: peak memory (MiB)", found["rss_mib"], None, "—", None),
    ]


def print_table(rows: list[Row]) -> None:
    """Print ``rows`` as: action | Privacy Desk | plain sqlite3 | ratio | target | ok?"""
    print(f"| {'action':<64} | Privacy Desk | plain sqlite3 |  ratio | {'target':<9} | ok? |")
    print(f"|{'-' * 66}|-------------:|--------------:|-------:|{'-' * 11}|-----|")
    for action, value, plain, target, ok in rows:
        shown = _shown(action, value)
        versus = f"{plain * 1000:10.1f} ms" if plain is not None else f"{'—':>13}"
        ratio = f"{value / plain:5.2f}×" if plain else f"{'—':>6}"
        verdict = {True: "yes", False: "NO", None: "—"}[ok]
        print(f"| {action:<64} | {shown:>12} | {versus} | {ratio} | {target:<9} | {verdict:<3} |")


def _shown(action: str, value: float) -> str:
    if "MiB" in action:
        return f"{value:.0f} MiB"
    if action.startswith("heavy imports"):
        return f"{value:.0f}"
    return f"{value * 1000:.1f} ms"


def main() -> None:
    """Print the case-list table at 100,000 cases, and at 1,000,000 with ``BENCH_FULL=1``."""
    application = QApplication.instance() or QApplication([])
    sizes = [100_000] + ([1_000_000] if os.environ.get("BENCH_FULL") == "1" else [])
    if os.environ.get("BENCH_SIZES"):
        sizes = [int(size) for size in os.environ["BENCH_SIZES"].split(",")]
    print(
        f"case list: best of {ROUNDS} rounds; queries: best of {PAIRED_ROUNDS}+ rounds"
        f" alternating with plain sqlite3, ≥ {PAIRED_SECONDS} s each"
        f"{' (CPU time)' if ON_CPU_TIME else ''}; {os.cpu_count()} CPUs"
    )
    for size in sizes:
        print_table(measure(size))
    del application


if __name__ == "__main__":
    main()
