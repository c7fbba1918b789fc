"""Table models of the detail pane's lists: data categories, notes and messages, attachments.

Each is a ``QAbstractTableModel`` over frozen rows from ``app.services.case_queries`` (STYLE.md
§5), built from a list of columns (title, display text, raw sort value), so a list is a few
lines of column definitions rather than another copy of the model plumbing.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.models.enums import AttachmentKind, MessageDirection
from app.services.case_queries import AttachmentRow, CategoryRow, MessageRow, NoteRow
from app.ui.bidi import isolate, typed_text
from app.ui.labels_workflow import category_action_label
from app.ui.local_times import local_minute, local_with_offset, utc_minute
from app.ui.retention_basis_text import retention_basis_text, retention_source_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Row = TypeVar("Row")


@dataclass(frozen=True)
class TableColumn(Generic[Row]):
    """A column: its (untranslated) title, the text a row shows, the raw sort value and the
    tooltip (the text itself when ``None``)."""

    title: object  # a QT_TRANSLATE_NOOP marker (the untranslated text)
    text: Callable[[Row], str]
    sort: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None


class FrozenRowModel(QAbstractTableModel, Generic[Row]):
    """A read-only table of frozen rows with the given columns; titles are translated in the
    context ``context``."""

    def __init__(
        self, columns: Sequence[TableColumn[Row]], context: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._context = context
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        """Return the row object shown in ``row``."""
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self._columns):
            return None
        return QCoreApplication.translate(self._context, str(self._columns[section].title))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, self.CheckIndexOption.IndexIsValid):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tooltip or column.text)(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        return None


def local_time(instant: datetime | None) -> str:
    """Return an aware instant as ``YYYY-MM-DD HH:MM`` in this computer's zone, or "—"."""
    return local_minute(instant) if instant else "—"


def zone_tooltip(instant: datetime | None) -> str:
    """Return an aware instant with its zone named and in UTC, as the case list's tooltip
    (``2026-11-02 09:30 (UTC+08:00) = 2026-11-02 01:30 UTC``), or "—"."""
    return f"{local_with_offset(instant)} = {utc_minute(instant)}" if instant else "—"


def iso_date(day: date | None) -> str:
    """Return ``day`` as ISO 8601, or "—"."""
    return day.isoformat() if day else "—"


def category_name(row: CategoryRow) -> str:
    """The category's name in the UI language (Chinese names for a Chinese UI)."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return row.name_zh if chinese else row.name_en


def _category_state(row: CategoryRow) -> str:
    if row.done_at is None:
        return QCoreApplication.translate("Categories", "Planned by %1").replace(
            "%1", isolate(row.planned_by)
        )
    return (
        QCoreApplication.translate("Categories", "Done %1 by %2")
        .replace("%1", local_time(row.done_at))
        .replace("%2", isolate(row.done_by) if row.done_by else "—")
    )


def _hold_text(row: CategoryRow) -> str:
    """The end of a hold and its legal basis in the letters' words, in the UI language."""
    if row.hold_until is None:
        return "—"
    basis = retention_basis_text(row.hold_rule) if row.hold_rule else ""
    return f"{row.hold_until.isoformat()} · {basis}".rstrip(" ·")


def _hold_tooltip(row: CategoryRow) -> str:
    """The precise legal source of the hold (evidence tags in words), under the basis."""
    source = retention_source_tooltip(row.hold_rule, row.hold_source)
    return "\n".join(part for part in (_hold_text(row), source) if part)


CATEGORY_COLUMNS: tuple[TableColumn[CategoryRow], ...] = (
    TableColumn(QT_TRANSLATE_NOOP("Categories", "Category"), category_name),
    TableColumn(
        QT_TRANSLATE_NOOP("Categories", "Action"),
        lambda r: category_action_label(r.action),
        lambda r: r.action.value,
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("Categories", "Kept until · rule"),
        _hold_text,
        lambda r: r.hold_until.toordinal() if r.hold_until else 0,
        _hold_tooltip,
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("Categories", "State"),
        _category_state,
        lambda r: r.done_at.timestamp() if r.done_at else 0.0,
    ),
    TableColumn(QT_TRANSLATE_NOOP("Categories", "Note"), lambda r: typed_text(r.note)),
)


def category_model(parent: QObject | None = None) -> FrozenRowModel[CategoryRow]:
    """Return the data categories model: what is done or kept, under which hold."""
    return FrozenRowModel(CATEGORY_COLUMNS, "Categories", parent)


@dataclass(frozen=True)
class CorrespondenceRow:
    """A note or a message in one list: when (aware UTC), who, what sort, the text."""

    occurred_at: datetime
    author: str
    sort_of: str
    text: str
    note_id: int | None = None


_SORT_OF = {
    "note": QT_TRANSLATE_NOOP("Correspondence", "Internal note"),
    MessageDirection.INCOMING.value: QT_TRANSLATE_NOOP("Correspondence", "From requester (%1)"),
    MessageDirection.OUTGOING.value: QT_TRANSLATE_NOOP("Correspondence", "To requester (%1)"),
}


def correspondence_rows(
    notes: Sequence[NoteRow], messages: Sequence[MessageRow]
) -> list[CorrespondenceRow]:
    """Merge notes and messages into one list, oldest first."""
    rows = [CorrespondenceRow(n.written_at, n.author, "note", n.text, n.note_id) for n in notes]
    rows += [
        CorrespondenceRow(
            m.occurred_at, m.recorded_by, f"{m.direction.value}:{m.channel}", m.summary
        )
        for m in messages
    ]
    return sorted(rows, key=lambda r: r.occurred_at)


def _sort_of_text(row: CorrespondenceRow) -> str:
    kind, _, channel = row.sort_of.partition(":")
    return QCoreApplication.translate("Correspondence", str(_SORT_OF[kind])).replace("%1", channel)


CORRESPONDENCE_COLUMNS: tuple[TableColumn[CorrespondenceRow], ...] = (
    TableColumn(
        QT_TRANSLATE_NOOP("Correspondence", "When"),
        lambda r: local_time(r.occurred_at),
        lambda r: r.occurred_at.timestamp(),
        lambda r: zone_tooltip(r.occurred_at),
    ),
    TableColumn(QT_TRANSLATE_NOOP("Correspondence", "Who"), lambda r: isolate(r.author)),
    TableColumn(QT_TRANSLATE_NOOP("Correspondence", "Kind"), _sort_of_text),
    TableColumn(QT_TRANSLATE_NOOP("Correspondence", "Text"), lambda r: typed_text(r.text)),
)


def correspondence_model(parent: QObject | None = None) -> FrozenRowModel[CorrespondenceRow]:
    """Return the notes-and-messages model."""
    return FrozenRowModel(CORRESPONDENCE_COLUMNS, "Correspondence", parent)


_ATTACHMENT_KIND = {
    AttachmentKind.ORIGINAL_MESSAGE: QT_TRANSLATE_NOOP("Attachments", "Original message"),
    AttachmentKind.CORRESPONDENCE: QT_TRANSLATE_NOOP("Attachments", "Correspondence"),
    AttachmentKind.ID_DOCUMENT: QT_TRANSLATE_NOOP("Attachments", "ID document"),
    AttachmentKind.EVIDENCE: QT_TRANSLATE_NOOP("Attachments", "Evidence"),
}


def size_text(size: int) -> str:
    """Return a byte count in the locale's units (e.g. "1.2 KB")."""
    return QLocale().formattedDataSize(size)


def _attachment_kind(row: AttachmentRow) -> str:
    return QCoreApplication.translate("Attachments", str(_ATTACHMENT_KIND[row.kind]))


def _attachment_name(row: AttachmentRow) -> str:
    return row.file_name + (
        QCoreApplication.translate("Attachments", " (purged)") if row.purged else ""
    )


ATTACHMENT_COLUMNS: tuple[TableColumn[AttachmentRow], ...] = (
    TableColumn(QT_TRANSLATE_NOOP("Attachments", "Name"), _attachment_name),
    TableColumn(
        QT_TRANSLATE_NOOP("Attachments", "Type"),
        lambda r: f"{_attachment_kind(r)} · {r.media_type}",
        lambda r: r.kind.value,
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("Attachments", "Size"), lambda r: size_text(r.size), lambda r: r.size
    ),
    TableColumn(QT_TRANSLATE_NOOP("Attachments", "SHA-256"), lambda r: r.sha256),
    TableColumn(
        QT_TRANSLATE_NOOP("Attachments", "Kept until"), lambda r: iso_date(r.retention_until)
    ),
)


def attachment_model(parent: QObject | None = None) -> FrozenRowModel[AttachmentRow]:
    """Return the attachments model (name, type, size, SHA-256, retention)."""
    return FrozenRowModel(ATTACHMENT_COLUMNS, "Attachments", parent)
