"""File → Import messages…: choose files or a folder, import them off the GUI thread with a
progress dialog that can cancel, then show what happened."""

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import DiskFullError
from app.services.deadlines import RuleBook
from app.services.import_results import ImportOutcome, ImportReport
from app.store import Database
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.bidi import in_ui_direction, isolate
from app.ui.messages import error_text, show_error, show_message
from app.ui.progress import follow_with_progress


class ImportController(QObject):
    """Runs imports for the main window.

    Signals:
        imported(object): an ``ImportReport`` after each batch (also when cancelled).
    """

    imported = Signal(object)

    def __init__(self, database: Database, rule_book: RuleBook, window: QWidget) -> None:
        super().__init__(window)
        self._database = database
        self._rule_book = rule_book
        self._window = window
        self._task: BackgroundTask | None = None
        # The full disk that stopped the last batch (set by its worker before it finishes).
        self._disk_full: DiskFullError | None = None

    def choose_files(self) -> None:
        """Ask for message files, then import them."""
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import messages"),
            "",
            self.tr("E-mail messages (*.eml);;All files (*)"),
        )
        if files:
            self.start([Path(f) for f in files])

    def choose_folder(self) -> None:
        """Ask for a folder, then import every message below it."""
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Import a folder of messages")
        )
        if folder:
            self.start([Path(folder)])

    def start(self, paths: Sequence[Path]) -> BackgroundTask:
        """Import ``paths`` in the background with a progress dialog; returns the task."""
        work = self._work(list(paths))
        task = BackgroundTask(work, self)
        follow_with_progress(task, self.tr("Importing messages…"), self._window)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        self._task = task
        task.start()
        return task

    def _work(self, paths: list[Path]) -> Callable[[ProgressFn, CancelledFn], ImportReport]:
        # The importer (intake, message parsing: 8 MiB with what they pull in) is imported at
        # the first import, not when the window is built (issue 6).
        from app.services.importing import import_paths
        from app.store.disk_space import DiskFullWatch

        def work(progress: ProgressFn, cancelled: CancelledFn) -> ImportReport:
            # A full disk stops the batch at the file that did not fit: every further file
            # would fail the same way.
            watch = DiskFullWatch(self._database.session)
            report = import_paths(
                watch,
                paths,
                self._rule_book,
                progress=progress,
                should_cancel=lambda: cancelled() or watch.full(),
            )
            self._disk_full = watch.error
            return replace(report, cancelled=report.cancelled and watch.error is None)

        return work

    def _finished(self, report: ImportReport) -> None:
        self.imported.emit(report)
        full, self._disk_full = self._disk_full, None
        if full is None:
            show_message(self._window, self.tr("Import finished"), self.summary(report))
            return
        text = "\n\n".join([error_text(str(full)), self.summary(report, said=str(full))])
        show_error(self._window, self.tr("Import stopped: the disk is full"), text, True)

    def summary(self, report: ImportReport, said: str = "") -> str:
        """Return the one-paragraph summary of ``report`` shown after an import; a file that
        failed for the reason ``said`` (shown above it: the disk is full) says so briefly."""
        text = (
            self.tr("%1 imported, %2 already present, %3 failed; %4 need review.")
            .replace("%1", str(report.count(ImportOutcome.IMPORTED)))
            .replace("%2", str(report.count(ImportOutcome.DUPLICATE)))
            .replace("%3", str(report.count(ImportOutcome.FAILED)))
            .replace("%4", str(report.flagged))
        )
        brief = self.tr("not imported: the disk is full")
        failures = [
            _failure_line(r.file_name, brief if said and r.problem == said else r.problem)
            for r in report.results
            if r.problem
        ]
        if report.cancelled:
            text += "\n" + self.tr("The import was cancelled; the files before it were kept.")
        return "\n".join([text, *failures[:20]])

    def _failed(self, message: str, known: bool) -> None:
        show_error(self._window, self.tr("Import failed"), message, known)


def _failure_line(file_name: str, problem: str) -> str:
    """Return ``name: why`` for a file that failed, in the UI language.

    Args:
        file_name: the file's name. problem: the service's English reason (``FileResult``).

    Returns:
        The line, naming the file once: reasons from a message's parse or size check already
        start with ``name: `` (``app.services.intake.files``, for the CLI's sake), the others
        (unreadable, not a message) do not. The name is isolated and the line led in the
        window's direction: a right-to-left name must not reorder the reason after it.
    """
    if not problem.startswith(f"{file_name}: "):
        return in_ui_direction(f"{isolate(file_name)}: {error_text(problem)}")
    # Translated whole: the catalogue knows these messages with their leading file name.
    shown = error_text(problem)
    if shown.startswith(file_name):
        shown = isolate(file_name) + shown[len(file_name) :]
    return in_ui_direction(shown)
