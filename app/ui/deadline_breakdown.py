"""The deadline breakdown for the case detail pane: a summary and every day explained.

Takes the plain ``DeadlineExplanation`` of ``app.services.deadlines.explain_deadline``; the words
are made here (STYLE.md §11), the dates and reasons come from the service.
"""

from collections.abc import Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.deadlines import DayMark, DayReason, DeadlineExplanation, ExplainedDay
from app.services.makeup_days import made_up_holiday
from app.ui.deadline_breakdown_holidays import holiday_text, makeup_text
from app.ui.legal_source_text import legal_source_text

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

_REASON = {
    DayReason.WORKING_DAY: QT_TRANSLATE_NOOP("DayReason", "Working day"),
    DayReason.MAKEUP_WORKING_DAY: QT_TRANSLATE_NOOP("DayReason", "Make-up working day"),
    DayReason.WEEKEND: QT_TRANSLATE_NOOP("DayReason", "Weekend"),
    DayReason.HOLIDAY: QT_TRANSLATE_NOOP("DayReason", "Holiday"),
    DayReason.CALENDAR_DAY: QT_TRANSLATE_NOOP("DayReason", "Calendar day"),
    DayReason.ROLLED_FORWARD: QT_TRANSLATE_NOOP("DayReason", "Rolled forward to a working day"),
    DayReason.ROLLED_BACK: QT_TRANSLATE_NOOP("DayReason", "Rolled back to a working day"),
    DayReason.PAUSED: QT_TRANSLATE_NOOP("DayReason", "Paused: clock stopped"),
    DayReason.AWAITING_VERIFICATION: QT_TRANSLATE_NOOP("DayReason", "Awaiting verification"),
    DayReason.VERIFIED: QT_TRANSLATE_NOOP("DayReason", "Identity verified (day 0)"),
}
_MARK = {
    DayMark.ACK_DUE: QT_TRANSLATE_NOOP("DayMark", "Acknowledgement due"),
    DayMark.INTERNAL_TARGET: QT_TRANSLATE_NOOP("DayMark", "Internal target"),
    DayMark.DUE: QT_TRANSLATE_NOOP("DayMark", "Due"),
    DayMark.EXTENSION_NOTICE_DUE: QT_TRANSLATE_NOOP("DayMark", "Extension notice due"),
    DayMark.EXTENDED_DUE: QT_TRANSLATE_NOOP("DayMark", "Extended due"),
}


def reason_text(day: ExplainedDay, calendar: str = "") -> str:
    """Return the translated "why" of a day, with the calendar's view and a holiday's name; a
    make-up working day of ``calendar`` (a spec such as ``holidays:CN``) named after the
    holiday it makes up for ("Working day (make-up for National Day)", 国庆节调休上班)."""
    text = _reason_label(day.why, day.day, calendar)
    own = day.calendar_reason
    plain = day.why is DayReason.CALENDAR_DAY and own in (None, DayReason.WORKING_DAY)
    # The joining punctuation is translated too: Chinese takes full-width （）： and 、.
    if own is not None and not plain:
        aside = QCoreApplication.translate("DayReason", "%1 (%2)", "a reason and the calendar's")
        text = aside.replace("%2", _reason_label(own, day.day, calendar)).replace("%1", text)
    if day.holiday_name:
        named = QCoreApplication.translate("DayReason", "%1: %2", "a reason and a holiday's name")
        text = named.replace("%2", holiday_text(day.day, day.holiday_name)).replace("%1", text)
    marks = [QCoreApplication.translate("DayMark", str(_MARK[mark])) for mark in sorted(day.marks)]
    comma = QCoreApplication.translate("DayMark", ", ", "between two marks of a day")
    return text + (" — " + comma.join(marks) if marks else "")


def _reason_label(reason: DayReason, day: date, calendar: str) -> str:
    if reason is DayReason.MAKEUP_WORKING_DAY and calendar:
        return makeup_text(made_up_holiday(calendar, day))
    return QCoreApplication.translate("DayReason", str(_REASON[reason]))


class Column(IntEnum):
    """Columns of the breakdown, in display order."""

    DATE = 0
    WEEKDAY = 1
    COUNTS = 2
    WHY = 3
    RUNNING_COUNT = 4


class DeadlineDaysModel(QAbstractTableModel):
    """Rows of ``ExplainedDay``; ``DisplayRole`` gives text, ``SORT_ROLE`` the raw value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._days: list[ExplainedDay] = []
        self._calendar = ""

    def set_days(self, days: Sequence[ExplainedDay], calendar: str = "") -> None:
        """Replace every row; ``calendar`` is the spec the days were counted on (e.g.
        ``holidays:CN``), which names the make-up working days."""
        self.beginResetModel()
        self._days = list(days)
        self._calendar = calendar
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            Column.DATE: self.tr("Date"),
            Column.WEEKDAY: self.tr("Day"),
            Column.COUNTS: self.tr("Counts"),
            Column.WHY: self.tr("Why"),
            Column.RUNNING_COUNT: self.tr("Count"),
        }
        return headers[Column(section)]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self._days[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(day, column)
        if role == SORT_ROLE:
            return self._sort_value(day, column)
        if role == Qt.ItemDataRole.FontRole and day.marks:
            font = QLabel().font()
            font.setBold(True)
            return font
        return None

    def _text(self, day: ExplainedDay, column: Column) -> str:
        if column == Column.DATE:
            return day.day.isoformat()
        if column == Column.WEEKDAY:
            return QLocale().dayName(day.weekday + 1, QLocale.FormatType.ShortFormat)
        if column == Column.COUNTS:
            return self.tr("yes") if day.counted else self.tr("no")
        if column == Column.WHY:
            return reason_text(day, self._calendar)
        return str(day.running_count)

    def _sort_value(self, day: ExplainedDay, column: Column) -> Any:
        values: dict[Column, Any] = {
            Column.DATE: day.day.toordinal(),
            Column.WEEKDAY: day.weekday,
            Column.COUNTS: int(day.counted),
            Column.WHY: day.why.value,
            Column.RUNNING_COUNT: day.running_count,
        }
        return values[column]


class DeadlineBreakdown(QWidget):
    """A summary of the deadline over a table of every day and why it counts or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_summary())
        layout.addWidget(self._build_table(), stretch=1)
        self.set_explanation(None)

    def _build_summary(self) -> QLabel:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # rule sources are data, not markup
        return self.summary

    def _build_table(self) -> QTableView:
        self.model = DeadlineDaysModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(
            Column.WHY, QHeaderView.ResizeMode.Stretch
        )
        return self.table

    def set_explanation(self, explanation: DeadlineExplanation | None) -> None:
        """Show ``explanation``, or an empty state when ``None`` (no statutory deadline)."""
        if explanation is None:
            self.model.set_days(())
            self.summary.setText(self.tr("No statutory deadline applies."))
            return
        self.model.set_days(explanation.days, explanation.deadline.rule.calendar)
        self.summary.setText("\n".join(self._summary_lines(explanation)))

    def _summary_lines(self, explanation: DeadlineExplanation) -> list[str]:
        deadline, rule = explanation.deadline, explanation.deadline.rule
        lines = [self.tr("Due %1").replace("%1", _date_text(deadline.due_date))]
        if deadline.provisional:
            years = self.tr(", ", "between two years").join(
                str(year) for year in deadline.provisional_years
            )
            lines.append(
                self.tr("Provisional: no official holiday schedule for %1").replace("%1", years)
            )
        if deadline.extended:
            lines.append(
                self.tr("Extended to %1").replace("%1", _date_text(deadline.effective_due_date))
            )
        if deadline.internal_target_date is not None:
            target = _date_text(deadline.internal_target_date)
            lines.append(
                self.tr("Internal target %1 (company policy, not law)").replace("%1", target)
            )
        lines += self._clock_lines(explanation)
        source = legal_source_text(rule.source, rule.source_zh)
        lines.append(self.tr("Source: %1").replace("%1", source))
        return lines

    def _clock_lines(self, explanation: DeadlineExplanation) -> list[str]:
        deadline = explanation.deadline
        lines = []
        if explanation.is_policy:
            lines.append(self.tr("Policy, not statute: no period is set by law"))
        if deadline.awaiting_verification:
            lines.append(self.tr("Awaiting identity verification: the date may move"))
        if deadline.paused_open:
            lines.append(self.tr("Clock stopped: the date moves each day until the pause ends"))
        if deadline.pauses_ignored:
            lines.append(self.tr("Pauses ignored: this rule does not stop the clock"))
        return lines


def _date_text(day: date) -> str:
    # ISO dates, as everywhere in the window: unambiguous for a team reading both Chinese and
    # European letters, where 03/04 means two different days.
    weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    dated = QCoreApplication.translate("DeadlineBreakdown", "%1 (%2)", "a date and its weekday")
    return dated.replace("%2", weekday).replace("%1", day.isoformat())
