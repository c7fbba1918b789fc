"""Everything in the main window beyond the case list: built once the list has painted.

The case list is what a user looks at first; the controllers, the detail pane, the dashboard
(QtCharts), the letter tools and the menus cost about a second of imports at 1,000,000 cases,
so ``MainWindow`` builds them here, after its first paint (issue 6: "import what the first
paint does not need after it"). Nothing here is imported before then. ReportLab waits for the
first letter or report (``letter_controller.render_case_letter``); once everything here is
imported, the module sources PySide6 kept are dropped (``app.ui.memory_care``).
"""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from app.services.deadlines import RuleBook
from app.store import Database, system_secret_store
from app.ui.case_detail_controller import CaseDetailController
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_detail_undo import UndoableWorkflowController, UndoHistory
from app.ui.clock_controller import ClockController
from app.ui.dashboard_page import DashboardPage
from app.ui.demo_controller import DemoController
from app.ui.drop_import import DropImport
from app.ui.import_controller import ImportController
from app.ui.letter_controller import LetterController, render_case_letter
from app.ui.main_menus import build_menus
from app.ui.memory_care import forget_module_sources
from app.ui.new_case_controller import NewCaseController
from app.ui.safety_controls import SafetyControls
from app.ui.team_controls import TeamControls
from app.ui.watched_folder import WatchedFolder, WatchedFolderSettings

if TYPE_CHECKING:
    from app.reports.letterhead import Letterhead
    from app.ui.main_window import MainWindow


def install_tools(
    window: "MainWindow", database: Database, rule_book: RuleBook, today: Callable[[], date]
) -> None:
    """Give ``window`` its controllers, detail pane, dashboard page and demo controller.

    Args:
        window: the main window whose case list is built; it places and wires what this makes.
        database: the database the window shows.
        rule_book: deadline rules.
        today: returns the local date.
    """
    actor = window.user.name
    window.imports = ImportController(database, rule_book, window)
    window.drops = DropImport(window)
    window.watched = WatchedFolder(
        database, rule_book, WatchedFolderSettings(QSettings()), parent=window
    )
    window.letters = LetterController(database, rule_book, today, window, actor)
    window.clock = ClockController(database, rule_book, today, window, actor)
    window.undo = UndoHistory(window)
    window.workflow = UndoableWorkflowController(
        database, rule_book, today, window, actor, history=window.undo
    )
    window.detail_actions = CaseDetailController(
        database, rule_book, today, window, actor, history=window.undo
    )
    window.new_case = NewCaseController(database, rule_book, today, window, actor)
    window.detail = CaseDetailPane(today=today)
    # Its own clock: its figures are for the date where the deadlines run, not this computer's.
    window.dashboard = DashboardPage(database, letterhead=lambda: _letterhead(window))
    window.safety = SafetyControls(window, lambda: window.database, window.replace_database)
    window.team = TeamControls(window, window.switch_database, window.refresh)
    window.demo = DemoController(
        window,
        rule_book,
        render_case_letter,  # imports ReportLab (9 MiB) at the demo's first letter
        # None: beside the real database; worked out (importing the demo's services) at start
        window.demo_path,
        system_secret_store(),
        today,
        actor,
        window.demo_generator,
    )
    window.case_menu = build_menus(window)
    # Everything the window needs is imported: the module sources PySide6 kept go, and later
    # imports keep none (benchmarks/memory.py at a million cases: peak 235 -> 228 MiB).
    forget_module_sources()


def _letterhead(window: "MainWindow") -> "Letterhead":
    """The letterhead kept in the settings of the database ``window`` shows (for the
    dashboard report)."""
    from app.reports.settings_letterhead import letterhead_for  # with the report, not before
    from app.services.settings_letterhead import stored_letterhead

    with window.database.session() as session:
        return letterhead_for(stored_letterhead(session))
