"""The case header's line of captioned facts (kind, jurisdiction, channel, status, handler),
wrapped onto further lines in a narrow pane instead of cut off (QA8 L8: at 150 % scaling on a
1440×900 screen the handler's name was clipped at the pane's edge)."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.elided_label import ElidedLabel
from app.ui.flow_layout import FlowLayout


class CaptionedValue(QWidget):
    """A small caption over its value.

    Args:
        caption: the translated name of the fact (str).
        value: the label that shows it: a plain QLabel keeps its whole text (the names of
            kinds and statuses are short: "Account" for "Account cancellation" misleads);
            an ElidedLabel (a person's name, of any length) elides, its whole text as tooltip.
    """

    def __init__(self, caption: str, value: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption)
        # A caption, not a value: smaller, in the palette's text colour (the disabled colour
        # was light grey on light grey, too faint to read).
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        self.value = value
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(value)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Return room for the caption and the whole value on one line (QSize)."""
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._value_width()), hint.height())

    def _value_width(self) -> int:
        if isinstance(self.value, ElidedLabel):
            return self.value.full_width()
        return self.value.sizeHint().width()


class CaseSummary(QWidget):
    """The captioned facts of one case, side by side while they fit, wrapped when not.

    Args:
        captions: (key, translated caption) pairs in their order on screen.
        elided: the keys whose values are people's names: elided, never wider than the pane.
    """

    def __init__(
        self,
        captions: tuple[tuple[str, str], ...],
        elided: frozenset[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        self.fields: dict[str, CaptionedValue] = {}
        layout = FlowLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for key, caption in captions:
            value = ElidedLabel() if key in elided else _value_label()
            self.fields[key] = CaptionedValue(caption, value)
            self.values[key] = value
            layout.addWidget(self.fields[key])

    def set_value(self, key: str, text: str) -> None:
        """Show ``text`` (str) as the value of ``key`` (str) and lay the line out again."""
        value = self.values[key]
        if isinstance(value, ElidedLabel):
            value.set_full_text(text)
        else:
            value.setText(text)
        self.fields[key].updateGeometry()
        # And at once the header's cached height for this line: kept from the previous case
        # (the handler on a line of its own), it left a blank line above the badge.
        self.updateGeometry()

    def clear(self) -> None:
        """Empty every value."""
        for key in self.values:
            self.set_value(key, "")


def _value_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
