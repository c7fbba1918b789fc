"""The choice at the top of the batch letters dialog: which batch (acknowledgements due,
extension notices due, or chosen cases), which letter, which cases and in which language.

Texts keep the translation contexts they were written in (``BatchLetters`` for the lists,
``BatchLettersDialog`` for the form), so their translations still apply.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from app.reports.case_letters import CASE_TEMPLATES
from app.services.letter_batch import ACKNOWLEDGEMENT, EXTENSION_NOTICE, BatchKind
from app.ui.batch_letters_model import LETTER_LANGUAGES, split_references
from app.ui.batch_letters_work import EACH_CASE
from app.ui.labels import letter_template_label

_KINDS = (
    (BatchKind.ACKNOWLEDGEMENTS_DUE, QT_TRANSLATE_NOOP("BatchLetters", "Acknowledgements due")),
    (BatchKind.EXTENSION_NOTICES_DUE, QT_TRANSLATE_NOOP("BatchLetters", "Extension notices due")),
    (BatchKind.CHOSEN_CASES, QT_TRANSLATE_NOOP("BatchLetters", "Chosen cases")),
)
# Each case's own language first, the default: one click must not write to a German requester
# in Chinese. One language for all remains a choice.
_LANGUAGES = (
    (EACH_CASE, QT_TRANSLATE_NOOP("BatchLetters", "Each case's language")),
    *LETTER_LANGUAGES.items(),
)
_DUE_TEMPLATE = {
    BatchKind.ACKNOWLEDGEMENTS_DUE: ACKNOWLEDGEMENT,
    BatchKind.EXTENSION_NOTICES_DUE: EXTENSION_NOTICE,
}


def _tr(text: object) -> str:
    return QCoreApplication.translate("BatchLetters", str(text))


class BatchChoice(QWidget):
    """Batch kind, letter template, case references and language, as a form.

    A batch of letters that fall due fixes its letter; only "chosen cases" lets the user pick
    the letter and type the references.

    Signals:
        cases_changed(): the batch or the letter changed: another set of cases.
        language_changed(): the language changed (the same cases, other letters).
    """

    cases_changed = Signal()
    language_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind_combo, self.template_combo = QComboBox(), QComboBox()
        self.language_combo = QComboBox()
        for kind, label in _KINDS:
            self.kind_combo.addItem(_tr(label), kind)
        for key in CASE_TEMPLATES:
            self.template_combo.addItem(letter_template_label(key), key)
        for code, label in _LANGUAGES:
            self.language_combo.addItem(_tr(label), code)
        self.references_edit = QLineEdit()
        self.references_edit.setPlaceholderText(
            QCoreApplication.translate("BatchLettersDialog", "Case references, e.g. PD-2026-000123")
        )
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Batch"), self.kind_combo)
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Letter"), self.template_combo)
        form.addRow(QCoreApplication.translate("BatchLettersDialog", "Cases"), self.references_edit)
        form.addRow(
            QCoreApplication.translate("BatchLettersDialog", "Language"), self.language_combo
        )
        self._kind_changed()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.template_combo.currentIndexChanged.connect(lambda _index: self.cases_changed.emit())
        self.language_combo.currentIndexChanged.connect(lambda _i: self.language_changed.emit())

    def _kind_changed(self) -> None:
        due_template = _DUE_TEMPLATE.get(self.kind_combo.currentData())
        chosen = due_template is None
        if due_template is not None:
            self.template_combo.setCurrentIndex(self.template_combo.findData(due_template))
        self.template_combo.setEnabled(chosen)
        self.references_edit.setEnabled(chosen)
        self.cases_changed.emit()

    def template_key(self) -> str:
        """Return the chosen letter's template key (e.g. ``ACKNOWLEDGEMENT``'s)."""
        return str(self.template_combo.currentData())

    def references(self) -> list[str] | None:
        """Return the typed case references for "chosen cases", else ``None`` (the batch
        finds its cases)."""
        if self.kind_combo.currentData() != BatchKind.CHOSEN_CASES:
            return None
        return split_references(self.references_edit.text())

    def each_case_language(self) -> bool:
        """Return whether each case's letter is in that case's own language."""
        return bool(self.language_combo.currentData() == EACH_CASE)

    def plan_language(self) -> str:
        """The language for the whole plan; Chinese stands in while each case has its own
        (the dialog's ``languages`` then decides per letter)."""
        return "zh" if self.each_case_language() else str(self.language_combo.currentData())
