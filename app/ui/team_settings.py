"""Where the team server's address is kept (QSettings, without the password).

Apart from the dialog (``app.ui.team_connect``) so the start can tell whether a team server is
saved without importing SQLAlchemy (README "Speed").
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:
    from sqlalchemy import URL

URL_KEY = "team/url"


class TeamSettings:
    """Typed access to the team server address in ``QSettings`` (key ``team/url``).

    Args:
        settings: the application's settings.
    """

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def url(self) -> str | None:
        """Return the saved server URL (no password in it), or ``None`` for a local database."""
        value = self._settings.value(URL_KEY)
        return value if isinstance(value, str) and value else None

    def set_url(self, url: "URL | None") -> None:
        """Save ``url`` without any password in it; ``None`` forgets the team server."""
        if url is None:
            self._settings.remove(URL_KEY)
        else:
            self._settings.setValue(URL_KEY, url._replace(password=None).render_as_string())
        self._settings.sync()
