"""The deadline badge: red for overdue, amber for due within ``DUE_SOON_DAYS`` days, and the
word "provisional" where the holiday calendar is not yet official. The case list's due and
days-left cells carry it (``CasePageModel``); the case header uses its colours."""

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.models.enums import CaseStatus
from app.services.case_list_terms import DUE_SOON_DAYS, CaseRow

OVERDUE_COLOUR = QColor("#c62828")
OVERDUE_TINT = QColor(198, 40, 40, 40)
DUE_SOON_COLOUR = QColor("#9a5b00")
DUE_SOON_TINT = QColor(255, 160, 0, 50)
# Answered cases are not late any more, whatever their due date said.
ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})


def row_deadline_state(row: CaseRow, today: date) -> str:
    """Return ``"overdue"``, ``"due_soon"`` or ``""`` for ``row`` as of the local date
    ``today``."""
    left = row.days_left(today)
    if left is None or row.status in ANSWERED:
        return ""
    if left < 0:
        return "overdue"
    return "due_soon" if left <= DUE_SOON_DAYS else ""


def badge_value(row: CaseRow, role: int, today: date) -> Any:
    """Return what the badge gives for ``role`` (``Qt.ItemDataRole``) on ``row`` as of the
    local date ``today``: the tooltip text, a foreground or background ``QBrush``, a bold
    ``QFont`` when overdue, else ``None``."""
    state = row_deadline_state(row, today)
    if role == Qt.ItemDataRole.ToolTipRole:
        return _badge_tip(row, state)
    if not state:
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(OVERDUE_COLOUR if state == "overdue" else DUE_SOON_COLOUR)
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(OVERDUE_TINT if state == "overdue" else DUE_SOON_TINT)
    if role == Qt.ItemDataRole.FontRole and state == "overdue":
        font = QFont()
        font.setBold(True)
        return font
    return None


def _badge_tip(row: CaseRow, state: str) -> str | None:
    tips = []
    if state == "overdue":
        tips.append(
            QCoreApplication.translate("CasePageModel", "Overdue: the answer was due before today")
        )
    elif state == "due_soon":
        # %1, not a numerus %n: lupdate 6.11 sees a plural only with a literal count there.
        tip = QCoreApplication.translate("CasePageModel", "Due within %1 days")
        tips.append(tip.replace("%1", str(DUE_SOON_DAYS)))
    if row.due_provisional and row.due_date is not None:
        tips.append(
            QCoreApplication.translate(
                "CasePageModel",
                "Provisional: the official holiday calendar for that year is not out yet",
            )
        )
    return "\n".join(tips) or None
