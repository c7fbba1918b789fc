"""Codes in error messages shown by their names: which placeholders of the error catalogue
(``resources/translations/errors.zh_CN.toml``) carry a code of the app's enums, and the names
the printed case file gives those codes; and lists of data categories, named in Chinese from
the data inventory in a Chinese sentence.

``app.error_text`` applies it; the UI passes its own names (``app.ui.labels.code_label``), so
an error names a kind or a letter as the window's menus and lists do. No Qt here.
"""

import re
from collections.abc import Callable, Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from app.reports.case_file_labels import printed_name

if TYPE_CHECKING:
    from app.services.workflow.inventory import DataCategory

CodeLabels = Callable[[str, str], str | None]
"""Names a code in the UI's language: (table, code) -> name, ``None`` for a code it does not
know. Tables: ``kind`` (request kinds), ``status``, ``outcome``, ``letter`` (template keys),
``letter_stage``."""
# Placeholder name -> the table of codes its text comes from. Translators name a placeholder
# so (resources/translations/errors.zh_CN.toml, rule 7); any other placeholder is shown as is.
CODE_PLACEHOLDERS: Mapping[str, str] = MappingProxyType(
    {
        "kind": "kind",
        "case_kind": "kind",
        "letter_kind": "letter",
        "template": "letter",
        "status": "status",
        "current_status": "status",
        "target_status": "status",
        "outcome": "outcome",
        "stage": "letter_stage",
    }
)
# Where a code comes from in the case file's printed names (``printed_name``'s tables).
_PRINTED_TABLE = MappingProxyType(
    {"kind": "kind", "status": "status", "outcome": "outcome", "letter": "template"}
)
_MAX_CODE_LENGTH = 64
# Placeholders holding data categories as ``app.services.workflow.categories.category_names``
# writes them: English names (or keys), each quoted, joined by ", " ("Orders", "Access logs").
CATEGORY_LIST_PLACEHOLDERS = frozenset({"categories"})
_QUOTED_LIST = re.compile(r'"[^"]*"(?:, "[^"]*")*')
_QUOTED = re.compile(r'"([^"]*)"')
_MAX_LIST_LENGTH = 4000


def code_name(
    placeholder: str, text: str, labels: CodeLabels | None, *, chinese: bool = False
) -> str:
    """Return the name of the code ``text`` caught by ``placeholder`` where it carries one and
    ``labels`` knows it, else ``text`` unchanged; a list of data categories in a Chinese
    sentence (``chinese``) by their Chinese names (``category_list_text``)."""
    if placeholder in CATEGORY_LIST_PLACEHOLDERS:
        return category_list_text(text) if chinese else text
    table = CODE_PLACEHOLDERS.get(placeholder)
    if table is None or labels is None or len(text) > _MAX_CODE_LENGTH:
        return text
    # Some messages write a code in words ("account cancellation"): the same code.
    code = text.strip().lower().replace(" ", "_").replace("-", "_")
    return labels(table, code) or text


def printed_labels(language: str) -> CodeLabels:
    """Return the names the printed case file gives codes (``app.reports.case_file_labels``)
    in ``language`` (``zh``, else English): request kinds and statuses in the PIPL's terms
    (查阅, 删除, 注销账号, 投诉举报), outcomes and letters; no letter stages."""
    shown = "zh" if language.lower().startswith("zh") else "en"

    def name(table: str, code: str) -> str | None:
        printed_table = _PRINTED_TABLE.get(table)
        if printed_table is None or not code:
            return None
        printed = printed_name(printed_table, code, shown)
        return None if printed == code else printed

    return name


def category_list_text(text: str) -> str:
    """Return a quoted list of data categories (``"Orders and transactions", "Access logs"``)
    by the inventory's Chinese names, in Chinese quotation marks joined by the enumeration
    comma (``“订单与交易记录”、“访问日志”``, GB/T 15834-2011); an item the inventory does not
    know (matched by key or English name) keeps its text, and a text that is no such list
    (a name holding a double quote) is returned unchanged.

    The names are the shipped inventory's (``resources/workflow/inventory.toml``): a message
    carries no session, so a category renamed or added in Settings shows as the message wrote
    it.
    """
    if len(text) > _MAX_LIST_LENGTH or not _QUOTED_LIST.fullmatch(text):
        return text
    return "、".join(f"“{_chinese_category_name(name)}”" for name in _QUOTED.findall(text))


def _chinese_category_name(name: str) -> str:
    category = _categories_by_name().get(name.casefold())
    return category.name_zh if category is not None and category.name_zh else name


@cache
def _categories_by_name() -> Mapping[str, "DataCategory"]:
    """The shipped inventory's categories by casefolded key and English name."""
    # The inventory's loader brings SQLAlchemy: not before the list's first paint (issue 6).
    from app.services.workflow.inventory import load_inventory

    categories = load_inventory().categories.values()
    by_name = {c.name_en.casefold(): c for c in categories if c.name_en}
    return MappingProxyType(by_name | {c.key.casefold(): c for c in categories})
