"""The main window's dialogs and watched-folder steps, opened from its menus (app/ui/main_menus.py).

Each dialog module is imported when first opened: ReportLab, QtPdf and the settings pages are
not needed to show the case list. Texts keep the ``MainWindow`` translation context.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from app.services.importing import ImportReport
    from app.ui.batch_letters_dialog import BatchLettersDialog
    from app.ui.form_import_dialog import FormImportDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings_dialog import SettingsDialog


def open_batch_letters(window: "MainWindow") -> "BatchLettersDialog":
    """Open the batch letters dialog of ``window`` (kept while the window lives: a running
    batch belongs to it) and return it."""
    from app.ui.batch_letters_dialog import BatchLettersDialog  # on demand: ReportLab, QtPdf

    if window.batch_letters is None:
        window.batch_letters = BatchLettersDialog(
            window.database, window.rule_book, window.today, window.user.name, window
        )
        window.batch_letters.generated.connect(lambda _report: window.refresh())
    window.batch_letters.open()
    return window.batch_letters


def open_form_import(window: "MainWindow", path: Path | None = None) -> "FormImportDialog":
    """Open the web-form import preview over ``window`` (on ``path`` when given, else asking
    for a file) and return it."""
    from app.ui.form_import_dialog import FormImportDialog  # on demand

    dialog = FormImportDialog(window.database, window.rule_book, QSettings(), window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda _report: window.refresh())
    if path is not None:
        dialog.load(path)
    dialog.open()
    if path is None:
        dialog.choose_file()
    return dialog


def open_settings(window: "MainWindow") -> "SettingsDialog":
    """Open the team settings (letterhead, staff, calendars, retention, inventory) over
    ``window`` and return the dialog."""
    from app.ui.settings_dialog import SettingsDialog  # on demand

    dialog = SettingsDialog(
        window.database, window.rule_book, window.user.name, window.today, window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.calendar.recomputed.connect(lambda _count: window.refresh())
    dialog.finished.connect(lambda _result: settings_closed(window))
    dialog.open()
    return dialog


def settings_closed(window: "MainWindow") -> None:
    """The settings were closed: take the signed-in name as the staff list, perhaps changed,
    spells it now ("LI.WEI" acts as the member "li.wei" just added), and reload."""
    window.user.respell()
    window.refresh()


def choose_watched_folder(window: "MainWindow") -> None:
    """Ask for a folder whose new messages are imported as they arrive (cancel: no change)."""
    title = QCoreApplication.translate("MainWindow", "Folder to watch for messages")
    folder = QFileDialog.getExistingDirectory(window, title)
    if folder:
        window.watched.watch(Path(folder))
        watching = QCoreApplication.translate("MainWindow", "Watching %1 for new messages.")
        window.statusBar().showMessage(watching.replace("%1", folder))


def stop_watching(window: "MainWindow") -> None:
    """Stop importing from the watched folder (the folder itself is left untouched)."""
    window.watched.watch(None)
    stopped = QCoreApplication.translate("MainWindow", "No folder is watched now.")
    window.statusBar().showMessage(stopped, 10_000)


def announce_watched_batch(window: "MainWindow", report: "ImportReport") -> None:
    """Reload ``window``'s list and say how many cases a watched-folder batch added."""
    from app.services.importing import ImportOutcome  # loaded with the tools already

    window.refresh()
    imported = str(report.count(ImportOutcome.IMPORTED))
    text = QCoreApplication.translate("MainWindow", "Watched folder: %1 new cases")
    window.statusBar().showMessage(text.replace("%1", imported), 10_000)
