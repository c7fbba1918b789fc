"""Stopping and restarting a case's clock from the window moves the deadline shown."""

from datetime import date

from pytestqt.qtbot import QtBot

from app.models.enums import PauseReason
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.main_window import MainWindow
from tests.conftest import CORPUS_INBOX


def test_a_pause_moves_the_due_date_in_the_list(qtbot: QtBot, database: Database) -> None:
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "zh03-zh-correction.eml"])
    reference = window.case_list.model.row_at(0).reference
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
    window = MainWindow(database, load_rule_book(), today=lambda: date(2026, 11, 29))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "zh03-zh-correction.eml"])
    reference = window.case_list.model.row_at(0).reference
    assert not window.clock.extend(reference, "too much work")
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 26)
