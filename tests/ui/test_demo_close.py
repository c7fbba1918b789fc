"""A window that goes while the demo is still being made (QA18 F12): the generation stops after
the case it is making, quietly — no "Signal source has been deleted" from a progress report to
the deleted window — and the demo it opened is closed, marked incomplete (the next start
resumes it rather than trusting it)."""

import logging
import threading
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.clock import company_today
from app.models import Case
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.demo_data import (
    demo_database_path,
    generate_demo_data,
    is_complete_demo,
    is_demo,
    open_demo_database,
)
from app.services.letters import LetterRenderer
from app.store import Database, MemorySecretStore, SecretStore, system_secret_store
from app.ui.background import CancelledFn, ProgressFn
from app.ui.demo_controller import DemoController
from app.ui.main_window import MainWindow

WAIT_S = 60


class SlowGenerator:
    """The real generator, held after its first case until the test lets it go on."""

    def __init__(self) -> None:
        self.first_case_made = threading.Event()
        self.go_on = threading.Event()

    def __call__(
        self,
        database: Database,
        rule_book: RuleBook,
        renderer: LetterRenderer,
        *,
        today: date,
        progress: ProgressFn | None = None,
        should_cancel: CancelledFn | None = None,
        user: str | None = None,
    ) -> object:
        assert progress is not None

        def report(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:
                self.first_case_made.set()
                self.go_on.wait(WAIT_S)

        return generate_demo_data(
            database,
            rule_book,
            renderer,
            today=today,
            progress=report,
            should_cancel=should_cancel,
            user=user,
        )


def _cases_and_complete(path: Path, secrets: SecretStore) -> tuple[int, bool]:
    demo = open_demo_database(path, secrets=secrets, passphrase=None)  # closed: no lock left
    try:
        with demo.session() as session:
            assert is_demo(session)
            count = session.scalar(select(func.count(Case.id))) or 0
            return count, is_complete_demo(session)
    finally:
        demo.close()


def test_deleting_the_window_mid_demo_stops_it_quietly(
    qtbot: QtBot,
    database: Database,
    database_path: Path,
    secrets: MemorySecretStore,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    window = QWidget()
    demo_path = demo_database_path(database_path)
    slow = SlowGenerator()
    controller = DemoController(
        window,
        load_rule_book(),
        render_case_letter,
        demo_path,
        secrets,
        company_today,
        generate=slow,
    )
    entered: list[object] = []
    controller.entered.connect(entered.append)
    assert controller.start(database) is not None
    assert slow.first_case_made.wait(WAIT_S)
    # The window (and with it the controller and its task) goes, as at the application's exit.
    shiboken6.delete(window)
    slow.go_on.set()
    with caplog.at_level(logging.DEBUG):
        assert QThreadPool.globalInstance().waitForDone(WAIT_S * 1000)
        qtbot.wait(50)  # anything queued for the GUI thread is delivered (or dropped)
    assert entered == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert "Signal source has been deleted" not in capfd.readouterr().err
    # Case 1 was committed before the window went; case 2 was never begun (the cancel is
    # checked before each case). The demo is closed (it opens again) and marked incomplete.
    assert _cases_and_complete(demo_path, secrets) == (1, False)


def test_stop_abandons_the_demo_being_made_and_closes_it(
    qtbot: QtBot, database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    demo_path = demo_database_path(database_path)
    slow = SlowGenerator()
    controller = DemoController(
        window,
        load_rule_book(),
        render_case_letter,
        demo_path,
        secrets,
        company_today,
        generate=slow,
    )
    entered: list[object] = []
    controller.entered.connect(entered.append)
    assert controller.start(database) is not None
    assert slow.first_case_made.wait(WAIT_S)
    # Held after case 1 until stop() has abandoned the task (it sets the flag at once).
    threading.Timer(0.5, slow.go_on.set).start()
    assert controller.stop()  # the closing window's call: waits for the case being made
    qtbot.wait(50)
    assert entered == [] and not controller.active and controller.task is None
    assert _cases_and_complete(demo_path, secrets) == (1, False)
    assert controller.stop()  # nothing being made: nothing to do


def test_closing_the_main_window_mid_demo_stops_it(
    qtbot: QtBot, database: Database, database_path: Path
) -> None:
    demo_path = demo_database_path(database_path)
    slow = SlowGenerator()
    window = MainWindow(
        database,
        load_rule_book,
        defer_tools=True,
        demo_path=demo_path,
        demo_generator=slow,
    )
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.tools_ready, timeout=10_000):
        window.show()
    window.try_demo()
    assert slow.first_case_made.wait(WAIT_S)
    qtbot.waitUntil(lambda: _progress_shown(window))  # 1 of the scenarios done
    threading.Timer(0.5, slow.go_on.set).start()
    window.close()  # closeEvent stops the generation and waits for the case being made
    assert window.demo.task is None and not window.demo.active
    assert not _progress_shown(window)
    # The window's secret store: the tests' in-memory keyring (tests/conftest.py).
    assert _cases_and_complete(demo_path, system_secret_store()) == (1, False)


def _progress_shown(window: QWidget) -> bool:
    return any(d.isVisible() for d in window.findChildren(QProgressDialog))
