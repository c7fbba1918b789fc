"""The editor fields of the data inventory page: one category of personal information (its key,
names in Chinese and English, what a deletion does to it and the rule that holds it back) and
one retention rule (key, months, names, the event it is counted from and its legal source, each
in Chinese and English, as the rule is written in the inventory).

Each shows a table entry in its fields and reads them back as the inventory table's entry.
Their captions keep the translation context of the page they were written in
("InventoryPage"), so the existing Chinese translations still apply.
"""

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from app.models.enums import CategoryActionKind
from app.services.settings_inventory import MAX_MONTHS
from app.services.workflow.inventory import DataCategory, RetentionRule
from app.ui.settings_inventory_models import DELETION_EFFECTS, effect_text, label_pairs


class CategoryEditor:
    """The fields of one category, laid out two to a row in ``form``; ``fields`` maps each
    inventory field name (``""`` for the key) to its editor, for marking a refused value."""

    def __init__(self) -> None:
        self.key, self.name_zh, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        self.on_deletion, self.hold_rule = QComboBox(), QComboBox()
        for action in DELETION_EFFECTS:
            self.on_deletion.addItem(effect_text(action), action.value)
        self.form = label_pairs(
            (QCoreApplication.translate("InventoryPage", "Key"), self.key),
            (QCoreApplication.translate("InventoryPage", "On deletion"), self.on_deletion),
            (QCoreApplication.translate("InventoryPage", "Name (Chinese)"), self.name_zh),
            (QCoreApplication.translate("InventoryPage", "Held under rule"), self.hold_rule),
            (QCoreApplication.translate("InventoryPage", "Name (English)"), self.name_en),
        )
        self.fields: dict[str, QWidget] = {
            "": self.key,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "on_deletion": self.on_deletion,
            "hold_rule": self.hold_rule,
        }

    def show(self, category: DataCategory) -> None:
        """Fill the fields with ``category``."""
        self.key.setText(category.key)
        self.name_zh.setText(category.name_zh)
        self.name_en.setText(category.name_en)
        self.on_deletion.setCurrentIndex(self.on_deletion.findData(category.on_deletion.value))
        self.hold_rule.setCurrentIndex(max(0, self.hold_rule.findData(category.hold_rule)))

    def entry(self) -> tuple[str, dict[str, Any]]:
        """The fields as the inventory table's entry: the key (stripped) and the category's
        table; a hold rule only where a deletion holds the category back (legal hold)."""
        table: dict[str, Any] = {
            "name_zh": self.name_zh.text().strip(),
            "name_en": self.name_en.text().strip(),
            "on_deletion": self.on_deletion.currentData(),
        }
        if table["on_deletion"] == CategoryActionKind.LEGAL_HOLD.value:
            table["hold_rule"] = self.hold_rule.currentData()
        return self.key.text().strip(), table


class RuleEditor:
    """The fields of one retention rule, laid out two to a row in ``form``, Chinese beside
    English; ``fields`` maps each inventory field name (``""`` for the key) to its editor."""

    def __init__(self) -> None:
        self.key, self.source, self.source_zh = QLineEdit(), QLineEdit(), QLineEdit()
        self.name_zh, self.name_en = QLineEdit(), QLineEdit()
        self.starts_from_zh, self.starts_from = QLineEdit(), QLineEdit()
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        # Chinese beside English, as the rule is written in the inventory (name_zh, from_zh,
        # source_zh).
        self.form = label_pairs(
            (QCoreApplication.translate("InventoryPage", "Key"), self.key),
            (QCoreApplication.translate("InventoryPage", "Months"), self.months),
            (QCoreApplication.translate("InventoryPage", "Name (Chinese)"), self.name_zh),
            (QCoreApplication.translate("InventoryPage", "Name (English)"), self.name_en),
            (
                QCoreApplication.translate("InventoryPage", "Counted from (Chinese)"),
                self.starts_from_zh,
            ),
            (
                QCoreApplication.translate("InventoryPage", "Counted from (English)"),
                self.starts_from,
            ),
            (QCoreApplication.translate("InventoryPage", "Legal source (Chinese)"), self.source_zh),
            (QCoreApplication.translate("InventoryPage", "Legal source (English)"), self.source),
        )
        self.fields: dict[str, QWidget] = {
            "": self.key,
            "months": self.months,
            "name_zh": self.name_zh,
            "name_en": self.name_en,
            "from_zh": self.starts_from_zh,
            "from": self.starts_from,
            "source": self.source,
            "source_zh": self.source_zh,
        }

    def show(self, rule: RetentionRule, source_zh: str) -> None:
        """Fill the fields with ``rule``; ``source_zh`` is the Chinese legal source as the
        inventory writes it (kept as is)."""
        self.key.setText(rule.key)
        self.months.setValue(rule.months)
        self.name_zh.setText(rule.name_zh)
        self.name_en.setText(rule.name_en)
        self.starts_from_zh.setText(rule.starts_from_zh)
        self.starts_from.setText(rule.starts_from)
        self.source.setText(rule.source)
        self.source_zh.setText(source_zh)
        for field in (self.source, self.source_zh):
            field.setCursorPosition(0)  # a source reads from its statute's name

    def entry(self) -> tuple[str, dict[str, Any]]:
        """The fields as the inventory table's entry: the key (stripped) and the rule's table.
        An empty name or Chinese text is left out: the key and the English text show then."""
        texts = {name: f for name, f in self.fields.items() if name and isinstance(f, QLineEdit)}
        edited: dict[str, Any] = {"months": self.months.value()}
        edited |= {name: field.text().strip() for name, field in texts.items()}
        edited = {name: value for name, value in edited.items() if value != ""}
        return self.key.text().strip(), edited
