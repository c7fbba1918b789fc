"""Stopping and restarting a case's clock from the window moves the deadline shown."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import PauseReason
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.clock_dialogs import PauseDialog, ResumeDialog
from app.ui.main_window import MainWindow
from tests.conftest import CORPUS_INBOX


def test_a_pause_moves_the_due_date_in_the_list(qtbot: QtBot, database: Database) -> None:
    window, reference = _window_with_zh03(qtbot, database)
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 26)
    # zh03: received Tue 29 Sep 2026 16:45 Shanghai; 30 Sep = 1; clock stopped Thu 8 - Mon 12
    # Oct, so 8, 9, Sat 10 (make-up) and 12 do not count: 13-16 Oct = 2-5, 19-23 = 6-10,
    # 26-30 = 11-15 -> Fri 30 Oct 2026.
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.pause(
            reference, date(2026, 10, 8), PauseReason.IDENTITY_VERIFICATION, ""
        )
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.resume(reference, date(2026, 10, 12))
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 30)
    assert "Clock stopped 2026-10-08 – 2026-10-12" in window.detail._facts["deadline"].text()


def test_a_refused_change_is_explained_and_changes_nothing(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = _window_with_zh03(qtbot, database)
    assert not window.clock.extend(reference, "too much work")
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 26)


def test_a_pause_before_receipt_and_a_restart_of_a_running_clock_are_refused(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = _window_with_zh03(qtbot, database)
    # zh03 was received Tue 29 Sep 2026 16:45 Shanghai: a pause from 28 Sep stops nothing
    assert not window.clock.pause(reference, date(2026, 9, 28), PauseReason.OTHER, "")
    assert _error_texts() == {"A pause cannot start before the request was received (2026-09-29)."}
    assert not window.clock.resume(reference, date(2026, 11, 29))
    assert _error_texts() == {
        "A pause cannot start before the request was received (2026-09-29).",
        "The clock of this case is not paused.",
    }
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 26)


def test_the_clock_dialogs_offer_no_impossible_day(qtbot: QtBot) -> None:
    pause = PauseDialog(date(2026, 11, 29), earliest=date(2026, 9, 29))
    resume = ResumeDialog(date(2026, 11, 29), earliest=date(2026, 10, 8))
    qtbot.addWidget(pause)
    qtbot.addWidget(resume)
    assert (pause.start.minimumDate(), pause.start.maximumDate()) == (
        QDate(2026, 9, 29),
        QDate(2026, 11, 29),
    )
    pause.start.setDate(QDate(2026, 1, 1))
    assert pause.values()[0] == date(2026, 9, 29)
    resume.end.setDate(QDate(2026, 10, 1))
    assert resume.last_paused_day() == date(2026, 10, 8)


def _error_texts() -> set[str]:
    return {
        box.text()
        for box in QApplication.topLevelWidgets()
        if isinstance(box, QMessageBox)
        and box.isVisible()
        and box.icon() == QMessageBox.Icon.Critical
    }


def _window_with_zh03(qtbot: QtBot, database: Database) -> tuple[MainWindow, str]:
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "zh03-zh-correction.eml"])
    return window, window.case_list.model.row_at(0).reference
