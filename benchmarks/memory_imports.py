"""``python -m benchmarks.memory_imports``: what each part of the app costs in resident memory
once imported, so the peak of ``benchmarks/memory.py`` can be split by owner (issue 6).

The parts are imported one after another in a fresh interpreter (``child``), in the order the
app loads them on the list-and-dashboard walk, after PySide6 with its import hook tamed
(``app/ui/memory_care.py``), as ``main.py`` does; each figure is the growth of the resident
memory (``/proc/self/statm``), in MiB, after a garbage collection. A part's figure includes
what it is first to import (SQLAlchemy's ``asyncio``, keyring's ``cryptography``...), so the
order matters and is fixed. Linux only (``/proc``).

Measured on the 2-core machine (2026-11-30): the keyring lookup 16 MiB here, where it is
first to load ``email``, ``ssl``, ``urllib`` (in the app: 13 MiB less at the list's first paint
and 10-16 MiB less at the walk's peak without it); the window up to the first paint 25 MiB;
SQLAlchemy and its ORM 19 MiB; e-mail intake 3.5, message import 3.8, demo data 1.0 MiB;
the dashboard with QtCharts 3.4 MiB; the rest of the window's tools 2.1 MiB.
"""

import gc
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024


def _keyring_lookup() -> None:
    from app.store.secrets import system_secret_store

    system_secret_store()  # loads keyring's backends, as the start does before the first look


def _modules(*names: str) -> Callable[[], None]:
    def load() -> None:
        for name in names:
            importlib.import_module(name)

    return load


# (part, how it is loaded), in the order the app loads them on the walk.
PARTS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("keyring lookup (app.store.secrets)", _keyring_lookup),
    ("window up to the first paint (app.ui.application)", _modules("app.ui.application")),
    ("SQLAlchemy and its ORM", _modules("sqlalchemy", "sqlalchemy.orm")),
    ("models and Database (app.store.database)", _modules("app.store.database")),
    ("e-mail intake (app.services.intake)", _modules("app.services.intake")),
    ("message import (app.services.importing)", _modules("app.services.importing")),
    ("demo data (app.services.demo_data)", _modules("app.services.demo_data")),
    ("dashboard with QtCharts (app.ui.dashboard_page)", _modules("app.ui.dashboard_page")),
    ("the rest of the window's tools (app.ui.window_tools)", _modules("app.ui.window_tools")),
)


def resident_mib() -> float:
    """This process's resident memory now, in MiB (``/proc/self/statm``; Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / MIB


def growth_per_part(parts: tuple[tuple[str, Callable[[], None]], ...] = PARTS) -> dict[str, float]:
    """Load ``parts`` in order in this process and return each one's resident growth (MiB,
    rounded to 0.1), with ``"before"``: the resident memory before the first, PySide6 loaded.

    Meant for a fresh interpreter (``child``): a part loaded already costs nothing here.
    """
    import PySide6.QtCore  # noqa: F401 - as main.py: its import hook first, then tamed

    from app.ui.memory_care import stop_keeping_module_sources

    stop_keeping_module_sources()
    gc.collect()
    figures = {"before": round(resident_mib(), 1)}
    for name, load in parts:
        before = resident_mib()
        load()
        gc.collect()
        figures[name] = round(resident_mib() - before, 1)
    return figures


def child() -> dict[str, float]:
    """Run ``growth_per_part`` in a fresh interpreter (offscreen Qt) and return its figures.

    Raises:
        subprocess.CalledProcessError: the child failed (its stderr is in the error).
    """
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "benchmarks.memory_imports", "--child"]
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    """Print each part's resident growth (``--child``: one JSON line, for ``child``)."""
    if "--child" in sys.argv:
        print(json.dumps(growth_per_part()))
        return
    print("resident memory each part adds once imported (MiB, fresh interpreter, in order):")
    for name, mib in child().items():
        print(f"  {mib:6.1f}  {name}")


if __name__ == "__main__":
    main()
