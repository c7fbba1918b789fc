"""Room for text measured in the letters of a font, the unit the UI sizes widgets in."""

from PySide6.QtGui import QFontMetrics


def char_widths(metrics: QFontMetrics, count: int) -> int:
    """Return the width (device-independent pixels) of ``count`` letters of ``metrics``'
    font, measured on as many lowercase x's (an ordinary lowercase letter's width).

    Not ``QFontMetrics.averageCharWidth()``: DejaVu Sans reports 6 px at 9 pt where its
    letters take 7 px, so a widget sized for so many "average characters" cut their text.

    Args:
        metrics: the font's metrics (usually the widget's ``fontMetrics()``).
        count: how many letters of room, 0 or more.

    Returns:
        The width in device-independent pixels (int).
    """
    return metrics.horizontalAdvance("x" * count)
