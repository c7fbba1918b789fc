"""Work that waits for the window's first paint: what the user sees first is drawn before the
rest of the window is built (issue 6: "import what the first paint does not need after it")."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs ``then`` once, from the event loop, after the first of ``widgets`` has painted.

    Two turns of the loop later: whatever the paint itself queued (the startup probe's report,
    layout passes) runs first, so the painted list is on screen before ``then`` starts.

    Args:
        widgets: the widgets of which one paints first (e.g. the list's rows or the empty
            state shown instead); the first is this object's Qt parent.
        then: what to run; it runs once even if several widgets paint.
    """

    def __init__(self, widgets: tuple[QWidget, ...], then: Callable[[], None]) -> None:
        super().__init__(widgets[0])
        self._widgets = widgets
        self._then = then
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """On the first paint event: stop watching and queue ``then`` behind the paint."""
        if event.type() == QEvent.Type.Paint:
            for widget in self._widgets:
                widget.removeEventFilter(self)
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._then))
        return False
