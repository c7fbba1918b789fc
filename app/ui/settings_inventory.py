"""Settings page: the data inventory — categories of personal information, what a deletion
does to each, and the retention rules (months, start event, legal source) that hold one back.

Edits go to a working copy; Save validates it with the loader's rules and stores it for the
whole team as an override of ``resources/workflow/inventory.toml``.
"""

from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.models.enums import CategoryActionKind
from app.services.settings_inventory import (
    MAX_MONTHS,
    reset_inventory,
    save_inventory,
    validate_inventory_table,
)
from app.services.workflow.inventory import (
    current_inventory,
    inventory_table,
)
from app.ui.case_detail_tabs import row_table
from app.ui.settings_context import SettingsContext, read_only_notice, report_failure, report_saved
from app.ui.settings_errors import FieldPlace, clear_marks, dotted_place
from app.ui.settings_inventory_models import (
    DELETION_EFFECTS,
    CategoriesModel,
    RulesModel,
    editor_box,
    effect_text,
    label_pairs,
)

"""Rows each table shows at least; the page scrolls when the dialog is smaller."""


class InventoryPage(QWidget):
    """Tables of categories and rules, an editor for each, and Save / Restore shipped."""

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._working: dict[str, Any] = {"rules": {}, "categories": {}}
        self.dirty = False  # the working copy holds changes not yet saved
        self.categories_model = CategoriesModel(self)
        self.rules_model = RulesModel(self)
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        layout.addWidget(self._build_categories(), 1)
        layout.addWidget(self._build_rules(), 1)  # its editor is as tall as the categories'
        layout.addLayout(self._build_buttons())
        self.load()
        self._effect_changed(0)

    def _build_categories(self) -> QGroupBox:
        box = QGroupBox(self.tr("Categories of personal information"))
        self.categories = row_table(self.categories_model, fit_contents=True)
        self.categories.selectionModel().selectionChanged.connect(self._category_selected)
        self.category_key, self.name_zh, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        self.on_deletion, self.hold_rule = QComboBox(), QComboBox()
        for action in DELETION_EFFECTS:
            self.on_deletion.addItem(effect_text(action), action.value)
        self.on_deletion.currentIndexChanged.connect(self._effect_changed)
        form = label_pairs(
            (self.tr("Key"), self.category_key),
            (self.tr("On deletion"), self.on_deletion),
            (self.tr("Name (Chinese)"), self.name_zh),
            (self.tr("Held under rule"), self.hold_rule),
            (self.tr("Name (English)"), self.name_en),
        )
        self._category_editors: dict[str, QWidget] = {
            "": self.category_key,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "on_deletion": self.on_deletion,
            "hold_rule": self.hold_rule,
        }
        self.put_category_button = QPushButton(self.tr("Add or update category"))
        self.remove_category_button = QPushButton(self.tr("Remove category"))
        self.put_category_button.clicked.connect(self.put_category)
        self.remove_category_button.clicked.connect(self.remove_category)
        return editor_box(
            self._context.can_change,
            box,
            self.categories,
            form,
            self.put_category_button,
            self.remove_category_button,
        )

    def _build_rules(self) -> QGroupBox:
        box = QGroupBox(self.tr("Retention rules"))
        self.rules = row_table(self.rules_model, fit_contents=True)
        self.rules.selectionModel().selectionChanged.connect(self._rule_selected)
        self.rule_key, self.source, self.source_zh = QLineEdit(), QLineEdit(), QLineEdit()
        self.rule_name_zh, self.rule_name_en = QLineEdit(), QLineEdit()
        self.starts_from_zh, self.starts_from = QLineEdit(), QLineEdit()
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        # Chinese beside English, as the rule is written in the inventory (name_zh, from_zh,
        # source_zh).
        form = label_pairs(
            (self.tr("Key"), self.rule_key),
            (self.tr("Months"), self.months),
            (self.tr("Name (Chinese)"), self.rule_name_zh),
            (self.tr("Name (English)"), self.rule_name_en),
            (self.tr("Counted from (Chinese)"), self.starts_from_zh),
            (self.tr("Counted from (English)"), self.starts_from),
            (self.tr("Legal source (Chinese)"), self.source_zh),
            (self.tr("Legal source (English)"), self.source),
        )
        self._rule_editors: dict[str, QWidget] = {
            "": self.rule_key,
            "months": self.months,
            "name_zh": self.rule_name_zh,
            "name_en": self.rule_name_en,
            "from_zh": self.starts_from_zh,
            "from": self.starts_from,
            "source": self.source,
            "source_zh": self.source_zh,
        }
        self.put_rule_button = QPushButton(self.tr("Add or update rule"))
        self.remove_rule_button = QPushButton(self.tr("Remove rule"))
        self.put_rule_button.clicked.connect(self.put_rule)
        self.remove_rule_button.clicked.connect(self.remove_rule)
        return editor_box(
            self._context.can_change,
            box,
            self.rules,
            form,
            self.put_rule_button,
            self.remove_rule_button,
        )

    def _build_buttons(self) -> QHBoxLayout:
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save inventory"))
        self.reset_button = QPushButton(self.tr("Restore shipped inventory"))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.reset_button)
        row.addWidget(self.save_button)
        for button in (self.save_button, self.reset_button):
            button.setEnabled(self._context.can_change)
        return row

    def load(self) -> None:
        """Show the team's inventory (stored, else shipped); unsaved edits are dropped."""
        with self._context.database.session() as session:
            self._working = inventory_table(current_inventory(session))
        self._show()
        self.dirty = False
        self.status.setText("")

    def _show(self) -> None:
        inventory = validate_inventory_table(self._working)
        self.categories_model.set_rows(list(inventory.categories.values()))
        self.rules_model.set_rows(list(inventory.rules.values()))
        current = self.hold_rule.currentText()
        self.hold_rule.clear()
        self.hold_rule.addItem(self.tr("(none)"), None)
        for key in inventory.rules:
            self.hold_rule.addItem(key, key)
        self.hold_rule.setCurrentIndex(max(0, self.hold_rule.findText(current)))

    def _changed(self, candidate: dict[str, Any]) -> bool:
        """Take ``candidate`` as the working copy if it is valid; else say why and keep both."""
        try:
            validate_inventory_table(candidate)
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        clear_marks(self)
        self._working = candidate
        self._show()
        self.dirty = True
        self.status.setText(self.tr("Unsaved changes."))
        return True

    def place(self, key: str) -> FieldPlace | None:
        """Return the editor of the inventory setting ``key``: a rule's or a category's field
        (``rules.x.source``, ``categories.x.name_zh``), or its key (``rules.x``)."""
        tables = {"rules": self._rule_editors, "categories": self._category_editors}
        entries = {"rules": self.tr("Retention rule “%1”"), "categories": self.tr("Category “%1”")}
        return dotted_place(key, tables, entries)

    def _copy(self) -> dict[str, Any]:
        return {
            name: {k: dict(v) for k, v in self._working[name].items()}
            for name in ("rules", "categories")
        }

    def _category_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.categories.selectionModel().selectedRows()
        category = self.categories_model.row_at(rows[0].row()) if rows else None
        if category is None:
            return
        self.category_key.setText(category.key)
        self.name_zh.setText(category.name_zh)
        self.name_en.setText(category.name_en)
        self.on_deletion.setCurrentIndex(self.on_deletion.findData(category.on_deletion.value))
        self.hold_rule.setCurrentIndex(max(0, self.hold_rule.findData(category.hold_rule)))

    def _rule_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.rules.selectionModel().selectedRows()
        rule = self.rules_model.row_at(rows[0].row()) if rows else None
        if rule is None:
            return
        self.rule_key.setText(rule.key)
        self.months.setValue(rule.months)
        self.rule_name_zh.setText(rule.name_zh)
        self.rule_name_en.setText(rule.name_en)
        self.starts_from_zh.setText(rule.starts_from_zh)
        self.starts_from.setText(rule.starts_from)
        self.source.setText(rule.source)
        # Read from the working copy: the Chinese source is the inventory's text, kept as is.
        self.source_zh.setText(str(self._working["rules"].get(rule.key, {}).get("source_zh", "")))
        for field in (self.source, self.source_zh):
            field.setCursorPosition(0)  # a source reads from its statute's name

    def _effect_changed(self, _index: int) -> None:
        holding = self.on_deletion.currentData() == CategoryActionKind.LEGAL_HOLD.value
        self.hold_rule.setEnabled(holding and self._context.can_change)

    def put_category(self) -> bool:
        """Add the category in the editor, or update the one with its key."""
        table: dict[str, Any] = {
            "name_zh": self.name_zh.text().strip(),
            "name_en": self.name_en.text().strip(),
            "on_deletion": self.on_deletion.currentData(),
        }
        if table["on_deletion"] == CategoryActionKind.LEGAL_HOLD.value:
            table["hold_rule"] = self.hold_rule.currentData()
        candidate = self._copy()
        candidate["categories"][self.category_key.text().strip()] = table
        return self._changed(candidate)

    def remove_category(self) -> bool:
        """Remove the category whose key is in the editor."""
        candidate = self._copy()
        removed = candidate["categories"].pop(self.category_key.text().strip(), None)
        return removed is not None and self._changed(candidate)

    def put_rule(self) -> bool:
        """Add the rule in the editor, or update the one with its key."""
        candidate = self._copy()
        texts = {
            "name_zh": self.rule_name_zh,
            "name_en": self.rule_name_en,
            "from_zh": self.starts_from_zh,
            "from": self.starts_from,
            "source": self.source,
            "source_zh": self.source_zh,
        }
        edited: dict[str, Any] = {"months": self.months.value()}
        # An empty name or Chinese text is left out: the key and the English text show then.
        edited |= {name: field.text().strip() for name, field in texts.items()}
        edited = {name: value for name, value in edited.items() if value != ""}
        candidate["rules"][self.rule_key.text().strip()] = edited
        return self._changed(candidate)

    def remove_rule(self) -> bool:
        """Remove the rule whose key is in the editor (refused while the workflow needs it)."""
        candidate = self._copy()
        removed = candidate["rules"].pop(self.rule_key.text().strip(), None)
        return removed is not None and self._changed(candidate)

    def save(self) -> bool:
        """Store the working copy for the whole team."""
        try:
            inventory = validate_inventory_table(self._working)
            with self._context.database.session() as session:
                save_inventory(session, inventory, actor=self._context.actor())
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        self.dirty = False
        self.status.setText(self.tr("Saved."))
        report_saved(
            self, self.tr("The data inventory is saved; new deletions are planned with it.")
        )
        return True

    def reset(self) -> None:
        """Forget the stored inventory: the shipped file applies again."""
        try:
            with self._context.database.session() as session:
                reset_inventory(session, actor=self._context.actor())
        except PrivacyDeskError as error:
            report_failure(self, error)
            return
        self.load()
