"""``python -m benchmarks.memory``: peak memory with the case list and the dashboard open.

Issue 6: "peak memory ≤ 150 MiB with the list and the dashboard open" at 1,000,000 cases. The
real app runs in a process of its own (``benchmarks.memory_child``: ``main.py`` with the
memory probe installed) on the cached benchmark database, unlocked from the environment
(``PRIVACY_DESK_DATA_DIR``, ``PRIVACY_DESK_PASSPHRASE``) as ``benchmarks.case_list_child``
``startup`` does. The probe (``app/ui/memory_probe.py``) lets the list paint, shows the
dashboard until its figures are drawn, scrolls the list and runs the searches, then reports
the peak resident memory (``VmHWM``, the process's own) after each step.

``--detail`` also prints where the memory is at the end: resident memory per mapping
(``/proc/self/smaps``), SQLite's heap (now and at its peak), and Python's allocations per
package from a second run under
``-X tracemalloc`` (which costs memory of its own: that run's peak is not the figure), and
what each part of the app adds once imported (``benchmarks/memory_imports.py``).
"""

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.case_list_data import PASSPHRASE, prepared_database
from benchmarks.memory_imports import child as part_growth

ROOT = Path(__file__).resolve().parents[1]
TARGET_MIB = 150  # issue 6, at 1,000,000 cases
PROBE_PREFIX = "privacy-desk-memory-probe:"  # app.ui.memory_probe.PROBE_PREFIX (no Qt here)
ROW_NAME = "peak memory, list and dashboard open (MiB)"
Row = tuple[str, float, float | None, str, bool | None]  # as benchmarks.case_list.Row


def list_and_dashboard_memory(
    path: Path, *, detail: bool = False, trace_python: bool = False
) -> dict[str, Any]:
    """Run the app on the database ``path`` through the probe's walk and return its figures.

    Args:
        path: a prepared benchmark database (keyed with ``PASSPHRASE``).
        detail: add ``mappings_mib``, the resident memory per mapping at the end, and
            ``sqlite_mib``, SQLite's heap at the end (``in_use``) and at its ``peak``.
        trace_python: run under ``-X tracemalloc`` and add ``python_mib``, Python's live
            allocations per package (tracing costs memory: the peaks are then not the app's).

    Returns:
        MiB after each step (``list_painted_mib``, ``dashboard_shown_mib``,
        ``list_scrolled_mib``, ``searched_mib``), ``peak_mib`` and ``resident_mib`` at the end.

    Raises:
        RuntimeError: the app ended without the probe's line (its stderr's end is included).
    """
    import subprocess

    environment = os.environ | {
        "PRIVACY_DESK_DATA_DIR": str(path.parent),
        "PRIVACY_DESK_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": "offscreen",
        "PRIVACY_DESK_MEMORY_PROBE": "detail" if detail or trace_python else "1",
    }
    tracing = ["-X", "tracemalloc=1"] if trace_python else []
    command = [sys.executable, *tracing, "-m", "benchmarks.memory_child"]
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300
    )
    return _probe_figures(done.stderr)


def _probe_figures(stderr: str) -> dict[str, Any]:
    for line in reversed(stderr.splitlines()):
        if line.startswith(PROBE_PREFIX):
            return dict(json.loads(line.removeprefix(PROBE_PREFIX)))
    raise RuntimeError(f"the app did not report its memory: {stderr[-2000:]}")


def memory_row(path: Path) -> Row:
    """The case-list table's row for the peak memory with the list and the dashboard open on
    the database ``path`` (target ``TARGET_MIB``)."""
    peak = float(list_and_dashboard_memory(path)["peak_mib"])
    return (ROW_NAME, peak, None, f"≤ {TARGET_MIB} MiB", peak <= TARGET_MIB)


def _print(figures: dict[str, Any]) -> None:
    for name, value in figures.items():
        if isinstance(value, float):
            print(f"  {value:8.1f} MiB  {name}")
        elif not isinstance(value, dict):
            print(f"  {name}: {value}")


def main() -> None:
    """Print the peak memory at 1,000,000 cases (``BENCH_SIZE`` for another size); with
    ``--detail`` the breakdown too."""
    size = int(os.environ.get("BENCH_SIZE", "1000000"))
    path, _generation = prepared_database(size)
    started = time.perf_counter()
    figures = list_and_dashboard_memory(path)
    verdict = "within" if figures["peak_mib"] <= TARGET_MIB else "OVER"
    print(f"{size:,} cases: {ROW_NAME} {figures['peak_mib']:.0f} MiB ({verdict} {TARGET_MIB})")
    _print(figures)
    if "--detail" in sys.argv:
        detailed = list_and_dashboard_memory(path, detail=True)
        print("after each step: resident now, SQLite's heap, malloc's live and free memory:")
        for step, now in detailed.get("steps", {}).items():
            print(f"  {step:16} " + "  ".join(f"{k} {v:6.1f}" for k, v in now.items()))
        searches = detailed.get("searches_ms", {})
        print("searches → repaint with the dashboard open (ms): ", end="")
        print(" / ".join(f"{text} {ms:.0f}" for text, ms in searches.items()))
        print("resident memory per mapping at the end:")
        _print(detailed["mappings_mib"])
        print("SQLite's heap (page caches, schemas, statements):")
        _print(detailed.get("sqlite_mib", {}))
        print("Python's allocations per package at the end (under -X tracemalloc):")
        _print(list_and_dashboard_memory(path, trace_python=True)["python_mib"])
        print("resident memory each part adds once imported (fresh interpreter, in order):")
        _print(part_growth())
    print(f"  ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
