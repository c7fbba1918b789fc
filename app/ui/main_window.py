"""The main window: the case list first; the detail pane, dashboard, menus and controllers
once the list has painted (built by app/ui/window_tools.py, connected by
app/ui/window_wiring.py)."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import company_today
from app.errors import PrivacyDeskError
from app.ui.case_browser import CaseBrowser
from app.ui.current_user import CurrentUser
from app.ui.database_holder import DatabaseHolder
from app.ui.demo_banner import DemoBanner
from app.ui.first_paint import AfterFirstPaint
from app.ui.memory_probe import watch_memory
from app.ui.messages import error_text, show_error
from app.ui.window_split import share_width

if TYPE_CHECKING:
    from app.services.deadlines import RuleBook
    from app.store import Database
    from app.store.first_look import FirstLook
    from app.ui.batch_letters_dialog import BatchLettersDialog
    from app.ui.case_detail_controller import CaseDetailController
    from app.ui.case_detail_pane import CaseDetailPane
    from app.ui.case_detail_undo import UndoableWorkflowController, UndoHistory
    from app.ui.case_menu import CaseMenu
    from app.ui.clock_controller import ClockController
    from app.ui.dashboard_page import DashboardPage
    from app.ui.demo_controller import DemoController, DemoGenerator
    from app.ui.drop_import import DropImport
    from app.ui.import_controller import ImportController
    from app.ui.letter_controller import LetterController
    from app.ui.new_case_controller import NewCaseController
    from app.ui.safety_controls import SafetyControls
    from app.ui.team_controls import TeamControls
    from app.ui.watched_folder import WatchedFolder


class MainWindow(QMainWindow):
    """Privacy Desk's main window over an open ``Database``.

    Args:
        database: the unlocked case database, or a first look at it (the list paints from
            that; the database is built when first needed, see ``DatabaseHolder``).
        rule_book: deadline rules, or a function loading them (called when the tools are built,
            after the first paint; a rule set that fails to load is reported then and the app
            exits with status 2).
        today: returns today in the controller's zone (``app.clock.company_today``: days left
            and letter dates).
        demo_path, demo_generator: the demo file and what fills it (``DemoController``;
            ``None``: beside the real database, ``generate_demo_data``).

    Signals:
        language_chosen(str): the user chose another UI language (``zh_CN`` or ``en``); the
            application rebuilds the window in it.
    """

    language_chosen = Signal(str)
    tools_ready = Signal()

    # Built by app/ui/window_tools.py (at once, or after the first paint with defer_tools).
    imports: "ImportController"
    drops: "DropImport"
    watched: "WatchedFolder"
    letters: "LetterController"
    clock: "ClockController"
    undo: "UndoHistory"
    workflow: "UndoableWorkflowController"
    detail_actions: "CaseDetailController"
    new_case: "NewCaseController"
    detail: "CaseDetailPane"
    dashboard: "DashboardPage"
    safety: "SafetyControls"
    team: "TeamControls"
    demo: "DemoController"
    case_menu: "CaseMenu"

    def __init__(
        self,
        database: "Database | FirstLook",
        rule_book: "RuleBook | Callable[[], RuleBook]",
        today: Callable[[], date] = company_today,
        parent: QWidget | None = None,
        *,
        defer_tools: bool = False,
        demo_path: Path | None = None,
        demo_generator: "DemoGenerator | None" = None,
    ) -> None:
        super().__init__(parent)
        self._holder = DatabaseHolder(database)
        self.demo_path, self.demo_generator = demo_path, demo_generator
        self._rules = rule_book
        self.today = today
        self._viewed = ""  # the case whose view was last audited
        self._tools_built = False
        self.batch_letters: BatchLettersDialog | None = None
        # The title never names a person or a case: it can show in task switchers and shares.
        self.setWindowTitle(self.tr("Privacy Desk"))
        self.user = CurrentUser(self, spell=self._holder.staff_spelling)
        self.case_list = CaseBrowser(
            None, today, user=self.user.name(), source=self._holder.list_source()
        )
        self.demo_banner = DemoBanner()
        self.demo_banner.hide()
        self._build_central()
        # Only with $PRIVACY_DESK_MEMORY_PROBE set (make bench): list, dashboard, searches, peak.
        watch_memory(self.case_list, self.pages, lambda: getattr(self, "dashboard", None))
        self.case_list.counted.connect(lambda _count: self._update_status())
        self.user.changed.connect(self._user_changed)
        self._update_status()  # the list counted its cases while it was built
        if defer_tools:
            # The list's rows, or the empty state's panel on a first start: whichever is shown.
            pages = (self.case_list.table.viewport(), self.case_list.empty_state)
            AfterFirstPaint(pages, self.build_tools)
        else:
            self.build_tools()

    def build_tools(self) -> None:
        """Build the detail pane, dashboard, menus and controllers (once; later calls do
        nothing), then emit ``tools_ready``."""
        if self._tools_built:
            return
        try:
            rules = self.rule_book
        except PrivacyDeskError as error:
            QMessageBox.critical(self, self.tr("Privacy Desk"), error_text(str(error)))
            QCoreApplication.exit(2)
            return
        # Imported here, not at the top: about a second of imports the first paint does not need.
        from app.ui.window_tools import install_tools
        from app.ui.window_wiring import connect_tools

        install_tools(self, self.database, rules, self.today)
        self._tools_built = True
        self._splitter.addWidget(self.detail)
        self._splitter.setStretchFactor(1, 2)
        self._share_width()
        self.pages.addTab(self.dashboard, self.tr("Dashboard"))
        self._enable_case_actions(False)
        connect_tools(self)
        self.team.watch(self.database)
        self.dashboard.data_changed()
        self.show_case(self.case_list.selected_reference())
        self.tools_ready.emit()

    def _share_width(self) -> None:
        """Share the splitter's width between list and detail pane (``share_width``)."""
        share_width(self._splitter, self.case_list)

    def _build_central(self) -> None:
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.addWidget(self.case_list)
        self._splitter.setStretchFactor(0, 3)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._splitter, self.tr("Cases"))
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.demo_banner)
        box.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        """Return a window-wide action running ``slot`` (with ``shortcut`` when given)."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    @property
    def rule_book(self) -> "RuleBook":
        """The deadline rules, loaded now if the window was given a loader.

        Raises:
            RuleSetError: a rule file does not load (names the file, line and field).
        """
        if callable(self._rules):
            self._rules = self._rules()
        return self._rules

    @property
    def database(self) -> "Database":
        """The database the window shows now (the demo's while in the demo); built now if
        the window started on a first look at it."""
        return self._holder.get()

    def close_database(self) -> None:
        """Close the database in use (or only the first look, when nothing needed more)."""
        self._holder.close()

    def leave_demo(self) -> None:
        """Close the demo database and return to the real one, if the window shows the demo
        (nothing to do before the tools are built: the demo cannot have been entered)."""
        if self._tools_built and self.demo.active:
            self.demo.leave()

    def try_demo(self) -> None:
        """Open (generating it the first time) the demo database beside the real one."""
        self.demo.start(self.database)

    def switch_database(self, database: "Database") -> None:
        """Move to another database (e.g. the team server) and close the one in use."""
        old = self.database
        self.replace_database(database)
        old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Stop listening to the team server, and stop making the demo, before the window
        goes (QA18 F12)."""
        if self._tools_built:
            self.team.stop()
            self.demo.stop()
        super().closeEvent(event)

    def replace_database(self, database: "Database") -> None:
        """Use ``database`` from now on (the old one was closed, e.g. after a key rotation); the
        signed-in name is taken as its staff list spells it."""
        self._holder.set(database)
        holders = (self.imports, self.letters, self.clock, self.workflow, self.watched)
        for holder in (*holders, self.detail_actions, self.new_case):
            holder._database = database
        self.undo.clear()
        self.case_list.set_database(database)
        self.dashboard.set_database(database)
        self.batch_letters = None
        self.user.respell()

    def _enable_case_actions(self, enabled: bool) -> None:
        for action in self.case_menu.case_actions:
            action.setEnabled(enabled)

    def case_changed(self, reference: str) -> None:
        """A controller changed the case ``reference``: reload, and show it again."""
        self.refresh()
        self.show_case(reference)

    def refresh(self) -> None:
        """Reload the case list and the dashboard (the status bar follows the list's count)."""
        self.case_list.refresh()
        if self._tools_built:
            self.dashboard.data_changed()

    def _user_changed(self, name: str) -> None:
        self.case_list.set_user(name)
        self._update_status()

    def _update_status(self) -> None:
        self.statusBar().showMessage(
            self.tr(
                "%n case(s) in this view · signed in as %1", "", self.case_list.model.rowCount()
            ).replace("%1", self.user.name())
        )

    def show_case(self, reference: str) -> None:
        """Show the case ``reference`` in the detail pane (none for ''), audited as viewed
        the first time it is shown in a row; an error is shown, not raised."""
        self._enable_case_actions(bool(reference))
        if not reference:
            self.detail.show_detail(None)
            return
        # A refresh re-selects the case on screen: audit the view once, not at every refresh
        # (in team mode each view event notifies the other clients, and this one, again).
        new_view = reference != self._viewed
        try:
            from app.services.case_queries import case_detail  # built with the tools

            with self.database.session() as session:
                detail = case_detail(
                    session,
                    reference,
                    self.rule_book,
                    today=self.today(),
                    actor=self.user.name(),
                    record_view=new_view,
                )
            self._viewed = reference
            self.detail.show_detail(detail)
        except PrivacyDeskError as error:
            show_error(self, self.tr("Case not shown"), str(error), known=True)
