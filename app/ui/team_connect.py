"""Connecting to the team's PostgreSQL server (DESIGN.md §6): the dialog, the saved server
address, and opening it again at the next start.

The address is kept in QSettings without the password; the password goes to the OS keyring
(``remember_password``) or, where this computer has none, stays in memory for this run only
(failure-modes.md "SQLAlchemy URL": a password never appears in a URL string or the settings).
"""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import URL

from app.errors import TeamServerError
from app.store.postgres import (
    DRIVER,
    TeamDatabase,
    open_team_database,
    remember_password,
    require_tls,
    server_password,
    server_url,
)
from app.store.secrets import MemorySecretStore, SecretStore
from app.ui.background import BackgroundTask
from app.ui.messages import error_text
from app.ui.team_settings import URL_KEY, TeamSettings

__all__ = [
    "URL_KEY",
    "TeamConnectDialog",
    "TeamSettings",
    "open_team_from_settings",
    "password_store",
]

DEFAULT_PORT = 5432
# Where no keyring exists, passwords live here until the app quits: never on disk.
_RUN_MEMORY = MemorySecretStore()


def password_store(secrets: SecretStore | None) -> SecretStore:
    """Return ``secrets``, or this run's in-memory store where the computer has no keyring."""
    return secrets if secrets is not None else _RUN_MEMORY


def open_team_from_settings(
    settings: QSettings, secrets: SecretStore | None
) -> TeamDatabase | None:
    """Open the saved team server at startup (blocks up to the connect timeout, 10 s).

    Args:
        settings: where ``TeamSettings`` keeps the address.
        secrets: the OS keyring store (``system_secret_store()``), or ``None`` where none exists.

    Returns:
        The open ``TeamDatabase``; ``None`` when no team server is saved or no password is
        known for it (the caller then shows ``TeamConnectDialog``).

    Raises:
        TeamServerError (and its subclasses): the saved server cannot be used now.
    """
    text = TeamSettings(settings).url()
    if text is None:
        return None
    url = server_url(text)
    password = server_password(url, password_store(secrets))
    return None if password is None else open_team_database(url, password)


class TeamConnectDialog(QDialog):
    """The "Connect to team server" dialog: address, login and password, a background
    connection test, and OK that opens the server and then saves the address and password.

    After ``accepted``, ``database()`` returns the open ``TeamDatabase`` (the caller owns it).

    Args:
        settings: where the address is saved (and read back to fill the fields).
        secrets: the OS keyring store, or ``None`` where this computer has none.
        problem: text to show at first, e.g. why the saved server could not be opened.
    """

    def __init__(
        self,
        settings: QSettings,
        secrets: SecretStore | None,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = TeamSettings(settings)
        self._secrets = secrets
        self._database: TeamDatabase | None = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle(self.tr("Connect to team server"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_fields())
        layout.addWidget(self._keyring_note())
        self.status = QLabel(error_text(problem))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self._build_buttons())
        self._fill_from(self._settings.url())

    def _build_fields(self) -> QFormLayout:
        form = QFormLayout()
        self.host, self.database_name, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Host"), self.host)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("&Database"), self.database_name)
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("Pass&word"), self.password)
        return form

    def _keyring_note(self) -> QLabel:
        if self._secrets is not None:
            text = self.tr("The password is kept in this computer's keyring, not in settings.")
        else:
            text = self.tr(
                "This computer has no keyring: the password is kept in memory for this run "
                "only and asked again at the next start."
            )
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(lambda: self._start(keep=False))
        self.buttons.accepted.connect(lambda: self._start(keep=True))
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _fill_from(self, text: str | None) -> None:
        """Show the saved address; a damaged one is ignored (the fields stay empty)."""
        self._query: dict[str, str] = {}
        if text is None:
            return
        try:
            url = server_url(text)
        except TeamServerError:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database_name.setText(url.database or "")
        self.user.setText(url.username or "")
        self._query = {k: v for k, v in url.query.items() if isinstance(v, str)}

    def server(self) -> URL:
        """Return the URL the fields name, without password, TLS required for a remote host.

        Raises:
            TeamServerError: a field is empty. InsecureConnectionError: see ``require_tls``.
        """
        host, name, user = (f.text().strip() for f in (self.host, self.database_name, self.user))
        if not (host and name and user):
            raise TeamServerError(self.tr("Enter the host, the database and the user name."))
        url = URL.create(DRIVER, user, None, host, self.port.value(), name, self._query)
        return require_tls(url)

    def database(self) -> TeamDatabase | None:
        """Return the database opened by OK (``None`` before that, or after Cancel)."""
        return self._database

    def _start(self, *, keep: bool) -> None:
        """Open the server in the background: ``keep`` (OK) keeps it and saves the login."""
        try:
            url = self.server()
        except TeamServerError as error:
            self._show(str(error))
            return
        password = self.password.text() or None
        self._set_busy(True)
        self._show(self.tr("Connecting…"))
        self._task = BackgroundTask(lambda _p, _c: _open(url, password, keep), discard=_close)
        self._task.succeeded.connect(lambda db: self._opened(db, url, password))
        self._task.failed.connect(self._failed)
        self._task.start()

    def _opened(self, database: TeamDatabase | None, url: URL, password: str | None) -> None:
        self._set_busy(False)
        if database is None:
            self._show(self.tr("Connected: the team server and this login work."))
            return
        if not self.isVisible():  # cancelled while connecting
            database.close()
            return
        self._remember(url, password)
        self._database = database
        self.accept()

    def _remember(self, url: URL, password: str | None) -> None:
        if password is not None:
            remember_password(url, password, password_store(self._secrets))
        self._settings.set_url(url)

    def _failed(self, message: str, known: bool) -> None:
        self._set_busy(False)
        if not known:  # a bug: the message is only the error's type name, never the password
            message = self.tr("An unexpected error occurred (%1).").replace("%1", message)
        self._show(message)

    def _set_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not busy)

    def _show(self, text: str) -> None:
        self.status.setText(error_text(text))


def _close(database: object) -> None:
    """Close a server opened for nobody (the application exits meanwhile: ``stop_all``)."""
    if isinstance(database, TeamDatabase):
        database.close()


def _open(url: URL, password: str | None, keep: bool) -> TeamDatabase | None:
    """Work function: open the server; close it again unless ``keep`` (a test only)."""
    database = open_team_database(url, password)
    if keep:
        return database
    database.close()
    return None
