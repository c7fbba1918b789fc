"""Tools → Backup and keys, Lock now; the idle lock and scheduled backups of the main window."""

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from app.store import Database, Passphrase, system_secret_store
from app.store.idle_lock import IdleLock
from app.store.postgres import TeamDatabase
from app.store.schedule import run_due_backup
from app.ui.background import BackgroundTask
from app.ui.idle_guard import IdleGuard
from app.ui.lock_screen import LockScreen, file_key_check
from app.ui.messages import show_message
from app.ui.safety_page import SafetyPage
from app.ui.safety_settings import SafetySettings

BACKUP_CHECK_MS = 10 * 60_000


class SafetyControls(QObject):
    """Owns the idle guard, the lock screen, the safety page and the backup timer.

    Args:
        window: the main window (its central widget is hidden while locked).
        database: returns the open database (it changes after a key rotation).
        replace_database: called with the reopened database after a key rotation.
    """

    def __init__(
        self,
        window: QMainWindow,
        database: Callable[[], Database],
        replace_database: Callable[[Database], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._replace_database = replace_database
        self.settings = SafetySettings(QSettings())
        self.idle_guard = IdleGuard(IdleLock(self.settings.idle_minutes()), parent=self)
        app = QApplication.instance()
        if app is not None:
            self.idle_guard.install(app)
        self.idle_guard.lock_requested.connect(self.lock)
        self._timer = QTimer(self)
        self._timer.setInterval(BACKUP_CHECK_MS)
        self._timer.timeout.connect(self.run_due_backup)
        self._timer.start()

    def actions(self) -> list[QAction]:
        """Return the Tools menu actions."""
        backup = QAction(self.tr("Backup and &keys…"), self._window)
        backup.setShortcut(QKeySequence("Ctrl+Shift+B"))
        backup.triggered.connect(self.open_safety_page)
        lock = QAction(self.tr("&Lock now"), self._window)
        lock.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        lock.triggered.connect(self.lock)
        return [backup, lock]

    def lock(self) -> LockScreen | None:
        """Hide the case data until the key or passphrase is given again (a local file's; a
        team server's login is the server's business)."""
        database = self._database()
        if isinstance(database, TeamDatabase):
            return None
        screen = LockScreen(
            file_key_check(database.path, system_secret_store()),
            uses_passphrase=isinstance(database.key, Passphrase),
            protected=self._window.centralWidget(),
            parent=self._window,
        )
        screen.unlocked.connect(self.idle_guard.unlocked)
        screen.lock()
        return screen

    def open_safety_page(self) -> SafetyPage | None:
        """Open the backup, restore and key page (for the local encrypted file only)."""
        if isinstance(self._database(), TeamDatabase):
            show_message(
                self._window,
                self.tr("Backup and keys"),
                self.tr(
                    "Backups and keys of the team server are kept by its administrator "
                    "(pg_dump, the server's encryption); this page is for the local database."
                ),
            )
            return None
        page = SafetyPage(
            self._database(), system_secret_store(), self.settings, parent=self._window
        )
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.database_reopened.connect(self._replace_database)
        page.settings_changed.connect(
            lambda: self.idle_guard.set_minutes(self.settings.idle_minutes())
        )
        page.open()
        return page

    def run_due_backup(self) -> None:
        """Back up in the background when the schedule says one is due."""
        schedule = self.settings.schedule()
        if schedule is None or isinstance(self._database(), TeamDatabase):
            return
        database = self._database()
        BackgroundTask(
            lambda _progress, _cancelled: run_due_backup(datetime.now(UTC), schedule, database),
            self,
        ).start()
