"""Start the Privacy Desk desktop app (``python main.py``); ``python -m app`` is the CLI."""

import sys

from app.ui.application import run

if __name__ == "__main__":
    sys.exit(run(sys.argv))
