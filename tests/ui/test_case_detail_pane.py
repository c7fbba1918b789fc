"""The detail pane over imported corpus cases: header with the binding date, days left and the
rule's legal source; timeline, categories, notes and messages, attachments and letters (with
the PDF preview from memory); every model checked by qtmodeltester."""

import hashlib
from datetime import date

import pytest
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtPdf import QPdfDocument
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models.enums import CategoryActionKind
from app.reports.case_letters import render_case_letter
from app.services.case_queries import CaseDetail, case_detail, find_case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_message_file
from app.services.letters import generate_letter
from app.services.workflow import add_note, plan_deletion
from app.store import Database
from app.ui.bidi import FSI, PDI
from app.ui.case_detail_models import (
    SORT_ROLE,
    attachment_model,
    category_model,
    correspondence_model,
    correspondence_rows,
)
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_timeline import Column as TimelineColumn
from app.ui.case_timeline import TimelineModel
from app.ui.letter_preview import letter_model
from tests.conftest import CORPUS_INBOX

# manifest.json: zh04 is a CN deletion received 2026-05-01T02:00Z, due 2026-05-25;
# zh05 an account cancellation received 2026-12-24, due 2027-01-15, provisional.
DELETION = "zh04-zh-deletion-face.eml"
PROVISIONAL = "zh05-zh-cancel.eml"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _import(database: Database, rule_book: RuleBook, name: str) -> str:
    with database.session() as session:
        result = import_message_file(session, CORPUS_INBOX / name, rule_book)
    assert result.reference is not None
    return result.reference


def _detail(database: Database, rule_book: RuleBook, reference: str, today: date) -> CaseDetail:
    with database.session() as session:
        return case_detail(session, reference, rule_book, today=today, actor="li.handler")


@pytest.fixture
def worked_case(database: Database, rule_book: RuleBook) -> str:
    """The zh04 deletion with its categories planned, a note and an acknowledgement letter."""
    reference = _import(database, rule_book, DELETION)
    with database.session() as session:
        case = find_case(session, reference)
        plan_deletion(session, case, hold_from=date(2026, 5, 20), actor="li.handler")
        add_note(session, case, "已电话联系 <b>请尽快处理</b> & S&P", actor="li.handler")
        generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=date(2026, 5, 6),
            actor="li.handler",
        )
    return reference


def _pane(qtbot: QtBot, today: date) -> CaseDetailPane:
    pane = CaseDetailPane(today=lambda: today)
    qtbot.addWidget(pane)
    return pane


def test_header_shows_binding_date_days_left_and_rule_source(
    qtbot: QtBot, database: Database, rule_book: RuleBook, worked_case: str
) -> None:
    pane = _pane(qtbot, date(2026, 5, 22))
    pane.show_detail(_detail(database, rule_book, worked_case, date(2026, 5, 22)))
    header = pane.header
    assert header._title.full_text() == f"{worked_case} · {FSI}赵六{PDI}"  # the name isolated
    assert header._summary["jurisdiction"].text() == "CN"
    assert header._summary["kind"].text() == "Deletion"
    assert header._summary["channel"].text() == "E-mail"
    assert header.badge.text().startswith("Due 2026-05-25 · 3 day(s) left")
    assert header.badge.property("deadline_state") == "due_soon"
    rule = header._facts["rule"].text()
    assert rule.startswith("CN/deletion@")
    assert "PIPL art. 47" in rule
    assert "zhao.liu@example.com" in header._requester().full_text()


@pytest.mark.parametrize(
    ("today", "state", "words"),
    [
        (date(2026, 5, 26), "overdue", "overdue by 1 day(s)"),
        (date(2026, 5, 25), "due_soon", "0 day(s) left"),
        (date(2026, 5, 1), "", "24 day(s) left"),
    ],
)
def test_badge_colours_follow_days_left(
    qtbot: QtBot, database: Database, rule_book: RuleBook, today: date, state: str, words: str
) -> None:
    reference = _import(database, rule_book, DELETION)
    pane = _pane(qtbot, today)
    pane.show_detail(_detail(database, rule_book, reference, today))
    assert pane.header.badge.property("deadline_state") == state
    assert words in pane.header.badge.text()
    assert ("#c62828" in pane.header.badge.styleSheet()) == (state == "overdue")


def test_provisional_deadline_is_marked(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    reference = _import(database, rule_book, PROVISIONAL)
    pane = _pane(qtbot, date(2026, 12, 28))
    pane.show_detail(_detail(database, rule_book, reference, date(2026, 12, 28)))
    text = pane.header.badge.text()
    assert text.startswith("Due 2027-01-15")
    assert "provisional" in text


def test_tabs_list_timeline_categories_notes_attachments_letters(
    qtbot: QtBot, database: Database, rule_book: RuleBook, worked_case: str
) -> None:
    pane = _pane(qtbot, date(2026, 5, 6))
    detail = _detail(database, rule_book, worked_case, date(2026, 5, 6))
    pane.show_detail(detail)
    actions = [pane.timeline.row_at(i).action for i in range(pane.timeline.rowCount())]
    assert actions[0] == "case.created"
    assert {"category.planned", "note.added", "letter.generated", "case.viewed"} <= set(actions)
    what = pane.timeline.index(0, TimelineColumn.WHAT).data()
    assert what == "Case created"
    orders = next(
        pane.categories.row_at(i)
        for i in range(pane.categories.rowCount())
        if pane.categories.row_at(i).category == "orders"
    )
    assert orders.action == CategoryActionKind.LEGAL_HOLD
    # 36 months from 2026-05-20 (E-Commerce Law Art. 31, inventory rule ecommerce_art31)
    assert orders.hold_until == date(2029, 5, 20)
    row = next(i for i in range(pane.categories.rowCount()) if pane.categories.row_at(i) == orders)
    # The basis as the letters word it (resources/letters/en/terms.toml), no evidence tags.
    hold = pane.categories.index(row, 2).data()
    assert hold.startswith("2029-05-20 · E-Commerce Law of the PRC, Article 31:")
    assert "[V" not in hold
    assert pane.notes.model.rowCount() == 1
    assert pane.notes.model.index(0, 3).data() == f"{FSI}已电话联系 <b>请尽快处理</b> & S&P{PDI}"
    raw = (CORPUS_INBOX / DELETION).read_bytes()
    attachment = pane.attachments.model.row_at(0)
    assert attachment.sha256 == hashlib.sha256(raw).hexdigest()
    assert pane.attachments.model.index(0, 3).data() == attachment.sha256
    assert pane.attachments.model.index(0, 2).data(SORT_ROLE) == len(raw)
    letter = pane.letters.model.row_at(0)
    assert (letter.template_key, letter.language, letter.version) == ("acknowledgement", "zh", 1)
    assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest()


def _filled_models(detail: CaseDetail) -> dict[str, QAbstractItemModel]:
    """Each model of the pane, unparented (it outlives no widget) and filled from ``detail``."""
    timeline = TimelineModel()
    timeline.set_rows(detail.events)
    categories = category_model()
    categories.set_rows(detail.categories)
    notes = correspondence_model()
    notes.set_rows(correspondence_rows(detail.notes, detail.messages))
    attachments = attachment_model()
    attachments.set_rows(detail.attachments)
    letters = letter_model()
    letters.set_rows(detail.letters)
    return {"timeline": timeline, "categories": categories, "notes": notes,
            "attachments": attachments, "letters": letters}  # fmt: skip


@pytest.mark.parametrize("name", ["attachments", "categories", "letters", "notes", "timeline"])
def test_models_pass_qtmodeltester(
    qtmodeltester: ModelTester,
    database: Database,
    rule_book: RuleBook,
    worked_case: str,
    name: str,
) -> None:
    model = _filled_models(_detail(database, rule_book, worked_case, date(2026, 5, 6)))[name]
    assert model.rowCount() > 0
    qtmodeltester.check(model)  # Qt's C++ tester; see report on force_py


def test_letter_preview_loads_the_stored_pdf_from_memory(
    qtbot: QtBot, database: Database, rule_book: RuleBook, worked_case: str
) -> None:
    pane = _pane(qtbot, date(2026, 5, 6))
    pane.show_detail(_detail(database, rule_book, worked_case, date(2026, 5, 6)))
    preview = pane.letters.preview
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.document.pageCount() >= 1
    assert preview.show_pdf(b"%PDF-1.4 damaged") is False
    assert "cannot be shown" in preview._status.text()
    assert preview.show_pdf(None) is False


def test_empty_state_and_note_signal(
    qtbot: QtBot, database: Database, rule_book: RuleBook, worked_case: str
) -> None:
    pane = _pane(qtbot, date(2026, 5, 6))
    assert pane._title.full_text() == "Select a case to see its details."
    assert not pane.tabs.isEnabled()
    # No empty captions or tabs: the hint says what to do (the pane is not shown: isHidden).
    assert pane.tabs.isHidden() and pane.header._facts_box.isHidden()
    assert "Ctrl+N" in pane.header._hint.text() and not pane.header._hint.isHidden()
    pane.show_detail(_detail(database, rule_book, worked_case, date(2026, 5, 6)))
    assert not pane.tabs.isHidden() and not pane.header._facts_box.isHidden()
    assert pane.header._hint.isHidden()
    pane.notes.editor.setPlainText("  回电确认身份  ")
    with qtbot.waitSignal(pane.note_submitted) as signal:
        pane.notes.add_button.click()
    assert signal.args == [worked_case, "回电确认身份"]
    pane.attachments.table.selectRow(0)
    with qtbot.waitSignal(pane.attachment_save_requested) as saved:
        pane.attachments.save_button.click()
    assert saved.args == [worked_case, pane.attachments.model.row_at(0).attachment_id]
    pane.show_detail(None)
    assert pane.timeline.rowCount() == 0 and pane.letters.model.rowCount() == 0
    assert pane.tabs.isHidden() and pane.header._summary_box.isHidden()
