"""Case → Acknowledgement letter: generate, store with its SHA-256, and save where the user
chooses — rendering off the GUI thread.

ReportLab (9 MiB at the peak of issue 6's memory benchmark) is imported with the first letter
rendered, not when the window builds its tools: ``render_case_letter`` here imports it.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog

from app.files import write_file_atomically
from app.services.letters import LetterContext, RenderedLetter, StoredLetter, generate_letter
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.case_actions import CaseActionController
from app.ui.messages import show_error


def render_case_letter(template: str, language: str, context: LetterContext) -> RenderedLetter:
    """``app.reports.case_letters.render_case_letter``, importing ReportLab at the first call.

    Args:
        template: the letter's template key, e.g. ``"acknowledgement"``.
        language: ``"zh"``, ``"en"`` or ``"zh+en"``.
        context: the case's facts for the letter.

    Returns:
        The rendered letter (PDF bytes and its wording version).

    Raises:
        LetterError, TemplateError: as ``app.reports.case_letters.render_case_letter``.
    """
    from app.reports.case_letters import render_case_letter as render

    return render(template, language, context)


class LetterController(CaseActionController):
    """Generates letters for the main window, off the GUI thread.

    Signals:
        generated(object): the ``StoredLetter`` after it is stored and saved.
    """

    generated = Signal(object)
    _task: BackgroundTask | None = None

    def ask(self, reference: str, template: str, language: str) -> BackgroundTask | None:
        """Ask where to save, then generate the letter ``template`` of ``reference``."""
        suffix = language.replace("+", "-")
        target, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save letter"),
            f"{reference}-{template}-{suffix}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        return self.generate(reference, language, Path(target), template) if target else None

    def generate(
        self, reference: str, language: str, target: Path, template: str = "acknowledgement"
    ) -> BackgroundTask:
        """Generate, store and save the letter to ``target`` in the background."""
        task = BackgroundTask(self._work(reference, template, language, target), self)
        task.succeeded.connect(self.generated)
        task.failed.connect(self._failed)
        self._task = task
        task.start()
        return task

    def _work(
        self, reference: str, template: str, language: str, target: Path
    ) -> Callable[[ProgressFn, CancelledFn], StoredLetter]:
        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> StoredLetter:
            with self._database.session() as session:
                stored = generate_letter(
                    session,
                    reference,
                    template,
                    language,
                    renderer=render_case_letter,
                    rule_book=self._rule_book,
                    issued_date=self._today(),
                    actor=self._actor(),
                )
                # Inside the transaction: a letter that could not be saved is not recorded.
                write_file_atomically(target, stored.pdf)
            return stored

        return work

    def _failed(self, message: str, known: bool) -> None:
        show_error(self._window, self.tr("Letter not produced"), message, known)
