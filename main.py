"""Start the Privacy Desk desktop app (``python main.py``); ``python -m app`` is the CLI."""

import sys
from typing import Any

from app.store.first_look import look_ahead
from app.store.keys import passphrase_from_environment
from app.store.location import default_database_path

USAGE = """usage: python main.py [Qt options such as -platform offscreen]

Starts the Privacy Desk window on the case database in the data folder.
  PRIVACY_DESK_DATA_DIR      use this folder instead of the platform's user data folder
  PRIVACY_DESK_PASSPHRASE    the database passphrase (where no OS keyring exists)
  PRIVACY_DESK_FONT_DIRS     the only folders letters take extra fonts from (else fontconfig)
The command-line tool (import, list, letters, deadlines, backups): python -m app --help
"""

if any(argument in ("-h", "--help") for argument in sys.argv[1:]):
    sys.stdout.write(USAGE)  # before anything opens the database or loads Qt
    sys.exit(0)


def _read_start_view(connection: Any) -> None:
    from app.services.case_list_start import read_ahead

    read_ahead(connection)


# With the passphrase in the environment, SQLCipher's key derivation (~0.25 s, GIL released)
# and the start view's first reads run on a thread from here while the GUI imports, on the
# other core; the window's first_look takes the connection over (README "Speed").
if look_ahead(default_database_path(), passphrase_from_environment(), _read_start_view):
    # Imported here, before PySide6's import hook is in place (app/ui/memory_care.py).
    import app.services.case_list_start  # noqa: F401

import PySide6.QtCore  # noqa: E402, F401 - its import hook is put right before anything else loads

from app.ui.memory_care import stop_keeping_module_sources  # noqa: E402

# Else PySide6 keeps the source text of every module imported from now on (app/ui/memory_care.py).
stop_keeping_module_sources()

# SQLAlchemy is not imported before the list's first paint (app.store.first_look).
from app.ui.application import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(sys.argv))
