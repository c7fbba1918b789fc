"""Python's cyclic garbage collection, run on the GUI thread only.

A Qt object whose Python wrapper owns it (a top-level window, a model without a parent) is
deleted when that wrapper is collected. The collector runs in whichever thread happens to
allocate when a generation's threshold is crossed — often a background task's thread, busy
compiling SQL — and deleting a widget there crashes Qt (reproduced: tests/ui/test_dashboard_page
segfaulted in a worker thread's collection, 7 runs in 8). This is the pattern pyqtgraph
(``pyqtgraph.util.garbage_collector``) and calibre use: switch automatic collection off and
collect, with the interpreter's own thresholds, from a timer on the GUI thread. Written here
rather than depending on pyqtgraph for one class.
"""

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    """Collects cyclic garbage from a GUI-thread timer instead of wherever it piles up.

    Args:
        interval_ms: how often, in milliseconds, the generation counts are checked.

    ``start`` switches Python's automatic collection off (``gc.disable``); ``stop`` restores
    it. Each tick collects the generations whose counts passed ``gc.get_threshold()``,
    as the interpreter itself would.
    """

    def __init__(self, interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        """Take collection over from the interpreter."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Give collection back as it was before ``start``."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> int:
        """Collect the generations whose allocation counts passed their thresholds.

        Returns:
            How many unreachable objects were found (0 when nothing was due).
        """
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] <= self._thresholds[level]:
                break
            generation = level
        return gc.collect(generation) if generation >= 0 else 0
