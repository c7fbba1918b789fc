"""The main window's first size, from its font and its screen instead of fixed pixels, so it
holds the same content at 100 % and 150 % scaling and never opens larger than the screen."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from app.ui.text_width import char_widths

# Room for the case list's columns beside the detail pane, and about 30 rows of cases.
CHARACTERS_WIDE = 200
LINES_HIGH = 50
SCREEN_SHARE = 0.9


def initial_window_size(
    window: QWidget, characters: int = CHARACTERS_WIDE, lines: int = LINES_HIGH
) -> QSize:
    """Return ``characters`` letters (``char_widths``) by ``lines`` lines of the window's font, at
    most ``SCREEN_SHARE`` of its screen's available area (device-independent pixels, so
    scaling factors apply to both alike). The defaults suit the main window."""
    wanted = _wanted(window, characters, lines)
    available = window.screen().availableGeometry().size()
    limit = QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    return wanted.boundedTo(limit)


def should_maximize(
    window: QWidget, characters: int = CHARACTERS_WIDE, lines: int = LINES_HIGH
) -> bool:
    """Return whether ``window`` should open maximized (bool): when ``characters`` by ``lines``
    of its font do not fit in ``SCREEN_SHARE`` of its screen's available area, as at 150 %
    scaling on a 1440×900 screen, the whole screen serves better than 90 % of it."""
    return initial_window_size(window, characters, lines) != _wanted(window, characters, lines)


def _wanted(window: QWidget, characters: int, lines: int) -> QSize:
    metrics = window.fontMetrics()
    return QSize(char_widths(metrics, characters), metrics.height() * lines)


class WholeScrollArea(QScrollArea):
    """A frameless scroll area around ``content`` that asks for all of it (QScrollArea caps
    its size hint at 24 lines): a dialog opens showing everything where the screen allows,
    and scrolls instead of running off a short screen (150 % scaling, a taskbar)."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Return the content's size hint (QSize, device-independent pixels)."""
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


def fit_to_screen(window: QWidget) -> None:
    """Resize ``window`` to its size hint, at most ``SCREEN_SHARE`` of its screen's available
    area (Qt's own first size stops at two thirds of the screen)."""
    available = window.screen().availableGeometry().size()
    limit = QSize(int(available.width() * SCREEN_SHARE), int(available.height() * SCREEN_SHARE))
    window.resize(window.sizeHint().boundedTo(limit))
