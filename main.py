"""Start the Privacy Desk desktop app (``python main.py``); ``python -m app`` is the CLI."""

import sys

# The data layers first: PySide6 installs an import hook that reads the source of every module
# imported after it (measured: 29 MiB and about 0.5 s less to the first paint at 1M cases).
import app.services.case_search
import app.store  # noqa: F401
from app.ui.application import run

if __name__ == "__main__":
    sys.exit(run(sys.argv))
