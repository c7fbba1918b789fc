"""The controller that makes, opens and leaves the demo database for the main window.

The demo is a separate file beside the real database (``privacy-desk-demo.db``) with its own
key; generating it runs off the GUI thread with a progress dialog that can cancel. The real
database stays open meanwhile, so leaving the demo needs no second unlock.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.deadlines import RuleBook
from app.services.letters import LetterRenderer
from app.store import Database, Passphrase, SecretStore, default_database_path
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn
from app.ui.messages import show_error
from app.ui.progress import follow_with_progress

# How long a closing window waits for the demo case being made (seconds on a slow machine).
STOP_TIMEOUT_MS = 30_000


def _close(demo: object) -> None:
    if isinstance(demo, Database):
        demo.close()


class DemoGenerator(Protocol):
    """Fills the empty demo database (``app.services.demo_data.generate_demo_data``'s form)."""

    def __call__(
        self,
        database: Database,
        rule_book: RuleBook,
        renderer: LetterRenderer,
        *,
        today: date,
        progress: ProgressFn | None = None,
        should_cancel: CancelledFn | None = None,
        user: str | None = None,
    ) -> object:
        """Fill ``database`` with the demo cases made for ``today``."""


class DemoController(QObject):
    """Makes, opens and leaves the demo database for the main window.

    Args:
        window: the main window (parent of the progress dialog and messages).
        rule_book: deadline rules.
        renderer: renders the demo's letters (``render_case_letter``).
        demo_path: the demo file; ``None``: ``demo_database_path(default_database_path())``,
            worked out at the first ``start``.
        secrets: the OS secret store, or ``None`` where no keyring exists (the demo then takes
            the real database's passphrase).
        today: returns the local date the demo is made for.
        user: returns the signed-in staff member (a third of the demo cases are theirs).
        generate: fills the new demo database; ``None``: ``generate_demo_data``, imported at
            the first ``start`` (tests pass a smaller one).

    Signals:
        entered(object): the open demo ``Database``; the window shows it (and the banner).
        left(object): the real ``Database`` to show again; the demo is closed already.
    """

    entered = Signal(object)
    left = Signal(object)

    def __init__(
        self,
        window: QWidget,
        rule_book: RuleBook,
        renderer: LetterRenderer,
        demo_path: Path | None,
        secrets: SecretStore | None,
        today: Callable[[], date],
        user: Callable[[], str] = lambda: "",
        generate: DemoGenerator | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._rule_book = rule_book
        self._renderer = renderer
        self._demo_path = demo_path
        self._secrets = secrets
        self._today = today
        self._user = user
        self._generate = generate
        self.real: Database | None = None
        self.demo: Database | None = None
        self.task: BackgroundTask | None = None
        self._progress: QProgressDialog | None = None

    @property
    def active(self) -> bool:
        """True while the window shows the demo."""
        return self.demo is not None

    def start(self, real: Database) -> BackgroundTask | None:
        """Open (making it first when needed) the demo database in the background, with
        progress; ``entered`` follows. ``real`` is kept open to come back to."""
        if self.active or self.task is not None:
            return None
        passphrase = real.key.text if isinstance(real.key, Passphrase) else None
        self.real = real
        # A demo opened for a window that went meanwhile is closed again (``stop``).
        task = BackgroundTask(self._work(passphrase, self._user()), self, discard=_close)
        self._progress = follow_with_progress(
            task, self.tr("Making the demo database…"), self._window
        )
        task.succeeded.connect(self._opened)
        task.failed.connect(self._failed)
        self.task = task
        task.start()
        return task

    def _work(
        self, passphrase: str | None, user: str
    ) -> Callable[[ProgressFn, CancelledFn], Database]:
        # The demo's services import intake and the message importer (8 MiB with what they
        # pull in): once a demo is asked for, not when the window is built (issue 6).
        from app.services.demo_data import (
            demo_database_path,
            generate_demo_data,
            open_demo_database,
        )

        path = self._demo_path = self._demo_path or demo_database_path(default_database_path())
        generate = self._generate = self._generate or generate_demo_data

        def work(progress: ProgressFn, cancelled: CancelledFn) -> Database:
            demo = open_demo_database(path, secrets=self._secrets, passphrase=passphrase)
            # A cancelled run still opens: the window shows the cases made so far.
            generate(
                demo,
                self._rule_book,
                self._renderer,
                today=self._today(),
                progress=progress,
                should_cancel=cancelled,
                user=user or None,
            )
            return demo

        return work

    def stop(self, timeout_ms: int = STOP_TIMEOUT_MS) -> bool:
        """Stop a demo still being made, for a window that closes: the generation ends after
        the case it is making (each case is its own transaction; the demo stays marked
        incomplete and the next ``start`` resumes it), the demo it opened is closed, nothing
        is emitted. Waits up to ``timeout_ms`` milliseconds; returns whether it ended (True
        when nothing was being made)."""
        task, self.task = self.task, None
        if task is None:
            return True
        self.real = None
        task.abandon()  # it emits nothing more, "finished" included: close its dialog here
        if self._progress is not None:
            self._progress.reset()
        return task.wait(timeout_ms)

    def _opened(self, demo: Database) -> None:
        self.task = None
        self.demo = demo
        self.entered.emit(demo)

    def _failed(self, message: str, known: bool) -> None:
        self.task = None
        self.real = None
        show_error(self._window, self.tr("Demo not opened"), message, known)

    def leave(self) -> Database | None:
        """Close the demo and emit ``left`` with the real database; returns it (``None`` when
        no demo was shown)."""
        demo, real = self.demo, self.real
        if demo is None or real is None:
            return None
        self.demo = self.real = None
        self.left.emit(real)
        demo.close()
        return real

    def hand_over(self) -> tuple[Database, Database] | None:
        """Give up the demo without closing it, for a window that takes over (the same window
        rebuilt in another UI language, ``app.ui.language_switch``); returns the real and
        the demo database, or ``None`` when no demo is shown. Nothing is emitted: this
        window is going."""
        demo, real = self.demo, self.real
        if demo is None or real is None:
            return None
        self.demo = self.real = None
        return real, demo

    def take_over(self, real: Database, demo: Database) -> None:
        """Show ``demo``, opened by another window's controller (``hand_over``), with ``real``
        to come back to; ``entered`` follows as after ``start``."""
        self.real = real
        self._opened(demo)
