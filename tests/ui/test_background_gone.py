"""Background work whose owner goes (QA18 F12): every task started from the window (imports,
backups, letter batches, the demo) is told to stop, reports nothing to the deleted object, and
hands a result nobody receives to ``discard``; ``stop_all`` stops what still runs at the exit."""

import logging
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.ui.background import BackgroundTask, CancelledFn, ProgressFn, stop_all

WAIT_S = 30


class Steps:
    """Work of ``total`` steps that reports each, pausing after the first until ``go_on``."""

    def __init__(self, total: int = 5) -> None:
        self.total = total
        self.first_reported = threading.Event()
        self.go_on = threading.Event()
        self.steps_done = 0
        self.saw_cancel = False

    def __call__(self, progress: ProgressFn, cancelled: CancelledFn) -> str:
        for step in range(1, self.total + 1):
            if cancelled():
                self.saw_cancel = True
                return "partial"
            self.steps_done = step
            progress(step, self.total)
            if step == 1:
                self.first_reported.set()
                self.go_on.wait(WAIT_S)
        return "whole"


def test_a_deleted_owner_cancels_the_work_and_nothing_is_emitted(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    owner = QObject()
    work = Steps()
    discarded: list[object] = []
    task = BackgroundTask(work, owner, discard=discarded.append)
    task.start()
    assert work.first_reported.wait(WAIT_S)
    shiboken6.delete(owner)  # the window went, with the task it owned
    with caplog.at_level(logging.DEBUG):
        work.go_on.set()
        assert task.wait(WAIT_S * 1000)
    # Step 1 reported; the cancel is seen before step 2 (no step 2 report to a deleted object).
    assert work.saw_cancel and work.steps_done == 1
    assert discarded == ["partial"]
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_stop_all_abandons_running_tasks_and_waits_for_them(qtbot: QtBot) -> None:
    owner = QObject()
    work = Steps()
    discarded: list[object] = []
    task = BackgroundTask(work, owner, discard=discarded.append)
    succeeded: list[object] = []
    task.succeeded.connect(succeeded.append)
    task.start()
    assert work.first_reported.wait(WAIT_S)
    threading.Timer(0.5, work.go_on.set).start()
    assert stop_all(WAIT_S * 1000)
    assert not task.running and work.steps_done == 1
    qtbot.wait(50)
    assert succeeded == [] and discarded == ["partial"]


def test_a_task_left_alone_still_reports_and_succeeds(qtbot: QtBot) -> None:
    owner = QObject()
    work = Steps(total=3)
    work.go_on.set()
    discarded: list[object] = []
    task = BackgroundTask(work, owner, discard=discarded.append)
    reports: list[tuple[int, int]] = []
    task.progress.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_S * 1000) as succeeded:
        task.start()
    assert succeeded.args == ["whole"]
    qtbot.waitUntil(lambda: len(reports) == 3)
    # The worker marks itself done just after its last signal: wait for that, not race it.
    assert task.wait(WAIT_S * 1000) and not task.running
    assert reports == [(1, 3), (2, 3), (3, 3)] and discarded == []
    assert task.wait(0)  # ended: nothing of it left for stop_all to wait for
