"""Where the case database lives on this machine."""

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "PrivacyDesk"
DATABASE_FILE_NAME = "privacy-desk.db"
DATA_DIR_ENV = "PRIVACY_DESK_DATA_DIR"


def data_dir() -> Path:
    """Return the folder that holds the database: ``$PRIVACY_DESK_DATA_DIR`` or the platform's
    per-user data directory (``platformdirs``). The folder is not created here."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """Return the path of the embedded default database inside ``data_dir()``."""
    return data_dir() / DATABASE_FILE_NAME
