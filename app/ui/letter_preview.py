"""The case's letters: a table of every stored version and an in-app preview of the selected
one's PDF, read from memory (a ``QBuffer`` over the stored bytes): a letter full of personal
data is never written to a temporary file to be shown (DESIGN.md §6).

Qt PDF (its libraries are 2 MiB of resident memory) is loaded with the first letter shown,
not with the detail pane, which the window builds at every start (issue 6: peak memory).
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.case_queries import LetterRow
from app.ui.case_detail_models import FrozenRowModel, TableColumn, local_time
from app.ui.labels import letter_template_label

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView


def _sent(row: LetterRow) -> str:
    if row.sent_at is None:
        return "—"
    return f"{row.sent_channel or ''} {local_time(row.sent_at)}".strip()


def _language(code: str) -> str:
    names = {
        "zh": QCoreApplication.translate("Letters", "Chinese"),
        "en": QCoreApplication.translate("Letters", "English"),
        "zh+en": QCoreApplication.translate("Letters", "Bilingual"),
        "zh-Hant": QCoreApplication.translate("Letters", "Traditional Chinese"),
        "zh-Hant+en": QCoreApplication.translate("Letters", "Bilingual (Traditional Chinese)"),
    }
    return names.get(code, code)


def _approved(row: LetterRow) -> str:
    return f"{row.approved_by} {local_time(row.approved_at)}" if row.approved_by else "—"


LETTER_COLUMNS: tuple[TableColumn[LetterRow], ...] = (
    TableColumn(
        QT_TRANSLATE_NOOP("Letters", "Template"),
        lambda r: letter_template_label(r.template_key),
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("Letters", "Version"), lambda r: str(r.version), lambda r: r.version
    ),
    TableColumn(QT_TRANSLATE_NOOP("Letters", "Language"), lambda r: _language(r.language)),
    TableColumn(
        QT_TRANSLATE_NOOP("Letters", "Generated"),
        lambda r: f"{local_time(r.generated_at)} · {r.generated_by}".rstrip(" ·"),
        lambda r: r.generated_at.timestamp(),
    ),
    TableColumn(QT_TRANSLATE_NOOP("Letters", "Approved by"), _approved),
    TableColumn(
        QT_TRANSLATE_NOOP("Letters", "Sent"),
        _sent,
        lambda r: r.sent_at.timestamp() if r.sent_at else 0.0,
    ),
    TableColumn(QT_TRANSLATE_NOOP("Letters", "SHA-256"), lambda r: r.sha256),
)


def letter_model(parent: QObject | None = None) -> FrozenRowModel[LetterRow]:
    """Return the letters model: template, version, language, who generated and approved it,
    how and when it was sent, and the SHA-256 of the exact PDF."""
    return FrozenRowModel(LETTER_COLUMNS, "Letters", parent)


class LetterPreview(QWidget):
    """Shows one PDF held in memory; a message instead when there is none or it is damaged.

    ``document`` and ``view`` (Qt PDF) are made when first asked for, e.g. by the first PDF.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._status = QLabel()
        self._status.setWordWrap(True)
        # Holds the view's place (and stretch) until Qt PDF is loaded.
        self._view_place = QWidget()
        layout.addWidget(self._status)
        layout.addWidget(self._view_place, stretch=1)
        self._pdf: tuple[QPdfDocument, QPdfView] | None = None
        self._buffer: QBuffer | None = None
        self.show_pdf(None)

    @property
    def document(self) -> "QPdfDocument":
        """The PDF document shown (made, with the view, at the first use)."""
        return self._pdf_parts()[0]

    @property
    def view(self) -> "QPdfView":
        """The PDF view (made, with the document, at the first use)."""
        return self._pdf_parts()[1]

    def show_pdf(self, pdf: bytes | None) -> bool:
        """Show ``pdf`` (bytes), or clear the view for ``None``; return whether it loaded."""
        if self._pdf is not None:
            self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None
        if not pdf:
            self._status.setText(self.tr("Select a letter to preview it."))
            return False
        from PySide6.QtPdf import QPdfDocument  # loaded already by self.document

        document = self.document
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(self._buffer)
        if document.status() != QPdfDocument.Status.Ready:
            self._status.setText(self.tr("This letter's PDF cannot be shown (damaged file)."))
            return False
        self._status.setText(self.tr("%n page(s)", "", document.pageCount()))
        return True

    def _pdf_parts(self) -> "tuple[QPdfDocument, QPdfView]":
        if self._pdf is None:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            document = QPdfDocument(self)
            view = QPdfView(self)
            view.setDocument(document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._layout.replaceWidget(self._view_place, view)
            self._view_place.deleteLater()
            self._pdf = (document, view)
        return self._pdf


# Letters the table shows without scrolling when the tab has room (a case has a handful: an
# acknowledgement in each language, the answer, a reminder).
ROWS_SHOWN = 6


class LettersTab(QWidget):
    """The letters list above the preview of the selected letter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = letter_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.preview = LetterPreview()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(self.splitter)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self._user_sized = False  # the user dragged the splitter: grow the table, never shrink
        self.splitter.splitterMoved.connect(self._moved)

    def set_letters(self, letters: tuple[LetterRow, ...]) -> None:
        """List ``letters`` and preview the newest one; the table is as high as up to
        ``ROWS_SHOWN`` letters without a scroll bar, the preview gets the rest."""
        self.model.set_rows(letters)
        self.table.resizeColumnsToContents()
        self._fit_rows()
        if letters:
            self.table.selectRow(len(letters) - 1)
        else:
            self.preview.show_pdf(None)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Keep room for the letters when the tab changes size."""
        super().resizeEvent(event)
        self._fit_rows()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the letters set while the tab was hidden behind another (its splitter had no
        sizes then, and a tab page keeps its size, so no resize follows)."""
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Give the table the height of its rows (up to ``ROWS_SHOWN``, at most half the tab),
        the preview the rest; once the user dragged the splitter, only grow the table."""
        rows = min(self.model.rowCount(), ROWS_SHOWN)
        wanted = (
            self.table.horizontalHeader().sizeHint().height()
            + rows * self.table.verticalHeader().defaultSectionSize()
            + self.table.horizontalScrollBar().sizeHint().height()
            + 2 * self.table.frameWidth()
        )
        table, preview = self.splitter.sizes()
        total = table + preview
        wanted = min(wanted, total // 2)  # the preview keeps at least half
        if total <= 0 or table == wanted or (self._user_sized and table >= wanted):
            return
        self.splitter.setSizes([wanted, total - wanted])

    def _moved(self, _position: int, _index: int) -> None:
        self._user_sized = True

    def _show_current(self, current: object, _previous: object) -> None:
        row = self.table.currentIndex().row()
        self.preview.show_pdf(self.model.row_at(row).pdf if row >= 0 else None)
