"""A wrapping list asks for the width of its longest line up to 70 letters: a line of 70
characters of ordinary text shows on one line at the size the list asks for (sized by the
font's reported average character, 6 px where DejaVu Sans's letters take 7, such a line
wrapped onto a second one), while a longer line still wraps instead of widening the list."""

from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from app.ui.wrapping_list import WrappingList

# Data-category lines as the Data categories dialog lists them, 70 characters each.
SEVENTY = (
    "Orders and transactions: Keep (legal hold) until the retention has run",
    "Marketing preferences: Delete (no legal hold applies to this category)",
)


def _line_counts(qtbot: QtBot, lines: list[str]) -> list[int]:
    """How many lines each of ``lines`` takes in a list shown at the size it asks for."""
    shown = WrappingList()
    qtbot.addWidget(shown)
    for text in [*lines, "Short"]:
        shown.addItem(QListWidgetItem(text))
    shown.resize(shown.sizeHint())
    shown.show()
    qtbot.waitExposed(shown)
    one_line = shown.visualItemRect(shown.item(len(lines))).height()
    return [shown.visualItemRect(shown.item(row)).height() // one_line for row in range(len(lines))]


def test_a_line_of_seventy_characters_is_not_wrapped(qtbot: QtBot) -> None:
    assert all(len(text) == 70 for text in SEVENTY)
    assert _line_counts(qtbot, list(SEVENTY)) == [1, 1]


def test_a_longer_line_wraps_at_the_widest_line(qtbot: QtBot) -> None:
    # Twice 70 characters: the list stays at 70 letters and the line takes two.
    assert _line_counts(qtbot, [f"{SEVENTY[0]} {SEVENTY[1]}"]) == [2]
