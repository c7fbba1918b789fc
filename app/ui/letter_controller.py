"""Case → Acknowledgement letter: generate, store with its SHA-256, and save where the user
chooses — rendering off the GUI thread."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.files import write_file_atomically
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook
from app.services.letters import StoredLetter, generate_letter
from app.store import Database
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.messages import show_error


class LetterController(QObject):
    """Generates letters for the main window.

    Signals:
        generated(object): the ``StoredLetter`` after it is stored and saved.
    """

    generated = Signal(object)

    def __init__(
        self, database: Database, rule_book: RuleBook, today: Callable[[], date], window: QWidget
    ) -> None:
        super().__init__(window)
        self._database = database
        self._rule_book = rule_book
        self._today = today
        self._window = window
        self._task: BackgroundTask | None = None

    def acknowledge(self, reference: str, language: str) -> BackgroundTask | None:
        """Ask where to save, then generate the acknowledgement of ``reference`` in ``language``."""
        target, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save acknowledgement letter"),
            f"{reference}-acknowledgement-{language}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        return self.generate(reference, language, Path(target)) if target else None

    def generate(self, reference: str, language: str, target: Path) -> BackgroundTask:
        """Generate, store and save the letter to ``target`` in the background."""
        task = BackgroundTask(self._work(reference, language, target), self)
        task.succeeded.connect(self.generated)
        task.failed.connect(self._failed)
        self._task = task
        task.start()
        return task

    def _work(
        self, reference: str, language: str, target: Path
    ) -> Callable[[ProgressFn, CancelledFn], StoredLetter]:
        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> StoredLetter:
            with self._database.session() as session:
                stored = generate_letter(
                    session,
                    reference,
                    "acknowledgement",
                    language,
                    renderer=render_case_letter,
                    rule_book=self._rule_book,
                    issued_date=self._today(),
                )
                # Inside the transaction: a letter that could not be saved is not recorded.
                write_file_atomically(target, stored.pdf)
            return stored

        return work

    def _failed(self, message: str, known: bool) -> None:
        show_error(self._window, self.tr("Letter not produced"), message, known)
