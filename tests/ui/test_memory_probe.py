"""The memory probe (app/ui/memory_probe.py): its measurements, its walk through the real app
(through benchmarks/memory.py, in a process of its own: the probe quits the application), and
that it stays out of the way when its environment variable is unset."""

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.store import Database, unlock
from app.store.location import DATABASE_FILE_NAME
from app.ui.case_browser import CaseBrowser
from app.ui.memory_probe import (
    MEMORY_PROBE_ENV,
    SEARCHES,
    _package_of,
    _tab_of,
    current_rss_mib,
    malloc_mib,
    peak_rss_mib,
    resident_by_mapping,
    sqlite_heap_mib,
    watch_memory,
)
from benchmarks.case_list_data import PASSPHRASE, TODAY
from benchmarks.demo_cases import generate_cases
from benchmarks.memory import list_and_dashboard_memory

STEPS = ("list_painted_mib", "dashboard_shown_mib", "list_scrolled_mib", "searched_mib")


def test_the_peak_is_never_below_what_is_resident_now() -> None:
    resident, peak = current_rss_mib(), peak_rss_mib()
    # Both in MiB; Qt alone keeps tens of MiB resident in this process.
    assert 20 < resident <= peak + 1


def test_a_child_reports_its_own_peak_not_its_parents() -> None:
    # Linux keeps a parent's ru_maxrss across fork and exec: a benchmark whose parent had
    # just migrated the database reported 299 MiB for an app that peaked at 148.
    import subprocess
    import sys

    parent = (
        "import subprocess, sys\n"
        "held = bytearray(256 * 1024 * 1024)\n"
        "held[::4096] = b'x' * (len(held) // 4096)\n"  # every page touched: resident
        "child = 'from app.ui.memory_probe import peak_rss_mib; print(peak_rss_mib())'\n"
        "print(subprocess.run([sys.executable, '-c', child], capture_output=True, text=True,"
        " check=True).stdout.strip())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, check=True, timeout=120
    )
    assert float(done.stdout.strip()) < 200


def test_the_mappings_name_the_qt_library_loaded_here() -> None:
    mappings = resident_by_mapping(top=200)
    assert any(name.endswith("libQt6Core.so.6") for name in mappings)
    assert all(size >= 0 for size in mappings.values())


def test_sqlites_heap_counts_the_pages_a_connection_holds() -> None:
    before = sqlite_heap_mib()["in_use"]
    connection = sqlcipher.connect(":memory:")  # an in-memory database lives in its page cache
    connection.execute("CREATE TABLE t (x BLOB)")
    # 2,000 rows of 1,000 bytes: about 1.9 MiB of pages, all of them held.
    connection.executemany("INSERT INTO t VALUES (zeroblob(1000))", [()] * 2000)
    heap = sqlite_heap_mib()
    connection.close()
    assert heap["in_use"] - before >= 1.9
    assert heap["peak"] >= heap["in_use"]
    assert sqlite_heap_mib()["in_use"] < heap["in_use"]  # closed: its pages are freed


def test_malloc_counts_a_large_block_while_it_lives() -> None:
    before = malloc_mib()
    block = bytearray(20 * 1024 * 1024)  # 20 MiB from malloc (mmapped: above its threshold)
    during = malloc_mib()
    del block
    assert during["in_use"] - before["in_use"] >= 19.9
    assert malloc_mib()["in_use"] < during["in_use"] - 19
    assert during["free"] >= 0


@pytest.mark.parametrize(
    ("filename", "package"),
    [
        ("/v/lib/python3.11/site-packages/reportlab/platypus/paragraph.py", "reportlab"),
        ("/v/lib/python3.11/site-packages/typing_extensions.py", "typing_extensions"),
        ("/work/main/app/ui/case_browser.py", "app"),
        ("/usr/lib/python3.11/email/parser.py", "stdlib:email"),
        ("<frozen importlib._bootstrap>", "<frozen importlib._bootstrap>"),
    ],
)
def test_allocations_are_grouped_by_top_level_package(filename: str, package: str) -> None:
    assert _package_of(filename) == package


def test_the_tab_holding_a_page_is_found(qtbot: QtBot) -> None:
    pages, holder, inner = QTabWidget(), QWidget(), QLabel("figures")
    qtbot.addWidget(pages)
    inner.setParent(holder)
    pages.addTab(QLabel("cases"), "Cases")
    pages.addTab(holder, "Dashboard")
    assert _tab_of(pages, inner) == 1
    assert _tab_of(pages, holder) == 1
    assert _tab_of(pages, QLabel("elsewhere")) == -1


def test_nothing_is_installed_without_the_variable(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MEMORY_PROBE_ENV, raising=False)
    browser = CaseBrowser(database, lambda: TODAY, "li.wei")
    qtbot.addWidget(browser)
    watch_memory(browser, QTabWidget(), lambda: None)
    assert browser.property("privacyDeskMemoryProbe") is None


def test_the_walk_reports_a_growing_peak_for_every_step(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    try:
        generate_cases(database, 500, today=TODAY)
    finally:
        database.close()
    figures = list_and_dashboard_memory(path)
    peaks = [figures[step] for step in STEPS]
    assert peaks == sorted(peaks)  # a peak only grows
    assert figures["peak_mib"] >= peaks[-1]
    assert 0 < figures["resident_mib"] <= figures["peak_mib"] + 1
    assert "dashboard_failed" not in figures


def test_the_detailed_walk_says_where_each_steps_memory_is(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILE_NAME
    database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    try:
        generate_cases(database, 200, today=TODAY)
    finally:
        database.close()
    figures = list_and_dashboard_memory(path, detail=True)
    steps = figures["steps"]
    # The window's tools are built between the first paint and the dashboard's figures.
    assert list(steps) == ["list_painted", "tools_built", *[s[:-4] for s in STEPS[1:]]]
    for now in steps.values():
        assert 0 < now["resident"] <= figures["peak_mib"] + 1
        assert 0 < now["sqlite_in_use"] <= now["sqlite_peak"]
        assert 0 < now["malloc_in_use"] < now["resident"] * 2
    assert figures["mappings_mib"] and figures["sqlite_mib"]["in_use"] > 0
    assert list(figures["searches_ms"]) == list(SEARCHES)
    assert all(ms > 0 for ms in figures["searches_ms"].values())
