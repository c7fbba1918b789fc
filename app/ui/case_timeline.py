"""The case's timeline: its audit trail as a table of when, who and what (STYLE.md §5: one
``QAbstractTableModel`` over frozen rows)."""

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.services.audit import SYSTEM_ACTOR
from app.services.case_queries import EventRow
from app.services.workflow.inventory import Inventory
from app.ui.bidi import isolate
from app.ui.case_timeline_details import details_text
from app.ui.local_times import local_minute, local_with_offset, utc_minute

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1

# What each audit action means, in words; an action not listed shows as recorded.
ACTIONS = {
    "case.created": QT_TRANSLATE_NOOP("Timeline", "Case created"),
    "case.viewed": QT_TRANSLATE_NOOP("Timeline", "Case viewed"),
    "case.triaged": QT_TRANSLATE_NOOP("Timeline", "Triaged"),
    "case.triage_reverted": QT_TRANSLATE_NOOP("Timeline", "Triage undone"),
    "case.status_changed": QT_TRANSLATE_NOOP("Timeline", "Status changed"),
    "case.receipt_confirmed": QT_TRANSLATE_NOOP("Timeline", "Receipt date confirmed"),
    "case.exported": QT_TRANSLATE_NOOP("Timeline", "Case file exported"),
    "case.anonymised": QT_TRANSLATE_NOOP("Timeline", "Case anonymised"),
    "case.purged": QT_TRANSLATE_NOOP("Timeline", "Case data purged"),
    "clock.recomputed": QT_TRANSLATE_NOOP("Timeline", "Deadline computed"),
    "clock.paused": QT_TRANSLATE_NOOP("Timeline", "Clock stopped"),
    "clock.resumed": QT_TRANSLATE_NOOP("Timeline", "Clock restarted"),
    "clock.extended": QT_TRANSLATE_NOOP("Timeline", "Deadline extended"),
    "clock.extension_reason_corrected": QT_TRANSLATE_NOOP("Timeline", "Extension reason corrected"),
    "clock.stated_deadline": QT_TRANSLATE_NOOP(
        "Timeline", "Deadline taken from the regulator's letter"
    ),
    "clock.due_date_set": QT_TRANSLATE_NOOP("Timeline", "Due date set by hand"),
    "clock.due_date_released": QT_TRANSLATE_NOOP("Timeline", "Due date handed back to its rule"),
    "identity.checked": QT_TRANSLATE_NOOP("Timeline", "Identity checked"),
    "subject.corrected": QT_TRANSLATE_NOOP("Timeline", "Requester details corrected"),
    "subject.name_shortened": QT_TRANSLATE_NOOP("Timeline", "Requester's name shortened"),
    "note.added": QT_TRANSLATE_NOOP("Timeline", "Note added"),
    "note.withdrawn": QT_TRANSLATE_NOOP("Timeline", "Note withdrawn"),
    "message.recorded": QT_TRANSLATE_NOOP("Timeline", "Message recorded"),
    "party.added": QT_TRANSLATE_NOOP("Timeline", "Party added"),
    "category.planned": QT_TRANSLATE_NOOP("Timeline", "Category action planned"),
    "category.done": QT_TRANSLATE_NOOP("Timeline", "Category action done"),
    "review.requested": QT_TRANSLATE_NOOP("Timeline", "Review requested"),
    "review.decided": QT_TRANSLATE_NOOP("Timeline", "Review decided"),
    "letter.generated": QT_TRANSLATE_NOOP("Timeline", "Letter generated"),
    "letter.approved": QT_TRANSLATE_NOOP("Timeline", "Letter approved"),
    "letter.sent": QT_TRANSLATE_NOOP("Timeline", "Letter sent"),
    "attachment.copied": QT_TRANSLATE_NOOP("Timeline", "Attachment copied out"),
    "attachments.purged": QT_TRANSLATE_NOOP("Timeline", "Attachments purged"),
    "reminder.received": QT_TRANSLATE_NOOP("Timeline", "Reminder received"),
    "case.flagged_duplicate": QT_TRANSLATE_NOOP(
        "Timeline", "Flagged as a possible duplicate of an earlier request"
    ),
}


def action_label(action: str) -> str:
    """Return the translated words for an audit action (the action itself if unknown)."""
    text = ACTIONS.get(action)
    return QCoreApplication.translate("Timeline", str(text)) if text else action


def actor_label(actor: str) -> str:
    """Return who acted: the app's own actor (``SYSTEM_ACTOR``) in words, a user's name as is,
    isolated (FSI … PDI) so a right-to-left name keeps to its own cell's direction."""
    if actor == SYSTEM_ACTOR:
        return QCoreApplication.translate("Timeline", "System")
    return isolate(actor)


class Column(IntEnum):
    """Columns of the timeline, in display order."""

    WHEN = 0
    WHO = 1
    WHAT = 2
    DETAILS = 3


class TimelineModel(QAbstractTableModel):
    """The events of one case, oldest first; ``SORT_ROLE`` gives raw values (the event id for
    the time: the trail's order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[EventRow, ...] = ()
        self._inventory: Inventory | None = None

    def set_rows(self, rows: tuple[EventRow, ...]) -> None:
        """Show ``rows`` (in trail order)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_inventory(self, inventory: Inventory | None) -> None:
        """Name data categories and retention rules after ``inventory`` (the team's, from
        ``current_inventory``); ``None``: after the shipped one."""
        self.beginResetModel()
        self._inventory = inventory
        self.endResetModel()

    def row_at(self, row: int) -> EventRow:
        """Return the event shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        event = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(event, column)
        if role == SORT_ROLE:
            return self._sort_value(event, column)
        return None

    def text(self, event: EventRow, column: Column) -> str:
        """Return what ``event`` shows in ``column`` (times in this computer's zone)."""
        if column == Column.WHEN:
            return local_minute(event.occurred_at)
        if column == Column.WHO:
            return actor_label(event.actor)
        if column == Column.WHAT:
            return action_label(event.action)
        return details_text(event.details, self._inventory)

    def _tooltip(self, event: EventRow, column: Column) -> str | None:
        if column == Column.WHEN:  # as the case list: the zone named, and the time in UTC
            return f"{local_with_offset(event.occurred_at)} = {utc_minute(event.occurred_at)}"
        return event.action if column == Column.WHAT else None

    def _sort_value(self, event: EventRow, column: Column) -> Any:
        if column == Column.WHEN:
            return event.event_id  # the trail's own order, ties at the same second included
        return self.text(event, column)
