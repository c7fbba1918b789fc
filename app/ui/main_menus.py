"""The main window's menu bar: File, Edit, View, Case and Tools, with their shortcuts.

Labels are translated in the ``MainWindow`` context (where they were written first), so the
translation files keep one context for the window's own words.
"""

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from app.ui.case_menu import CaseMenu
from app.ui.language_switch import language_switch_allowed
from app.ui.translations import LanguageSettings, build_language_menu
from app.ui.window_dialogs import (
    choose_watched_folder,
    open_batch_letters,
    open_form_import,
    open_settings,
    stop_watching,
)

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def build_menus(window: "MainWindow") -> CaseMenu:
    """Fill ``window``'s menu bar; returns the Case menu (its actions need a selected case)."""
    _file_menu(window)
    bar = window.menuBar()
    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit.addAction(window.undo.action)
    _view_menu(window)
    case_menu = CaseMenu(window, window.case_list.selected_reference)
    menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Case"))
    case_menu.build(menu, window.letters, window.workflow, window.clock)
    window.detail.case_shown.connect(case_menu.show_case)
    note = QCoreApplication.translate("MainWindow", "Add a &note")
    menu.addAction(case_menu.action(note, "Ctrl+Alt+N", lambda _ref: window.detail.focus_note()))
    batch = QCoreApplication.translate("MainWindow", "&Batch letters…")
    menu.addAction(window.action(batch, "Ctrl+Alt+L", lambda: open_batch_letters(window)))
    menu.addSeparator()
    refresh = QCoreApplication.translate("MainWindow", "&Refresh")
    menu.addAction(window.action(refresh, QKeySequence.StandardKey.Refresh, window.refresh))
    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    tools.addActions(window.safety.actions())
    tools.addSeparator()
    settings = QCoreApplication.translate("MainWindow", "&Settings…")
    tools.addAction(window.action(settings, "Ctrl+,", lambda: open_settings(window)))
    return case_menu


def _file_menu(window: "MainWindow") -> QMenu:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    entries = (
        (QCoreApplication.translate("MainWindow", "&New case…"), "Ctrl+N", window.new_case.ask),
        (
            QCoreApplication.translate("MainWindow", "&Import messages…"),
            "Ctrl+I",
            window.imports.choose_files,
        ),
        (
            QCoreApplication.translate("MainWindow", "Import a &folder…"),
            "Ctrl+Shift+I",
            window.imports.choose_folder,
        ),
        (
            QCoreApplication.translate("MainWindow", "Import a we&b form (CSV, Excel)…"),
            "Ctrl+Shift+W",
            lambda: open_form_import(window),  # not ``triggered``'s bool as the path
        ),
        (
            QCoreApplication.translate("MainWindow", "W&atch a folder for messages…"),
            None,
            lambda: choose_watched_folder(window),
        ),
        (
            QCoreApplication.translate("MainWindow", "Stop watc&hing the folder"),
            None,
            lambda: stop_watching(window),
        ),
    )
    for text, shortcut, slot in entries:
        menu.addAction(window.action(text, shortcut, slot))
    demo = QCoreApplication.translate("MainWindow", "Try it with &demo data")
    menu.addAction(window.action(demo, None, window.try_demo))
    menu.addSeparator()
    switch = QCoreApplication.translate("MainWindow", "S&witch user…")
    menu.addAction(window.action(switch, None, lambda: window.user.ask_switch(window)))
    quit_text = QCoreApplication.translate("MainWindow", "&Quit")
    menu.addAction(window.action(quit_text, QKeySequence.StandardKey.Quit, window.close))
    return menu


def _view_menu(window: "MainWindow") -> QMenu:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    cases = QCoreApplication.translate("MainWindow", "&Cases")
    menu.addAction(window.action(cases, "Ctrl+1", lambda: window.pages.setCurrentIndex(0)))
    dashboard = QCoreApplication.translate("MainWindow", "&Dashboard")
    menu.addAction(
        window.action(dashboard, "Ctrl+D", lambda: window.pages.setCurrentWidget(window.dashboard))
    )
    menu.addSeparator()
    settings = LanguageSettings(QSettings())
    allowed = partial(language_switch_allowed, window)
    menu.addMenu(build_language_menu(window, settings, window.language_chosen.emit, allowed))
    return menu
