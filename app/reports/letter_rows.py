"""The rows a response letter lists one item at a time, as plain frozen values: a category's
names in each language, the annex rows of a copy of the data, corrected items, the categories
kept after a deletion and the grounds of a refusal. The letters' facts
(``app.reports.facts``) hold them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models.enums import CategoryActionKind
from app.services.letter_languages import is_chinese
from app.services.workflow.inventory import RetentionRule


@dataclass(frozen=True)
class CategoryNames:
    """A data category's name in each letter language (the data inventory's)."""

    zh: str
    en: str

    def in_language(self, language: str) -> str:
        """Return the name in ``language`` (Chinese for ``"zh"`` and ``"zh-Hant"``: the
        inventory's names are the company's own, kept as written; anything else: English)."""
        return self.zh if is_chinese(language) else self.en


@dataclass(frozen=True)
class DataCopyRow:
    """One row of the annex to an access response: the copy of the personal information.

    Attributes:
        category: e.g. "账号信息". items: the data items with their values (may be long).
        source: where it came from. retention: how long it is kept. An empty ``items``,
            ``source`` or ``retention`` is worded from what the record holds instead
            (``app.reports.annex_cells``: the export and its date, the letter's section on
            sources, the inventory's deletion).
        rule: the inventory's retention rule the category is held under; the letter then
            states that rule's legal basis in its own language instead of ``retention``.
        names: the category's names, printed in the letter's language instead of ``category``.
        exported_date: the day the copy of this category was made (the export recorded done).
        held: ``False`` where the company holds no information in the category.
        on_deletion: what the inventory does to the category on a deletion.
        refused: not in the copy because the request was met only in part (the partial
            refusal gives the grounds, PIPL Art. 50); a held row neither exported nor refused
            nor worded by the handler is refused by the letter (``CopyLeftOutError``).
    """

    category: str
    items: str
    source: str
    retention: str
    rule: RetentionRule | None = None
    names: CategoryNames | None = None
    exported_date: date | None = None
    held: bool = True
    on_deletion: CategoryActionKind | None = None
    refused: bool = False


@dataclass(frozen=True)
class Correction:
    """One corrected or completed item (PIPL Art. 46; GDPR Art. 16): the item and its new value.

    ``names``: the category's names, printed in the letter's language instead of ``item``;
    ``corrected_date``: the day it was corrected. An empty ``corrected_value`` is worded from
    the date (``app.reports.annex_cells``).
    """

    item: str
    corrected_value: str
    names: CategoryNames | None = None
    corrected_date: date | None = None


@dataclass(frozen=True)
class HeldCategory:
    """A category kept after a deletion or cancellation, and why (PIPL Art. 47 ¶2; GDPR
    Art. 17(3)(b)).

    Attributes:
        category: e.g. "订单与交易记录".
        legal_basis: the law that requires keeping it, printed as written when ``rule`` is
            ``None`` (a basis the handler words).
        held_until: the date after which it is deleted or anonymised.
        rule: the inventory's retention rule it is held under; the letter then states that
            rule's legal basis in its own language (``retention_basis`` of ``terms.toml``).
    """

    category: str
    legal_basis: str
    held_until: date
    rule: RetentionRule | None = None


@dataclass(frozen=True)
class RefusalGround:
    """One ground of a refusal, from the jurisdiction's list, with an optional case detail.

    Attributes:
        key: the ground's key in ``jurisdictions.toml`` (e.g. ``"trade_secret"``).
        detail: what it means in this case (printed after the ground), or ``None``.
    """

    key: str
    detail: str | None = None
