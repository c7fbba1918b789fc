"""Regenerate the README's window screenshots in docs/screenshots/ from the app's demo database.

Builds a throw-away real database and the demo database beside it in a temporary folder (the
user's own data, settings and keyring are never touched), opens the real ``MainWindow`` in
English and in Chinese, enters the demo as "Try it with demo data" does, selects an overdue
case and grabs the window and its dashboard. Each language runs in a process of its own (a
fresh demo, and ``QT_SCALE_FACTOR`` set before Qt starts for the 150 % shot). The window is
1440x900 logical pixels at every scale (the 150 % shot is 2160x1350 pixels). The computer's
zone is pinned to UTC, so the shots are the same wherever they are made.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/docs_screenshots.py [OUT_DIR [SHOT]]
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Before any Qt or app import: where the demo file goes, and settings kept out of the user's.
WORK_DIR = Path(tempfile.mkdtemp(prefix="privacy-desk-shots-"))
os.environ["PRIVACY_DESK_DATA_DIR"] = str(WORK_DIR)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The computer's zone, pinned: not the company's (Asia/Shanghai), so the window names the zones
# and the dashboard states whose dates it counts, as a user abroad sees it.
os.environ["TZ"] = "UTC"
time.tzset()

from PIL import Image  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.clock import company_today  # noqa: E402
from app.models.enums import CaseKind  # noqa: E402
from app.reports.case_letters import render_case_letter  # noqa: E402
from app.services.deadlines import RuleBook, load_rule_book  # noqa: E402
from app.services.demo_data import (  # noqa: E402
    demo_database_path,
    generate_demo_data,
    open_demo_database,
)
from app.services.demo_staff import HANDLERS  # noqa: E402
from app.store import Database, MemorySecretStore, default_database_path, unlock  # noqa: E402
from app.ui.current_user import SETTINGS_KEY as USER_SETTING  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.translations import CHINESE, ENGLISH, Translations  # noqa: E402

OUT_DIR = ROOT / "docs" / "screenshots"
WINDOW_SIZE = QSize(1440, 900)  # logical pixels, at every scale factor
# Shot key: UI language, dashboard too, file name suffix, QT_SCALE_FACTOR.
SHOTS = {
    "en": (ENGLISH, True, "", "1"),
    "zh": (CHINESE, True, "", "1"),
    "zh-150": (CHINESE, False, "-150", "1.5"),
}
WAIT_SECONDS = 60.0
MAX_PNG_BYTES = 400_000
DOCS_USER = HANDLERS[0]  # signed in as a demo handler: the view "Mine" has cases


def wait_until(done: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``done()`` is true.

    Raises:
        TimeoutError: not done within ``WAIT_SECONDS`` (``what`` names the wait).
    """
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Timed out waiting for {what}.")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def make_demo(rule_book: RuleBook, secrets: MemorySecretStore, today: date) -> Path:
    """Generate the demo database beside the temporary real one; return its path."""
    path = demo_database_path(default_database_path())
    demo = open_demo_database(path, secrets=secrets, passphrase=None)
    try:
        generate_demo_data(demo, rule_book, render_case_letter, today=today, user=DOCS_USER)
    finally:
        demo.close()
    return path


def open_window(real: Database, demo: Database, rule_book: RuleBook, today: date) -> MainWindow:
    """Show a ``MainWindow`` over ``real`` and move it into ``demo`` through the demo
    controller's ``entered`` signal, the way "Try it with demo data" ends."""
    window = MainWindow(real, rule_book, today=lambda: today)
    window.resize(WINDOW_SIZE)
    window.show()
    window.demo.real, window.demo.demo = real, demo
    window.demo.entered.emit(demo)
    QCoreApplication.processEvents()
    return window


def select_overdue_case(window: MainWindow, today: date) -> str:
    """Select the most overdue open copy request (else any overdue case); return its
    reference.

    Raises:
        LookupError: the demo has no overdue case.
    """
    model = window.case_list.model
    rows = [row for i in range(model.rowCount()) if (row := model.row_at(i)) is not None]
    overdue = [r for r in rows if (r.days_left(today) or 0) < 0]
    if not overdue:
        raise LookupError("The demo has no overdue case.")
    overdue.sort(key=lambda r: (r.kind != CaseKind.COPY, r.days_left(today) or 0))
    window.case_list.select_reference(overdue[0].reference)
    QCoreApplication.processEvents()
    return overdue[0].reference


def save(window: MainWindow, target: Path) -> None:
    """Grab ``window`` into the PNG ``target``, palette-reduced when over ``MAX_PNG_BYTES``."""
    QCoreApplication.processEvents()
    window.grab().save(str(target))
    if target.stat().st_size > MAX_PNG_BYTES:
        with Image.open(target) as image:
            small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(target, optimize=True)
    print(f"saved {target} ({target.stat().st_size // 1024} KiB)")


@dataclass(frozen=True)
class Started:
    """What every shot shares: the translators, the rules, the temporary key store, the
    local date the demo is made for and the demo database's path."""

    translations: Translations
    rule_book: RuleBook
    secrets: MemorySecretStore
    today: date
    demo_path: Path


def start_app() -> Started:
    """Start Qt with settings in the temporary folder and make the demo database."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Privacy Desk")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(WORK_DIR))
    QSettings().setValue(USER_SETTING, DOCS_USER)  # not this computer's login name
    rule_book, secrets, today = load_rule_book(), MemorySecretStore(), company_today()
    demo_path = make_demo(rule_book, secrets, today)
    return Started(Translations(app), rule_book, secrets, today, demo_path)


def shoot(
    started: Started, language: str, out_dir: Path, *, dashboard: bool, suffix: str = ""
) -> None:
    """Save the case-list shot (and the dashboard's) in ``language`` into ``out_dir``."""
    started.translations.apply(language)
    secrets, today = started.secrets, started.today
    real = unlock(default_database_path(), secrets=secrets, passphrase=None, create=True)
    demo = unlock(started.demo_path, secrets=secrets, passphrase=None)
    window = open_window(real, demo, started.rule_book, today)
    select_overdue_case(window, today)
    tag = "en" if language == ENGLISH else "zh"
    save(window, out_dir / f"{'main-window' if tag == 'en' else 'main-window-zh'}{suffix}.png")
    if dashboard:
        window.pages.setCurrentWidget(window.dashboard)
        board = window.dashboard
        # The figures are computed in the background; the button is enabled again when done.
        wait_until(
            lambda: board.figures is not None and board.refresh_button.isEnabled(),
            "the dashboard",
        )
        save(window, out_dir / f"dashboard-{tag}.png")
    window.leave_demo()  # closes the demo database
    window.close()
    real.close()


def main(argv: list[str]) -> int:
    """Save the five screenshots into ``argv[1]`` (default docs/screenshots), each language
    in a process of its own (a fresh demo, and the scale factor set before Qt starts);
    with ``argv[2]`` (a ``SHOTS`` key) make that shot only. Returns 0."""
    out_dir = Path(argv[1]).resolve() if len(argv) > 1 else OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    if len(argv) > 2:
        language, dashboard, suffix, _scale = SHOTS[argv[2]]
        shoot(start_app(), language, out_dir, dashboard=dashboard, suffix=suffix)
        return 0
    for key, (_language, _dashboard, _suffix, scale) in SHOTS.items():
        env = {k: v for k, v in os.environ.items() if k != "PRIVACY_DESK_DATA_DIR"}
        env["QT_SCALE_FACTOR"] = scale
        subprocess.run([sys.executable, __file__, str(out_dir), key], check=True, env=env)
    return 0


if __name__ == "__main__":
    try:
        status = main(sys.argv)
    finally:
        shutil.rmtree(WORK_DIR, ignore_errors=True)
    sys.exit(status)
