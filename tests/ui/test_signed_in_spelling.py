"""The window takes the signed-in user (the stored name, the OS login, a user switch) as the
staff list spells it, once, where the user is signed in: "LI.WEI" acts as the member "li.wei"
in every audit event and every four-eyes, note and permission check made from the window."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Event
from app.models.enums import StaffRole
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_staff import add_staff
from app.store import Database, MemorySecretStore
from app.store.first_look import first_look
from app.ui.current_user import SETTINGS_KEY
from app.ui.main_window import MainWindow
from app.ui.window_dialogs import open_settings
from tests.services.test_staff_handlers import MANAGER, _new_case, _team

TODAY = date(2026, 11, 10)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _viewers(database: Database) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(Event.actor).where(Event.action == "case.viewed")))


def test_the_stored_name_is_taken_as_the_staff_spells_it_and_so_audited(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        _team(session)  # zhao.lei, li.wei, wang.fang
        _new_case(session, "li.wei")
    QSettings().setValue(SETTINGS_KEY, "LI.WEI")
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.user.name() == "li.wei"
    assert window.statusBar().currentMessage().endswith("signed in as li.wei")
    window.show_case("PD-2026-000001")
    assert _viewers(database) == ["li.wei"]
    with qtbot.waitSignal(window.user.changed) as switched:
        window.user.switch(" WANG.FANG ")
    assert switched.args == ["wang.fang"]
    assert QSettings().value(SETTINGS_KEY) == "wang.fang"
    window.user.switch("Wang.Fang")  # the same person: no change, no signal
    assert window.user.name() == "wang.fang"
    window.user.switch("Someone.New")  # not on the list: as given
    assert window.user.name() == "Someone.New"


def test_a_member_added_in_the_settings_is_acted_as_once_they_close(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        add_staff(session, MANAGER, "赵磊", StaffRole.MANAGER, actor=MANAGER)
    QSettings().setValue(SETTINGS_KEY, "Wang.Fang")  # not a member yet
    window = MainWindow(database, rule_book, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.user.name() == "Wang.Fang"
    dialog = open_settings(window)
    with database.session() as session:  # as the staff page's "Add" does
        add_staff(session, "wang.fang", "王芳", StaffRole.HANDLER, actor=MANAGER)
    dialog.reject()
    assert window.user.name() == "wang.fang"


def test_the_first_look_spells_the_name_before_the_database_is_built(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, rule_book: RuleBook
) -> None:
    with database.session() as session:
        _team(session)
    database.close()
    look = first_look(database.path, secrets, None)
    assert look is not None
    QSettings().setValue(SETTINGS_KEY, "Li.Wei")
    window = MainWindow(look, rule_book, today=lambda: TODAY, defer_tools=True)
    qtbot.addWidget(window)
    assert window._holder.looking  # read on the first look's connection
    assert window.user.name() == "li.wei"
    window.user.switch("ZHAO.LEI")
    assert window.user.name() == "zhao.lei"
    window.close_database()
