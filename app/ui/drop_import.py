"""Drag and drop onto a window: mail messages, web-form exports and folders, told apart by
their names so that each goes to its importer."""

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

MESSAGE_SUFFIXES = frozenset({".eml", ".msg"})
FORM_SUFFIXES = frozenset({".csv", ".xlsx"})


@dataclass(frozen=True)
class DroppedFiles:
    """Dropped paths by importer: ``messages`` (message files and folders, for
    ``ImportController.start``) and ``forms`` (exports, each for the form-import dialog)."""

    messages: tuple[Path, ...]
    forms: tuple[Path, ...]


def accepted_paths(mime: QMimeData) -> list[Path]:
    """Return the local files and folders in ``mime`` an importer takes, in drop order:
    ``.eml``/``.msg``/``.csv``/``.xlsx`` files (any case) and folders."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in MESSAGE_SUFFIXES | FORM_SUFFIXES]


def sort_dropped(paths: list[Path]) -> DroppedFiles:
    """Split dropped paths into messages (folders count as message folders) and form exports."""
    forms = tuple(p for p in paths if not p.is_dir() and p.suffix.lower() in FORM_SUFFIXES)
    return DroppedFiles(tuple(p for p in paths if p not in forms), forms)


class DropImport(QObject):
    """An event filter that makes ``target`` accept dropped files for import.

    Signals:
        files_dropped(list): every accepted ``Path`` of one drop.
        messages_dropped(list): its message files and folders, when there are any.
        forms_dropped(list): its ``.csv``/``.xlsx`` exports, when there are any.
    """

    files_dropped = Signal(list)
    messages_dropped = Signal(list)
    forms_dropped = Signal(list)

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Accept drags that carry importable files; emit the signals on drop."""
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if accepted_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            event.ignore()
            return False
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            return self._drop(event)
        return super().eventFilter(watched, event)

    def _drop(self, event: QDropEvent) -> bool:
        paths = accepted_paths(event.mimeData())
        if not paths:
            event.ignore()
            return False
        event.acceptProposedAction()
        dropped = sort_dropped(paths)
        self.files_dropped.emit(paths)
        if dropped.messages:
            self.messages_dropped.emit(list(dropped.messages))
        if dropped.forms:
            self.forms_dropped.emit(list(dropped.forms))
        return True
