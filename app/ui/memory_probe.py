"""Memory probe for the benchmark: peak memory with the case list and the dashboard open.

Issue 6 asks for a peak of at most 150 MiB "with the list and the dashboard open" at a million
cases. Set ``PRIVACY_DESK_MEMORY_PROBE`` (to ``1``, or to ``detail`` for a breakdown) and the
app, once the list has painted, walks through what a manager does first: it shows the
dashboard until its figures are on screen (``DashboardPage.refreshed``), goes back to the list,
scrolls it a few pages and to its middle and end, and runs the benchmark's searches in the
"All cases" view. It then writes one line to stderr and quits:

``privacy-desk-memory-probe: {"list_painted_mib": 98.3, ..., "peak_mib": 186.7, ...}``

The figures are the process's peak resident memory (``VmHWM``) after each step, in MiB,
and the resident memory at the end. With ``detail`` the line also holds, per step (and once
the window's tools are built), the resident memory, SQLite's heap and malloc's live and free
memory (``steps``); each search's time to repaint in ms (``searches_ms``); at the end the
resident memory per mapping (``/proc/self/smaps``), SQLite's own heap now and at its peak,
and, when the interpreter runs with ``-X tracemalloc``, Python's allocations per top-level
package. Unset,
nothing is installed (``watch_memory`` returns at once) and nothing is imported beyond this
module.
"""

import ctypes
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractSlider, QTabWidget, QWidget

if TYPE_CHECKING:  # the probe must not import the dashboard (and ReportLab) by itself
    from app.ui.case_browser import CaseBrowser
    from app.ui.dashboard_page import DashboardPage

MEMORY_PROBE_ENV = "PRIVACY_DESK_MEMORY_PROBE"
PROBE_PREFIX = "privacy-desk-memory-probe:"
# The benchmark's searches (benchmarks/case_list.py SEARCHES): the one-letter name scans most.
SEARCHES = ("王", "王芳", "Anna S", "zhang.wei1", "PD-2025-0001")
PAGES_SCROLLED = 5
DASHBOARD_POLL_MS = 50
MIB = 1024 * 1024
_INSTALLED = "privacyDeskMemoryProbe"


def peak_rss_mib() -> float:
    """Return this process's peak resident memory so far, in MiB.

    On Linux the high-water mark of this process's own memory (``VmHWM``), which starts afresh
    at ``exec``: ``ru_maxrss`` keeps the parent's peak across fork and exec, and a benchmark
    whose parent had just migrated the database reported the parent's 299 MiB as the app's.
    Elsewhere ``ru_maxrss`` (KiB on Linux, bytes on macOS: only Linux is measured here).
    """
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kib) / 1024


def current_rss_mib() -> float:
    """Return this process's resident memory now, in MiB (``/proc/self/statm``; Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / MIB


def resident_by_mapping(top: int = 25) -> dict[str, float]:
    """Return the resident memory (MiB) of the ``top`` largest mappings of this process,
    summed per file (``[heap]``, ``[anon]`` for anonymous memory), from ``/proc/self/smaps``."""
    sizes: dict[str, float] = {}
    name = "[anon]"
    with open("/proc/self/smaps", encoding="utf-8", errors="replace") as smaps:
        for line in smaps:
            head, _, rest = line.partition(" ")
            if head == "Rss:":
                sizes[name] = sizes.get(name, 0.0) + int(rest.split()[0]) / 1024
            elif "-" in head and not head.endswith(":"):  # a mapping's header line
                fields = rest.split(maxsplit=4)
                name = fields[4].strip() if len(fields) == 5 else "[anon]"
    ranked = sorted(sizes.items(), key=lambda item: item[1], reverse=True)
    return {name: round(size, 1) for name, size in ranked[:top]}


def sqlite_heap_mib() -> dict[str, float]:
    """Return SQLCipher's heap in MiB: ``in_use`` now and ``peak`` since the process started
    (``sqlite3_memory_used``, ``sqlite3_memory_highwater``: page caches, schemas, statements),
    or an empty dict when SQLCipher is not loaded (e.g. a team database on PostgreSQL)."""
    path = getattr(sys.modules.get("sqlcipher3._sqlite3"), "__file__", None)
    if not isinstance(path, str):
        return {}
    library = ctypes.CDLL(path)  # loaded already: the same library, its counters
    for name in ("sqlite3_memory_used", "sqlite3_memory_highwater"):
        getattr(library, name).restype = ctypes.c_int64
    peak = library.sqlite3_memory_highwater(ctypes.c_int(0))  # 0: do not reset it
    return {"in_use": round(library.sqlite3_memory_used() / MIB, 1), "peak": round(peak / MIB, 1)}


class _MallInfo2(ctypes.Structure):
    """glibc's ``struct mallinfo2`` (glibc 2.33+): sizes in bytes, as ``size_t``."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
            "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def malloc_mib() -> dict[str, float]:
    """Return glibc malloc's totals over all its arenas in MiB: ``in_use`` (live blocks,
    mmapped ones included) and ``free`` (freed but kept by malloc: resident where it was
    touched), or an empty dict where the C library has no ``mallinfo2`` (not glibc 2.33+)."""
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except AttributeError:
        return {}
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    in_use = info.uordblks + info.hblkhd
    return {"in_use": round(in_use / MIB, 1), "free": round(info.fordblks / MIB, 1)}


def python_by_package(top: int = 20) -> dict[str, float]:
    """Return Python's live allocations (MiB) per top-level package of the allocating file,
    the ``top`` largest; empty unless ``tracemalloc`` is tracing (``python -X tracemalloc``)."""
    import tracemalloc

    if not tracemalloc.is_tracing():
        return {}
    sizes: dict[str, float] = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        package = _package_of(stat.traceback[0].filename)
        sizes[package] = sizes.get(package, 0.0) + stat.size / MIB
    ranked = sorted(sizes.items(), key=lambda item: item[1], reverse=True)
    return {name: round(size, 2) for name, size in ranked[:top]}


def _package_of(filename: str) -> str:
    """The top-level package of a source file: the part after ``site-packages/`` or ``lib/
    python3.x/``, or the project's own ``app``/``benchmarks`` folder."""
    parts = filename.replace("\\", "/").split("/")
    for marker in ("site-packages", "app", "benchmarks"):
        if marker in parts:
            index = parts.index(marker)
            return marker if marker != "site-packages" else parts[index + 1].removesuffix(".py")
    python = [i for i, part in enumerate(parts) if part.startswith("python3")]
    return f"stdlib:{parts[python[-1] + 1]}" if python and python[-1] + 1 < len(parts) else filename


def watch_memory(
    browser: "CaseBrowser", pages: QTabWidget, dashboard: "Callable[[], DashboardPage | None]"
) -> None:
    """When ``$PRIVACY_DESK_MEMORY_PROBE`` is set, run the list-and-dashboard walk after the
    list's first paint, report the peak memory on stderr and quit (see the module docstring).

    Args:
        browser: the window's case list.
        pages: the window's tabs, one of which holds (or will hold) the dashboard.
        dashboard: returns the dashboard page, or ``None`` while the window has not built it
            yet (asked again every ``DASHBOARD_POLL_MS``); called once the list has painted.
    """
    mode = os.environ.get(MEMORY_PROBE_ENV)
    if mode and not browser.property(_INSTALLED):
        browser.setProperty(_INSTALLED, True)  # one walk per window, however often installed
        walk = _Walk(browser, pages, dashboard, detail=mode == "detail")
        browser.table.viewport().installEventFilter(walk)


class _Walk(QObject):
    """The probe's steps, each run from the event loop after the previous one's painting."""

    def __init__(
        self,
        browser: "CaseBrowser",
        pages: QTabWidget,
        dashboard: "Callable[[], DashboardPage | None]",
        *,
        detail: bool,
    ) -> None:
        super().__init__(browser)
        self._browser = browser
        self._pages = pages
        self._dashboard = dashboard
        self._detail = detail
        self._figures: dict[str, Any] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._list_painted)  # after this paint, rows on screen
        return False

    def _step_done(self, step: str) -> None:
        """Note the peak after ``step``; with ``detail`` also what is resident now, SQLite's
        heap and malloc's live and free memory (``_note``: where the step's memory went)."""
        self._figures[f"{step}_mib"] = peak_rss_mib()
        self._note(step)

    def _note(self, step: str) -> None:
        if self._detail:
            now = {"resident": round(current_rss_mib(), 1)}
            now |= {f"sqlite_{k}": v for k, v in sqlite_heap_mib().items()}
            now |= {f"malloc_{k}": v for k, v in malloc_mib().items()}
            self._figures.setdefault("steps", {})[step] = now

    def _list_painted(self) -> None:
        self._step_done("list_painted")
        self._open_dashboard()

    def _open_dashboard(self) -> None:
        page = self._dashboard()
        if page is None:  # the window builds it after the first paint: ask again shortly
            QTimer.singleShot(DASHBOARD_POLL_MS, self._open_dashboard)
            return
        self._note("tools_built")  # imports and widgets, before the dashboard's figures
        page.refreshed.connect(lambda _figures: QTimer.singleShot(0, self._dashboard_shown))
        page.failed.connect(self._dashboard_failed)
        self._pages.setCurrentIndex(_tab_of(self._pages, page))

    def _dashboard_failed(self, _message: str) -> None:
        self._figures["dashboard_failed"] = True  # the message may name a case: not shown
        self._report()

    def _dashboard_shown(self) -> None:
        if "dashboard_shown_mib" in self._figures:
            return  # a later refresh (e.g. after the start-up clock refresh): walked already
        page = self._dashboard()
        if page is not None:
            page.repaint()  # the figures and charts drawn, not only computed
        self._step_done("dashboard_shown")
        self._pages.setCurrentIndex(_tab_of(self._pages, self._browser))
        QTimer.singleShot(0, self._scroll)

    def _scroll(self) -> None:
        bar = self._browser.table.verticalScrollBar()
        for _ in range(PAGES_SCROLLED):
            bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
            self._browser.table.viewport().repaint()
        for position in (bar.maximum() // 2, bar.maximum()):
            bar.setValue(position)
            self._browser.table.viewport().repaint()
        self._step_done("list_scrolled")
        QTimer.singleShot(0, self._search)

    def _search(self) -> None:
        from app.services.case_search import SavedView  # loaded with the list already

        self._browser.set_view(SavedView.ALL)
        timings: dict[str, float] = {}
        for text in SEARCHES:
            started = time.perf_counter()
            self._browser.search_box.setText(text)
            self._browser.search_now()  # as Enter does
            self._browser.table.viewport().repaint()
            timings[text] = round((time.perf_counter() - started) * 1000, 1)
        if self._detail:  # with the dashboard's memory still held: what the cache budget costs
            self._figures["searches_ms"] = timings
        self._step_done("searched")
        QTimer.singleShot(0, self._report)

    def _report(self) -> None:
        if "peak_mib" in self._figures:
            return
        self._figures |= {"peak_mib": peak_rss_mib(), "resident_mib": current_rss_mib()}
        if self._detail:
            self._figures["mappings_mib"] = resident_by_mapping()
            self._figures["sqlite_mib"] = sqlite_heap_mib()
            self._figures["python_mib"] = python_by_package()
        sys.stderr.write(f"{PROBE_PREFIX} {json.dumps(self._figures, ensure_ascii=False)}\n")
        sys.stderr.flush()
        QCoreApplication.exit(0)


def _tab_of(pages: QTabWidget, widget: QWidget) -> int:
    """The index of the tab that is ``widget`` or holds it (-1 when none does)."""
    for index in range(pages.count()):
        tab = pages.widget(index)
        if tab is not None and (tab is widget or tab.isAncestorOf(widget)):
            return index
    return -1
