"""Models and layout helpers of the data-inventory settings page."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CategoryActionKind
from app.services.workflow.inventory import DataCategory, RetentionRule
from app.ui.labels import ui_language
from app.ui.legal_source_text import legal_source_text
from app.ui.settings_table import Column, RowTableModel

VISIBLE_ROWS = 4
DELETION_EFFECTS = (
    CategoryActionKind.DELETE,
    CategoryActionKind.ANONYMISE,
    CategoryActionKind.LEGAL_HOLD,
)


def effect_text(action: CategoryActionKind) -> str:
    """Return the translated effect of a deletion on a category."""
    texts = {
        CategoryActionKind.DELETE: QCoreApplication.translate("Inventory", "Delete"),
        CategoryActionKind.ANONYMISE: QCoreApplication.translate("Inventory", "Anonymise"),
        CategoryActionKind.LEGAL_HOLD: QCoreApplication.translate("Inventory", "Keep (legal hold)"),
    }
    return texts.get(action, action.value)


class CategoriesModel(RowTableModel[DataCategory]):
    """Categories: name in the UI language, key, deletion effect, hold rule (the name first:
    the key is the workflow's code, for the reader who edits one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(
                    self.tr("Name"), lambda c: c.name_zh if ui_language() == "zh" else c.name_en
                ),
                Column(self.tr("Key"), lambda c: c.key),
                Column(self.tr("On deletion"), lambda c: effect_text(c.on_deletion)),
                Column(self.tr("Held under"), lambda c: c.hold_rule or ""),
            ],
            parent,
        )


class RulesModel(RowTableModel[RetentionRule]):
    """Retention rules: name, key, months, start event, legal source (evidence in words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                Column(self.tr("Name"), lambda r: r.title(ui_language())),
                Column(self.tr("Key"), lambda r: r.key),
                Column(self.tr("Months"), lambda r: str(r.months), lambda r: r.months),
                Column(self.tr("Counted from"), lambda r: r.event(ui_language())),
                Column(self.tr("Legal source"), lambda r: legal_source_text(r.source, r.source_zh)),
            ],
            parent,
        )


def label_pairs(*pairs: tuple[str, QWidget]) -> QGridLayout:
    """Lay out (label, field) pairs two to a row, so the tables above keep their width."""
    grid = QGridLayout()
    for number, (text, field) in enumerate(pairs):
        label = QLabel(text)
        label.setBuddy(field)
        row, column = divmod(number, 2)
        grid.addWidget(label, row, column * 2)
        grid.addWidget(field, row, column * 2 + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return grid


def editor_box(
    can_change: bool, box: QGroupBox, table: QTableView, form: QGridLayout, *buttons: QPushButton
) -> QGroupBox:
    """Lay out ``box``: ``table`` above an editor (``form`` beside its ``buttons``, enabled when
    the user ``can_change`` settings), the table at least ``VISIBLE_ROWS`` rows high."""
    editor = QWidget(box)
    editor.setEnabled(can_change)
    row = QHBoxLayout(editor)
    row.setContentsMargins(0, 0, 0, 0)
    row.addLayout(form, 1)
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button)
    column.addStretch()
    row.addLayout(column)
    layout = QVBoxLayout(box)
    layout.addWidget(table, 1)
    layout.addWidget(editor)
    # At 150 % scaling the page, squeezed into the dialog, left each table one and a
    # half rows: rather the page scrolls and the tables show a few rows each.
    rows = VISIBLE_ROWS * table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    scroll_bar = table.horizontalScrollBar().sizeHint().height()  # long legal sources
    table.setMinimumHeight(header + rows + scroll_bar + 2 * table.frameWidth())
    return box
