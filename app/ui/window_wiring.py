"""The main window's wiring, once its tools are built (``app/ui/window_tools.py``): what the
controllers' signals change in the list, the detail pane, the status bar and the title, and
the move into and out of the demo database.

Imported with the tools, after the list's first paint. Texts keep the ``MainWindow``
translation context (they were written in ``MainWindow``), so their translations still apply.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.ui.demo_banner import demo_window_title
from app.ui.window_dialogs import announce_watched_batch, open_form_import

if TYPE_CHECKING:
    from app.services.letters import StoredLetter
    from app.store import Database
    from app.ui.main_window import MainWindow


def connect_tools(window: "MainWindow") -> None:
    """Connect the signals of ``window``'s tools (built by ``install_tools``) to what they
    change, and start watching the import folder."""
    window.imports.imported.connect(lambda _report: window.refresh())
    window.drops.messages_dropped.connect(window.imports.start)
    window.drops.forms_dropped.connect(lambda paths: [open_form_import(window, p) for p in paths])
    window.watched.batch_imported.connect(lambda report: announce_watched_batch(window, report))
    window.watched.start()
    window.letters.generated.connect(lambda letter: letter_stored(window, letter))
    for controller in (window.clock, window.workflow, window.detail_actions):
        controller.changed.connect(window.case_changed)
    window.detail.note_submitted.connect(window.detail_actions.add_note)
    window.detail.attachment_save_requested.connect(window.detail_actions.ask_save_attachment)
    window.detail_actions.note_added.connect(lambda _ref: window.detail.note_stored())
    window.new_case.created.connect(lambda reference: case_created(window, reference))
    window.user.changed.connect(lambda _name: window.undo.clear())
    window.case_list.case_selected.connect(window.show_case)
    window.case_list.import_requested.connect(window.imports.choose_files)
    window.case_list.demo_requested.connect(window.try_demo)
    window.demo.entered.connect(lambda demo: enter_demo(window, demo))
    window.demo.left.connect(lambda real: leave_demo(window, real))
    window.demo_banner.leave_requested.connect(window.demo.leave)


def case_created(window: "MainWindow", reference: str) -> None:
    """Reload ``window``'s list and select the new case ``reference``."""
    window.refresh()
    window.case_list.select_reference(reference)


def enter_demo(window: "MainWindow", demo: "Database") -> None:
    """Show the demo database ``demo`` in ``window``, under its banner and title."""
    # Never import real mail into the demo, nor listen to a team server from it.
    window.watched.stop()
    window.team.stop()
    window.replace_database(demo)
    window.demo_banner.show()
    window.setWindowTitle(demo_window_title())
    window.refresh()


def leave_demo(window: "MainWindow", real: "Database") -> None:
    """Show the ``real`` database in ``window`` again, watching its folder and team server."""
    window.replace_database(real)
    window.demo_banner.hide()
    window.setWindowTitle(QCoreApplication.translate("MainWindow", "Privacy Desk"))
    window.watched.start()
    window.team.watch(real)
    window.refresh()


def letter_stored(window: "MainWindow", letter: "StoredLetter") -> None:
    """Show the case of the stored ``letter`` and say in the status bar what was stored (its
    SHA-256 shortened to 12 hex digits) for 10 seconds."""
    window.show_case(letter.reference)
    text = QCoreApplication.translate("MainWindow", "Letter %1 v%2 stored (SHA-256 %3…) and saved.")
    window.statusBar().showMessage(
        text.replace("%1", f"{letter.reference} {letter.template_key} ({letter.language})")
        .replace("%2", str(letter.version))
        .replace("%3", letter.sha256[:12]),
        10_000,
    )
