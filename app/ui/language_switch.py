"""Switching the UI language without losing the user's place (QA16 W1).

The window is rebuilt in the new language (``app.ui.translations.rebuild_window``): its strings
are read when its widgets are built, in about a hundred modules, so retranslating in place is
not how this app works. What the user had is carried over to the new window instead: the
database it shows (the demo stays the demo, under its banner and title, with the real database
kept to come back to), the saved view, search text, sort, selected case, the detail pane's tab
and the unsaved note draft, the page (cases or dashboard) and the list/detail split.

Dialogs are not carried: while one is open the switch is refused with a message naming it
(``language_switch_allowed``). The window's dialogs are window-modal, so a user reaches the
language menu only once they are closed anyway; closing one for them could drop what they typed
(Settings keeps no record of unsaved edits on every page), or a running import or batch. Work
the old window runs in the background (an import, a watched-folder batch, the demo being made)
would finish into a window that is gone: the switch waits for it the same way.

The undo history (Edit › Undo) is not carried: its steps belong to the old window's controllers.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.services.case_list_terms import SavedView

if TYPE_CHECKING:
    from app.store import Database
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class WindowPlace:
    """Where the user was in a main window, to be shown again in its rebuild.

    Attributes:
        view: the case list's saved view.
        search: the text in the search box (applied or not yet).
        sort_column: the list's sort column (``case_list_columns.Column`` value).
        sort_order: ascending or descending.
        reference: the selected case ('' for none).
        viewed: the case whose view was last audited (not audited again by the rebuild).
        detail_tab: the detail pane's tab index.
        note_draft: the unsaved text in the note box.
        note_cursor: the cursor's position in it (characters).
        page: the window's page index (0 cases, 1 dashboard).
        split: the list/detail splitter's state (``QSplitter.saveState``).
    """

    view: SavedView
    search: str
    sort_column: int
    sort_order: Qt.SortOrder
    reference: str
    viewed: str
    detail_tab: int
    note_draft: str
    note_cursor: int
    page: int
    split: QByteArray


def window_place(window: "MainWindow") -> WindowPlace:
    """Return where the user is in ``window`` (its tools are built)."""
    browser, detail = window.case_list, window.detail
    header = browser.table.horizontalHeader()
    return WindowPlace(
        view=SavedView(browser.view_selector.currentData()),
        search=browser.search_box.text(),
        sort_column=header.sortIndicatorSection(),
        sort_order=header.sortIndicatorOrder(),
        reference=browser.selected_reference(),
        viewed=window._viewed,
        detail_tab=detail.tabs.currentIndex(),
        note_draft=detail.notes.editor.toPlainText(),
        note_cursor=detail.notes.editor.textCursor().position(),
        page=window.pages.currentIndex(),
        split=window._splitter.saveState(),
    )


def show_place(window: "MainWindow", place: WindowPlace) -> None:
    """Show ``place`` in ``window`` (its tools are built, over the database ``place`` was
    taken from)."""
    browser, detail = window.case_list, window.detail
    window._viewed = place.viewed  # the same case on screen: not a new view in the audit trail
    browser.set_view(place.view)
    browser.search_box.setText(place.search)
    browser.search_now()
    browser.table.sortByColumn(place.sort_column, place.sort_order)
    browser.select_reference(place.reference)
    detail.tabs.setCurrentIndex(place.detail_tab)
    if place.note_draft and detail.reference == place.reference:
        detail.notes.editor.setPlainText(place.note_draft)
        cursor = detail.notes.editor.textCursor()
        cursor.setPosition(min(place.note_cursor, len(place.note_draft)))
        detail.notes.editor.setTextCursor(cursor)
    window.pages.setCurrentIndex(place.page)
    window._splitter.restoreState(place.split)


def rebuilt_window(old: "MainWindow") -> "MainWindow":
    """Return a new main window (built now, in the language applied now) showing what
    ``old`` shows: the same database — the demo stays the demo, the real database kept to
    come back to — and the same place (``WindowPlace``). ``old`` gives up the demo without
    closing it; the caller closes ``old``."""
    from app.ui.main_window import MainWindow

    demo_path, demo_generator = old.demo_path, old.demo_generator  # the same demo file
    if not old._tools_built:  # before the first paint's tools: nothing chosen yet
        return MainWindow(
            old.database,
            old.rule_book,
            old.today,
            defer_tools=True,
            demo_path=demo_path,
            demo_generator=demo_generator,
        )
    place = window_place(old)
    handed = old.demo.hand_over()
    real: Database = handed[0] if handed else old.database
    # Built at once, not after a first paint: the rebuild is shown only once it shows the
    # demo (a real case must not flash up in a demo) and the user's place.
    new = MainWindow(
        real,
        old.rule_book,
        old.today,
        defer_tools=False,
        demo_path=demo_path,
        demo_generator=demo_generator,
    )
    if handed is not None:
        new.demo.take_over(*handed)  # clears the new history: then take the old one's
    # Its entries hold service calls and values, not the old window's controllers: undone
    # through the new window's (case_detail_undo.UndoHistory), labelled in the new language.
    new.undo.take_over(old.undo)
    show_place(new, place)
    return new


def open_dialogs(window: QWidget) -> list[QDialog]:
    """Return the visible dialogs over ``window`` (its own, and those without a parent)."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and _over(widget, window):
            found.append(widget)
    return found


def _over(dialog: QWidget, window: QWidget) -> bool:
    parent = dialog.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window or dialog.parentWidget() is None


def language_switch_allowed(window: "MainWindow") -> bool:
    """Return whether the UI language may change now; when not, say why: a dialog is open
    over ``window`` (close it first), or work runs in the background that belongs to the
    window being replaced (an import, the watched folder's batch, the demo being made)."""
    title = QCoreApplication.translate("LanguageSwitch", "Language not changed")
    dialogs = open_dialogs(window)
    if dialogs:
        QMessageBox.information(window, title, refusal_text(dialogs))
        return False
    if _working(window):
        busy = QCoreApplication.translate(
            "LanguageSwitch",
            "Privacy Desk is still at work (importing messages or making the demo). Choose "
            "the language again once it has finished.",
        )
        QMessageBox.information(window, title, busy)
        return False
    return True


def _working(window: "MainWindow") -> bool:
    return window.demo.task is not None or window.watched.busy or window.imports._task is not None


def refusal_text(dialogs: Sequence[QDialog]) -> str:
    """The message saying which open dialog to close before the language can change."""
    titles = [d.windowTitle() for d in dialogs if d.windowTitle().strip()]
    if not titles:
        return QCoreApplication.translate(
            "LanguageSwitch",
            "Close the open dialog first, then choose the language again. The window is "
            "redrawn in the new language, and what you typed in the dialog would not be kept.",
        )
    text = QCoreApplication.translate(
        "LanguageSwitch",
        "Close “%1” first, then choose the language again. The window is redrawn in the "
        "new language, and what you typed in the dialog would not be kept.",
    )
    return text.replace("%1", "”, “".join(titles))
