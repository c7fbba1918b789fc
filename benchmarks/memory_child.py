"""``python -m benchmarks.memory_child``: the desktop app exactly as ``main.py`` starts it, with
the memory probe (``app/ui/memory_probe.py``) installed on its main window.

Until the main window installs the probe itself (``watch_memory`` in ``MainWindow``), this
entry wraps ``app.ui.application._main_window`` to install it on each window it makes;
installing twice is harmless (``watch_memory`` walks once per window). The
imports come in ``main.py``'s order, which changes the memory measured (see ``main.py``).
"""

import sys

import app.services.case_search
import app.store  # noqa: F401
from app.ui import application
from app.ui.main_window import MainWindow
from app.ui.memory_probe import watch_memory


def _probed_window(*arguments: object) -> MainWindow:
    window: MainWindow = _make_window(*arguments)  # type: ignore[arg-type]
    watch_memory(window.case_list, window.pages, lambda: getattr(window, "dashboard", None))
    return window


_make_window = application._main_window

if __name__ == "__main__":
    application._main_window = _probed_window  # type: ignore[assignment]
    sys.exit(application.run(sys.argv))
