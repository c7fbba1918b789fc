"""The head of the detail pane: whose case, what they ask, under which law, where it stands,
and the date that binds, with days left and the rule (and legal source) behind it.

The deadline badge follows the case list (``case_page_model``): red when overdue, amber when
due within ``DUE_SOON_DAYS`` days, marked when the holiday calendar is provisional; answered
cases are never shown late.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.clock import company_today
from app.models.enums import Channel
from app.services.case_queries import CaseDetail
from app.services.case_search import DUE_SOON_DAYS
from app.ui.bidi import in_ui_direction, isolate, isolated_or, requester_text, typed_text
from app.ui.case_rule_text import is_stated_date, rule_text
from app.ui.case_summary import CaseSummary
from app.ui.deadline_badge import (
    ANSWERED,
    DUE_SOON_COLOUR,
    DUE_SOON_TINT,
    OVERDUE_COLOUR,
    OVERDUE_TINT,
)
from app.ui.elided_label import ElidedLabel
from app.ui.fact_label import FactLabel
from app.ui.labels import (
    flag_label,
    kind_label,
    pause_label,
    reason_lines,
    status_label,
)
from app.ui.local_times import local_with_offset, utc_minute

CHANNELS = {
    Channel.EMAIL: QT_TRANSLATE_NOOP("Channel", "E-mail"),
    Channel.WEB_FORM: QT_TRANSLATE_NOOP("Channel", "Web form"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Channel", "Phone"),
    Channel.LETTER: QT_TRANSLATE_NOOP("Channel", "Letter"),
    Channel.IN_PERSON: QT_TRANSLATE_NOOP("Channel", "In person"),
}


def channel_label(channel: Channel) -> str:
    """Return the translated name of how a request arrived."""
    return QCoreApplication.translate("Channel", str(CHANNELS[channel]))


def deadline_state(detail: CaseDetail, today: date) -> str:
    """Return ``"overdue"``, ``"due_soon"`` or ``""`` for the date that binds, as of ``today``."""
    due = detail.binding_due_date
    if due is None or detail.row.status in ANSWERED:
        return ""
    left = (due - today).days
    if left < 0:
        return "overdue"
    return "due_soon" if left <= DUE_SOON_DAYS else ""


class CaseHeader(QWidget):
    """Title, facts and the deadline badge of one case.

    Args:
        today: returns today in the controller's zone (days left count from it).
    """

    def __init__(
        self, today: Callable[[], date] = company_today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._today = today
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title = ElidedLabel()
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self._title.setFont(font)
        self.badge = self._label()
        self._hint = self._label()
        self._summary_box = self._build_summary()
        self._facts_box = QWidget()
        self._facts_box.setLayout(self._build_facts())
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addWidget(self._summary_box)
        layout.addWidget(self.badge)
        layout.addWidget(self._facts_box)
        layout.addStretch(1)

    @staticmethod
    def _label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build_summary(self) -> CaseSummary:
        captions = (
            ("kind", self.tr("Kind")),
            ("jurisdiction", self.tr("Jurisdiction")),
            ("channel", self.tr("Channel")),
            ("status", self.tr("Status")),
            ("handler", self.tr("Handler")),
        )
        # The handler's name may be of any length: it elides (whole as tooltip); the names
        # of kinds and statuses are short and shown whole.
        box = CaseSummary(captions, elided=frozenset({"handler"}))
        self._summary = box.values
        return box

    def _build_facts(self) -> QFormLayout:
        form = QFormLayout()
        # A narrow pane (150 % scaling, long Chinese or English captions) puts a value under
        # its caption rather than pushing the header wider than the pane.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._facts: dict[str, QLabel] = {}  # the requester's an ElidedLabel
        rows = (
            ("requester", self.tr("Requester")),
            ("received", self.tr("Received")),
            ("deadline", self.tr("Deadline")),
            ("rule", self.tr("Rule")),
            ("flags", self.tr("Needs review")),
            ("reasons", self.tr("Triage evidence")),
        )
        for key, title in rows:
            self._facts[key] = ElidedLabel() if key == "requester" else FactLabel()
            form.addRow(title, self._facts[key])
        return form

    def clear(self) -> None:
        """Show the empty state: what to do, and no empty captions."""
        for label in (*self._facts.values(), self.badge):
            label.clear()
        self._summary_box.clear()
        self.badge.setStyleSheet("")
        self._title.set_full_text(self.tr("Select a case to see its details."))
        self._hint.setText(
            self.tr(
                "Choose a case in the list (↑ and ↓ move through it). A request received by "
                "phone or letter: File › New case… (Ctrl+N)."
            )
        )
        self._show_fields(False)

    def _show_fields(self, shown: bool) -> None:
        self._hint.setVisible(not shown)
        for box in (self._summary_box, self._facts_box, self.badge):
            box.setVisible(shown)

    def show_detail(self, detail: CaseDetail) -> None:
        """Show the header of ``detail``."""
        row = detail.row
        name = isolate(row.requester_name) if row.requester_name else ""
        self._title.set_full_text(" · ".join(p for p in (row.reference, name) if p))
        summary = self._summary_box
        summary.set_value("kind", kind_label(row.kind))
        summary.set_value("jurisdiction", row.jurisdiction)
        summary.set_value("channel", channel_label(detail.channel))
        summary.set_value("status", status_label(row.status))
        summary.set_value("handler", in_ui_direction(isolated_or(detail.assignee)))
        requester = requester_text(row.requester_name, row.requester_email)
        self._requester().set_full_text(in_ui_direction(requester))
        self._facts["received"].setText(local_with_offset(row.received_at))
        self._facts["received"].setToolTip(utc_minute(row.received_at))
        self._facts["deadline"].setText(self._deadline_lines(detail))
        self._facts["rule"].setText(rule_text(detail))
        self._facts["flags"].setText("\n".join(flag_label(f) for f in row.review_flags) or "—")
        reasons = ((r.field, r.signal, r.evidence) for r in detail.triage_reasons)
        self._facts["reasons"].setText("\n".join(reason_lines(reasons)) or "—")
        self._show_badge(detail)
        self._show_fields(True)

    def _requester(self) -> ElidedLabel:
        label = self._facts["requester"]
        assert isinstance(label, ElidedLabel)
        return label

    def _show_badge(self, detail: CaseDetail) -> None:
        due = detail.binding_due_date
        state = deadline_state(detail, self._today())
        self.badge.setProperty("deadline_state", state)
        if due is None:
            self.badge.setText(self.tr("No statutory deadline"))
            self.badge.setStyleSheet("")
            return
        left = (due - self._today()).days
        text = self.tr("Due %1").replace("%1", due.isoformat()) + " · "
        if detail.row.status in ANSWERED:
            text += self.tr("answered")
        elif left < 0:
            text += self.tr("overdue by %n day(s)", "", -left)
        else:
            text += self.tr("%n day(s) left", "", left)
        if detail.row.due_provisional:
            text += " · " + self.tr("provisional: holiday calendar not yet official")
        self.badge.setText(text)
        self.badge.setStyleSheet(_badge_style(state))

    def _deadline_lines(self, detail: CaseDetail) -> str:
        lines = []
        if detail.row.due_date is not None:
            stated = is_stated_date(detail.rule_ref)
            label = self.tr("Due date %1") if stated else self.tr("Statutory due date %1")
            lines.append(label.replace("%1", detail.row.due_date.isoformat()))
        if is_stated_date(detail.rule_ref) and detail.explanation is not None:
            # A hand date: the statute still counts its own date beside it (and binds if earlier).
            statutory = detail.explanation.deadline.effective_due_date
            lines.append(self.tr("Statutory due date %1").replace("%1", statutory.isoformat()))
        if detail.extended_due_date:
            lines.append(
                self.tr("Extended to %1: %2")
                .replace("%1", detail.extended_due_date.isoformat())
                .replace("%2", typed_text(detail.extension_reason or ""))
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
        if detail.rule is not None and detail.rule.awaiting_verification:
            lines.append(self.tr("Counted from receipt until identity is verified"))
        lines.extend(pause_label(p.reason, p.start_date, p.end_date) for p in detail.pauses)
        return "\n".join(lines) or "—"


def _badge_style(state: str) -> str:
    if not state:
        return "QLabel { font-weight: bold; }"
    colour = OVERDUE_COLOUR if state == "overdue" else DUE_SOON_COLOUR
    tint = OVERDUE_TINT if state == "overdue" else DUE_SOON_TINT
    background = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})"
    return (
        f"QLabel {{ font-weight: bold; color: {colour.name()}; background: {background};"
        " padding: 0.2em 0.5em; }"
    )
