"""The detail pane: the header (who, what, where it stands, the date that binds and the rule
behind it) over tabs for the timeline, data categories, notes and messages, attachments,
letters with their preview, the original message and the deadline day by day.

The pane only shows a ``CaseDetail`` and says what the user asked for (signals); the
controller (``case_detail_controller``) does the work in its own short session.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import company_today
from app.services.case_queries import CaseDetail
from app.ui.case_detail_models import category_model, correspondence_rows
from app.ui.case_detail_tabs import AttachmentsTab, NotesTab, row_table
from app.ui.case_header import CaseHeader
from app.ui.case_timeline import TimelineModel
from app.ui.deadline_breakdown import DeadlineBreakdown
from app.ui.header_splitter import HeaderSplitter
from app.ui.letter_preview import LettersTab


class CaseDetailPane(QWidget):
    """Shows one ``CaseDetail``; an invitation to select a case until one is selected.

    Args:
        today: returns today in the controller's zone (days left count from it).

    Signals:
        note_submitted(str, str): reference and text of an internal note to add.
        attachment_save_requested(str, int): reference and id of an attachment to copy out.
        case_shown(str): the reference of the case now shown ('' for none), after every
            selection and every change shown: Case › Letters offers what fits it
            (``CaseMenu.show_case``).
    """

    note_submitted = Signal(str, str)
    attachment_save_requested = Signal(str, int)
    case_shown = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = company_today
    ) -> None:
        super().__init__(parent)
        self.reference = ""
        self.header = CaseHeader(today)
        # The header's title and facts, under the names earlier tests and callers use.
        self._title = self.header._title
        self._facts = self.header._facts
        # The header grows with flags and triage evidence: it scrolls, and the user can give
        # the tabs more room (a narrow window at 150% would otherwise squeeze them out).
        scroll = _HeaderScroll()
        scroll.setWidget(self.header)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._header_scroll = scroll
        # The header gets the height its text needs each time a case is shown (QA11 D14).
        self._splitter = HeaderSplitter(scroll, self._build_tabs())
        QVBoxLayout(self).addWidget(self._splitter)
        self.notes.note_submitted.connect(self._note_submitted)
        self.attachments.save_requested.connect(self._save_requested)
        self.show_detail(None)

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.timeline = TimelineModel(self)
        self.timeline_view = row_table(self.timeline)
        self.categories = category_model(self)
        self.notes = NotesTab()
        self.attachments = AttachmentsTab()
        self.letters = LettersTab()
        self.breakdown = DeadlineBreakdown()
        self.tabs.addTab(self.timeline_view, self.tr("&Timeline"))
        self.tabs.addTab(row_table(self.categories), self.tr("Data &categories"))
        self.tabs.addTab(self.notes, self.tr("Notes and &messages"))
        self.tabs.addTab(self.attachments, self.tr("&Attachments"))
        self.tabs.addTab(self.letters, self.tr("&Letters"))
        self.tabs.addTab(self._build_message(), self.tr("&Original message"))
        self.tabs.addTab(self.breakdown, self.tr("&Deadline, day by day"))
        return self.tabs

    def _build_message(self) -> QWidget:
        message = QWidget()
        layout = QVBoxLayout(message)
        self._subject = QLabel()
        self._subject.setTextFormat(Qt.TextFormat.PlainText)
        self._subject.setWordWrap(True)
        self._message = QPlainTextEdit()
        self._message.setReadOnly(True)
        layout.addWidget(self._subject)
        layout.addWidget(self._message)
        return message

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show ``detail``, or the empty state when ``None``."""
        same_case = detail is not None and detail.row.reference == self.reference
        self.reference = detail.row.reference if detail else ""
        self.tabs.setEnabled(detail is not None)
        self.tabs.setVisible(detail is not None)  # seven empty tabs say nothing
        if detail is None:
            self.header.clear()
            self._fill_tabs(None)
        else:
            self.header.show_detail(detail)
            self._header_scroll.updateGeometry()  # its narrowest width follows the header's
            self._fill_tabs(detail)
            self._splitter.fit()
            if not same_case:
                self.notes.editor.clear()
        self.case_shown.emit(self.reference)

    def _fill_tabs(self, detail: CaseDetail | None) -> None:
        self.timeline.set_rows(detail.events if detail else ())
        self.timeline_view.resizeColumnsToContents()
        self.categories.set_rows(detail.categories if detail else ())
        self.notes.model.set_rows(
            correspondence_rows(detail.notes, detail.messages) if detail else ()
        )
        self.attachments.set_rows(detail.attachments if detail else ())
        self.letters.set_letters(detail.letters if detail else ())
        self._subject.setText(detail.subject_line if detail else "")
        self._message.setPlainText(detail.message_text if detail else "")
        self.breakdown.set_explanation(detail.explanation if detail else None)
        if detail is not None and detail.events:
            self.timeline_view.scrollToBottom()

    def note_stored(self) -> None:
        """Clear the note box once the controller stored the note."""
        self.notes.editor.clear()

    def focus_note(self) -> None:
        """Show the notes tab with the cursor in the note box (the "add note" shortcut)."""
        self.tabs.setCurrentWidget(self.notes)
        self.notes.focus_editor()

    def _note_submitted(self, text: str) -> None:
        if self.reference:
            self.note_submitted.emit(self.reference, text)

    def _save_requested(self, attachment_id: int) -> None:
        if self.reference:
            self.attachment_save_requested.emit(self.reference, attachment_id)


class _HeaderScroll(QScrollArea):
    """Scrolls the header up and down, never sideways: the pane is at least as wide as the
    header's narrowest layout (its widest kind or status name; names elide), so a splitter
    dragged to the left cannot cut "Account cancellation" or push the handler off the edge."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        """Return the header's minimum width plus a vertical scroll bar and the frame (QSize)."""
        hint = super().minimumSizeHint()
        header = self.widget()
        if header is None:
            return hint
        width = header.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width + 2 * self.frameWidth()), hint.height())
