"""Notes added inline and undone, a triage undone, an attachment copied out where the user
chose: each a compensating, audited change in its own short session."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Event
from app.models.enums import CaseKind, CaseStatus
from app.services.audit import verify_chain
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_message_file
from app.store import Database
from app.ui.case_detail_controller import CaseDetailController
from app.ui.case_detail_undo import UndoableWorkflowController, UndoEntry, UndoHistory, UndoKind
from tests.conftest import CORPUS_INBOX

TODAY = date(2026, 10, 1)
CORRECTION = "zh03-zh-correction.eml"  # manifest: CN correction, due 2026-10-26


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def reference(database: Database, rule_book: RuleBook) -> str:
    with database.session() as session:
        result = import_message_file(session, CORPUS_INBOX / CORRECTION, rule_book)
    assert result.reference is not None
    return result.reference


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def _actions(database: Database, reference: str) -> list[str]:
    with database.session() as session:
        case = find_case(session, reference)
        return [e.action for e in session.scalars(select(Event).where(Event.case_id == case.id))]


def _controller(database: Database, rule_book: RuleBook, window: QMainWindow,
                history: UndoHistory, user: str = "li") -> CaseDetailController:  # fmt: skip
    return CaseDetailController(database, rule_book, lambda: TODAY, window, lambda: user,
                                history=history)  # fmt: skip


def test_note_added_then_undone(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    history = UndoHistory(window)
    controller = _controller(database, rule_book, window, history)
    assert not history.action.isEnabled()
    with qtbot.waitSignal(controller.note_added):
        assert controller.add_note(reference, "请求人来电补充地址")
    assert history.action.isEnabled()
    assert history.action.text() == f"&Undo note on {reference}"
    with qtbot.waitSignal(controller.changed):
        history.action.trigger()
    assert not history.action.isEnabled()
    with database.session() as session:
        assert find_case(session, reference).notes == []
        assert verify_chain(session).ok
    assert _actions(database, reference)[-2:] == ["note.added", "note.withdrawn"]


def test_note_of_someone_else_is_not_undone_after_switching_user(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    history = UndoHistory(window)
    user = ["li"]
    controller = CaseDetailController(database, rule_book, lambda: TODAY, window,
                                      lambda: user[0], history=history)  # fmt: skip
    assert controller.add_note(reference, "first")
    user[0] = "wang"  # the service refuses even if the window forgot to clear the history
    assert history.undo() is False
    with database.session() as session:
        assert len(find_case(session, reference).notes) == 1
    assert "note.withdrawn" not in _actions(database, reference)


def test_empty_note_is_refused(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    history = UndoHistory(window)
    assert not _controller(database, rule_book, window, history).add_note(reference, "   ")
    assert history.entries() == ()


def test_triage_undone_restores_kind_and_handler(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str
) -> None:
    history = UndoHistory(window)
    flow = UndoableWorkflowController(database, rule_book, lambda: TODAY, window, lambda: "li",
                                      history=history)  # fmt: skip
    assert flow.triage(reference, CaseKind.DELETION, "CN", "li")
    with database.session() as session:
        case = find_case(session, reference)
        assert (case.kind, case.assignee) == (CaseKind.DELETION, "li")
        assert case.status == CaseStatus.IN_PROGRESS
    assert history.action.text() == f"&Undo triage of {reference}"
    assert history.undo()
    with database.session() as session:
        case = find_case(session, reference)
        assert (case.kind, case.assignee) == (CaseKind.CORRECTION, None)
        assert case.status == CaseStatus.NEW  # the triage had moved it to in_progress
        # back on the correction rule: 15 working days from 29 Sep 2026 → 26 Oct (manifest)
        assert case.due_date == date(2026, 10, 26)
    assert "case.triage_reverted" in _actions(database, reference)


def test_history_cleared_on_user_switch(window: QMainWindow) -> None:
    history = UndoHistory(window)
    history.push(UndoEntry(UndoKind.NOTE, "PD-2026-000001", lambda *_args: None))
    history.clear()
    assert history.entries() == () and not history.action.isEnabled()


def test_attachment_saved_where_the_user_chose(
    qtbot: QtBot, database: Database, rule_book: RuleBook, window: QMainWindow, reference: str,
    tmp_path: Path,
) -> None:  # fmt: skip
    controller = _controller(database, rule_book, window, UndoHistory(window))
    with database.session() as session:
        attachment_id = find_case(session, reference).attachments[0].id
    folder = tmp_path / "chosen"
    folder.mkdir()
    target = folder / "copy.eml"
    with qtbot.waitSignal(controller.attachment_saved):
        assert controller.save_attachment(reference, attachment_id, target) == target
    raw = (CORPUS_INBOX / CORRECTION).read_bytes()
    assert target.read_bytes() == raw
    assert sorted(p.name for p in folder.iterdir()) == ["copy.eml"]  # no stray temp file
    with database.session() as session:
        event = session.scalars(select(Event).where(Event.action == "attachment.copied")).one()
        assert event.payload == {
            "attachment_id": attachment_id,
            "sha256": hashlib.sha256(raw).hexdigest(),
        }


def test_attachment_not_saved_to_a_missing_folder_writes_no_event(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str, tmp_path: Path
) -> None:
    controller = _controller(database, rule_book, window, UndoHistory(window))
    with database.session() as session:
        attachment_id = find_case(session, reference).attachments[0].id
    assert controller.save_attachment(reference, attachment_id, tmp_path / "no" / "x.eml") is None
    assert "attachment.copied" not in _actions(database, reference)


def test_the_chinese_undo_item_spaces_the_reference_on_both_sides(
    qtbot: QtBot, chinese: None
) -> None:
    history = UndoHistory()
    reference = "PD-2026-000044"
    history.push(UndoEntry(UndoKind.TRIAGE, reference, lambda *_args: None))
    assert history.action.text() == "撤销 PD-2026-000044 的分拣(&U)"


def test_attachment_dialog_starts_where_the_last_copy_went_never_the_working_folder(
    database: Database, rule_book: RuleBook, window: QMainWindow, reference: str,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    # QA17 F10: the dialog was given no folder, so it opened in the working folder.
    monkeypatch.chdir(tmp_path)
    controller = _controller(database, rule_book, window, UndoHistory(window))
    with database.session() as session:
        attachment_id = find_case(session, reference).attachments[0].id
    chosen = tmp_path / "附件"
    chosen.mkdir()
    answers = [str(tmp_path / "gone" / "a.eml"), str(chosen / "a.eml"), ""]
    asked: list[str] = []

    def dialog(_parent: QWidget, _title: str, start: str = "") -> tuple[str, str]:
        asked.append(start)
        return answers[len(asked) - 1], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert controller.ask_save_attachment(reference, attachment_id) is None  # folder missing
    assert controller.ask_save_attachment(reference, attachment_id) == chosen / "a.eml"
    assert controller.ask_save_attachment(reference, attachment_id) is None  # cancelled
    assert Path(asked[0]).is_absolute() and Path(asked[0]) != tmp_path
    assert asked[1] == asked[0]  # the folder the copy could not be written to was not kept
    assert asked[2] == str(chosen)
