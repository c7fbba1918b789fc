"""What the app no longer keeps or loads early (app/ui/memory_care.py and the deferred imports
of the window's tools): issue 6, peak memory at 1,000,000 cases.

PySide6 is imported here (pytest-qt), so its import hook runs on every ``import`` below: the
modules written to ``tmp_path`` are imported through ``__import__``, as an ``import``
statement is (``importlib.import_module`` would go round the hook).
"""

import json
import linecache
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.main_window import MainWindow
from app.ui.memory_care import (
    FEATURE_CHECK,
    FEATURE_MODULE,
    forget_module_sources,
    give_back_freed_memory,
    mentions_pyside,
    stop_keeping_module_sources,
)
from app.ui.memory_probe import current_rss_mib

ROOT = Path(__file__).resolve().parents[2]
USES_QT = "from PySide6.QtCore import QObject\n\nBASE = QObject\n"
PLAIN = "import json\n\n\ndef dumped() -> str:\n    return json.dumps([1])\n"
RAISES = 'def fail() -> None:\n    raise ValueError("the sentence on this line")\n'


@pytest.fixture
def module_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder on ``sys.path`` for the test's own modules, taken off again afterwards."""
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [name for name in sys.modules if name.startswith("care_probe_")]:
        del sys.modules[name]


def _write_and_import(folder: Path, name: str, source: str, encoding: str = "utf-8") -> ModuleType:
    (folder / f"{name}.py").write_bytes(source.encode(encoding))
    return __import__(name)


def _feature() -> ModuleType:
    return sys.modules[FEATURE_MODULE]


def test_a_module_that_imports_pyside_is_told_from_one_that_does_not(module_folder: Path) -> None:
    assert mentions_pyside(_write_and_import(module_folder, "care_probe_qt", USES_QT)) is True
    assert mentions_pyside(_write_and_import(module_folder, "care_probe_plain", PLAIN)) is False


def test_a_gbk_source_file_is_read_as_its_bytes(module_folder: Path) -> None:
    source = "# -*- coding: gbk -*-\n# 个人信息权利请求\nfrom PySide6 import QtCore\n"
    module = _write_and_import(module_folder, "care_probe_gbk", source, encoding="gbk")
    assert mentions_pyside(module) is True


def test_modules_without_a_source_file_do_not_use_pyside(module_folder: Path) -> None:
    assert mentions_pyside(sys) is False  # built in: no __file__
    module = _write_and_import(module_folder, "care_probe_gone", PLAIN)
    (module_folder / "care_probe_gone.py").unlink()
    assert mentions_pyside(module) is None  # a .py file no longer there: PySide6 is asked


def test_modules_imported_after_the_change_keep_no_source(module_folder: Path) -> None:
    assert stop_keeping_module_sources() is True
    module = _write_and_import(module_folder, "care_probe_later", USES_QT)
    assert module.__file__ not in linecache.cache
    # The hook did run, and answered as PySide6's own check: 0 = "uses PySide6", -1 = not.
    assert _feature().pyside_feature_dict["care_probe_later"] == 0
    _write_and_import(module_folder, "care_probe_later_plain", PLAIN)
    assert _feature().pyside_feature_dict["care_probe_later_plain"] == -1


def test_pysides_own_check_keeps_every_line_and_forgetting_drops_them(module_folder: Path) -> None:
    stop_keeping_module_sources()
    module = _write_and_import(module_folder, "care_probe_kept", PLAIN)
    original = getattr(_feature(), FEATURE_CHECK).original
    assert original(module) is False
    assert str(module.__file__) in linecache.cache
    assert linecache.getlines(str(module.__file__)) == PLAIN.splitlines(keepends=True)
    forget_module_sources()
    assert linecache.cache == {}


def test_the_check_is_replaced_once_however_often_asked() -> None:
    assert stop_keeping_module_sources() is True
    first = getattr(_feature(), FEATURE_CHECK)
    assert stop_keeping_module_sources() is True
    assert getattr(_feature(), FEATURE_CHECK) is first
    assert not hasattr(first.original, "original")


def test_a_traceback_still_shows_the_failing_line_after_forgetting(module_folder: Path) -> None:
    module = _write_and_import(module_folder, "care_probe_raises", RAISES)
    forget_module_sources()
    with pytest.raises(ValueError) as raised:
        module.fail()
    text = "".join(traceback.format_exception(raised.value))
    assert 'raise ValueError("the sentence on this line")' in text


def test_the_window_keeps_no_source_once_its_tools_are_built(
    qtbot: QtBot, database: Database, module_folder: Path
) -> None:
    module = _write_and_import(module_folder, "care_probe_before_tools", PLAIN)
    linecache.getlines(str(module.__file__))  # kept, as PySide6's own check would have
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 3, 10))
    qtbot.addWidget(window)
    assert linecache.cache == {}
    later = _write_and_import(module_folder, "care_probe_after_tools", USES_QT)
    assert later.__file__ not in linecache.cache


def _imported_after(code: str) -> list[str]:
    """The heavy modules in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = "import json, sys\n" + code + "\nprint(json.dumps(sorted(WATCHED & set(sys.modules))))"
    watched = "WATCHED = {'reportlab', 'PySide6.QtPdf', 'PySide6.QtPdfWidgets'}\n"
    done = subprocess.run(
        [sys.executable, "-c", watched + probe],
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_before_pyside_is_imported_there_is_nothing_to_change() -> None:
    code = "from app.ui import memory_care\nassert not memory_care.stop_keeping_module_sources()"
    assert _imported_after(code) == []


def test_the_letter_preview_loads_qt_pdf_with_the_first_letter() -> None:
    code = """
from PySide6.QtWidgets import QApplication
from app.ui.letter_preview import LetterPreview
application = QApplication([])
preview = LetterPreview()
preview.show_pdf(None)
before = [m for m in ('PySide6.QtPdf', 'PySide6.QtPdfWidgets') if m in sys.modules]
assert before == [], before
assert preview.show_pdf(b'not a pdf') is False
"""
    assert _imported_after(code) == ["PySide6.QtPdf", "PySide6.QtPdfWidgets"]


def test_the_dashboard_and_letter_tools_leave_reportlab_for_the_first_pdf() -> None:
    code = "import app.ui.dashboard_page, app.ui.letter_controller, app.ui.case_detail_pane"
    assert _imported_after(code) == []


def _freed_on_a_thread(mib: int) -> list[bytearray]:
    """Allocate ``mib`` MiB in 64 KiB blocks on a thread of its own (its own malloc arena, as
    a background task's), free all but every 16th, and return those: as a connection's pages
    are freed while the connection itself stays, the blocks kept pin the arena's end, so glibc
    cannot shrink the arena by itself."""
    kept: list[bytearray] = []

    def churn() -> None:
        blocks = [bytearray(64 * 1024) for _ in range(mib * 16)]  # zero-filled: resident
        kept.extend(blocks[15::16])
        del blocks

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    return kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_memory_a_worker_thread_freed_goes_back_to_the_system() -> None:
    give_back_freed_memory()  # from a known state: what earlier tests freed is gone already
    before = current_rss_mib()
    kept = _freed_on_a_thread(64)  # 64 MiB touched, 60 of them freed, 4 still held
    resident = current_rss_mib() - before
    assert give_back_freed_memory()
    given_back = before + resident - current_rss_mib()
    assert len(kept) == 64
    # Freed blocks of 64 KiB (below glibc's 128 KiB mmap threshold) stay in the arena,
    # resident, until trimmed: nearly all of the 60 MiB were still there, and went back.
    assert resident >= 50
    assert given_back >= 50
