"""Building the main window's tools imports no importer, intake or demo services: they load when
their action is first used (issue 6: 8 MiB at the list's peak that the walk never needs)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Run in a fresh process: this test process has imported them all already.
_BUILD = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

app = QApplication([])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from app.services.deadlines import load_rule_book
from app.store import MemorySecretStore, unlock
from app.ui.main_window import MainWindow

database = unlock(__import__("pathlib").Path(sys.argv[1]), secrets=MemorySecretStore(),
                  passphrase=None, create=True)
window = MainWindow(database, load_rule_book())
assert window.imports and window.watched and window.drops and window.demo
print(" ".join(sorted(name for name in sys.modules
                      if name.startswith("app.services.") or name in ("reportlab", "PIL"))))
database.close()
"""


@pytest.fixture(scope="module")
def loaded_services(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The ``app.services`` modules imported once a main window has built its tools."""
    folder = tmp_path_factory.mktemp("tools")
    environ = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    arguments = [str(folder / "privacy-desk.db"), str(folder / "settings")]
    run = subprocess.run(
        [sys.executable, "-c", _BUILD, *arguments],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return set(run.stdout.split())


@pytest.mark.parametrize(
    "module", ["app.services.importing", "app.services.message_import", "app.services.demo_data"]
)
def test_the_importer_and_demo_services_wait_for_their_action(
    loaded_services: set[str], module: str
) -> None:
    assert "app.services.deadlines" in loaded_services  # the window was built
    assert module not in loaded_services


def test_intake_waits_for_a_message(loaded_services: set[str]) -> None:
    assert "app.services.intake" not in loaded_services


@pytest.mark.parametrize("module", ["reportlab", "PIL"])
def test_the_letter_fonts_wait_for_a_text_to_check(loaded_services: set[str], module: str) -> None:
    # The extension reason's font check (QA18 F10) is built into the clock and workflow
    # controllers; ReportLab and Pillow came with it: 9 MiB at the list's peak.
    assert "app.services.deadlines" in loaded_services  # the window was built
    assert module not in loaded_services
