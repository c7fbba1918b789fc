"""A letter's pages as images (QtPdf renders the PDF held in memory to ``QImage``s): the batch
dialog shows what the letters will look like before any is stored. The PDF is read from a
``QBuffer``, never from a temporary file (DESIGN.md §6: no personal data in temp files)."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.ui.text_width import char_widths


def pdf_page_images(pdf: bytes, width: int) -> list[QImage]:
    """Render every page of ``pdf`` ``width`` device pixels wide (aspect ratio kept).

    Returns:
        One image per page; empty when the bytes are not a readable PDF.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            return []
        return [_page(document, page, width) for page in range(document.pageCount())]
    finally:
        document.close()
        buffer.close()


def _page(document: QPdfDocument, page: int, width: int) -> QImage:
    points = document.pagePointSize(page)
    height = round(width * points.height() / points.width()) if points.width() else width
    rendered = document.render(page, QSize(width, height))
    # QtPdf leaves the paper transparent; letters are read on white.
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


# The narrowest page shown, in letters of the UI font: a narrower pane scrolls sideways.
LEGIBLE_LETTERS = 40


class LetterImagePreview(QScrollArea):
    """The pages of one letter, one under the other, as wide as the view; or a message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._pages = QWidget()
        self._layout = QVBoxLayout(self._pages)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.message)
        self._layout.addStretch(1)
        self.setWidget(self._pages)
        self.images: list[QImage] = []

    def show_message(self, text: str) -> None:
        """Show ``text`` instead of a letter."""
        self._set_images([])
        self.message.setText(text)
        self.message.setVisible(True)

    def show_pdf(self, pdf: bytes) -> bool:
        """Show the pages of ``pdf``; return whether it could be read."""
        ratio = self.devicePixelRatioF()
        # As wide as the pane, but at least 40 letters wide, so a narrow pane stays legible.
        legible = char_widths(self.fontMetrics(), LEGIBLE_LETTERS)
        margins = self._layout.contentsMargins()
        fits = self.viewport().width() - margins.left() - margins.right()
        fits -= self.verticalScrollBar().sizeHint().width()
        width = max(fits, legible)
        images = pdf_page_images(pdf, round(width * ratio))
        for image in images:
            image.setDevicePixelRatio(ratio)
        self._set_images(images)
        self.message.setVisible(not images)
        return bool(images)

    def _set_images(self, images: list[QImage]) -> None:
        while self._layout.count() > 2:  # the message label and the closing stretch stay
            item = self._layout.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._layout.insertWidget(index, label)
        self.images = images
