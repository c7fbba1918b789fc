"""A wrapped value in the case header's form of facts: it asks for the height its text needs a
little narrower than the width it is asked about.

``QFormLayout`` in ``WrapLongRows`` mode estimates a row's height for a given width with a
field a few pixels wider than the one ``setGeometry`` then gives it (seen with DejaVu Sans:
223 px asked, 219 given), so a long wrapped value (the triage evidence) was laid out a line
short and its last line cut. Measuring at a width shorter by two average characters covers
that difference; at worst a value gets one blank line more than it needs.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class FactLabel(QLabel):
    """A selectable plain-text label that wraps, for the case header's facts.

    Args:
        parent: the owning widget, if any.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """Return the height (px) the text needs at ``width`` px less the layout's slack."""
        slack = 2 * self.fontMetrics().averageCharWidth()
        return super().heightForWidth(max(width - slack, 1))
