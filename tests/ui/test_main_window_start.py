"""The window started on a first look: the list paints from the plain connection, the
database is built with the tools, and nothing is read twice or lost on the way."""

import pytest
from pytestqt.qtbot import QtBot

from app.services.case_list_start import StartCaseSource
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database, MemorySecretStore
from app.store.first_look import first_look
from app.ui.main_window import MainWindow
from tests.services.test_case_list_start import START_ORDER
from tests.services.test_case_search import TODAY, _add_cases


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _shown(window: MainWindow, rows: int) -> tuple[str, ...]:
    found = (window.case_list.model.row_at(n) for n in range(rows))
    return tuple(row.reference for row in found if row is not None)


def test_the_list_paints_from_the_first_look_then_the_tools_build_the_database(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, rule_book: RuleBook
) -> None:
    with database.session() as session:
        _add_cases(session)
    database.close()
    look = first_look(database.path, secrets, None)
    assert look is not None
    window = MainWindow(look, rule_book, today=lambda: TODAY, defer_tools=True)
    qtbot.addWidget(window)
    source = window.case_list.model._source
    assert isinstance(source, StartCaseSource)
    assert window._holder.looking  # no database built for the first paint
    assert window.case_list.model.rowCount() == len(START_ORDER) == 13
    assert _shown(window, 13) == START_ORDER
    assert window.statusBar().currentMessage().startswith("13 case(s) in this view")
    with qtbot.waitSignal(window.tools_ready, timeout=20_000):
        window.show()
    assert not window._holder.looking and window.database.path == database.path
    assert _shown(window, 13) == START_ORDER  # the same rows through the database
    window.case_list.search_box.setText("张三")
    window.case_list.search_now()
    assert window.case_list.model.rowCount() == 4  # a search: read through SQLAlchemy
    window.close_database()
    again = first_look(database.path, secrets, None)  # closed: the lock is free again
    assert again is not None
    again.close()


def test_a_window_closed_before_its_tools_closes_only_the_look(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, rule_book: RuleBook
) -> None:
    database.close()
    look = first_look(database.path, secrets, None)
    assert look is not None
    window = MainWindow(look, rule_book, today=lambda: TODAY, defer_tools=True)
    qtbot.addWidget(window)
    assert window.case_list.currentIndex() == 0  # the empty state: no case yet
    window.leave_demo()
    window.close_database()
    assert window._holder.looking  # nothing was built to be closed
    again = first_look(database.path, secrets, None)
    assert again is not None
    again.close()
