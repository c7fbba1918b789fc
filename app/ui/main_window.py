"""The main window: assembles the case list, the detail pane, menus and status bar."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from app.clock import local_today
from app.errors import PrivacyDeskError
from app.services.case_queries import case_detail, list_cases
from app.services.deadlines import RuleBook
from app.services.letters import StoredLetter
from app.store import Database
from app.ui.case_detail_pane import CaseDetailPane
from app.ui.case_list_view import CaseListView
from app.ui.clock_controller import ClockController
from app.ui.import_controller import ImportController
from app.ui.letter_controller import LetterController
from app.ui.messages import show_error


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
        # The title never names a person or a case: it can show in task switchers and shares.
        self.setWindowTitle(self.tr("Privacy Desk"))
        self.imports = ImportController(database, rule_book, self)
        self.letters = LetterController(database, rule_book, today, self)
        self.clock = ClockController(database, rule_book, today, self)
        self.case_list = CaseListView(today)
        self.detail = CaseDetailPane()
        self._build_central()
        self._build_menus()
        self.imports.imported.connect(lambda _report: self.refresh())
        self.letters.generated.connect(self._letter_generated)
        self.clock.changed.connect(self._clock_changed)
        self.case_list.case_selected.connect(self._show_case)
        self.case_list.import_requested.connect(self.imports.choose_files)
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
            self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        )
        case_menu = self.menuBar().addMenu(self.tr("&Case"))
        self.acknowledge_zh = self._action(
            self.tr("Acknowledgement letter (&Chinese)…"), "Ctrl+L", lambda: self._acknowledge("zh")
        )
        self.acknowledge_en = self._action(
            self.tr("Acknowledgement letter (&English)…"),
            "Ctrl+Shift+L",
            lambda: self._acknowledge("en"),
        )
        case_menu.addActions([self.acknowledge_zh, self.acknowledge_en])
        case_menu.addSeparator()
        self.pause_action = self._action(
            self.tr("&Stop the clock…"), "Ctrl+P", lambda: self._on_selected(self.clock.ask_pause)
        )
        self.resume_action = self._action(
            self.tr("Res&tart the clock…"),
            "Ctrl+Shift+P",
            lambda: self._on_selected(self.clock.ask_resume),
        )
        self.extend_action = self._action(
            self.tr("E&xtend the deadline…"),
            "Ctrl+E",
            lambda: self._on_selected(self.clock.ask_extension),
        )
        case_menu.addActions([self.pause_action, self.resume_action, self.extend_action])
        case_menu.addSeparator()
        case_menu.addAction(
            self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh, self.refresh)
        )
        self._enable_case_actions(False)

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _enable_case_actions(self, enabled: bool) -> None:
        for action in (
            self.acknowledge_zh,
            self.acknowledge_en,
            self.pause_action,
            self.resume_action,
            self.extend_action,
        ):
            action.setEnabled(enabled)

    def _on_selected(self, act: Callable[[str], None]) -> None:
        reference = self.case_list.selected_reference()
        if reference:
            act(reference)

    def _clock_changed(self, reference: str) -> None:
        self.refresh()
        self._show_case(reference)

    def refresh(self) -> None:
        """Reload the case list from the database and update the status bar."""
        with self._database.session() as session:
            rows = list_cases(session)
        self.case_list.set_rows(rows)
        review = sum(1 for row in rows if row.review_flags)
        self.statusBar().showMessage(
            self.tr("%1 cases · %2 need review")
            .replace("%1", str(len(rows)))
            .replace("%2", str(review))
        )

    def _show_case(self, reference: str) -> None:
        self._enable_case_actions(bool(reference))
        if not reference:
            self.detail.show_detail(None)
            return
        try:
            with self._database.session() as session:
                detail = case_detail(session, reference, self._rule_book, today=self._today())
            self.detail.show_detail(detail)
        except PrivacyDeskError as error:
            show_error(self, self.tr("Case not shown"), str(error), known=True)

    def _acknowledge(self, language: str) -> None:
        reference = self.case_list.selected_reference()
        if reference:
            self.letters.acknowledge(reference, language)

    def _letter_generated(self, letter: StoredLetter) -> None:
        self._show_case(letter.reference)
        self.statusBar().showMessage(
            self.tr("Letter %1 v%2 stored (SHA-256 %3…) and saved.")
            .replace("%1", f"{letter.reference} {letter.template_key} ({letter.language})")
            .replace("%2", str(letter.version))
            .replace("%3", letter.sha256[:12]),
            10_000,
        )
