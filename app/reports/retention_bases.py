"""Why held data is kept, as the deletion-done and account-cancellation letters state it.

A letter tells the data subject the legal basis of every category it keeps (PIPL Art. 47 ¶2:
while a retention period set by law runs, only storage and necessary security measures;
GDPR Art. 17(3)(b)). The inventory's ``source`` of a rule is the team's research note (English,
with evidence tags) and is never printed: the wording comes from ``retention_basis`` of the
letter language's ``terms.toml``, one entry per rule key, so both letters say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import LetterError
from app.reports.letter_rows import HeldCategory
from app.reports.wording_context import Wording
from app.services.letter_languages import is_chinese
from app.services.workflow.inventory import RetentionRule


def retention_basis(rule: RetentionRule, wording: Wording) -> str:
    """Return the legal basis of ``rule`` in the letter's language.

    Args:
        rule: the retention rule as the team's inventory has it (its ``months`` fill a
            ``{months}`` of the wording: a policy period is a setting).
        wording: the letter language's terms.

    Returns:
        The ``retention_basis`` entry of the rule's key; for a rule without one (added in
        settings), ``other_retention_basis`` filled with its name, months and starting event.

    Raises:
        LetterError: the rule has no entry and no name or starting event in the language.
    """
    text = wording.terms.retention_basis.get(rule.key)
    if text is not None:
        return text.format(months=rule.months)
    name, event = _named(rule, wording.language)
    if not (name and event and wording.terms.other_retention_basis):
        raise LetterError(
            f"The retention rule {rule.key} has no wording for letters in this language: "
            "name it and the event its period counts from in Chinese and English in the "
            "data inventory (Settings)."
        )
    return wording.terms.other_retention_basis.format(rule=name, months=rule.months, event=event)


def _named(rule: RetentionRule, language: str) -> tuple[str, str]:
    """The rule's name and starting event in ``language`` ("" where the inventory has none:
    its English event must not stand in a Chinese letter)."""
    if is_chinese(language):
        return rule.name_zh, rule.starts_from_zh
    return rule.name_en, rule.starts_from


def held_rows(held: Sequence[HeldCategory], wording: Wording) -> tuple[tuple[str, str, str], ...]:
    """Return the rows (category, legal basis, kept until) of the held-data table.

    Raises:
        LetterError: a rule without wording in the letter's language (``retention_basis``).
    """
    return tuple(
        (
            item.category,
            retention_basis(item.rule, wording) if item.rule else item.legal_basis,
            wording.date(item.held_until),
        )
        for item in held
    )
