"""The main window over a real encrypted database: empty state, import in the background,
the case list, the detail pane, and the acknowledgement letter."""

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Event, Letter
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from app.ui.case_list_columns import Column
from app.ui.case_page_model import CasePageModel
from app.ui.labels import reason_lines
from app.ui.main_window import MainWindow
from app.ui.window_dialogs import open_settings
from tests.conftest import CORPUS_INBOX
from tests.zones import computer_zone

TODAY = date(2026, 3, 10)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def window(qtbot: QtBot, database: Database, rule_book: RuleBook) -> MainWindow:
    main = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(main)
    return main


def _import_corpus(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.imports.imported, timeout=60_000):
        window.imports.start([CORPUS_INBOX])


def test_an_empty_database_shows_what_to_do_first(window: MainWindow) -> None:
    assert window.case_list.currentIndex() == 0
    assert window.windowTitle() == "Privacy Desk"
    assert not any(a.isEnabled() for a in window.case_menu.case_actions)


def test_importing_fills_the_sortable_list_and_the_detail_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    _import_corpus(qtbot, window)
    model = window.case_list.model
    assert window.case_list.currentIndex() == 1
    assert model.rowCount() == 51
    view = window.case_list.table
    view.sortByColumn(Column.RECEIVED, view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    window.case_list.select_reference(model.row_at(0).reference)
    # Those that can succeed only in some states follow the case (tests/ui/test_case_menu_gates).
    gated = list(window.case_menu.gated.values())
    assert all(a.isEnabled() for a in window.case_menu.case_actions if a not in gated)
    assert window.detail._title.full_text().startswith(model.row_at(0).reference)
    assert window.detail._message.toPlainText().strip() != ""


def test_the_days_left_column_counts_from_today(qtbot: QtBot, window: MainWindow) -> None:
    _import_corpus(qtbot, window)
    model: CasePageModel = window.case_list.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).due_date == date(2026, 3, 23))
    assert model.index(row, Column.DAYS_LEFT).data() == "13"
    assert model.index(row, Column.DUE).data() == "2026-03-23"


def test_the_acknowledgement_is_stored_and_saved(
    qtbot: QtBot, window: MainWindow, database: Database, tmp_path: Path
) -> None:
    _import_corpus(qtbot, window)
    model = window.case_list.model
    rows = (model.row_at(i) for i in range(model.rowCount()))
    reference = next(r.reference for r in rows if r.requester_email == "zhang.san@example.com")
    target = tmp_path / "ack.pdf"
    with qtbot.waitSignal(window.letters.generated, timeout=60_000) as signal:
        window.letters.generate(reference, "zh", target)
    stored = signal.args[0]
    assert target.read_bytes().startswith(b"%PDF")
    with database.session() as session:
        letter = session.scalars(select(Letter)).one()
        assert (letter.sha256, letter.version, letter.language) == (stored.sha256, 1, "zh")
        assert letter.pdf == target.read_bytes()


def test_the_case_table_model_is_a_valid_qt_model(
    qtmodeltester: object, qtbot: QtBot, window: MainWindow
) -> None:
    _import_corpus(qtbot, window)
    qtmodeltester.check(window.case_list.model)  # type: ignore[attr-defined]


def test_triage_evidence_reads_as_one_sentence_per_field(qtbot: QtBot) -> None:
    lines = reason_lines(
        [
            ("kind", "subject_keyword", "查阅"),
            ("kind", "statute_citation", "Art. 15 GDPR"),
            ("kind", "subject_keyword", "查阅"),
            ("jurisdiction", "statute_citation", "Art. 15 GDPR"),
        ]
    )
    assert lines == [
        "Kind: “查阅” in the subject; cites “Art. 15 GDPR”",
        "Jurisdiction: cites “Art. 15 GDPR”",
    ]


def test_refreshing_the_window_audits_a_view_once_not_at_every_refresh(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    _import_corpus(qtbot, window)
    reference = window.case_list.model.row_at(0).reference
    window.case_list.select_reference(reference)
    for _ in range(3):
        window.refresh()
    assert window.case_list.selected_reference() == reference
    with database.session() as session:
        views = session.scalars(select(Event).where(Event.action == "case.viewed")).all()
    assert len(views) == 1


def test_a_phone_request_becomes_a_selected_case_with_its_deadline(window: MainWindow) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.models.enums import CaseKind, Channel
    from app.services.manual_intake import ManualRequest

    # Received Tue 2026-03-03 10:00 Beijing: 15 working days (PIPL art. 50 / GB/T 35273-2020
    # §8.7) counted from Wed 03-04, no holiday in between, end on Tue 2026-03-24.
    received = datetime(2026, 3, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    request = ManualRequest(
        channel=Channel.PHONE,
        received_at=received,
        kind=CaseKind.ACCESS,
        requester_name="王芳",
        phone="13800138000",
        summary="电话要求查阅其个人信息",
    )
    reference = window.new_case.record(request)
    assert reference is not None
    assert window.case_list.selected_reference() == reference
    row = window.case_list.model.row_at(0)
    assert row.reference == reference
    assert row.due_date == date(2026, 3, 24)


def test_settings_open_over_the_same_database(window: MainWindow) -> None:
    dialog = open_settings(window)
    assert dialog.isVisible()
    dialog.close()


def test_deferred_tools_are_built_after_the_list_first_paints(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    main = MainWindow(database, rule_book, today=lambda: TODAY, defer_tools=True)
    qtbot.addWidget(main)
    assert not hasattr(main, "dashboard") and main.menuBar().actions() == []
    assert main.statusBar().currentMessage().startswith("0 case(s) in this view")
    assert main.pages.count() == 1  # the list alone until it has painted
    main.refresh()  # a refresh before the tools exist reloads the list only
    main.leave_demo()  # quitting before the first paint: no demo to leave, no error
    main.resize(1000, 700)
    with qtbot.waitSignal(main.tools_ready, timeout=10_000):
        main.show()
    assert main.pages.count() == 2 and main.pages.widget(1) is main.dashboard
    list_width, detail_width = main._splitter.sizes()
    assert abs(list_width / (list_width + detail_width) - 0.6) < 0.05  # 3:2, not squeezed
    menus = [action.text() for action in main.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Case", "&Tools"]
    main.build_tools()  # once only
    assert main.pages.count() == 2


def test_the_file_menu_offers_web_forms_and_a_watched_folder(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    file_menu = window.menuBar().actions()[0].menu()
    texts = [action.text() for action in file_menu.actions()]
    assert "Import a we&b form (CSV, Excel)…" in texts
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(tmp_path))
    watch = next(a for a in file_menu.actions() if a.text() == "W&atch a folder for messages…")
    watch.trigger()
    assert window.watched.folder == tmp_path
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: "")
    watch.trigger()  # cancelled: still watched
    assert window.watched.folder == tmp_path
    stop = next(a for a in file_menu.actions() if a.text() == "Stop watc&hing the folder")
    stop.trigger()
    assert window.watched.folder is None


def test_a_narrow_window_gives_the_list_its_columns_and_the_pane_gives_way(
    qtbot: QtBot, window: MainWindow
) -> None:
    _import_corpus(qtbot, window)
    wanted = window.case_list.wanted_width()
    assert wanted > 0
    # Narrower than the list's columns at 3:2, as at 150 % scaling on a 1440×900 screen.
    splitter_width = int(wanted / 0.65)
    window.resize(splitter_width + window.width() - window._splitter.width(), 600)
    window.show()
    qtbot.waitExposed(window)
    window._share_width()
    qtbot.waitUntil(lambda: window._splitter.sizes()[0] >= wanted)
    list_width, detail_width = window._splitter.sizes()
    assert detail_width >= 0.3 * (list_width + detail_width) - window._splitter.handleWidth()
    table = window.case_list.table
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    em = table.fontMetrics().horizontalAdvance("M")
    assert table.columnWidth(Column.REQUESTER) >= 10 * em - 1


def test_the_dashboard_is_for_today_in_shanghai_on_a_computer_on_another_date(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # The real clocks: the window's local date and the dashboard's. A computer 20 hours behind
    # Shanghai (UTC-12:00) is on another date unless it is 20:00 or later there; one 6 hours
    # ahead (UTC+14:00) is from 18:00 on: one of the two is on another date now.
    shanghai, now = ZoneInfo("Asia/Shanghai"), datetime.now(UTC)
    behind = now.astimezone(ZoneInfo("Etc/GMT+12")).date() != now.astimezone(shanghai).date()
    with computer_zone("Etc/GMT+12" if behind else "Pacific/Kiritimati"):
        main = MainWindow(database, rule_book)
        qtbot.addWidget(main)
        with qtbot.waitSignal(main.dashboard.refreshed, timeout=10_000):
            main.dashboard.refresh()
        shown = main.dashboard.as_of.text()
    assert main.dashboard.figures is not None
    assert main.dashboard.figures.today_date == datetime.now(shanghai).date()
    assert shown.endswith(" · dates in Asia/Shanghai (UTC+08:00)")
