"""A tick list whose lines wrap instead of running past the list's edge."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QListView, QListWidget, QWidget

from app.ui.text_width import char_widths


class WrappingList(QListWidget):
    """A list whose lines wrap at its width instead of running past a horizontal scroll bar
    (at 150 % scaling "Orders and transactions: Keep (legal hold) until …" was cut off), and
    that asks for the width of its longest line, up to ``WIDEST_LINE`` letters (``char_widths``)."""

    WIDEST_LINE = 70

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # wrap again at every new width

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Return the longest line's width, at most ``WIDEST_LINE`` letters wide (QSize)."""
        hint = super().sizeHint()
        widest = char_widths(self.fontMetrics(), self.WIDEST_LINE)
        lines = self.sizeHintForColumn(0) + 2 * self.frameWidth()
        lines += self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), min(lines, widest)), hint.height())
