"""Startup probe for the benchmark: report when the case list first paints, then quit.

Set ``PRIVACY_DESK_STARTUP_PROBE`` to the Unix time (seconds, a float) at which the launcher
started the process. At the list's first paint the app writes one line to stderr —
``privacy-desk-startup-probe: first list paint after 0.712 s, peak RSS 98 MiB`` — and quits.
It goes to stderr so that, run under ``python -X importtime``, every import listed before the
line happened before the first paint (``benchmarks/case_list_child.py`` reads it that way).
Unset, nothing is installed and nothing is imported beyond this module.
"""

import os
import resource
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

STARTUP_PROBE_ENV = "PRIVACY_DESK_STARTUP_PROBE"
PROBE_PREFIX = "privacy-desk-startup-probe:"


class _FirstPaint(QObject):
    def __init__(self, launched_at: float, parent: QObject) -> None:
        super().__init__(parent)
        self._launched_at = launched_at

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this paint event returns, so the rows are really on screen.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        elapsed = time.time() - self._launched_at
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        sys.stderr.write(
            f"{PROBE_PREFIX} first list paint after {elapsed:.3f} s, peak RSS {rss:.0f} MiB\n"
        )
        sys.stderr.flush()
        QCoreApplication.exit(0)


def watch_first_paint(viewport: QWidget) -> None:
    """When ``$PRIVACY_DESK_STARTUP_PROBE`` holds the launch time, report the first paint of
    ``viewport`` (seconds since launch, peak resident memory in MiB) on stderr and quit."""
    launched = os.environ.get(STARTUP_PROBE_ENV)
    if launched:
        viewport.installEventFilter(_FirstPaint(float(launched), viewport))
