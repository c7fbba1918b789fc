"""``python -m benchmarks.memory_child``: the desktop app exactly as ``main.py`` starts it.

The memory probe is the main window's own (``watch_memory`` in ``MainWindow``, active when
``$PRIVACY_DESK_MEMORY_PROBE`` is set by ``benchmarks/memory.py``); running ``main.py`` itself
keeps its import order, which changes the memory measured (see ``main.py``).
"""

import runpy
from pathlib import Path

MAIN = Path(__file__).resolve().parents[1] / "main.py"

if __name__ == "__main__":
    runpy.run_path(str(MAIN), run_name="__main__")
