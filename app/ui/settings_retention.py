"""Settings page: retention periods — the months of each retention rule of the data inventory
(statutory ones cannot go below the law) and how long closed case records and ID documents
are kept."""

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import PrivacyDeskError
from app.services.settings_inventory import MAX_MONTHS, STATUTORY_MINIMUMS
from app.services.settings_retention import (
    MAX_ID_DOCUMENT_DAYS,
    current_case_retention_policy,
    save_case_retention,
    set_rule_months,
)
from app.services.workflow.inventory import RetentionRule, current_inventory
from app.ui.labels import ui_language
from app.ui.settings_context import SettingsContext, read_only_notice, report_failure, report_saved
from app.ui.settings_errors import FieldPlace


class RetentionPage(QWidget):
    """One months field per retention rule, and the case-record periods; one Save button."""

    def __init__(self, context: SettingsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.rule_months: dict[str, QSpinBox] = {}
        self._rule_titles: dict[str, str] = {}
        self._loaded: dict[str, int] = {}
        layout = QVBoxLayout(self)
        notice = read_only_notice(context)
        if notice is not None:
            layout.addWidget(notice)
        self._rules_box = QGroupBox(self.tr("Retention rules of the data inventory"))
        self._rules_form = QFormLayout(self._rules_box)
        layout.addWidget(self._rules_box)
        layout.addWidget(self._build_case_records())
        layout.addLayout(self._build_buttons())
        layout.addStretch()
        self.load()

    def _build_case_records(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case records"))
        self.closed_case_months = self._spin(1, 1200, self.tr(" months"))
        self.id_document_days = self._spin(0, MAX_ID_DOCUMENT_DAYS, self.tr(" days"))
        form = QFormLayout(box)
        form.addRow(self.tr("Anonymise closed cases after"), self.closed_case_months)
        form.addRow(self.tr("Purge ID documents after verification"), self.id_document_days)
        note = QLabel(
            self.tr(
                "Company policy: 36 months covers the three-year limitation period of civil "
                "claims (Civil Code Art. 188); ID documents serve only the identity check "
                "(PIPL Art. 50)."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save retention periods"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(self._context.can_change)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.save_button)
        return row

    def _spin(self, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setEnabled(self._context.can_change)
        return spin

    def dirty(self) -> bool:
        """Return whether a rule's months differ from what was loaded (unsaved)."""
        return any(self._loaded.get(key) != spin.value() for key, spin in self.rule_months.items())

    def load(self) -> None:
        """Show the team's current periods (stored, else the shipped inventory's)."""
        with self._context.database.session() as session:
            rules = list(current_inventory(session).rules.values())
            policy = current_case_retention_policy(session)
        while self._rules_form.rowCount():
            self._rules_form.removeRow(0)
        self.rule_months = {}
        self._loaded = {rule.key: rule.months for rule in rules}
        self._rule_titles = {rule.key: rule.title(ui_language()) for rule in rules}
        for rule in rules:
            # A statutory period cannot be dialled below the law; the service still refuses
            # it (a stored value, the command line), with the law named.
            floor = STATUTORY_MINIMUMS.get(rule.key)
            spin = self._spin(floor.months if floor else 1, MAX_MONTHS, self.tr(" months"))
            spin.setValue(rule.months)
            spin.setToolTip(rule.source)
            self.rule_months[rule.key] = spin
            self._rules_form.addRow(self._rule_label(rule), spin)
        self.closed_case_months.setValue(policy.closed_case_months)
        self.id_document_days.setValue(policy.id_document_days)

    def _rule_label(self, rule: RetentionRule) -> QLabel:
        minimum = STATUTORY_MINIMUMS.get(rule.key)
        language = ui_language()
        text = self.tr("%1 (from %2)").replace("%1", rule.title(language))
        text = text.replace("%2", rule.event(language))
        if minimum is not None:
            text += "\n" + self.tr("statutory minimum %n month(s)", "", minimum.months)
        label = QLabel(text)
        label.setToolTip(minimum.source if minimum else "")
        return label

    def place(self, key: str) -> FieldPlace | None:
        """Return where the setting ``key`` is edited: a rule's months
        (``rules.ecommerce_art31.months``) by the rule's name, or a case-record period."""
        periods = {
            "retention.closed_case_months": self.closed_case_months,
            "retention.id_document_days": self.id_document_days,
        }
        if key in periods:
            return FieldPlace(periods[key])
        rule = key.removeprefix("rules.").removesuffix(".months")
        if key.startswith("rules.") and rule in self.rule_months:
            return FieldPlace(self.rule_months[rule], self._rule_titles[rule])
        return None

    def save(self) -> bool:
        """Store every period in one transaction; a refused value keeps the form as typed."""
        months = {key: spin.value() for key, spin in self.rule_months.items()}
        changed = {key: value for key, value in months.items() if self._loaded.get(key) != value}
        try:
            with self._context.database.session() as session:
                if changed:  # untouched rules keep following the shipped inventory
                    set_rule_months(session, changed, actor=self._context.actor())
                save_case_retention(
                    session,
                    closed_case_months=self.closed_case_months.value(),
                    id_document_days=self.id_document_days.value(),
                    actor=self._context.actor(),
                )
        except PrivacyDeskError as error:
            report_failure(self, error, self.place)
            return False
        self._loaded = months
        report_saved(self, self.tr("The retention periods are saved."))
        return True
