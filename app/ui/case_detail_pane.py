"""The detail pane: who asked for what, when it is due and why, the original message, the
day-by-day deadline breakdown and the case's history."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.case_queries import CaseDetail
from app.ui.deadline_breakdown import DeadlineBreakdown
from app.ui.labels import flag_label, kind_label, pause_label, reason_lines, status_label


class CaseDetailPane(QWidget):
    """Shows one ``CaseDetail``; an invitation to select a case until one is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._title = QLabel()
        self._title.setWordWrap(True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._title.setFont(font)
        layout.addWidget(self._title)
        layout.addWidget(self._build_facts())
        layout.addWidget(self._build_tabs(), stretch=1)
        self.show_detail(None)

    def _build_facts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"))
        form = QFormLayout(box)
        self._facts: dict[str, QLabel] = {}
        rows = (
            ("requester", self.tr("Requester")),
            ("received", self.tr("Received")),
            ("deadline", self.tr("Deadline")),
            ("status", self.tr("Status")),
            ("flags", self.tr("Needs review")),
            ("reasons", self.tr("Triage evidence")),
            ("letters", self.tr("Letters")),
        )
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._facts[key] = value
            form.addRow(label, value)
        return box

    def _build_tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        message = QWidget()
        layout = QVBoxLayout(message)
        self._subject = QLabel()
        self._subject.setTextFormat(Qt.TextFormat.PlainText)
        self._subject.setWordWrap(True)
        self._message = QPlainTextEdit()
        self._message.setReadOnly(True)
        layout.addWidget(self._subject)
        layout.addWidget(self._message)
        self.breakdown = DeadlineBreakdown()
        self._history = QListWidget()
        self.tabs.addTab(message, self.tr("Original message"))
        self.tabs.addTab(self.breakdown, self.tr("Deadline, day by day"))
        self.tabs.addTab(self._history, self.tr("History"))
        return self.tabs

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show ``detail``, or the empty state when ``None``."""
        for label in self._facts.values():
            label.clear()
        self._subject.clear()
        self._message.clear()
        self._history.clear()
        self.breakdown.set_explanation(None)
        self.tabs.setEnabled(detail is not None)
        if detail is None:
            self._title.setText(self.tr("Select a case to see its details."))
            return
        self._show_facts(detail)
        self._subject.setText(detail.subject_line)
        self._message.setPlainText(detail.message_text)
        self.breakdown.set_explanation(detail.explanation)
        self._history.addItems(
            [
                f"{e.occurred_at.astimezone().strftime('%Y-%m-%d %H:%M')}  {e.actor}  {e.action}"
                for e in detail.events
            ]
        )

    def _show_facts(self, detail: CaseDetail) -> None:
        row = detail.row
        self._title.setText(f"{row.reference} · {kind_label(row.kind)} · {row.jurisdiction}")
        email = f"<{row.requester_email}>" if row.requester_email else ""
        self._facts["requester"].setText(
            " ".join(p for p in (row.requester_name, email) if p) or "—"
        )
        self._facts["received"].setText(row.received_at.astimezone().strftime("%Y-%m-%d %H:%M %Z"))
        self._facts["deadline"].setText(self._deadline_text(detail))
        self._facts["status"].setText(status_label(row.status))
        self._facts["flags"].setText(
            "\n".join(flag_label(flag) for flag in row.review_flags) or "—"
        )
        reasons = ((r.field, r.signal, r.evidence) for r in detail.triage_reasons)
        self._facts["reasons"].setText("\n".join(reason_lines(reasons)) or "—")
        self._facts["letters"].setText(
            "\n".join(
                f"{letter.template_key} ({letter.language}) v{letter.version} · "
                f"SHA-256 {letter.sha256[:16]}…"
                for letter in detail.letters
            )
            or "—"
        )

    def _deadline_text(self, detail: CaseDetail) -> str:
        row = detail.row
        if row.due_date is None:
            return self.tr("No statutory deadline")
        lines = [self.tr("Due %1").replace("%1", row.due_date.isoformat())]
        if row.due_provisional:
            lines[0] += self.tr(" — provisional: holiday calendar not yet official")
        if detail.extended_due_date:
            lines.append(
                self.tr("Extended to %1: %2")
                .replace("%1", detail.extended_due_date.isoformat())
                .replace("%2", detail.extension_reason or "")
            )
        if detail.ack_due_date:
            lines.append(
                self.tr("Acknowledge by %1").replace("%1", detail.ack_due_date.isoformat())
            )
        if detail.internal_target_date:
            lines.append(
                self.tr("Internal target %1 (company policy)").replace(
                    "%1", detail.internal_target_date.isoformat()
                )
            )
        lines.extend(pause_label(p.reason, p.start_date, p.end_date) for p in detail.pauses)
        if detail.rule_ref:
            lines.append(self.tr("Rule %1").replace("%1", detail.rule_ref))
        return "\n".join(lines)
