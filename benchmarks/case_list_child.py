"""Case-list measurements that need a process of their own (start-up, memory).

``python -m benchmarks.case_list_child MODE DATABASE`` prints one JSON object:

- ``memory``: the list alone — a ``CaseBrowser`` over ``DATABASE``, every view, search and
  sort of the benchmark run through it; the process's peak resident memory (MiB).
- ``qt_approach``: the usual Qt way — every case loaded into a table model behind a
  ``QSortFilterProxyModel`` (a ``QAbstractTableModel`` over a list: ``QStandardItemModel``
  crashes PySide6 6.12 in ``appendRow`` at this size): seconds to load, to sort by
  requester, to filter by a name, and the peak resident memory.

``startup(path)`` (called from the parent) runs the real app (``main.py``) on the database
with ``$PRIVACY_DESK_STARTUP_PROBE`` set and reads the probe's line (``app/ui/startup_probe``).
By default the app is given the passphrase (the fallback where no OS keyring exists, as on this
headless machine: SQLCipher's PBKDF2 runs at the start); ``keyring=True`` starts it the way a
desktop with a keyring does, on a copy keyed with a raw key (``benchmarks/bench_keyring.py``).
"""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.bench_keyring import KEYS_ENV
from benchmarks.case_list_data import PASSPHRASE, TODAY

ROOT = Path(__file__).resolve().parents[1]
_PROBE_LINE = re.compile(r"first list paint after ([\d.]+) s, peak RSS (\d+) MiB")
# Imported only for letters, reports, imports, team mode, deadlines: never needed to paint.
DEFERRABLE = ("reportlab", "openpyxl", "extract_msg", "html2text", "holidays", "psycopg")


def startup(path: Path, *, importtime: bool = False, keyring: bool = False) -> dict[str, Any]:
    """Run ``main.py`` on the database ``path`` until the list's first paint.

    Args:
        path: a prepared benchmark database (keyed with ``PASSPHRASE``).
        importtime: run under ``python -X importtime`` and report the deferrable imports.
        keyring: start on the raw-keyed copy whose key a keyring holds (``keyring_copy``)
            instead of giving the passphrase.

    Returns:
        ``seconds`` from process start to the painted list, ``rss_mib`` at that moment, and
        with ``importtime`` the ``DEFERRABLE`` packages imported before the paint.
    """
    if keyring:
        path, key_environment = keyring_copy(path)
    else:
        key_environment = {"PRIVACY_DESK_PASSPHRASE": PASSPHRASE}
    environment = {k: v for k, v in os.environ.items() if k != "PRIVACY_DESK_PASSPHRASE"}
    environment |= key_environment | {
        "PRIVACY_DESK_DATA_DIR": str(path.parent),
        "QT_QPA_PLATFORM": "offscreen",
        "PRIVACY_DESK_STARTUP_PROBE": repr(time.time()),
    }
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "main.py"]
    done = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )
    before, _, _after = done.stderr.partition("privacy-desk-startup-probe:")
    found = _PROBE_LINE.search(done.stderr)
    if found is None:
        raise RuntimeError(f"the app did not report its first paint: {done.stderr[-2000:]}")
    result: dict[str, Any] = {"seconds": float(found[1]), "rss_mib": int(found[2])}
    if importtime:
        result["deferrable_imported"] = sorted(
            name for name in DEFERRABLE if re.search(rf"\| +{name}$", before, re.MULTILINE)
        )
    return result


def keyring_copy(path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of the benchmark database ``path`` under a random raw key that the benchmark's
    keyring (``benchmarks/bench_keyring.py``) holds, made once beside ``path``'s folder with
    ``sqlcipher_export``.

    Returns:
        The copy's path and the environment that selects that keyring.
    """
    folder = path.parent.with_name(path.parent.name + "-keyring")
    environment = {
        "PYTHON_KEYRING_BACKEND": "benchmarks.bench_keyring.BenchmarkKeyring",
        KEYS_ENV: str(folder / "keys.json"),
    }
    target = folder / path.name
    if not target.exists():
        folder.mkdir(exist_ok=True)
        code = "import sys, pathlib; from benchmarks.case_list_child import _export_keyed as e;"
        code += " e(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))"
        command = [sys.executable, "-c", code, str(path), str(target)]
        subprocess.run(command, cwd=ROOT, env=os.environ | environment, check=True, timeout=3600)
    return target, environment


def _export_keyed(source: Path, target: Path) -> None:
    from app.store import system_secret_store
    from app.store.keys import generate_raw_key, secret_name
    from benchmarks.case_list_data import open_prepared

    secrets = system_secret_store()
    assert secrets is not None, "the benchmark keyring was not selected"
    key, partial = generate_raw_key(), target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    database = open_prepared(source)
    try:
        with database.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("ATTACH DATABASE ? AS keyed KEY ?", (str(partial), key.material()))
            raw.execute("SELECT sqlcipher_export('keyed')")
            raw.execute("DETACH DATABASE keyed")
    finally:
        database.close()
    partial.rename(target)
    secrets.set(secret_name(target), key.key.hex())


def child(mode: str, path: Path) -> dict[str, Any]:
    """Run ``mode`` in a fresh interpreter and return what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.case_list_child", mode, str(path)],
        cwd=ROOT,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _peak_rss_mib() -> float:
    from app.ui.memory_probe import peak_rss_mib  # VmHWM: this process's own peak

    return peak_rss_mib()


def _memory(path: Path) -> dict[str, Any]:
    from app.ui.case_browser import CaseBrowser
    from benchmarks.case_list import browser_actions
    from benchmarks.case_list_data import open_prepared

    application = QApplication.instance() or QApplication([])
    database = open_prepared(path)
    browser = CaseBrowser(database, lambda: TODAY, "li.wei")
    browser.resize(1200, 800)
    browser.show()
    for action in browser_actions(browser).values():
        action()
    result = {"rss_mib": _peak_rss_mib()}
    browser.deleteLater()
    database.close()
    del application
    return result


class AllRowsModel(QAbstractTableModel):
    """The usual Qt list model: every row held in memory as a tuple of texts."""

    def __init__(self, rows: list[tuple[str, ...]]) -> None:
        super().__init__()
        self._rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]


def _qt_approach(path: Path) -> dict[str, Any]:
    from app.services.case_search import CaseQuery, search_cases
    from benchmarks.case_list_data import open_prepared

    application = QApplication.instance() or QApplication([])
    database = open_prepared(path)
    started = time.perf_counter()
    texts: list[tuple[str, ...]] = []
    with database.session() as session:
        while page := search_cases(session, CaseQuery(TODAY, offset=len(texts), limit=5000)):
            if not page.rows:
                break
            texts += [(row.reference, row.kind.value, row.requester_name or "",
                       row.received_at.isoformat(), str(row.due_date or ""))
                      for row in page.rows]  # fmt: skip
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model := AllRowsModel(texts))
    loaded = time.perf_counter()
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    sorted_at = time.perf_counter()
    proxy.setFilterKeyColumn(2)
    proxy.setFilterFixedString("王芳")
    proxy.rowCount()
    filtered_at = time.perf_counter()
    database.close()
    del application
    return {
        "rows": model.rowCount(),
        "load_s": loaded - started,
        "sort_s": sorted_at - loaded,
        "filter_s": filtered_at - sorted_at,
        "rss_mib": _peak_rss_mib(),
    }


if __name__ == "__main__":
    MODES = {"memory": _memory, "qt_approach": _qt_approach}
    print(json.dumps(MODES[sys.argv[1]](Path(sys.argv[2]))))
