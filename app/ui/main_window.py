"""The main window: assembles the case list, the detail pane, menus and status bar."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QSplitter, QWidget

from app.clock import local_today
from app.errors import PrivacyDeskError
from app.services.case_queries import case_detail
from app.services.deadlines import RuleBook
from app.services.importing import ImportOutcome, ImportReport
from app.services.letters import StoredLetter
from app.store import Database
from app.ui.case_browser import CaseBrowser
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_menu import CaseMenu
from app.ui.clock_controller import ClockController
from app.ui.current_user import CurrentUser
from app.ui.drop_import import DropImport
from app.ui.form_import_dialog import FormImportDialog
from app.ui.import_controller import ImportController
from app.ui.letter_controller import LetterController
from app.ui.messages import show_error
from app.ui.safety_controls import SafetyControls
from app.ui.team_controls import TeamControls
from app.ui.watched_folder import WatchedFolder, WatchedFolderSettings
from app.ui.workflow_controller import WorkflowController


class MainWindow(QMainWindow):
    """Privacy Desk's main window over an open ``Database``.

    Args:
        database: the unlocked case database.
        rule_book: deadline rules.
        today: returns the local date (for days left and letter dates).
    """

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        today: Callable[[], date] = local_today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._rule_book = rule_book
        self._today = today
        self._viewed = ""  # the case whose view was last audited
        # The title never names a person or a case: it can show in task switchers and shares.
        self.setWindowTitle(self.tr("Privacy Desk"))
        self.user = CurrentUser(self)
        actor = self.user.name
        self.imports = ImportController(database, rule_book, self)
        self.drops = DropImport(self)
        self.watched = WatchedFolder(
            database, rule_book, WatchedFolderSettings(QSettings()), parent=self
        )
        self.letters = LetterController(database, rule_book, today, self, actor)
        self.clock = ClockController(database, rule_book, today, self, actor)
        self.workflow = WorkflowController(database, rule_book, today, self, actor)
        self.case_list = CaseBrowser(database, today, user=self.user.name())
        self.detail = CaseDetailPane()
        self.safety = SafetyControls(self, lambda: self._database, self.replace_database)
        self.team = TeamControls(self, self._switch_database, self.refresh)
        self._build_central()
        self._build_menus()
        self._connect()
        self.team.watch(database)
        self.refresh()

    def _build_central(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&Import messages…"), "Ctrl+I", self.imports.choose_files)
        )
        file_menu.addAction(
            self._action(self.tr("Import a &folder…"), "Ctrl+Shift+I", self.imports.choose_folder)
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("S&witch user…"), None, lambda: self.user.ask_switch(self))
        )
        file_menu.addAction(
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        )
        self.case_menu = CaseMenu(self, self.case_list.selected_reference)
        menu = self.menuBar().addMenu(self.tr("&Case"))
        self.case_menu.build(menu, self.letters, self.workflow, self.clock)
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        tools.addActions(self.safety.actions())
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        )
        self._enable_case_actions(False)

    def _connect(self) -> None:
        self.imports.imported.connect(lambda _report: self.refresh())
        self.drops.messages_dropped.connect(self.imports.start)
        self.drops.forms_dropped.connect(lambda paths: [self.open_form_import(p) for p in paths])
        self.watched.batch_imported.connect(self._watched_batch)
        self.watched.start()
        self.letters.generated.connect(self._letter_generated)
        for controller in (self.clock, self.workflow):
            controller.changed.connect(self._case_changed)
        self.case_list.case_selected.connect(self._show_case)
        self.case_list.import_requested.connect(self.imports.choose_files)
        self.user.changed.connect(self._user_changed)
        self.case_list.counted.connect(lambda _count: self._update_status())

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def open_form_import(self, path: Path | None = None) -> FormImportDialog:
        """Open the web-form import preview (on ``path`` when given, else asking for a file)."""
        dialog = FormImportDialog(self._database, self._rule_book, QSettings(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _report: self.refresh())
        if path is not None:
            dialog.load(path)
        dialog.open()
        if path is None:
            dialog.choose_file()
        return dialog

    def _choose_watched_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to watch for messages"))
        self.watched.watch(Path(folder) if folder else None)

    def _watched_batch(self, report: ImportReport) -> None:
        self.refresh()
        self.statusBar().showMessage(
            self.tr("Watched folder: %1 new cases").replace(
                "%1", str(report.count(ImportOutcome.IMPORTED))
            ),
            10_000,
        )

    def _switch_database(self, database: Database) -> None:
        """Move to another database (e.g. the team server) and close the one in use."""
        old = self._database
        self.replace_database(database)
        old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Stop listening to the team server before the window goes."""
        self.team.stop()
        super().closeEvent(event)

    def replace_database(self, database: Database) -> None:
        """Use ``database`` from now on (the old one was closed, e.g. after a key rotation)."""
        self._database = database
        for holder in (self.imports, self.letters, self.clock, self.workflow, self.watched):
            holder._database = database
        self.case_list.set_database(database)

    def _enable_case_actions(self, enabled: bool) -> None:
        for action in self.case_menu.case_actions:
            action.setEnabled(enabled)

    def _case_changed(self, reference: str) -> None:
        self.refresh()
        self._show_case(reference)

    def refresh(self) -> None:
        """Reload the case list from the database (the status bar follows its count)."""
        self.case_list.refresh()

    def _user_changed(self, name: str) -> None:
        self.case_list.set_user(name)
        self._update_status()

    def _update_status(self) -> None:
        self.statusBar().showMessage(
            self.tr("%1 cases in this view · signed in as %2")
            .replace("%1", str(self.case_list.model.rowCount()))
            .replace("%2", self.user.name())
        )

    def _show_case(self, reference: str) -> None:
        self._enable_case_actions(bool(reference))
        if not reference:
            self.detail.show_detail(None)
            return
        # A refresh re-selects the case on screen: audit the view once, not at every refresh
        # (in team mode each view event notifies the other clients, and this one, again).
        new_view = reference != self._viewed
        try:
            with self._database.session() as session:
                detail = case_detail(
                    session,
                    reference,
                    self._rule_book,
                    today=self._today(),
                    actor=self.user.name(),
                    record_view=new_view,
                )
            self._viewed = reference
            self.detail.show_detail(detail)
        except PrivacyDeskError as error:
            show_error(self, self.tr("Case not shown"), str(error), known=True)

    def _letter_generated(self, letter: StoredLetter) -> None:
        self._show_case(letter.reference)
        self.statusBar().showMessage(
            self.tr("Letter %1 v%2 stored (SHA-256 %3…) and saved.")
            .replace("%1", f"{letter.reference} {letter.template_key} ({letter.language})")
            .replace("%2", str(letter.version))
            .replace("%3", letter.sha256[:12]),
            10_000,
        )
