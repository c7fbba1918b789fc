"""A watched folder: message files saved into it (by a mail client's rule, a scanner, a shared
drop folder) are imported once they stop growing.

The folder is never changed: files are not moved or renamed, because the folder belongs to the
user or to another program (a read-only share, a mail client's export folder) and moving could
fail there or break that program. What was processed is remembered by content hash in
``QSettings``; the database's own duplicate check (the same bytes are the same message) keeps a
re-import harmless if those settings are lost.

``QFileSystemWatcher`` is only a hint: it misses events on network and some FUSE filesystems and
never reports a file still being written, so a periodic rescan decides. A file is ready when its
size and modification time are unchanged across two polls at least ``settle_seconds`` apart.
"""

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QSettings, QTimer, Signal

from app.services.deadlines import RuleBook
from app.services.import_results import ImportReport
from app.store import Database
from app.ui.background import BackgroundTask, CancelledFn, ProgressFn

log = logging.getLogger(__name__)

# Keep the remembered hashes bounded; older files are caught by the database's duplicate check.
MAX_REMEMBERED = 5000
_HASH_CHUNK = 1 << 20
FileState = tuple[int, int]  # (size in bytes, modification time in ns)


class WatchedFolderSettings:
    """The watched folder and the content hashes already processed, in ``QSettings``."""

    FOLDER_KEY = "watchedFolder/path"
    PROCESSED_KEY = "watchedFolder/processed"

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def folder(self) -> Path | None:
        """The folder to watch, ``None`` when watching is off."""
        text = str(self._settings.value(self.FOLDER_KEY, "", type=str))
        return Path(text) if text else None

    @folder.setter
    def folder(self, folder: Path | None) -> None:
        self._settings.setValue(self.FOLDER_KEY, str(folder) if folder else "")

    def processed(self) -> list[str]:
        """Return the SHA-256 hex digests of the files processed, oldest first."""
        text = str(self._settings.value(self.PROCESSED_KEY, "", type=str))
        return [digest for digest in text.split(",") if digest]

    def add_processed(self, digests: list[str]) -> None:
        """Remember ``digests`` (keeping the newest ``MAX_REMEMBERED``)."""
        known = self.processed()
        merged = list(dict.fromkeys(known + digests))[-MAX_REMEMBERED:]
        self._settings.setValue(self.PROCESSED_KEY, ",".join(merged))


class WatchedFolder(QObject):
    """Imports new message files of one folder in batches.

    Signals:
        batch_imported(object): the ``ImportReport`` of each batch.
        batch_failed(str, bool): a batch failed as a whole (message, known user error).
    """

    batch_imported = Signal(object)
    batch_failed = Signal(str, bool)

    def __init__(
        self,
        database: Database,
        rule_book: RuleBook,
        settings: WatchedFolderSettings,
        *,
        poll_ms: int = 5000,
        settle_seconds: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._rule_book = rule_book
        self._settings = settings
        self._settle = poll_ms / 1000 if settle_seconds is None else settle_seconds
        self._seen: dict[Path, tuple[FileState, float]] = {}
        self._digests: dict[Path, tuple[FileState, str]] = {}
        self._task: BackgroundTask | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.rescan)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.rescan)

    @property
    def folder(self) -> Path | None:
        """The folder being watched (from the settings)."""
        return self._settings.folder

    @property
    def busy(self) -> bool:
        """Whether a batch is being imported."""
        return self._task is not None

    def watch(self, folder: Path | None) -> None:
        """Watch ``folder`` from now on (``None`` stops watching) and remember the choice."""
        self.stop()
        self._settings.folder = folder
        self.start()

    def start(self) -> None:
        """Start watching the folder in the settings, if there is one."""
        folder = self.folder
        if folder is None or not folder.is_dir():
            return
        self._watcher.addPath(str(folder))
        self._timer.start()
        self.rescan()

    def stop(self) -> None:
        """Stop watching (a running batch finishes)."""
        self._timer.stop()
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._seen.clear()

    def rescan(self) -> list[Path]:
        """Look at the folder once; start a batch with the files that are ready and new.

        Returns:
            The files of the batch started, ``[]`` when none was.
        """
        folder = self.folder
        if folder is None:
            return []
        ready = self._stable_files(folder)
        if self._task is not None or not ready:
            return []  # ready files stay stable: the next poll takes them
        processed = set(self._settings.processed())
        batch = {p: d for p in ready if (d := self._digest(p)) and d not in processed}
        if batch:
            self._start_batch(batch)
        return list(batch)

    def _stable_files(self, folder: Path) -> list[Path]:
        now = time.monotonic()
        current = _message_files(folder)
        seen: dict[Path, tuple[FileState, float]] = {}
        ready: list[Path] = []
        for path, state in current.items():
            previous = self._seen.get(path)
            since = previous[1] if previous is not None and previous[0] == state else now
            seen[path] = (state, since)
            if previous is not None and previous[0] == state and now - since >= self._settle:
                ready.append(path)
        self._seen = seen
        return ready

    def _digest(self, path: Path) -> str | None:
        state = self._seen[path][0]
        cached = self._digests.get(path)
        if cached is not None and cached[0] == state:
            return cached[1]
        try:
            digest = hashlib.sha256()
            with path.open("rb") as file:
                while chunk := file.read(_HASH_CHUNK):
                    digest.update(chunk)
        except OSError:
            return None  # locked or gone: the next poll tries again
        self._digests[path] = (state, digest.hexdigest())
        return digest.hexdigest()

    def _start_batch(self, batch: dict[Path, str]) -> None:
        from app.services.importing import import_paths  # see _message_files

        paths = sorted(batch)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> ImportReport:
            return import_paths(
                self._database.session,
                paths,
                self._rule_book,
                progress=progress,
                should_cancel=cancelled,
            )

        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda report: self._finished(report, list(batch.values())))
        task.failed.connect(self._failed)
        self._task = task
        task.start()

    def _finished(self, report: ImportReport, digests: list[str]) -> None:
        # Every file of the batch counts as processed, failures too: a message that cannot be
        # parsed would fail again on every poll. Editing it changes its hash and retries it.
        self._settings.add_processed(digests)
        self._task = None
        self.batch_imported.emit(report)

    def _failed(self, message: str, known: bool) -> None:
        self._task = None
        log.warning("a watched-folder batch failed")
        self.batch_failed.emit(message, known)


def _message_files(folder: Path) -> dict[Path, FileState]:
    """The visible ``.eml``/``.msg`` files directly in ``folder`` with their size and time."""
    # The importer (intake, message parsing: 8 MiB with what they pull in) is imported once a
    # folder is watched, not when the window is built (issue 6).
    from app.services.importing import MESSAGE_SUFFIXES

    found: dict[Path, FileState] = {}
    try:
        children = list(folder.iterdir())
    except OSError:
        return found  # the folder went away (an unplugged drive): nothing until it is back
    for child in children:
        if child.name.startswith(".") or child.suffix.lower() not in MESSAGE_SUFFIXES:
            continue
        try:
            stat = child.stat()
        except OSError:
            continue
        if stat.st_size > 0 and child.is_file():
            found[child] = (stat.st_size, stat.st_mtime_ns)
    return found
