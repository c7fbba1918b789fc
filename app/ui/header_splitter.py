"""The detail pane's vertical split: the case header over the tabs.

A plain ``QSplitter`` shares its height once, when first shown, before any case is loaded:
a header with long triage evidence was then cut mid-line until the user scrolled (QA11 D14).
This splitter gives the header the height its text needs at the pane's width — at most
``HEADER_SHARE`` of the pane, and never so much that the tabs keep fewer than ``TAB_LINES``
lines of text — whenever a case is shown, the header rewraps or the pane is resized. Once the
user drags the handle their split stands for the rest of the session. A header taller than
its share scrolls (``QScrollArea``); it is never clipped.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QSplitter, QTabWidget, QWidget

HEADER_SHARE = 0.6  # the header never takes more than this share of the pane's height
TAB_LINES = 8  # lines of text the tabs keep below the tab bar, however long the header


def header_height(need: int, total: int, tabs_floor: int, header_floor: int) -> int:
    """Return the header's share (px) of ``total`` px split between header and tabs.

    Args:
        need: height (px) the header's whole text takes at the pane's width.
        total: height (px) of both parts together (the handle excluded).
        tabs_floor: height (px) the tabs keep however long the header.
        header_floor: height (px) under which the header never goes (its scroll area's
            minimum), unless ``total`` itself is smaller.

    Returns:
        ``need``, capped at ``HEADER_SHARE`` of ``total`` and at what leaves the tabs
        ``tabs_floor``; at least ``header_floor`` (or ``total`` when smaller).
    """
    cap = min(int(total * HEADER_SHARE), total - tabs_floor)
    return max(min(need, cap), min(header_floor, total))


class HeaderSplitter(QSplitter):
    """Header (in its scroll area) over the tabs, the header sized to its text.

    Args:
        header_area: the scroll area holding the header (``widgetResizable``).
        tabs: the detail tabs; while hidden (no case shown) nothing is fitted.
        parent: the owning widget, if any.
    """

    def __init__(
        self, header_area: QScrollArea, tabs: QTabWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._area = header_area
        self._tabs = tabs
        self.user_sized = False
        self.addWidget(header_area)
        self.addWidget(tabs)
        self.setChildrenCollapsible(False)
        # After the user's own split, a taller window goes to the tabs (the longer lists).
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.splitterMoved.connect(self._moved_by_user)
        header = header_area.widget()
        if header is not None:
            header.installEventFilter(self)

    def fit(self) -> None:
        """Give the header the height its text needs (see ``header_height``), unless the
        user has dragged the handle or no case is shown."""
        total = self.height() - self.handleWidth()
        if self.user_sized or self._tabs.isHidden() or total <= 0:
            return
        share = header_height(
            self._header_need(), total, self.tabs_floor(), self._area.minimumSizeHint().height()
        )
        if self.sizes() != [share, total - share]:
            self.setSizes([share, total - share])

    def tabs_floor(self) -> int:
        """Return the height (px) the tabs keep: their tab bar and ``TAB_LINES`` lines."""
        lines = TAB_LINES * self._tabs.fontMetrics().lineSpacing()
        bar = self._tabs.tabBar().sizeHint().height()
        return max(self._tabs.minimumSizeHint().height(), bar + lines)

    def _header_need(self) -> int:
        header = self._area.widget()
        if header is None:
            return 0
        # The viewport's width as it is: a scroll bar shown stays until the header fits beside
        # it (QScrollArea avoids flip-flopping); once it goes, the wider header is refitted.
        width = self._area.viewport().width()
        need = header.heightForWidth(width)
        frame = self._area.height() - self._area.contentsRect().height()
        return (need if need >= 0 else header.sizeHint().height()) + frame

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        """Share the new size as a plain splitter does, then fit the header to its width."""
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Refit when the header's layout changes (another case, language or font) or its
        width does (a scroll bar came or went); return False (the header handles the event)."""
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self.fit()
        return super().eventFilter(watched, event)

    def _moved_by_user(self, _pos: int, _index: int) -> None:
        # splitterMoved comes only from dragging the handle, never from setSizes.
        self.user_sized = True
