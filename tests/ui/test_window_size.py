"""The main window's first size follows its font and never exceeds the screen."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow
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
