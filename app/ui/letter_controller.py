"""Case → Acknowledgement letter: generate, store with its SHA-256, and save where the user
chooses — rendering off the GUI thread.

ReportLab (9 MiB at the peak of issue 6's memory benchmark) is imported with the first letter
rendered, not when the window builds its tools: ``render_case_letter`` here imports it.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog

from app.errors import MissingGlyphsError, PrivacyDeskError
from app.files import write_file_atomically
from app.services.letter_fit import LetterFit, case_letter_fits, check_letter_can_go
from app.services.letters import LetterContext, RenderedLetter, StoredLetter, generate_letter
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.case_actions import CaseActionController
from app.ui.messages import error_text, show_error
from app.ui.save_folder import remember, start_path

LETTERS = "letters"  # the save dialog's remembered folder (app.ui.save_folder)


def render_case_letter(template: str, language: str, context: LetterContext) -> RenderedLetter:
    """``app.reports.case_letters.render_case_letter``, importing ReportLab at the first call.

    Args:
        template: the letter's template key, e.g. ``"acknowledgement"``.
        language: ``"zh"``, ``"en"``, ``"zh+en"``, ``"zh-Hant"`` or ``"zh-Hant+en"``.
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

    def fits(self, reference: str, templates: Iterable[str]) -> tuple[LetterFit, ...] | None:
        """Return how each of ``templates`` fits the case ``reference`` today
        (``app.services.letter_fit``, a short read); ``None`` when the case cannot be read."""
        try:
            with self._database.session() as session:
                return case_letter_fits(
                    session, reference, templates, self._rule_book, self._today()
                )
        except PrivacyDeskError:
            return None

    def ask(self, reference: str, template: str, language: str) -> BackgroundTask | None:
        """Ask where to save (starting in the folder last used for a letter, else Documents:
        ``app.ui.save_folder``), then generate the letter ``template`` of ``reference``; a
        letter that does not fit the case says why at once, before the save dialog."""
        if not self._can_go(reference, template):
            return None
        suffix = language.replace("+", "-")
        target, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Save letter"),
            start_path(LETTERS, f"{reference}-{template}-{suffix}.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if not target:
            return None
        task = self.generate(reference, language, Path(target), template)
        # Kept once the letter is written: a folder the write failed in is not offered again.
        task.succeeded.connect(lambda _stored: remember(LETTERS, target))
        return task

    def generate(
        self, reference: str, language: str, target: Path, template: str = "acknowledgement"
    ) -> BackgroundTask:
        """Generate, store and save the letter to ``target`` in the background."""
        glyphs_missing: list[bool] = []  # set by the work, read on the GUI thread once it failed
        work = self._work(reference, template, language, target, glyphs_missing)
        task = BackgroundTask(work, self)
        task.succeeded.connect(self.generated)
        task.failed.connect(lambda message, known: self._failed(message, known, glyphs_missing))
        self._task = task
        task.start()
        return task

    def _work(
        self, reference: str, template: str, language: str, target: Path, glyphs: list[bool]
    ) -> Callable[[ProgressFn, CancelledFn], StoredLetter]:
        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> StoredLetter:
            try:
                return produce()
            except MissingGlyphsError:
                glyphs.append(True)
                raise

        def produce() -> StoredLetter:
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

    def _can_go(self, reference: str, template: str) -> bool:
        try:
            self._read(
                reference,
                lambda case: check_letter_can_go(case, template, self._rule_book, self._today()),
            )
        except PrivacyDeskError as error:
            message = _explained(str(error), isinstance(error, MissingGlyphsError))
            show_error(self._window, self.tr("Letter not produced"), message, known=True)
            return False
        return True

    def _failed(self, message: str, known: bool, glyphs_missing: list[bool] | None = None) -> None:
        if known and glyphs_missing:
            message = _explained(message, True)
        show_error(self._window, self.tr("Letter not produced"), message, known)


def _explained(message: str, glyphs_missing: bool) -> str:
    """Return a known error's ``message`` in the UI language, followed, for characters no
    letter font can print (``glyphs_missing``), by where staff correct a name carrying them."""
    shown = error_text(message)
    if not glyphs_missing:
        return shown
    hint = QCoreApplication.translate(
        "LetterController",
        "Correct the requester's name in Case › Workflow › Requester details… if it carries "
        "characters that are not part of it (e.g. emoji).",
    )
    return f"{shown}\n\n{hint}"
