"""Codes in error messages shown by their names: which placeholders of the error catalogue
(``resources/translations/errors.zh_CN.toml``) carry a code of the app's enums, and the names
the printed case file gives those codes.

``app.error_text`` applies it; the UI passes its own names (``app.ui.labels.code_label``), so
an error names a kind or a letter as the window's menus and lists do. No Qt here.
"""

from collections.abc import Callable, Mapping
from types import MappingProxyType

from app.reports.case_file_labels import printed_name

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


def code_name(placeholder: str, text: str, labels: CodeLabels | None) -> str:
    """Return the name of the code ``text`` caught by ``placeholder`` where it carries one and
    ``labels`` knows it, else ``text`` unchanged."""
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
