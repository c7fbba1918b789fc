"""Start the Privacy Desk desktop app (``python main.py``); ``python -m app`` is the CLI."""

import sys

import PySide6.QtCore  # noqa: F401 - its import hook is put right before anything else loads

from app.ui.memory_care import stop_keeping_module_sources

# Else PySide6 keeps the source text of every module imported from now on (app/ui/memory_care.py).
stop_keeping_module_sources()

# SQLAlchemy is not imported before the list's first paint (app.store.first_look).
from app.ui.application import run  # noqa: E402

if __name__ == "__main__":
    sys.exit(run(sys.argv))
