"""The detail pane: who asked for what, when it is due and why, and the original message."""

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.case_queries import CaseDetail
from app.ui.labels import flag_label, kind_label, reason_lines, status_label


class CaseDetailPane(QWidget):
    """Shows one ``CaseDetail``; empty until a case is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._title = QLabel(self.tr("Select a case to see its details."))
        self._title.setWordWrap(True)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._title.setFont(font)
        layout.addWidget(self._title)
        layout.addWidget(self._build_facts())
        layout.addWidget(self._build_message(), stretch=1)

    def _build_facts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case"))
        form = QFormLayout(box)
        self._requester = self._value_label()
        self._received = self._value_label()
        self._due = self._value_label()
        self._status = self._value_label()
        self._flags = self._value_label()
        self._reasons = self._value_label()
        self._letters = self._value_label()
        form.addRow(self.tr("Requester"), self._requester)
        form.addRow(self.tr("Received"), self._received)
        form.addRow(self.tr("Due"), self._due)
        form.addRow(self.tr("Status"), self._status)
        form.addRow(self.tr("Needs review"), self._flags)
        form.addRow(self.tr("Triage evidence"), self._reasons)
        form.addRow(self.tr("Letters"), self._letters)
        return box

    def _build_message(self) -> QGroupBox:
        box = QGroupBox(self.tr("Original message"))
        layout = QVBoxLayout(box)
        self._subject = self._value_label()
        self._message = QPlainTextEdit()
        self._message.setReadOnly(True)
        layout.addWidget(self._subject)
        layout.addWidget(self._message)
        return box

    @staticmethod
    def _value_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(label.textFormat().PlainText)
        return label

    def show_detail(self, detail: CaseDetail | None) -> None:
        """Show ``detail``, or the empty state when ``None``."""
        if detail is None:
            self._title.setText(self.tr("Select a case to see its details."))
            for label in (self._requester, self._received, self._due, self._status):
                label.clear()
            self._flags.clear()
            self._reasons.clear()
            self._letters.clear()
            self._subject.clear()
            self._message.clear()
            return
        self._show_facts(detail)
        self._subject.setText(detail.subject_line)
        self._message.setPlainText(detail.message_text)

    def _show_facts(self, detail: CaseDetail) -> None:
        row = detail.row
        self._title.setText(f"{row.reference} · {kind_label(row.kind)} · {row.jurisdiction}")
        who = " ".join(
            part
            for part in (
                row.requester_name,
                f"<{row.requester_email}>" if row.requester_email else None,
            )
            if part
        )
        self._requester.setText(who or "—")
        self._received.setText(row.received_at.astimezone().strftime("%Y-%m-%d %H:%M %Z"))
        self._due.setText(self._due_text(detail))
        self._status.setText(status_label(row.status))
        self._flags.setText("\n".join(flag_label(flag) for flag in row.review_flags) or "—")
        reasons = ((r.field, r.signal, r.evidence) for r in detail.triage_reasons)
        self._reasons.setText("\n".join(reason_lines(reasons)) or "—")
        self._letters.setText(
            "\n".join(
                f"{letter.template_key} ({letter.language}) v{letter.version} · "
                f"SHA-256 {letter.sha256[:16]}…"
                for letter in detail.letters
            )
            or "—"
        )

    def _due_text(self, detail: CaseDetail) -> str:
        row = detail.row
        if row.due_date is None:
            return self.tr("No statutory deadline")
        text = row.due_date.isoformat()
        if row.due_provisional:
            text += self.tr(" — provisional: holiday calendar not yet official")
        if detail.rule_ref:
            text += f"\n{self.tr('Rule')}: {detail.rule_ref}"
        return text
