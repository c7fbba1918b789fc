"""The main window's first size follows its font and never exceeds the screen; its width in
characters is measured on real letters, so a line of that many characters of the case list's
kind (references, dates) fits in it."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from app.ui.window_size import SCREEN_SHARE, initial_window_size, should_maximize


def test_the_size_grows_with_the_font_up_to_the_screen(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    small, large = QFont(window.font()), QFont(window.font())
    small.setPointSize(4)
    large.setPointSize(60)
    window.setFont(small)
    little = initial_window_size(window)
    window.setFont(large)
    big = initial_window_size(window)
    assert little.width() < big.width() and little.height() <= big.height()
    assert big.width() <= available.width() * SCREEN_SHARE
    assert big.height() <= available.height() * SCREEN_SHARE


def test_a_window_whose_font_does_not_fit_opens_maximized(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    small, large = QFont(window.font()), QFont(window.font())
    small.setPointSize(4)
    large.setPointSize(60)  # 200 characters of 60 pt: wider than any screen
    window.setFont(small)
    assert not should_maximize(window)
    window.setFont(large)
    assert should_maximize(window)


def test_a_window_so_many_characters_wide_holds_a_line_of_them(qtbot: QtBot) -> None:
    # 59 characters of a case-list row: digits are wider than the font's reported average
    # (DejaVu Sans at 9 pt: digits 7.6 px, average 6 px), so 59 average characters (354 px)
    # cut this line (389 px as a label); 59 letters x (419 px) hold it.
    line = QLabel("PD-2026-000123  2026-11-10  2026-12-01  Access  CN  Overdue")
    qtbot.addWidget(line)
    assert len(line.text()) == 59
    size = initial_window_size(line, characters=len(line.text()), lines=1)
    assert size.width() >= line.sizeHint().width()
