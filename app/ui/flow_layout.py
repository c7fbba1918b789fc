"""A layout that lines its items up like words in a paragraph: side by side while they fit,
on the next line when they do not (Qt's "Flow Layout" example, which Qt itself does not ship).

A row of captioned values laid out in a grid is as wide as all of them together: at 150 %
scaling the detail pane was narrower than that and the last value was cut off (QA8 L8).
"""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right (right to left in a right-to-left UI), wrapped onto further lines
    as the width requires; an item wider than a whole line gets the line's width (at least its
    minimum size) and is expected to elide or wrap its own text.

    Spacing and margins come from the widget style, as in the other layouts.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        """Append ``item`` (QLayoutItem; the layout owns it from now on)."""
        self._items.append(item)

    def count(self) -> int:
        """Return the number of items (int)."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        """Return the item at ``index`` (int), or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt's name
        """Remove and return the item at ``index`` (int), or None past the end."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt's name
        """Return no direction (Qt.Orientation): the layout takes the room it is given."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        """Return True: the fewer the items per line, the more lines."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        """Return the height (device-independent pixels) the items take at ``width``."""
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        """Place the items in ``rect`` (QRect)."""
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Return all items on one line (QSize), the width the layout would like."""
        width = sum(item.sizeHint().width() for item in self._items)
        width += self._spacing() * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height) + self._margin_size()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        """Return the widest item's minimum (QSize): one item per line."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + self._margin_size()

    def _margin_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        if parent is None:
            return 0
        return parent.style().layoutSpacing(
            QSizePolicy.ControlType.Label,
            QSizePolicy.ControlType.Label,
            Qt.Orientation.Horizontal,
        )

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (placing them if ``place``); return the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        gap = self._spacing()
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            size = self._item_size(item, area.width())
            if x > area.x() and x + size.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + gap, 0
            if place:
                self._place(item, QRect(QPoint(x, y), size), area)
            x += size.width() + gap
            line_height = max(line_height, size.height())
        margins = self.contentsMargins()
        return y + line_height - rect.y() + margins.bottom()

    @staticmethod
    def _item_size(item: QLayoutItem, line_width: int) -> QSize:
        width = max(min(item.sizeHint().width(), line_width), item.minimumSize().width())
        height = item.heightForWidth(width) if item.hasHeightForWidth() else -1
        return QSize(width, height if height >= 0 else item.sizeHint().height())

    def _place(self, item: QLayoutItem, box: QRect, area: QRect) -> None:
        parent = self.parentWidget()
        if parent is not None:  # mirrored in a right-to-left UI
            box = QStyle.visualRect(parent.layoutDirection(), area, box)
        item.setGeometry(box)
