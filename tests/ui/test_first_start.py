"""First start: the empty state's two buttons, the demo banner, and the demo controller making
a real demo database beside the real one and coming back to the real one."""

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.clock import company_today
from app.models import Case
from app.models.enums import CaseStatus
from app.reports.case_letters import render_case_letter
from app.services.deadlines import load_rule_book
from app.services.demo_data import DEMO_FILE_NAME, demo_database_path, is_demo
from app.services.demo_scenarios import SCENARIOS
from app.store import Database, MemorySecretStore
from app.ui.demo_banner import DemoBanner, demo_window_title
from app.ui.demo_controller import DemoController
from app.ui.first_start import FirstStartPanel

GENERATION_TIMEOUT_MS = 120_000


def test_the_empty_state_offers_import_and_the_demo(qtbot: QtBot) -> None:
    panel = FirstStartPanel()
    qtbot.addWidget(panel)
    assert panel.demo_button.text() == "Try it with demo data"
    with qtbot.waitSignal(panel.import_requested):
        panel.import_button.click()
    with qtbot.waitSignal(panel.demo_requested):
        panel.demo_button.click()


def test_the_banner_says_demo_and_leads_back(qtbot: QtBot) -> None:
    banner = DemoBanner()
    qtbot.addWidget(banner)
    assert banner.label.text() == "Demo data — not real requests"
    assert banner.autoFillBackground()
    assert demo_window_title() == "Privacy Desk — DEMO"
    with qtbot.waitSignal(banner.leave_requested):
        banner.leave_button.click()


def test_the_demo_is_made_beside_the_real_database_and_left_again(
    qtbot: QtBot, database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    demo_path = demo_database_path(database_path)
    controller = DemoController(
        window, load_rule_book(), render_case_letter, demo_path, secrets, company_today
    )
    with qtbot.waitSignal(controller.entered, timeout=GENERATION_TIMEOUT_MS) as entered:
        assert controller.start(database) is not None
    demo = entered.args[0]
    assert isinstance(demo, Database) and demo.path.name == DEMO_FILE_NAME
    assert controller.active and controller.start(database) is None  # one demo at a time
    with demo.session() as session:
        assert is_demo(session)
        statuses = set(session.scalars(select(Case.status).distinct()))
        assert statuses == set(CaseStatus)
        assert session.scalar(select(func.count(Case.id))) == len(SCENARIOS)
    with database.session() as session:
        assert not is_demo(session)
        assert session.scalar(select(func.count(Case.id))) == 0
    with qtbot.waitSignal(controller.left) as left:
        assert controller.leave() is database
    assert left.args == [database] and not controller.active
    assert controller.leave() is None


def test_a_second_visit_opens_the_demo_made_before(
    qtbot: QtBot, database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    controller = DemoController(
        window,
        load_rule_book(),
        render_case_letter,
        demo_database_path(database_path),
        secrets,
        company_today,
    )
    for _visit in range(2):
        with qtbot.waitSignal(controller.entered, timeout=GENERATION_TIMEOUT_MS) as entered:
            controller.start(database)
        with entered.args[0].session() as session:
            assert session.scalar(select(func.count(Case.id))) == len(SCENARIOS)
        controller.leave()
