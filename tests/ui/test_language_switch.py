"""View › Language keeps the user's place (QA16 W1): the window is rebuilt in the new language
showing the same database (the demo stays the demo, banner and title), saved view, search, sort,
selected case, detail tab and unsaved note draft; with a dialog open the switch is refused."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Case, Event
from app.models.enums import CaseKind, CaseStatus
from app.services.case_list_terms import SavedView
from app.services.deadlines import RuleBook, load_rule_book
from app.services.demo_data import demo_database_path
from app.services.letters import LetterRenderer
from app.store import Database
from app.ui.application import main_window
from app.ui.case_list_columns import Column
from app.ui.demo_controller import DemoGenerator
from app.ui.main_window import MainWindow
from app.ui.translations import CHINESE, LanguageSettings, LanguageSwitcher, Translations
from app.ui.window_dialogs import open_settings
from tests.ui.case_window import HANDLER, add_cases, answer_modal

KINDS = [
    (CaseKind.ACCESS, CaseStatus.IN_PROGRESS),
    (CaseKind.DELETION, CaseStatus.TRIAGED),
    (CaseKind.CORRECTION, CaseStatus.IN_PROGRESS),
]
CHINESE_NAME = "中文（简体）"


@pytest.fixture
def rule_book() -> RuleBook:
    return load_rule_book()


def _switcher(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    translations: Translations,
    demo: tuple[Path, DemoGenerator] | None = None,
) -> LanguageSwitcher:
    """The application's switcher (as ``application._work`` makes it) over ``database``: the
    first window shown, its tools built, acting as ``HANDLER``; ``demo``: the demo file and
    what fills it (the application's by default), kept by the rebuilt windows."""
    switchers: list[LanguageSwitcher] = []
    demo_path, demo_generator = demo or (None, None)

    def make(old: QMainWindow | None) -> QMainWindow:
        if old is None:  # the first window, as main_window makes it
            new = MainWindow(
                database,
                lambda: rule_book,
                defer_tools=True,
                demo_path=demo_path,
                demo_generator=demo_generator,
            )
        else:
            new = main_window(old, database, lambda: rule_book)
        qtbot.addWidget(new)
        assert isinstance(new, MainWindow)
        new.language_chosen.connect(lambda language: switchers[0].switch(language))
        return new

    switchers.append(LanguageSwitcher(translations, make))
    window = _main(switchers[0])
    window.resize(1200, 800)
    with qtbot.waitSignal(window.tools_ready, timeout=10_000):
        window.show()
    window.user.switch(HANDLER)
    return switchers[0]


def _main(switcher: LanguageSwitcher) -> MainWindow:
    window = switcher.window
    assert isinstance(window, MainWindow)
    return window


def _choose(window: MainWindow, name: str) -> None:
    """Choose ``name`` in View › Language, as the user does."""
    view_menu = window.menuBar().actions()[2].menu()
    language_menu = view_menu.actions()[-1].menu()
    next(a for a in language_menu.actions() if a.text() == name).trigger()


def _read_box() -> list[tuple[str, str]]:
    """The title and text of the next message box, read and closed (``answer_modal``)."""
    said: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> None:
        said.append((box.windowTitle(), box.text()))
        box.accept()

    answer_modal(QMessageBox, read)
    return said


def _views(database: Database) -> int:
    with database.session() as session:
        return int(
            session.scalar(select(func.count(Event.id)).where(Event.action == "case.viewed"))
        )


def test_a_typed_draft_the_view_search_sort_and_case_survive_the_switch(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    add_cases(database, rule_book, KINDS)  # PD-2026-000001 … 000003
    switcher = _switcher(qtbot, database, rule_book, translations)
    old = _main(switcher)
    browser = old.case_list
    browser.set_view(SavedView.ALL)  # not the default "Open"
    browser.table.sortByColumn(Column.REFERENCE, Qt.SortOrder.DescendingOrder)
    browser.search_box.setText("PD-2026-00000")  # typed, the debounce still running
    browser.select_reference("PD-2026-000002")
    old.detail.tabs.setCurrentWidget(old.detail.notes)
    draft = "下午三点回电 — called back at 15:00; 🙂 <b>not HTML</b>"
    old.detail.notes.editor.setPlainText(draft)
    views_before = _views(database)

    _choose(old, CHINESE_NAME)

    new = _main(switcher)
    assert new is not old and new.isVisible() and not old.isVisible()
    assert new.database is database and new.windowTitle() == "Privacy Desk"
    assert new.demo_banner.isHidden()
    list_ = new.case_list
    assert list_.view_selector.currentData() == SavedView.ALL
    assert list_.view_selector.currentText() == "全部案件"
    assert list_.search_box.text() == "PD-2026-00000"
    assert list_.model.query.text == "PD-2026-00000"  # applied, not only shown
    header = list_.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.REFERENCE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    # All three match the search, newest reference first.
    rows = [list_.model.row_at(i) for i in range(list_.model.rowCount())]
    assert [r.reference for r in rows if r] == [
        "PD-2026-000003",
        "PD-2026-000002",
        "PD-2026-000001",
    ]
    assert list_.selected_reference() == "PD-2026-000002"
    assert new.detail.reference == "PD-2026-000002"
    assert new.detail.tabs.currentWidget() is new.detail.notes
    assert new.detail.tabs.tabText(new.detail.tabs.currentIndex()) == "备注与往来(&M)"
    assert new.detail.notes.editor.toPlainText() == draft
    assert new.detail.notes.add_button.isEnabled()  # the draft can be added as it stands
    assert new.statusBar().currentMessage() == f"当前视图 3 个案件 · 登录用户 {HANDLER}"
    assert _views(database) == views_before  # the same case on screen: no second "viewed"
    assert LanguageSettings(QSettings()).chosen() == CHINESE


def test_the_undo_history_survives_the_switch_and_undoes_in_the_new_window(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    # Session 11's closing note: the rebuilt window began with an empty history.
    reference = add_cases(database, rule_book, [(CaseKind.ACCESS, CaseStatus.NEW)])[0]
    switcher = _switcher(qtbot, database, rule_book, translations)
    old = _main(switcher)
    assert old.workflow.triage(reference, CaseKind.DELETION, "CN", HANDLER)
    assert old.detail_actions.add_note(reference, "回电 — called back")
    assert old.undo.action.text() == f"&Undo note on {reference}"

    _choose(old, CHINESE_NAME)

    new = _main(switcher)
    assert new is not old
    assert [entry.label() for entry in new.undo.entries()] == [
        f"{reference} 的分拣",
        f"{reference} 的备注",
    ]
    assert new.undo.action.text() == f"撤销 {reference} 的备注(&U)"
    new.undo.action.trigger()  # through the new window's controllers, as the signed-in user
    new.undo.action.trigger()
    assert not new.undo.action.isEnabled()
    with database.session() as session:
        undone = session.execute(
            select(Event.action, Event.actor)
            .where(Event.action.in_(["note.withdrawn", "case.triage_reverted"]))
            .order_by(Event.id)
        ).all()
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert (case.kind, case.assignee, case.status) == (CaseKind.ACCESS, None, CaseStatus.NEW)
    assert [tuple(row) for row in undone] == [
        ("note.withdrawn", HANDLER),
        ("case.triage_reverted", HANDLER),
    ]


def test_the_demo_stays_the_demo_with_its_banner_across_the_switch(
    qtbot: QtBot,
    database: Database,
    database_path: Path,
    rule_book: RuleBook,
    translations: Translations,
) -> None:
    add_cases(database, rule_book, KINDS[:1])  # the real database: one case
    # The demo beside the real database, with three cases instead of the full scenarios (the
    # real generation takes half a minute; what the switch does with the demo is the same).
    demo_file = demo_database_path(database_path)
    switcher = _switcher(qtbot, database, rule_book, translations, (demo_file, _three_cases))
    old = _main(switcher)
    said = _read_box()
    with qtbot.waitSignal(old.demo.entered, timeout=60_000):
        old.try_demo()
        _choose(old, CHINESE_NAME)  # while the demo is being made: not yet
    assert said == [
        (
            "Language not changed",
            "Privacy Desk is still at work (importing messages or making the demo). Choose the "
            "language again once it has finished.",
        )
    ]
    assert switcher.window is old and LanguageSettings(QSettings()).chosen() is None
    demo = old.database
    assert demo.path == demo_file and old.windowTitle() == "Privacy Desk — DEMO"
    old.case_list.set_view(SavedView.ALL)
    old.case_list.select_reference("PD-2026-000003")

    _choose(old, CHINESE_NAME)

    new = _main(switcher)
    assert new is not old
    assert new.database is demo and new.demo.active
    assert new.windowTitle() == "Privacy Desk — 演示"
    assert new.demo_banner.isVisibleTo(new)
    assert new.demo_banner.label.text() == "演示数据 — 并非真实请求"
    assert new.case_list.model.rowCount() == 3
    assert new.case_list.selected_reference() == "PD-2026-000003"
    with demo.session() as session:  # the old window did not close it
        assert session.scalar(select(func.count(Case.id))) == 3
    # Leaving the demo from the new window comes back to the real database, still open.
    new.demo_banner.leave_button.click()
    assert new.database is database and not new.demo.active
    assert new.windowTitle() == "Privacy Desk" and new.demo_banner.isHidden()
    assert new.case_list.model.rowCount() == 1


def _three_cases(
    database: Database, rule_book: RuleBook, renderer: LetterRenderer, **_when: object
) -> None:
    """A ``DemoGenerator`` making three cases (once) instead of the demo's scenarios."""
    with database.session() as session:
        if session.scalar(select(func.count(Case.id))):
            return
    add_cases(database, rule_book, KINDS)


def test_an_open_settings_dialog_stops_the_switch_and_keeps_its_edit(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    switcher = _switcher(qtbot, database, rule_book, translations)
    old = _main(switcher)
    dialog = open_settings(old)
    dialog.letterhead.company_name_en.setText("UNSAVED EDIT")
    said = _read_box()

    _choose(old, CHINESE_NAME)

    assert said == [
        (
            "Language not changed",
            "Close “Settings” first, then choose the language again. The window is redrawn "
            "in the new language, and what you typed in the dialog would not be kept.",
        )
    ]
    assert switcher.window is old and translations.language == "en"
    assert LanguageSettings(QSettings()).chosen() is None  # the choice was not kept
    language_menu = old.menuBar().actions()[2].menu().actions()[-1].menu()
    ticked = [a.text() for a in language_menu.actions() if a.isChecked()]
    assert ticked == ["System default"]
    assert dialog.isVisible() and dialog.letterhead.company_name_en.text() == "UNSAVED EDIT"
    assert dialog.windowTitle() == "Settings"
    # Closed, the switch goes ahead.
    dialog.reject()
    _choose(old, CHINESE_NAME)
    assert switcher.window is not old and translations.language == CHINESE


def test_today_is_the_window_s_own_after_the_switch(
    qtbot: QtBot, database: Database, rule_book: RuleBook, translations: Translations
) -> None:
    switcher = _switcher(qtbot, database, rule_book, translations)
    old = _main(switcher)
    old.today = lambda: date(2026, 11, 29)
    _choose(old, CHINESE_NAME)
    assert _main(switcher).today() == date(2026, 11, 29)
