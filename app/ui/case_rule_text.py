"""The case header's Rule row: the rule that counts the statutory deadline with its legal source,
its basis (statute, regulation, guidance, standard or company policy) and how well that source
is confirmed; and, for a due date no rule computed, where that date came from (the regulator's
letter, or set by hand: ``app.services.clock.stated_due_source``).

The texts keep the translation context ``CaseHeader``: they are the header's.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.case_queries import CaseDetail, RuleSource
from app.services.clock import DueDateSource
from app.services.deadlines import Basis, Confidence
from app.ui.calendar_names import stated_calendar_line
from app.ui.legal_source_text import legal_source_text

_CONFIDENCE = {
    Confidence.CONFIRMED: QT_TRANSLATE_NOOP("CaseHeader", "confirmed source"),
    Confidence.SECONDARY: QT_TRANSLATE_NOOP("CaseHeader", "secondary source only"),
    Confidence.UNCONFIRMED: QT_TRANSLATE_NOOP("CaseHeader", "unconfirmed: policy default"),
}
_BASIS = {
    Basis.STATUTE: QT_TRANSLATE_NOOP("CaseHeader", "statute"),
    Basis.REGULATION: QT_TRANSLATE_NOOP("CaseHeader", "regulation"),
    Basis.REGULATORY_GUIDANCE: QT_TRANSLATE_NOOP("CaseHeader", "regulatory guidance"),
    Basis.STANDARD: QT_TRANSLATE_NOOP("CaseHeader", "standard"),
    Basis.POLICY: QT_TRANSLATE_NOOP("CaseHeader", "company policy, not law"),
}
# A due date no rule computed: where it came from (app.services.clock.stated_due_source).
_STATED = {
    DueDateSource.REGULATOR_LETTER.value: QT_TRANSLATE_NOOP(
        "CaseHeader", "Set by the regulator's letter; confirm the date against the letter"
    ),
    DueDateSource.BY_HAND.value: QT_TRANSLATE_NOOP(
        "CaseHeader",
        "Set by hand, before the statutory deadline, which is still counted and binds if it "
        "falls earlier",
    ),
}
# A date set by hand on the statutory date itself (the Set the due date dialog offers it).
_BY_HAND_ON_STATUTORY = QT_TRANSLATE_NOOP(
    "CaseHeader",
    "Set by hand, on the statutory deadline, which is still counted and binds if it falls earlier",
)


def _on_statutory_date(detail: CaseDetail) -> bool:
    """Whether the due date set by hand is the statutory due date itself."""
    if detail.explanation is None:
        return False
    return detail.row.due_date == detail.explanation.deadline.effective_due_date


def is_stated_date(rule_ref: str | None) -> bool:
    """Whether ``rule_ref`` (a case's ``rule_ref``) names a due date no rule computed: one set
    by the regulator's letter or by hand, not a statute's rule."""
    return rule_ref in _STATED


def rule_text(detail: CaseDetail) -> str:
    """The Rule row's text for ``detail``: where a stated due date came from, then the rule that
    still counts the statutory date with its legal source and qualifiers; the bare rule
    reference, or "—", when neither is known. Translated in the context ``CaseHeader``."""
    rule, rule_ref = detail.rule, detail.rule_ref
    stated = _STATED.get(rule_ref or "")
    if rule_ref == DueDateSource.BY_HAND.value and _on_statutory_date(detail):
        stated = _BY_HAND_ON_STATUTORY
    said = QCoreApplication.translate("CaseHeader", str(stated)) if stated else None
    if rule_ref == DueDateSource.REGULATOR_LETTER.value and said:
        # A period of working days says whose public holidays it was counted on.
        said = "\n".join(p for p in (said, stated_calendar_line(detail.stated_period)) if p)
    if rule is None:
        return said or rule_ref or "—"
    # A hand date: what set it, then the rule that still counts the statutory date.
    return "\n".join(p for p in (said, _statutory_rule_text(rule)) if p)


def _statutory_rule_text(rule: RuleSource) -> str:
    confidence = QCoreApplication.translate("CaseHeader", str(_CONFIDENCE[rule.confidence]))
    basis = QCoreApplication.translate("CaseHeader", str(_BASIS[rule.basis]))
    source = legal_source_text(rule.source, rule.source_zh)
    # The brackets and separator are translated: Chinese takes full-width （；）.
    qualifiers = QCoreApplication.translate("CaseHeader", "(%1; %2)")
    qualifiers = qualifiers.replace("%1", basis).replace("%2", confidence)
    return f"{rule.rule_ref} — {source}\n{qualifiers}"
