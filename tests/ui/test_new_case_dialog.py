"""The new-case dialog: receipt defaults to now in Beijing time and cannot be later, bad input
keeps the dialog open on the field at fault, and OK records the case the way imports do."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QDialog, QMainWindow
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, Channel
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.new_case_controller import NewCaseController
from app.ui.new_case_dialog import NewCaseDialog

# 02:00 UTC on 30 Sep 2026 is 10:00 in Beijing.
NOW = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)


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
