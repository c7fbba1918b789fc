"""A one-line label that elides user text to its width (names of any length and script)."""

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line of user text cut to the width it is given, with "…" and the whole text as its
    tooltip: a 240-letter name without spaces cannot wrap, and unbroken it pushed the pane wider
    than the window (QA bidi-63)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Ignored: the layout gives the width it has, not the text's (the text then elides).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        """Show ``text``, elided at the label's width (str; the whole of it as tooltip)."""
        self._full = text
        self._elide()

    def full_text(self) -> str:
        """Return the text as given, before eliding (str)."""
        return self._full

    def full_width(self) -> int:
        """Return the width the whole text needs (int, device-independent pixels, margins
        included), rounded up: a width rounded down elides the last letter of a text that fits
        (``elidedText`` measures in fractions of a pixel)."""
        advance = QFontMetricsF(self.font()).horizontalAdvance(self._full)
        margins = self.contentsMargins()
        return math.ceil(advance) + margins.left() + margins.right() + 2 * self.margin()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Elide again for the new width."""
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        self.setText(shown)
        self.setToolTip("" if shown == self._full else self._full)
