"""Body rows of a letter template: paragraphs, headings, item lists and tables.

A row of ``[[paragraphs]]`` or ``[[annex]]`` holds exactly one of ``text`` (a paragraph),
``heading``, ``items = "<list>"`` (one bullet per entry of a list the letter provides),
``table = "<table>"`` (rows the letter provides, under the ``columns`` headers) or ``rows``
(a table written out in the template, under ``columns``). Everything is checked against the
letter's ``LetterSpec`` when the file is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import TemplateFieldError
from app.reports.template_files import check_placeholders

if TYPE_CHECKING:
    from app.reports.templates import LetterSpec

BLOCK_KINDS = ("text", "heading", "items", "table", "rows")
_BLOCK_OPTIONS = {"when", "indent", "columns", "widths", "empty"}


@dataclass(frozen=True)
class TemplateBlock:
    """One validated body row.

    Attributes:
        kind: ``"text"``, ``"heading"``, ``"items"``, ``"table"`` or ``"rows"`` (a static table).
        text: the paragraph or heading text (with placeholders).
        source: the list (``items``) or table (``table``) the letter fills the block from.
        columns: table header texts. rows: a static table's cells (with placeholders).
        widths: relative column widths, or ``()``. empty: printed when the list or table is
            empty ("" drops the block). when: conditions that must all hold. indent: in characters.
    """

    kind: str
    text: str = ""
    source: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    widths: tuple[float, ...] = ()
    empty: str = ""
    when: tuple[str, ...] = ()
    indent: float = 0.0


def _kind(path: Path, where: str, row: dict[str, object]) -> str:
    kinds = [kind for kind in BLOCK_KINDS if kind in row]
    if len(kinds) != 1:
        problem = "needs exactly one of " + ", ".join(BLOCK_KINDS)
        raise TemplateFieldError(str(path), where, problem)
    return kinds[0]


def _text_list(path: Path, where: str, value: object, spec: LetterSpec) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise TemplateFieldError(str(path), where, "must be a non-empty list of texts")
    return tuple(
        check_placeholders(path, f"{where}[{i}]", text, spec.fields) for i, text in enumerate(value)
    )


def _widths(path: Path, where: str, value: object, count: int) -> tuple[float, ...]:
    if value is None:
        return ()
    numbers = value if isinstance(value, list) else []
    if len(numbers) != count or not all(
        isinstance(w, (int, float)) and 0 < w <= 100 for w in numbers
    ):
        raise TemplateFieldError(str(path), where, f"must list {count} numbers from 0 to 100")
    return tuple(float(w) for w in numbers)


def _source(path: Path, where: str, name: object, known: frozenset[str]) -> str:
    if not isinstance(name, str) or name not in known:
        problem = f"unknown name; known: {', '.join(sorted(known)) or '(none)'}"
        raise TemplateFieldError(str(path), where, problem)
    return name


def _static_rows(
    path: Path, where: str, cells: object, spec: LetterSpec, count: int
) -> tuple[tuple[str, ...], ...]:
    if not isinstance(cells, list) or not cells:
        raise TemplateFieldError(str(path), f"{where}.rows", "must be a list of rows")
    rows = tuple(_text_list(path, f"{where}.rows[{i}]", row, spec) for i, row in enumerate(cells))
    if any(len(row) != count for row in rows):
        raise TemplateFieldError(str(path), f"{where}.rows", "each row needs one cell per column")
    return rows


def _table_block(
    path: Path, where: str, row: dict[str, object], spec: LetterSpec, kind: str
) -> TemplateBlock:
    columns = _text_list(path, f"{where}.columns", row.get("columns"), spec)
    source, rows = "", tuple[tuple[str, ...], ...]()
    if kind == "table":
        source = _source(path, f"{where}.table", row["table"], spec.table_names)
        if len(columns) != spec.table_columns(source):
            problem = f"must list {spec.table_columns(source)} column headers"
            raise TemplateFieldError(str(path), f"{where}.columns", problem)
    else:
        rows = _static_rows(path, where, row["rows"], spec, len(columns))
    widths = _widths(path, f"{where}.widths", row.get("widths"), len(columns))
    return TemplateBlock(kind, source=source, columns=columns, rows=rows, widths=widths)


def _indent(path: Path, where: str, row: dict[str, object]) -> float:
    indent = row.get("indent", 0)
    if not isinstance(indent, (int, float)) or not 0 <= indent <= 8:
        raise TemplateFieldError(str(path), f"{where}.indent", "must be a number from 0 to 8")
    return float(indent)


def parse_block(path: Path, where: str, row: object, spec: LetterSpec) -> TemplateBlock:
    """Validate one ``[[paragraphs]]`` or ``[[annex]]`` row.

    Args:
        path: the template file. where: e.g. ``"paragraphs[3]"``. row: the TOML table.
        spec: what the letter provides.

    Returns:
        The ``TemplateBlock``.

    Raises:
        TemplateFieldError: an unknown key, list, table, placeholder or condition, a wrong
            number of columns, or not exactly one of the block kinds.
    """
    if not isinstance(row, dict):
        raise TemplateFieldError(str(path), where, "must be a table")
    for key in row:
        if key not in BLOCK_KINDS and key not in _BLOCK_OPTIONS:
            raise TemplateFieldError(str(path), f"{where}.{key}", "unknown key")
    kind = _kind(path, where, row)
    if kind in ("text", "heading"):
        text = check_placeholders(path, f"{where}.{kind}", row[kind], spec.fields)
        block = TemplateBlock(kind, text=text, indent=_indent(path, where, row))
    elif kind == "items":
        block = TemplateBlock(
            kind, source=_source(path, f"{where}.items", row["items"], spec.lists)
        )
    else:
        block = _table_block(path, where, row, spec, kind)
    empty = row.get("empty", "")
    return replace(
        block,
        when=spec.check_condition(path, where, row),
        empty=check_placeholders(path, f"{where}.empty", empty, spec.fields),
    )
