"""Settings page: the data inventory — categories of personal information, what a deletion
does to each, and the retention rules (months, start event, legal source) that hold one back.

Edits go to a working copy; Save validates it with the loader's rules and stores it for the
whole team as an override of ``resources/workflow/inventory.toml``.
"""

from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.models.enums import CategoryActionKind
from app.services.settings_inventory import (
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
from app.ui.settings_inventory_editors import CategoryEditor, RuleEditor
from app.ui.settings_inventory_models import CategoriesModel, RulesModel, editor_box


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
        self.category_editor = editor = CategoryEditor()
        # The fields are also the page's own attributes, as before they had a module of their own.
        self.category_key, self.name_zh, self.name_en = editor.key, editor.name_zh, editor.name_en
        self.on_deletion, self.hold_rule = editor.on_deletion, editor.hold_rule
        self.on_deletion.currentIndexChanged.connect(self._effect_changed)
        self._category_editors = editor.fields
        self.put_category_button = QPushButton(self.tr("Add or update category"))
        self.remove_category_button = QPushButton(self.tr("Remove category"))
        self.put_category_button.clicked.connect(self.put_category)
        self.remove_category_button.clicked.connect(self.remove_category)
        return editor_box(
            self._context.can_change,
            box,
            self.categories,
            editor.form,
            self.put_category_button,
            self.remove_category_button,
        )

    def _build_rules(self) -> QGroupBox:
        box = QGroupBox(self.tr("Retention rules"))
        self.rules = row_table(self.rules_model, fit_contents=True)
        self.rules.selectionModel().selectionChanged.connect(self._rule_selected)
        self.rule_editor = editor = RuleEditor()
        self.rule_key, self.months = editor.key, editor.months
        self.rule_name_zh, self.rule_name_en = editor.name_zh, editor.name_en
        self.starts_from_zh, self.starts_from = editor.starts_from_zh, editor.starts_from
        self.source, self.source_zh = editor.source, editor.source_zh
        self._rule_editors = editor.fields
        self.put_rule_button = QPushButton(self.tr("Add or update rule"))
        self.remove_rule_button = QPushButton(self.tr("Remove rule"))
        self.put_rule_button.clicked.connect(self.put_rule)
        self.remove_rule_button.clicked.connect(self.remove_rule)
        return editor_box(
            self._context.can_change,
            box,
            self.rules,
            editor.form,
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
        self.category_editor.show(category)

    def _rule_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.rules.selectionModel().selectedRows()
        rule = self.rules_model.row_at(rows[0].row()) if rows else None
        if rule is None:
            return
        # Read from the working copy: the Chinese source is the inventory's text, kept as is.
        source_zh = str(self._working["rules"].get(rule.key, {}).get("source_zh", ""))
        self.rule_editor.show(rule, source_zh)

    def _effect_changed(self, _index: int) -> None:
        holding = self.on_deletion.currentData() == CategoryActionKind.LEGAL_HOLD.value
        self.hold_rule.setEnabled(holding and self._context.can_change)

    def put_category(self) -> bool:
        """Add the category in the editor, or update the one with its key."""
        key, table = self.category_editor.entry()
        candidate = self._copy()
        candidate["categories"][key] = table
        return self._changed(candidate)

    def remove_category(self) -> bool:
        """Remove the category whose key is in the editor."""
        candidate = self._copy()
        removed = candidate["categories"].pop(self.category_key.text().strip(), None)
        return removed is not None and self._changed(candidate)

    def put_rule(self) -> bool:
        """Add the rule in the editor, or update the one with its key."""
        key, edited = self.rule_editor.entry()
        candidate = self._copy()
        candidate["rules"][key] = edited
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
