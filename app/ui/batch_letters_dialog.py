"""Case → Letters → Batch letters…: choose a batch (acknowledgements due, extension notices
due, or one template for chosen cases) and a language, see the cases with what blocks any of
them, preview a letter as it will look, then produce the ticked letters in the background with
progress, a stop between letters and an end report."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.reports.letter_pool import batch_renderer
from app.services.deadlines import RuleBook
from app.services.letter_batch import BatchPlan
from app.services.letter_batch import plan_batch as plan_letters
from app.services.letter_batch_run import BatchReport
from app.store import Database
from app.ui.background import BackgroundTask
from app.ui.batch_letters_choice import BatchChoice
from app.ui.batch_letters_model import BatchPlanModel, summary_lines
from app.ui.batch_letters_model import split_references as split_references  # re-exported
from app.ui.batch_letters_preview import LetterImagePreview
from app.ui.batch_letters_work import (
    RendererFactory,
    case_languages,
    generation_work,
    preview_work,
)
from app.ui.messages import error_text, show_error
from app.ui.window_size import initial_window_size


class BatchLettersDialog(QDialog):
    """Plan, preview and produce a batch of letters.

    Signals:
        generated(object): the ``BatchReport`` once a run ends (also when stopped).
    """

    generated = Signal(object)

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        today: Callable[[], date],
        actor: Callable[[], str],
        parent: QWidget | None = None,
        renderers: RendererFactory = batch_renderer,
    ) -> None:
        super().__init__(parent)
        self._database, self._rule_book = database, rule_book
        self._today, self._actor, self._renderers = today, actor, renderers
        self.plan: BatchPlan | None = None
        # Reference → letter language while "each case's language" is chosen, else None.
        self.languages: dict[str, str] | None = None
        self._task: BackgroundTask | None = None
        self._preview_task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Batch letters"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_choice())
        layout.addWidget(self._build_cases(), stretch=1)
        layout.addWidget(self._build_progress())
        layout.addWidget(self._build_buttons())
        # Room for the cases beside a readable letter; at its size hint, at 150 % scaling,
        # the list showed two columns and the letter was a thumbnail.
        self.resize(initial_window_size(self, characters=140, lines=36))
        self._show_plan(None)

    def _build_choice(self) -> BatchChoice:
        self.choice = choice = BatchChoice()
        # Also the dialog's own attributes, as before the choice had a module of its own.
        self.kind_combo, self.template_combo = choice.kind_combo, choice.template_combo
        self.language_combo, self.references_edit = choice.language_combo, choice.references_edit
        choice.cases_changed.connect(lambda: self._show_plan(None))
        choice.language_changed.connect(self._language_changed)
        return choice

    def _build_cases(self) -> QSplitter:
        self.model = BatchPlanModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.preview())
        self.preview_view = LetterImagePreview()
        self.preview_view.show_message(self.tr("Find the cases, then preview a letter."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1, 1])  # relative: the list and the letter share the width
        return splitter

    def _build_progress(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.summary_text = QPlainTextEdit()
        self.summary_text.setReadOnly(True)
        self.summary_text.setVisible(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_text)
        return box

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.find_button = buttons.addButton(self.tr("Find cases"), role)
        self.preview_button = buttons.addButton(self.tr("Preview"), role)
        self.generate_button = buttons.addButton(self.tr("Generate"), role)
        self.stop_button = buttons.addButton(self.tr("Stop"), role)
        self.find_button.clicked.connect(self.plan_batch)
        self.preview_button.clicked.connect(self.preview)
        self.generate_button.clicked.connect(self.generate)
        self.stop_button.clicked.connect(self.stop)
        buttons.rejected.connect(self.reject)
        return buttons

    def _language_changed(self) -> None:
        """The same cases in another language: only the letters change, not who gets one."""
        if self.plan is not None:
            self.plan = replace(self.plan, language=self.choice.plan_language())
            self.languages = self._case_languages(self.plan)
            self.model.set_languages(self.plan.language, self.languages)

    def _case_languages(self, plan: BatchPlan) -> dict[str, str] | None:
        if not self.choice.each_case_language():
            return None
        return case_languages(self._database, plan)

    def plan_batch(self) -> BatchPlan | None:
        """List the cases of the chosen batch (a short read); errors are shown, not raised."""
        try:
            with self._database.session() as session:
                plan = plan_letters(
                    session,
                    self.choice.template_key(),
                    self._today(),
                    language=self.choice.plan_language(),
                    references=self.choice.references(),
                )
            languages = self._case_languages(plan)
        except PrivacyDeskError as error:
            show_error(self, self.tr("Cases not found"), str(error), known=True)
            return None
        self._show_plan(plan)
        self.languages = languages
        self.model.set_languages(plan.language, languages)
        return plan

    def _show_plan(self, plan: BatchPlan | None) -> None:
        self.plan = plan
        self.languages = None
        self.model.set_plan(plan)
        self.table.resizeColumnsToContents()
        self.summary_text.setVisible(False)
        if plan is not None:
            ready = self.model.ready_count()
            text = self.tr("%1 cases, %2 ready. Select one and press Preview.")
            self.preview_view.show_message(
                text.replace("%1", str(len(plan.entries))).replace("%2", str(ready))
            )
        self._set_busy(False)

    def _preview_reference(self) -> str | None:
        row = self.table.currentIndex().row()
        if row >= 0:
            return self.model.entry(row).reference
        ticked = self.model.ticked_references()
        return ticked[0] if ticked else None

    def preview(self) -> BackgroundTask | None:
        """Render the selected (else the first ticked) case's letter off the GUI thread."""
        reference = self._preview_reference()
        if self.plan is None or reference is None or self._preview_task is not None:
            return None
        plan = self.plan
        if self.languages is not None and reference in self.languages:
            plan = replace(plan, language=self.languages[reference])
        work = preview_work(self._database, self._rule_book, plan, reference)
        task = BackgroundTask(work, self)
        task.succeeded.connect(self.preview_view.show_pdf)
        task.failed.connect(self._preview_failed)
        task.finished.connect(self._preview_done)
        self._preview_task = task
        self.preview_view.show_message(self.tr("Rendering the letter…"))
        task.start()
        return task

    def _preview_failed(self, message: str, known: bool) -> None:
        unexpected = self.tr("An unexpected error occurred (%1).").replace("%1", message)
        text = error_text(message) if known else unexpected
        self.preview_view.show_message(text)

    def _preview_done(self) -> None:
        self._preview_task = None

    def generate(self) -> BackgroundTask | None:
        """Produce and store the ticked cases' letters in the background; returns the task."""
        references = self.model.ticked_references()
        if self.plan is None or not references or self._task is not None:
            return None
        work = generation_work(
            self._database,
            self._rule_book,
            self._renderers,
            self._actor(),
            self.plan,
            references,
            self.languages,
        )
        task = BackgroundTask(work, self)
        task.progress.connect(self._show_progress)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        self._task = task
        self.progress.setRange(0, len(references))
        self.progress.setValue(0)
        self._set_busy(True)
        task.start()
        return task

    def stop(self) -> None:
        """Stop the running batch after the current letter (those stored are kept)."""
        if self._task is not None:
            self._task.cancel()
            self.stop_button.setEnabled(False)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, report: BatchReport) -> None:
        self._task = None
        self.summary_text.setPlainText("\n".join(summary_lines(report)))
        self.summary_text.setVisible(True)
        self._set_busy(False)
        self.generated.emit(report)

    def _failed(self, message: str, known: bool) -> None:
        self._task = None
        unexpected = self.tr("An unexpected error occurred (%1).").replace("%1", message)
        text = error_text(message) if known else unexpected
        self.summary_text.setPlainText(text)
        self.summary_text.setVisible(True)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        has_cases = self.plan is not None and self.model.ready_count() > 0
        for widget in (self.kind_combo, self.language_combo, self.find_button):
            widget.setEnabled(not busy)
        self.preview_button.setEnabled(not busy and has_cases)
        self.generate_button.setEnabled(not busy and has_cases)
        self.stop_button.setEnabled(busy)

    def done(self, result: int) -> None:
        """Closing stops a running batch after its current letter (stored letters are kept)."""
        self.stop()
        super().done(result)
