"""The cells of an access response's annex and a correction-done table, worded from what the
case record holds where it holds no text of its own.

The record keeps, per data category, the action done and its date and the handler's note; the
inventory keeps the category's names, what a deletion does to it and the rule that holds it.
A cell never promises what was not recorded: a category not exported says why it is not in the
copy (a request met in part: the partial refusal's grounds) or the letter is refused, one the
company holds nothing in says so, and a retention without a statutory rule says
it is kept only as long as the purposes need (PIPL Arts. 19, 45, 46, 47; GDPR Arts. 5(1)(e),
15, 16). The words are the letter's, in its language (the bilingual letter words each half).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.errors import CopyLeftOutError
from app.models.enums import CategoryActionKind
from app.reports.letter_rows import CategoryNames, Correction, DataCopyRow
from app.reports.retention_bases import retention_basis
from app.reports.wording_context import Wording
from app.services.workflow.inventory import RetentionRule

_WORDS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "none_held": "我们未持有此类个人信息",
        "exported_with_note": "已于{date}导出：{note}",
        "exported": "已于{date}导出副本",
        "refused": "本副本未包含此类个人信息，理由见我们就您请求中未能办理部分所作的答复",
        "source_in_letter": "见本函第五项“个人信息的来源”",
        "not_applicable": "不适用",
        "kept_then_deleted": "仅在实现处理目的所必要的最短期间内保存；您要求删除时予以删除",
        "kept_then_anonymised": (
            "仅在实现处理目的所必要的最短期间内保存；您要求删除时予以匿名化处理"
        ),
        "kept": "仅在实现处理目的所必要的最短期间内保存",
        "corrected_with_note": "{note}（{date}更正）",
        "corrected": "已于{date}按您的请求更正",
        "corrected_undated": "已按您的请求更正",
    },
    "en": {
        "none_held": "We hold no information in this category",
        "exported_with_note": "Exported on {date}: {note}",
        "exported": "Copy exported on {date}",
        "refused": (
            "Not included in this copy: our letter on the part of your request we could not "
            "meet gives the grounds"
        ),
        "source_in_letter": "See section 5, “Where it came from”",
        "not_applicable": "Not applicable",
        "kept_then_deleted": (
            "Kept only as long as the purposes of processing require; deleted when you ask us to"
        ),
        "kept_then_anonymised": (
            "Kept only as long as the purposes of processing require; anonymised when you ask "
            "us to delete it"
        ),
        "kept": "Kept only as long as the purposes of processing require",
        "corrected_with_note": "{note} (corrected on {date})",
        "corrected": "Corrected on {date} as you asked",
        "corrected_undated": "Corrected as you asked",
    },
}
_KEPT = {
    CategoryActionKind.DELETE: "kept_then_deleted",
    CategoryActionKind.ANONYMISE: "kept_then_anonymised",
}


def _word(wording: Wording, key: str, **values: str) -> str:
    """The phrase ``key`` in the letter's language, filled with ``values`` (inserted as
    given: a brace in a handler's note is printed, never read as a placeholder)."""
    return _WORDS[wording.language][key].format(**values)


def data_copy_row(row: DataCopyRow, wording: Wording) -> tuple[str, str, str, str]:
    """Return the annex row (category, data items, source, retention) of ``row``.

    Raises:
        CopyLeftOutError: a category held, not exported, with no reason to state.
        LetterError: the row's retention rule has no wording in the letter's language
            (``retention_basis``).
    """
    category = row.names.in_language(wording.language) if row.names else row.category
    return category, _items(row, wording), _source(row, wording), _retention(row, wording)


def _items(row: DataCopyRow, wording: Wording) -> str:
    note = row.items.strip()
    if not row.held:
        return _word(wording, "none_held")
    if row.exported_date is None:
        return _left_out(row, note, wording)
    day = wording.date(row.exported_date)
    if note:
        return _word(wording, "exported_with_note", date=day, note=note)
    return _word(wording, "exported", date=day)


def _left_out(row: DataCopyRow, note: str, wording: Wording) -> str:
    """Why a category held is not in the copy: the handler's words, or the partial refusal's
    grounds; never left unsaid (PIPL Arts. 45, 50).

    Raises:
        CopyLeftOutError: neither.
    """
    if note:
        return note
    if row.refused:
        return _word(wording, "refused")
    raise CopyLeftOutError()


def _source(row: DataCopyRow, wording: Wording) -> str:
    if row.source.strip():
        return row.source
    return _word(wording, "source_in_letter" if row.held else "not_applicable")


def _retention(row: DataCopyRow, wording: Wording) -> str:
    if row.rule is not None:
        return retention_basis(row.rule, wording)
    if row.retention.strip():
        return row.retention
    if not row.held:
        return _word(wording, "not_applicable")
    return _word(wording, _KEPT.get(row.on_deletion, "kept") if row.on_deletion else "kept")


def kept_row(
    names: CategoryNames,
    rule: RetentionRule | None,
    on_deletion: CategoryActionKind | None,
    wording: Wording,
) -> tuple[str, str]:
    """Return the row (category, how long and why it is kept) of a category of the data
    inventory, worded as the access response's retention column (PIPL Arts. 17, 48).

    Raises:
        LetterError: the rule has no wording in the letter's language (``retention_basis``).
    """
    name = names.in_language(wording.language)
    row = DataCopyRow(name, "", "", "", rule=rule, names=names, on_deletion=on_deletion)
    return name, _retention(row, wording)


def correction_row(correction: Correction, wording: Wording) -> tuple[str, str]:
    """Return the row (data item, corrected or completed to) of ``correction``: the item in
    the letter's language, and its new value (the handler's note) with the day it was made;
    without a note, that it was corrected as asked on that day."""
    names = correction.names
    item = names.in_language(wording.language) if names else correction.item
    note = correction.corrected_value.strip()
    day = wording.date(correction.corrected_date)
    if note and day:
        return item, _word(wording, "corrected_with_note", note=note, date=day)
    if note:
        return item, note
    if day:
        return item, _word(wording, "corrected", date=day)
    return item, _word(wording, "corrected_undated")
