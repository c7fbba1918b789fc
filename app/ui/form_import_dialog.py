"""File → Import web-form export…: preview a CSV/XLSX export (detected encoding, first rows,
per-row problems), map its columns, remember the mapping for that form, and import the rows in
the background with progress, cancel and an end report."""

from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import FormExportError
from app.services.deadlines import RuleBook
from app.services.form_import import import_form_requests
from app.services.importing import ImportOutcome, ImportReport
from app.services.intake import (
    ColumnMapping,
    FormExport,
    propose_mapping,
    read_form_export,
    rows_to_requests,
)
from app.services.intake.form_mapping import FIELDS
from app.store import Database
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.form_mapping_memory import FormMappingMemory
from app.ui.form_preview import FormPreviewModel, fit_columns, problem_text
from app.ui.messages import error_text
from app.ui.window_size import initial_window_size

_FIELD_LABEL = {
    "name": QT_TRANSLATE_NOOP("FormImport", "Name"),
    "email": QT_TRANSLATE_NOOP("FormImport", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("FormImport", "Phone"),
    "account_id": QT_TRANSLATE_NOOP("FormImport", "Account ID"),
    "request_type": QT_TRANSLATE_NOOP("FormImport", "Request type"),
    "details": QT_TRANSLATE_NOOP("FormImport", "Details"),
    "received_at": QT_TRANSLATE_NOOP("FormImport", "Submitted at"),
}


class FormImportDialog(QDialog):
    """Preview, map and import one web-form export.

    Signals:
        imported(object): the ``ImportReport`` once the rows are imported (also when cancelled).
    """

    imported = Signal(object)

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._rule_book = rule_book
        self._memory = FormMappingMemory(settings)
        self._path: Path | None = None
        self._export: FormExport | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Import web-form export"))
        # Wide enough for the preview's columns and the mapping side by side.
        self.resize(initial_window_size(self, characters=140, lines=36))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_file_row())
        layout.addWidget(self._build_mapping())
        layout.addWidget(self._build_preview(), stretch=1)
        layout.addWidget(self._build_progress())
        layout.addWidget(self._build_buttons())
        self._set_busy(False)

    def _build_file_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."))
        self.encoding_label = QLabel()
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        row.addWidget(self.file_label, stretch=1)
        row.addWidget(self.encoding_label)
        row.addWidget(choose)
        return row

    def _build_mapping(self) -> QGroupBox:
        box = QGroupBox(self.tr("Columns"))
        form = QFormLayout(box)
        self.combos: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox()
            combo.currentIndexChanged.connect(self._refresh_problems)
            form.addRow(QCoreApplication.translate("FormImport", str(_FIELD_LABEL[field])), combo)
            self.combos[field] = combo
        return box

    def _build_preview(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView()
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problem_label = QLabel()
        layout.addWidget(self.table)
        layout.addWidget(self.problem_label)
        return box

    def _build_progress(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.report_text = QPlainTextEdit()
        self.report_text.setReadOnly(True)
        self.report_text.setVisible(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.report_text)
        return box

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Stop import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel_import)
        buttons.rejected.connect(self.reject)
        return buttons

    def choose_file(self) -> None:
        """Ask for an export file, then preview it."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a web-form export"),
            "",
            self.tr("Form exports (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> bool:
        """Preview ``path``: encoding, first rows, proposed or remembered mapping, problems.

        Returns:
            False when the file cannot be read as an export (the reason is shown instead).
        """
        self._path, self._export = path, None
        self.file_label.setText(path.name)
        self.report_text.setVisible(False)
        try:
            export = read_form_export(path)
        except FormExportError as error:
            self.encoding_label.setText("")
            self.problem_label.setText(error_text(str(error)))
            self.table.setModel(None)
            self._set_busy(False)
            return False
        self._export = export
        self.encoding_label.setText(self._encoding_text(export))
        self.table.setModel(FormPreviewModel(export, self.table))
        mapping = self._memory.recall(export.headers) or propose_mapping(export.headers)
        self._fill_combos(export.headers, mapping)
        self._set_busy(False)
        return True

    def _encoding_text(self, export: FormExport) -> str:
        if export.encoding is None:
            return self.tr("Excel workbook")
        return self.tr("Encoding: %1").replace("%1", export.encoding)

    def _fill_combos(self, headers: tuple[str, ...], mapping: ColumnMapping) -> None:
        chosen = asdict(mapping)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in this export)"), None)
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(chosen[field]), 0))
            combo.blockSignals(False)
        self._refresh_problems()

    def mapping(self) -> ColumnMapping:
        """Return the mapping the combo boxes show."""
        return ColumnMapping(**{f: combo.currentData() for f, combo in self.combos.items()})

    def _refresh_problems(self) -> None:
        if self._export is None:
            return
        requests = rows_to_requests(self._export, self.mapping())
        with_problems = {r.row_number: r.problems for r in requests if r.problems}
        model = self.table.model()
        if isinstance(model, FormPreviewModel):
            model.set_problems(with_problems)
            fit_columns(self.table)
        self.problem_label.setText(
            self.tr("%1 rows; %2 need a look after import.")
            .replace("%1", str(len(requests)))
            .replace("%2", str(len(with_problems)))
        )

    def start_import(self) -> BackgroundTask | None:
        """Remember the mapping and import every row in the background; returns the task."""
        if self._export is None or self._path is None or self._task is not None:
            return None
        mapping = self.mapping()
        self._memory.remember(self._export.headers, mapping)
        task = BackgroundTask(self._work(self._export, self._path, mapping), self)
        task.progress.connect(self._show_progress)
        task.succeeded.connect(self._finished)
        task.failed.connect(self._failed)
        self._task = task
        self._set_busy(True)
        task.start()
        return task

    def _work(
        self, export: FormExport, path: Path, mapping: ColumnMapping
    ) -> Callable[[ProgressFn, CancelledFn], ImportReport]:
        def work(progress: ProgressFn, cancelled: CancelledFn) -> ImportReport:
            try:
                file_time: datetime | None = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            except OSError:
                file_time = None
            return import_form_requests(
                self._database.session,
                export,
                mapping,
                self._rule_book,
                source_name=path.name,
                file_time=file_time,
                progress=progress,
                should_cancel=cancelled,
            )

        return work

    def cancel_import(self) -> None:
        """Stop the running import after the current row."""
        if self._task is not None:
            self._task.cancel()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finished(self, report: ImportReport) -> None:
        self._task = None
        self._set_busy(False)
        self.report_text.setPlainText(self.summary(report))
        self.report_text.setVisible(True)
        self.imported.emit(report)

    def _failed(self, message: str, known: bool) -> None:
        self._task = None
        self._set_busy(False)
        unexpected = self.tr("An unexpected error occurred (%1).").replace("%1", message)
        text = error_text(message) if known else unexpected
        self.report_text.setPlainText(text)
        self.report_text.setVisible(True)

    def summary(self, report: ImportReport) -> str:
        """Return the end report: counts, then one line per row that needs a look."""
        lines = [
            self.tr("%1 imported, %2 already present, %3 skipped, %4 failed; %5 need review.")
            .replace("%1", str(report.count(ImportOutcome.IMPORTED)))
            .replace("%2", str(report.count(ImportOutcome.DUPLICATE)))
            .replace("%3", str(report.count(ImportOutcome.SKIPPED)))
            .replace("%4", str(report.count(ImportOutcome.FAILED)))
            .replace("%5", str(report.flagged))
        ]
        if report.cancelled:
            lines.append(self.tr("Stopped; the rows before were kept."))
        lines += [f"{r.file_name}: {problem_text(r.problem)}" for r in report.results if r.problem]
        return "\n".join(lines)

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy and self._export is not None)
        self.cancel_button.setEnabled(busy)
        for combo in self.combos.values():
            combo.setEnabled(not busy and self._export is not None)

    def done(self, result: int) -> None:
        """Closing stops a running import after its current row (the rows before are kept)."""
        self.cancel_import()
        super().done(result)
