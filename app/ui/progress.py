"""A window-modal progress dialog that follows a ``BackgroundTask``."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.ui.background import BackgroundTask


def follow_with_progress(task: BackgroundTask, label: str, window: QWidget) -> QProgressDialog:
    """Show ``label`` with a bar that follows ``task``'s progress (shown only when the work
    lasts over 0.3 s); Cancel cancels the task and the dialog closes when it finishes."""
    cancel = QCoreApplication.translate("Progress", "Cancel")
    dialog = QProgressDialog(label, cancel, 0, 0, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(task.cancel)
    task.progress.connect(lambda done, total: _show(dialog, done, total))
    task.finished.connect(dialog.reset)
    return dialog


def _show(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
