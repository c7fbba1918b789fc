"""Tabs of the detail pane that list rows and act on one: notes and messages (with a note
added inline), attachments (with "Save a copy…"), and a plain read-only table."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.case_queries import AttachmentRow
from app.ui.case_detail_models import FrozenRowModel, attachment_model, correspondence_model


def row_table(model: Any, *, fit_contents: bool = False) -> QTableView:
    """Return a read-only, row-selecting table over ``model`` whose last column stretches;
    with ``fit_contents`` the columns follow their contents (short reference tables)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    mode = (
        QHeaderView.ResizeMode.ResizeToContents
        if fit_contents
        else QHeaderView.ResizeMode.Interactive
    )
    table.horizontalHeader().setSectionResizeMode(mode)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class NotesTab(QWidget):
    """Notes and messages, oldest first, and a box to add an internal note.

    Signals:
        note_submitted(str): the text of a note to add (never empty).
    """

    note_submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = correspondence_model(self)
        self.table = row_table(self.model)
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Internal note (never shown to the requester)"))
        self.editor.setTabChangesFocus(True)
        self.add_button = QPushButton(self.tr("Add &note"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.submit)
        self.editor.textChanged.connect(
            lambda: self.add_button.setEnabled(bool(self.editor.toPlainText().strip()))
        )
        row = QHBoxLayout()
        row.addWidget(self.editor, stretch=1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, stretch=3)
        layout.addLayout(row, stretch=1)

    def submit(self) -> None:
        """Send the note typed so far (the box is cleared once it is stored)."""
        text = self.editor.toPlainText().strip()
        if text:
            self.note_submitted.emit(text)

    def focus_editor(self) -> None:
        """Put the cursor into the note box (the "add note" shortcut)."""
        self.editor.setFocus()


class AttachmentsTab(QWidget):
    """Files kept with the case, and "Save a copy…" of the selected one.

    Signals:
        save_requested(int): the id of the attachment to copy out.
    """

    save_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: FrozenRowModel[AttachmentRow] = attachment_model(self)
        self.table = row_table(self.model)
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self._save)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, rows: tuple[AttachmentRow, ...]) -> None:
        """List ``rows``; nothing is selected afterwards."""
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected(self) -> AttachmentRow | None:
        """Return the selected attachment, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected()
        self.save_button.setEnabled(row is not None and not row.purged)

    def _save(self) -> None:
        row = self.selected()
        if row is not None and not row.purged:
            self.save_requested.emit(row.attachment_id)
