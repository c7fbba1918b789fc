"""The banner over the main window while it shows the demo database: a colour no real window
has, "Demo data — not real requests", and the way back to the real database."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

# Amber with dark text: reads as "caution" on light and dark themes alike (contrast > 7:1).
BANNER_BACKGROUND = QColor("#ffcc4d")
BANNER_TEXT = QColor("#3d2c00")


def demo_window_title() -> str:
    """Return the main window's title while the demo is shown (never a case or a name)."""
    return QCoreApplication.translate("DemoBanner", "Privacy Desk — DEMO")


class DemoBanner(QFrame):
    """A full-width strip: what this is, and "Leave the demo".

    Signals:
        leave_requested(): "Leave the demo" was pressed.
    """

    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, BANNER_BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, BANNER_TEXT)
        self.setPalette(palette)
        layout = QHBoxLayout(self)
        self.label = QLabel(self.tr("Demo data — not real requests"))
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.leave_button = QPushButton(self.tr("Leave the demo"))
        self.leave_button.clicked.connect(self.leave_requested)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.leave_button)
