"""Case → Clock → Confirm receipt date…: a flagged case's receipt confirmed from the window;
Correct receipt date…: a sound one corrected, the dialog saying what is recorded and where it
was taken from (QA10 M8)."""

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.errors import LetterError
from app.models import Event
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.case_queries import find_case
from app.services.deadlines import load_rule_book
from app.services.letters import generate_letter
from app.store import Database
from app.ui.letter_controller import render_case_letter
from app.ui.main_window import MainWindow
from app.ui.receipt_dialog import ReceiptDialog
from tests.conftest import CORPUS_INBOX
from tests.ui.case_window import answer_modal

TODAY = date(2026, 11, 29)
UNCONFIRMED = (
    "Confirm the receipt date of this case first (Case › Clock › Confirm receipt date…, or "
    "python -m app clock confirm-receipt): the letter would state a date the message itself "
    "does not prove."
)


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's zone is New York (DST ends Sun 1 Nov 2026 02:00 -> UTC-05:00)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def flagged(qtbot: QtBot, database: Database) -> tuple[MainWindow, str]:
    """zh03 (received Tue 29 Sep 2026 16:45 Shanghai, due 26 Oct) flagged as having no Date:."""
    window = MainWindow(database, load_rule_book(), today=lambda: TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "zh03-zh-correction.eml"])
    row = window.case_list.model.row_at(0)
    assert row is not None
    reference = row.reference
    with database.session() as session:
        case = find_case(session, reference)
        case.review_flags = sorted({*case.review_flags, ReviewFlag.MISSING_DATE.value})
    return window, reference


def _state(database: Database, reference: str) -> tuple[datetime, list[str], date | None]:
    with database.session() as session:
        case = find_case(session, reference)
        return case.received_at, list(case.review_flags), case.binding_due_date


def _letter(database: Database, reference: str) -> None:
    with database.session() as session:
        generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=load_rule_book(),
            issued_date=TODAY,
        )


def _set(dialog: ReceiptDialog, day: date, hour: int, minute: int) -> None:
    dialog.received.setDateTime(QDateTime(QDate(day.year, day.month, day.day), QTime(hour, minute)))


def test_ok_confirms_the_receipt_and_recounts_the_deadline(
    qtbot: QtBot, database: Database, new_york: None, flagged: tuple[MainWindow, str]
) -> None:
    window, reference = flagged
    with pytest.raises(LetterError, match="Case › Clock › Confirm receipt date…") as refused:
        _letter(database, reference)
    assert str(refused.value) == UNCONFIRMED
    prefills: list[str] = []

    zones: list[str] = []

    def confirm(dialog: ReceiptDialog) -> None:
        # Typed in the case's statutory zone (CN rule: Asia/Shanghai), not this computer's
        # (New York): 29 Sep 08:45 UTC is shown as 16:45 Shanghai.
        prefills.append(dialog.received.dateTime().toString("yyyy-MM-dd HH:mm"))
        zones.extend(label.text() for label in dialog.findChildren(QLabel))
        # The mail server's log says Mon 2 Nov 20:30 Beijing time.
        _set(dialog, date(2026, 11, 2), 20, 30)
        dialog.accept()

    seen = answer_modal(ReceiptDialog, confirm)
    with qtbot.waitSignal(window.clock.changed):
        window.clock.ask_receipt(reference)
    assert prefills == ["2026-09-29 16:45"]
    assert "Asia/Shanghai (UTC+08:00)" in zones
    assert len(seen) == 1
    received_at, flags, due = _state(database, reference)
    # Mon 2 Nov 20:30 Shanghai = Mon 2 Nov 12:30 UTC (read in New York's zone it would be
    # 3 Nov 01:30 UTC, a day later in Shanghai, and the due date a day later too).
    assert received_at.astimezone(UTC) == datetime(2026, 11, 2, 12, 30, tzinfo=UTC)
    assert ReviewFlag.MISSING_DATE.value not in flags
    # CN: 15 working days from the day after receipt: 3-6 Nov = 1-4, 9-13 = 5-9,
    # 16-20 = 10-14, Mon 23 Nov = 15.
    assert due == date(2026, 11, 23)
    row = window.case_list.model.row_at(0)
    assert row is not None and row.due_date == date(2026, 11, 23)
    _letter(database, reference)


def test_the_dialog_names_the_local_zone_when_given_none(qtbot: QtBot, new_york: None) -> None:
    dialog = ReceiptDialog(datetime(2026, 9, 29, 8, 45, tzinfo=UTC), TODAY)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "America/New_York (UTC-05:00)" in labels
    assert dialog.received.calendarPopup()
    # Before 1 Nov the zone keeps summer time: 08:45 UTC = 04:45 EDT.
    assert dialog.received.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-09-29 04:45"


def test_the_clock_menu_offers_it_for_the_selected_case(
    qtbot: QtBot, flagged: tuple[MainWindow, str]
) -> None:
    window, reference = flagged
    window.show_case(reference)
    actions = {action.text(): action for action in window.case_menu.case_actions}
    assert "&Confirm receipt date…" in actions


def test_a_doubtful_receipt_says_why_and_where_it_was_taken_from(
    qtbot: QtBot, database: Database, flagged: tuple[MainWindow, str]
) -> None:
    window, reference = flagged
    with database.session() as session:
        # No Date: header: the import took the newest Received: header.
        find_case(session, reference).received_at_source = ReceivedAtSource.RECEIVED_HEADER
    seen: list[tuple[str, bool, list[str]]] = []

    def look(dialog: ReceiptDialog) -> None:
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        seen.append((dialog.windowTitle(), dialog.correcting, texts))
        dialog.reject()

    answer_modal(ReceiptDialog, look)
    window.clock.ask_receipt(reference)
    [(title, correcting, texts)] = seen
    assert (title, correcting) == ("Confirm the receipt date", False)
    assert texts[0].startswith("The message had no usable date; enter when it reached you")
    assert "No Date: header — confirm the receipt date" in texts
    assert "the mail server's Received: header" in texts


def test_a_sound_receipt_is_corrected_knowing_what_is_recorded(
    qtbot: QtBot, database: Database, new_york: None
) -> None:
    """zh03's Date: (Tue 29 Sep 2026 16:45 +08:00) is sound; the paper letter it confirms came
    by post on Mon 28 Sep at 10:00 Beijing time."""
    window = MainWindow(database, load_rule_book(), today=lambda: TODAY)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX / "zh03-zh-correction.eml"])
    row = window.case_list.model.row_at(0)
    assert row is not None
    reference = row.reference
    intros: list[str] = []

    def correct(dialog: ReceiptDialog) -> None:
        assert (dialog.windowTitle(), dialog.correcting) == ("Correct the receipt date", True)
        intros.append(dialog.findChildren(QLabel)[0].text())
        assert "In doubt" not in [label.text() for label in dialog.findChildren(QLabel)]
        _set(dialog, date(2026, 9, 28), 10, 0)
        dialog.accept()

    answer_modal(ReceiptDialog, correct)
    with qtbot.waitSignal(window.clock.changed):
        window.clock.ask_receipt(reference)
    assert intros == [
        "Recorded as received on 2026-09-29 16:45 Asia/Shanghai (UTC+08:00), taken from the "
        "message's Date: header. Correct it only if the request reached you at another time, "
        "e.g. a letter that came by post before it was scanned. The deadline is counted again "
        "from the new day."
    ]
    received_at, _flags, due = _state(database, reference)
    assert received_at.astimezone(UTC) == datetime(2026, 9, 28, 2, 0, tzinfo=UTC)
    # CN: 15 working days from Tue 29 Sep: 29-30 Sep = 1-2, National Day 1-7 Oct, 8-9 Oct =
    # 3-4, Sat 10 Oct (make-up) = 5, 12-16 = 6-10, 19-23 = 11-15 -> Fri 23 Oct (was 26 Oct).
    assert due == date(2026, 10, 23)
    with database.session() as session:
        case = find_case(session, reference)
        assert case.received_at_source == ReceivedAtSource.ENTERED
        payload = session.scalars(
            select(Event.payload).where(
                Event.case_id == case.id, Event.action == "case.receipt_confirmed"
            )
        ).one()
    assert payload["from_source"] == "date_header"


def test_a_future_date_is_refused_and_nothing_changes(
    qtbot: QtBot, database: Database, new_york: None, flagged: tuple[MainWindow, str]
) -> None:
    window, reference = flagged
    before = _state(database, reference)
    refusals: list[str] = []

    def try_future(dialog: ReceiptDialog) -> None:
        _set(dialog, date(2026, 11, 30), 9, 0)
        dialog.accept()
        refusals.append(dialog.refusal)
        assert dialog.isVisible()
        boxes = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
        refusals.extend(box.text() for box in boxes)
        for box in boxes:
            box.close()
        dialog.reject()

    answer_modal(ReceiptDialog, try_future)
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_receipt(reference)
    future = "The receipt date cannot be in the future: enter when the message reached you."
    assert refusals == [future, future]
    assert _state(database, reference) == before
    assert not window.clock.confirm_receipt(reference, datetime(2026, 11, 30, 1, 0, tzinfo=UTC))
    assert _state(database, reference) == before


def test_cancel_changes_nothing(
    qtbot: QtBot, database: Database, new_york: None, flagged: tuple[MainWindow, str]
) -> None:
    window, reference = flagged
    before = _state(database, reference)

    def cancel(dialog: ReceiptDialog) -> None:
        _set(dialog, date(2026, 11, 1), 21, 30)
        dialog.reject()

    seen = answer_modal(ReceiptDialog, cancel)
    with qtbot.assertNotEmitted(window.clock.changed):
        window.clock.ask_receipt(reference)
    assert len(seen) == 1
    assert _state(database, reference) == before
    assert before[2] == date(2026, 10, 26)
    with pytest.raises(LetterError):
        _letter(database, reference)
