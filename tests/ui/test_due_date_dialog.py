"""Case › Clock › Set the due date by hand… and Hand the due date back to its rule: the dialog
refuses a date before receipt or outside the years counted and an empty reason; the menu
offers each only where it can succeed; the timeline names both events.

zh03 (corpus manifest): a correction received Tue 29 Sep 2026 16:45 Shanghai, due under
resources/rules/cn.toml (15 working days; 国庆节 Thu 1 - Wed 7 Oct off, Sat 10 Oct worked,
国办发明电〔2025〕7号) on Mon 26 Oct 2026.
"""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.models.enums import CaseOutcome
from app.services.case_queries import find_case
from app.services.workflow import close
from app.store import Database
from app.ui.case_timeline import Column
from app.ui.due_date_dialog import DueDateContext, DueDateDialog
from tests.ui.case_window import TODAY, answer_modal, take_messages, window_with_mail

RULE_DATE = date(2026, 10, 26)
ZH03 = DueDateContext(date(2026, 9, 29), RULE_DATE, "Asia/Shanghai (UTC+08:00)", TODAY)
# The sentences the service raises (app.services.due_date_by_hand.DUE_DATE_REFUSALS).
NOT_STATED_TIP = "The due date of this case is already computed by its rule."
ANSWERED_TIP = (
    "This case has been answered or closed: its due date is the record its answer was measured "
    "by, so it cannot be set or handed back."
)


def _refusal(qtbot: QtBot, dialog: DueDateDialog, day: QDate, reason: str) -> str:
    dialog.due.setDate(day)
    dialog.reason.setPlainText(reason)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    take_messages()
    return dialog.refusal


def test_the_dialog_refuses_an_impossible_date_or_no_reason(qtbot: QtBot) -> None:
    dialog = DueDateDialog(ZH03)
    qtbot.addWidget(dialog)
    assert dialog.due_date() == RULE_DATE  # offers the date now in force
    assert _refusal(qtbot, dialog, QDate(2026, 9, 28), "court order") == (
        "The due date cannot be before the request was received (2026-09-29)."
    )
    assert _refusal(qtbot, dialog, QDate(2201, 1, 1), "court order") == (
        "The due date must lie between 1970-01-01 and 2200-12-31: check the year."
    )
    assert _refusal(qtbot, dialog, QDate(2026, 12, 18), " \n\t") == (
        "Give the reason the due date is set by hand."
    )
    dialog.reason.setPlainText("  court order \n")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.due_date(), dialog.reason_text()) == (date(2026, 12, 18), "court order")


def test_set_by_hand_then_handed_back_moves_the_due_date_and_the_menu(
    qtbot: QtBot, database: Database
) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    set_due, release = (window.case_menu.gated[m] for m in ("ask_set_due", "ask_release_due"))
    assert (set_due.isEnabled(), release.isEnabled()) == (True, False)
    assert release.toolTip() == NOT_STATED_TIP

    def fill(dialog: DueDateDialog) -> None:
        assert dialog.due.date() == QDate(2026, 10, 26)
        dialog.due.setDate(QDate(2026, 10, 20))
        dialog.reason.setPlainText("Court order: answer by 20 October")
        dialog.accept()

    answer_modal(DueDateDialog, fill)
    with qtbot.waitSignal(window.clock.changed):
        window.clock.ask_set_due(reference)
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 20)
    assert (set_due.isEnabled(), release.isEnabled(), release.statusTip()) == (True, True, "")
    # QA13 H6: the statutory deadline under the hand date is still counted (CN correction,
    # its clock stops for an identity check, GB/T 35273-2020 §8.7): the clock can be stopped.
    assert window.case_menu.gated["ask_pause"].isEnabled()

    question = window.clock.ask_release_due(reference)  # asks first: nothing changes till OK
    assert question is not None and question.isVisible()
    assert window.case_list.model.row_at(0).due_date == date(2026, 10, 20)
    with qtbot.waitSignal(window.clock.changed):
        question.button(QMessageBox.StandardButton.Ok).click()
    assert window.case_list.model.row_at(0).due_date == RULE_DATE
    assert (release.isEnabled(), window.case_menu.gated["ask_pause"].isEnabled()) == (False, True)

    timeline = window.detail.timeline
    rows = [timeline.row_at(n) for n in range(timeline.rowCount())]
    words = {r.action: timeline.text(r, Column.WHAT) for r in rows}
    assert words["clock.due_date_set"] == "Due date set by hand"
    assert words["clock.due_date_released"] == "Due date handed back to its rule"
    released = next(r for r in rows if r.action == "clock.due_date_released")
    assert "Source: by hand" in timeline.text(released, Column.DETAILS)


def test_a_closed_case_offers_neither_and_refuses_both(qtbot: QtBot, database: Database) -> None:
    window, reference = window_with_mail(qtbot, database, "zh03-zh-correction.eml")
    with qtbot.waitSignal(window.clock.changed):
        assert window.clock.set_due(reference, date(2026, 10, 20), "agreed with the regulator")
    with qtbot.waitSignal(window.workflow.changed):
        assert window.workflow._apply(
            reference,
            lambda s, c: close(s, c, outcome=CaseOutcome.UNVERIFIABLE, actor="li.handler"),
        )
    window.show_case(reference)
    for method in ("ask_set_due", "ask_release_due"):
        action = window.case_menu.gated[method]
        assert (action.isEnabled(), action.toolTip()) == (False, ANSWERED_TIP)
    with qtbot.assertNotEmitted(window.clock.changed):
        assert window.clock.ask_release_due(reference) is None
    assert take_messages() == [
        "This case has been answered or closed: its due date is the record its answer was "
        "measured by, so it cannot be set or handed back."
    ]
    assert not window.clock.set_due(reference, date(2026, 10, 22), "later")
    assert len(take_messages()) == 1
    with database.session() as session:
        assert find_case(session, reference).due_date == date(2026, 10, 20)


def test_the_printed_case_file_names_both_events_in_chinese_and_english() -> None:
    from app.reports.case_file_labels import printed_name

    assert printed_name("action", "clock.due_date_set", "zh") == "已手动设定答复期限"
    assert printed_name("action", "clock.due_date_released", "zh") == "答复期限已恢复按规则计算"
    assert printed_name("action", "clock.due_date_set", "en") == "Due date set by hand"


def test_the_dialog_says_a_later_date_is_refused_and_the_statute_still_counts(
    qtbot: QtBot,
) -> None:
    # QA13 L4: it said "a later date here gives the company no more time to answer", though
    # set-due refuses a date after the statutory one (session 8) and the statutory date binds
    # once it falls before the hand date (app.services.clock.recompute_clock).
    from PySide6.QtWidgets import QLabel

    dialog = DueDateDialog(ZH03)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "a later date is refused" in text
    assert "the statutory date binds and this date is released" in text
    assert "no more time" not in text


def test_the_timeline_names_a_due_date_by_no_source_and_the_release_by_its_reason() -> None:
    # QA13 L4: the details of "Deadline taken from the regulator's letter" read "Statutory
    # deadline: 2026-1…"; a regulator's or a hand date is no statute's.
    from app.ui.case_timeline_words import key_label, word

    assert key_label("due_date") == "Due date"
    assert word("statutory_earlier") == (
        "the statutory deadline now falls before the date set by hand"
    )
