"""File → Connect to team server, and live refresh from the team server's notifications."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from app.errors import TeamServerError
from app.store import Database, system_secret_store
from app.store.changes import ChangeListener
from app.store.postgres import TeamDatabase, server_password
from app.ui.change_watcher import ChangeWatcher
from app.ui.team_connect import TeamConnectDialog, password_store


class TeamControls(QObject):
    """Connects the window to a team server and refreshes it when other clients change cases.

    Args:
        window: the main window.
        replace_database: switches the window to another open database.
        refresh: reloads the list and the shown case.
    """

    def __init__(
        self,
        window: QMainWindow,
        replace_database: Callable[[Database], None],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._replace_database = replace_database
        self._refresh = refresh
        self.changes: ChangeWatcher | None = None

    def action(self) -> QAction:
        """Return the File menu action."""
        action = QAction(self.tr("Connect to &team server…"), self._window)
        action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        action.triggered.connect(self.connect_team)
        return action

    def connect_team(self) -> TeamConnectDialog:
        """Ask for the server; on success switch the window to it."""
        dialog = TeamConnectDialog(QSettings(), system_secret_store(), parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._use_team(dialog.database()))
        dialog.open()
        return dialog

    def _use_team(self, database: TeamDatabase | None) -> None:
        if database is None:
            return
        self._replace_database(database)
        self.watch(database)

    def watch(self, database: Database) -> None:
        """Refresh on the team server's change notifications (nothing for a local file)."""
        self.stop()
        if not isinstance(database, TeamDatabase) or database.server is None:
            return
        password = server_password(database.server, password_store(system_secret_store()))
        try:
            self.changes = ChangeWatcher(ChangeListener(database.server, password), parent=self)
        except TeamServerError:
            return  # no live updates; Refresh still works
        self.changes.changed.connect(lambda _ids: self._refresh())
        self.changes.lost.connect(
            lambda: self._window.statusBar().showMessage(
                self.tr("Live updates from the team server stopped; use Refresh."),
                10_000,
            )
        )

    def stop(self) -> None:
        """Stop listening."""
        if self.changes is not None:
            self.changes.stop()
            self.changes = None
