"""The new-case dialog: receipt defaults to now in Beijing time and cannot be later, bad input
keeps the dialog open on the field at fault, and OK records the case the way imports do."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import DataSubject, IdentifierKind
from app.models.enums import CaseKind, Channel
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.manual_intake import ManualRequest, record_manual_request
from app.services.manual_intake_subject import SubjectMatch
from app.store import Database
from app.ui.new_case_controller import NewCaseController
from app.ui.new_case_dialog import NewCaseDialog

# 02:00 UTC on 30 Sep 2026 is 10:00 in Beijing.
NOW = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
EMAIL = "wang.xiaoming@example.com"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def dialog(qtbot: QtBot, rule_book: RuleBook) -> NewCaseDialog:
    dialog = NewCaseDialog(rule_book, now=lambda: NOW)
    qtbot.addWidget(dialog)
    return dialog


def _fill(dialog: NewCaseDialog) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(CaseKind.ACCESS))
    dialog.name.setText("王小明")
    dialog.phone.setText("138 0013 8000")
    dialog.summary.setPlainText("来电要求查阅个人信息")


def test_defaults_now_in_beijing_and_cn(dialog: NewCaseDialog) -> None:
    assert dialog.channel.currentData() == Channel.PHONE
    assert [dialog.channel.itemData(i) for i in range(dialog.channel.count())] == [
        Channel.PHONE, Channel.LETTER, Channel.IN_PERSON,
    ]  # fmt: skip
    assert dialog.received.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-09-30 10:00"
    assert dialog.received_at() == datetime(2026, 9, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert dialog.received.maximumDateTime().toString("yyyy-MM-dd HH:mm") == "2026-09-30 10:00"
    assert dialog.jurisdiction.currentData() == "CN"
    assert dialog.language.currentData() == "zh"
    kinds = {dialog.kind.itemData(i) for i in range(dialog.kind.count())}
    assert CaseKind.REMINDER not in kinds and CaseKind.NOT_A_REQUEST not in kinds


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-address", "valid e-mail"),
        ("phone", "abc", "valid phone"),
        ("account_id", "two words", "account ID"),
    ],
)
def test_bad_identifier_keeps_the_dialog_open(
    qtbot: QtBot, dialog: NewCaseDialog, field: str, value: str, message: str
) -> None:
    _fill(dialog)
    getattr(dialog, field).setText(value)
    dialog.open()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert message in dialog.error.text()
    assert value not in dialog.error.text()


def test_empty_summary_refused_then_accepted(qtbot: QtBot, dialog: NewCaseDialog) -> None:
    _fill(dialog)
    dialog.summary.setPlainText("  ")
    dialog.open()
    dialog.accept()
    assert "Summarise" in dialog.error.text()
    dialog.summary.setPlainText("来电要求查阅个人信息")
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.error.text() == ""


def test_controller_records_the_case_with_its_deadline(
    qtbot: QtBot, database: Database, rule_book: RuleBook, dialog: NewCaseDialog
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = NewCaseController(database, rule_book, lambda: date(2026, 9, 30), window,
                                   lambda: "li.handler")  # fmt: skip
    _fill(dialog)
    with qtbot.waitSignal(controller.created) as created:
        reference = controller.record(dialog.request())
    assert created.args == [reference]
    with database.session() as session:
        case = find_case(session, str(reference))
        # 15 working days over National Day: 8, 9, Sat 10 (调休), 12-16, 19-23, 26, 27 Oct.
        assert case.due_date == date(2026, 10, 27)
        assert case.channel == Channel.PHONE
        assert case.subject is not None and case.subject.display_name == "王小明"


def test_controller_shows_refusal_and_creates_nothing(
    qtbot: QtBot, database: Database, rule_book: RuleBook, dialog: NewCaseDialog
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = NewCaseController(database, rule_book, lambda: date(2026, 9, 30), window,
                                   lambda: "li.handler")  # fmt: skip
    _fill(dialog)
    dialog.email.setText("bad@")
    assert controller.record(dialog.request()) is None


def _existing_subject(database: Database, rule_book: RuleBook) -> str:
    """Record 王小明's earlier phone request, with his e-mail; returns its reference."""
    with database.session() as session:
        case = record_manual_request(
            session,
            ManualRequest(
                Channel.PHONE,
                NOW,
                CaseKind.ACCESS,
                requester_name="王小明",
                email=EMAIL,
                summary="来电要求查阅个人信息",
            ),
            rule_book,
            today=date(2026, 9, 30),
            actor="li.handler",
            now=NOW,
        )
        return case.reference


def _controller(qtbot: QtBot, database: Database, rule_book: RuleBook) -> NewCaseController:
    window = QMainWindow()
    qtbot.addWidget(window)
    return NewCaseController(database, rule_book, lambda: date(2026, 9, 30), window,
                             lambda: "li.handler")  # fmt: skip


def _typed(controller: NewCaseController, name: str, email: str) -> NewCaseDialog:
    dialog = controller.ask()
    dialog.kind.setCurrentIndex(dialog.kind.findData(CaseKind.DELETION))
    dialog.summary.setPlainText("来信要求删除个人信息")
    dialog.name.setText(name)
    dialog.email.setText(email)
    return dialog


def _subject_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(DataSubject)) or 0


def test_a_matching_address_names_the_subject_and_links_keeping_the_typed_name(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    earlier = _existing_subject(database, rule_book)
    controller = _controller(qtbot, database, rule_book)
    dialog = _typed(controller, "Xiaoming Wang", EMAIL.upper())
    assert not dialog.match_note.isVisible()
    dialog.email.editingFinished.emit()  # the user leaves the e-mail field
    dialog.name.editingFinished.emit()
    assert dialog.match_note.isVisible() and dialog.link_subject.isChecked()
    assert dialog.match_note.text() == (
        f"The e-mail address matches the existing data subject “王小明” (1 case(s): {earlier}).\n"
        "The name typed is kept on the case as the name the requester gave."
    )
    with qtbot.waitSignal(controller.created) as created:
        dialog.accept()
    with database.session() as session:
        case = find_case(session, str(created.args[0]))
        assert case.subject is not None and case.subject.display_name == "王小明"
        assert case.subject_id == find_case(session, earlier).subject_id
        assert {"field": "requester", "signal": "entered",
                "evidence": "Xiaoming Wang (phone)"} in case.triage_reasons  # fmt: skip
    assert _subject_count(database) == 1


def test_kept_apart_the_requester_becomes_a_new_data_subject(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    _existing_subject(database, rule_book)
    controller = _controller(qtbot, database, rule_book)
    dialog = _typed(controller, "王小红", EMAIL)
    dialog.email.editingFinished.emit()
    dialog.link_subject.setChecked(False)
    assert "A new data subject is recorded" in dialog.match_note.text()
    with qtbot.waitSignal(controller.created) as created:
        dialog.accept()
    with database.session() as session:
        case = find_case(session, str(created.args[0]))
        assert case.subject is not None and case.subject.display_name == "王小红"
    assert _subject_count(database) == 2


def test_a_match_found_only_at_ok_is_shown_before_anything_is_recorded(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    _existing_subject(database, rule_book)
    controller = _controller(qtbot, database, rule_book)
    dialog = _typed(controller, "王小明", EMAIL)  # typed, OK pressed without leaving the field
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.match_note.isVisible()
    assert "The name typed" not in dialog.match_note.text()  # the same name: nothing to keep
    with qtbot.waitSignal(controller.created):
        dialog.accept()
    assert _subject_count(database) == 1


def test_a_stored_name_is_shown_as_text_never_as_markup(qtbot: QtBot, rule_book: RuleBook) -> None:
    match = SubjectMatch(1, "<b>张三</b>&amp;", IdentifierKind.PHONE, ("PD-2026-000009",), 4)
    dialog = NewCaseDialog(rule_book, now=lambda: NOW, find_subject=lambda *_: match)
    qtbot.addWidget(dialog)
    dialog.phone.setText("13800138000")
    assert dialog.look_up_subject()
    assert dialog.match_note.textFormat() == Qt.TextFormat.PlainText
    assert dialog.match_note.text().startswith(
        "The phone number matches the existing data subject “<b>张三</b>&amp;” "
        "(4 case(s): PD-2026-000009, …)."
    )
    assert not dialog.look_up_subject()  # unchanged: nothing to show anew


def test_an_over_long_name_is_refused_naming_the_limit_never_cut(
    qtbot: QtBot, dialog: NewCaseDialog
) -> None:
    _fill(dialog)
    dialog.name.setText("王" * 201)
    dialog.open()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "The name is longer than 200 characters; shorten it."
    assert dialog.name.text() == "王" * 201
    dialog.name.setText(" " + "王" * 200 + " ")  # the limit itself, white space aside
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.error.text() == ""
