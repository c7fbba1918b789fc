"""Letter templates as data: ``resources/letters/<language>/<key>.toml`` plus ``terms.toml``.

A privacy lawyer edits these files without Python. Text is plain (no markup) with
``{placeholders}`` from the fields the letter declares; ``when`` names a condition the letter
declares. ``title`` may be replaced by the first ``[[titles]]`` row whose conditions hold (a
complaint's acknowledgement must not be titled as a rights request). Anything else is rejected
at load with the file and the field named, so a typo never reaches a requester.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import TemplateError, TemplateFieldError
from app.reports.template_blocks import TemplateBlock, parse_block
from app.reports.template_files import check_placeholders, letters_dir, parse_toml, read_bytes
from app.reports.terms import LetterTerms

_TEXT_KEYS = (
    "title",
    "reference_line",
    "date_line",
    "salutation",
    "salutation_without_name",
    "annex_title",
)
_TABLE_KEYS = {"facts": ("label", "value"), "closing": ("text",)}
_BLOCK_KEYS = ("paragraphs", "annex")
_OPTIONAL_ROW_KEYS = {"when", "indent"}
_TITLE_KEYS = ("when", "text")


@dataclass(frozen=True)
class LetterSpec:
    """What one kind of letter offers its templates.

    Attributes:
        key: the template key, also the file name (``"acknowledgement"``).
        fields: placeholder names the letter fills in.
        conditions: names a template row may use in ``when``.
        lists: names of item lists a body row may print with ``items = "<name>"``.
        tables: (name, number of columns) of tables a body row may print with ``table``.
    """

    key: str
    fields: frozenset[str]
    conditions: frozenset[str]
    lists: frozenset[str] = frozenset()
    tables: tuple[tuple[str, int], ...] = ()

    @property
    def table_names(self) -> frozenset[str]:
        """Return the names of the tables the letter provides."""
        return frozenset(name for name, _columns in self.tables)

    def table_columns(self, name: str) -> int:
        """Return the number of columns of the table ``name`` (0 if unknown)."""
        return dict(self.tables).get(name, 0)

    def check_condition(self, path: Path, where: str, row: Mapping[str, object]) -> tuple[str, ...]:
        """Return a row's ``when`` conditions (all must hold), ``()`` when it has none.

        ``when`` is one condition name or a list of them.

        Raises:
            TemplateFieldError: a condition is not one the letter declares, or not text.
        """
        when = row.get("when", [])
        names = [when] if isinstance(when, str) else when
        if not isinstance(names, list) or not all(name in self.conditions for name in names):
            problem = f"unknown condition; known: {', '.join(sorted(self.conditions))}"
            raise TemplateFieldError(str(path), f"{where}.when", problem)
        return tuple(names)


@dataclass(frozen=True)
class TemplateRow:
    """One entry of ``facts``, ``paragraphs`` or ``closing``.

    Attributes:
        text: the paragraph text, closing line, or a fact's value.
        label: a fact's label ("" for other rows).
        when: conditions that must all hold for the row to print (``()``: always printed).
        indent: left indent in character widths (closing lines, e.g. 此致).
    """

    text: str
    label: str = ""
    when: tuple[str, ...] = ()
    indent: float = 0.0


@dataclass(frozen=True)
class LetterTemplate:
    """A parsed and validated letter template.

    Attributes:
        key, language: which template. path: the file read. sha256: of its bytes.
        texts: ``title``, ``reference_line``, ``date_line``, ``salutation``,
            ``salutation_without_name`` (with placeholders; "" when absent).
        titles: ``[[titles]]`` rows in order, each with ``when`` and ``text``; the first whose
            conditions all hold replaces ``texts["title"]`` (see :meth:`title_for`).
        facts, closing: rows in order. paragraphs, annex: body and annex blocks in order.
        signature: lines under the closing.
    """

    key: str
    language: str
    path: Path
    sha256: str
    texts: Mapping[str, str]
    facts: tuple[TemplateRow, ...]
    paragraphs: tuple[TemplateBlock, ...]
    closing: tuple[TemplateRow, ...]
    signature: tuple[str, ...]
    annex: tuple[TemplateBlock, ...] = ()
    titles: tuple[TemplateRow, ...] = ()

    def title_for(self, conditions: Mapping[str, bool]) -> str:
        """Return the title text (placeholders unfilled) for the letter's condition values.

        Args:
            conditions: a truth value for every condition of the letter's spec.

        Returns:
            The ``text`` of the first ``[[titles]]`` row whose conditions all hold, else
            ``title`` ("" when the template has none).
        """
        chosen = (row.text for row in self.titles if all(conditions[n] for n in row.when))
        return next(chosen, self.texts["title"])


@dataclass(frozen=True)
class TemplateVersion:
    """Identifies the exact template text a letter was produced from (stored beside the PDF).

    Attributes:
        key: template key (``"acknowledgement"``).
        language: ``"zh"`` or ``"en"``.
        sha256: hex SHA-256 over the SHA-256s of the template file's and the terms file's bytes;
            any edit to either changes it.
    """

    key: str
    language: str
    sha256: str


def _parse_row(path: Path, where: str, row: object, spec: LetterSpec) -> TemplateRow:
    if not isinstance(row, dict):
        raise TemplateFieldError(str(path), where, "must be a table")
    required = _TABLE_KEYS[where.split("[")[0]]
    for key in row:
        if key not in required and key not in _OPTIONAL_ROW_KEYS:
            raise TemplateFieldError(str(path), f"{where}.{key}", "unknown key")
    texts = {
        key: check_placeholders(path, f"{where}.{key}", row.get(key), spec.fields)
        for key in required
    }
    when = spec.check_condition(path, where, row)
    indent = row.get("indent", 0)
    if not isinstance(indent, (int, float)) or not 0 <= indent <= 8:
        raise TemplateFieldError(str(path), f"{where}.indent", "must be a number from 0 to 8")
    value = texts.get("value", texts.get("text", ""))
    return TemplateRow(text=value, label=texts.get("label", ""), when=when, indent=float(indent))


def _parse_rows(
    path: Path, data: dict[str, Any], key: str, spec: LetterSpec
) -> tuple[TemplateRow, ...]:
    rows = data.get(key, [])
    if not isinstance(rows, list):
        raise TemplateFieldError(str(path), key, "must be a list of tables ([[" + key + "]])")
    return tuple(_parse_row(path, f"{key}[{index}]", row, spec) for index, row in enumerate(rows))


def _parse_title(path: Path, where: str, row: object, spec: LetterSpec) -> TemplateRow:
    """One ``[[titles]]`` row: a condition and the title printed when it holds."""
    if not isinstance(row, dict):
        raise TemplateFieldError(str(path), where, "must be a table with when and text")
    for key in row:
        if key not in _TITLE_KEYS:
            raise TemplateFieldError(str(path), f"{where}.{key}", "unknown key; use when and text")
    when = spec.check_condition(path, where, row)
    if not when:
        # Without a condition the row would always win: the editor meant to change ``title``.
        problem = "missing; name the condition under which this title replaces title"
        raise TemplateFieldError(str(path), f"{where}.when", problem)
    text = check_placeholders(path, f"{where}.text", row.get("text"), spec.fields)
    if not text.strip():
        raise TemplateFieldError(str(path), f"{where}.text", "must not be empty")
    return TemplateRow(text=text, when=when)


def _parse_titles(path: Path, data: dict[str, Any], spec: LetterSpec) -> tuple[TemplateRow, ...]:
    rows = data.get("titles", [])
    if not isinstance(rows, list):
        raise TemplateFieldError(str(path), "titles", "must be a list of tables ([[titles]])")
    return tuple(_parse_title(path, f"titles[{i}]", row, spec) for i, row in enumerate(rows))


def _parse_blocks(
    path: Path, data: dict[str, Any], key: str, spec: LetterSpec
) -> tuple[TemplateBlock, ...]:
    rows = data.get(key, [])
    if not isinstance(rows, list):
        raise TemplateFieldError(str(path), key, "must be a list of tables ([[" + key + "]])")
    return tuple(parse_block(path, f"{key}[{index}]", row, spec) for index, row in enumerate(rows))


def load_template_file(path: Path, spec: LetterSpec, language: str) -> LetterTemplate:
    """Read and validate one template file.

    Args:
        path: the ``.toml`` file. spec: what the letter offers. language: its language code.

    Returns:
        The ``LetterTemplate``.

    Raises:
        TemplateError: unreadable or invalid TOML.
        TemplateFieldError: an unknown key, placeholder or condition, or a ``[[titles]]`` row
            without a condition or with empty text, naming file and field.
    """
    raw, sha256 = read_bytes(path)
    return _parse_template_file(path, raw, sha256, spec, language)


@functools.lru_cache(maxsize=256)
def _parse_template_file(
    path: Path, raw: bytes, sha256: str, spec: LetterSpec, language: str
) -> LetterTemplate:
    """Parse and validate (cached per file content: batches load each template once)."""
    data = parse_toml(path, raw)
    known = {"key", "language", "signature", "titles", *_TEXT_KEYS, *_TABLE_KEYS, *_BLOCK_KEYS}
    for key in data:
        if key not in known:
            raise TemplateFieldError(str(path), key, "unknown key")
    if data.get("key", spec.key) != spec.key or data.get("language", language) != language:
        raise TemplateFieldError(str(path), "key", f"expected {spec.key!r} in {language!r}")
    texts = {
        key: check_placeholders(path, key, data.get(key, ""), spec.fields) for key in _TEXT_KEYS
    }
    signature = data.get("signature", [])
    if not isinstance(signature, list):
        raise TemplateFieldError(str(path), "signature", "must be a list of lines")
    lines = tuple(
        check_placeholders(path, f"signature[{i}]", line, spec.fields)
        for i, line in enumerate(signature)
    )
    return LetterTemplate(
        key=spec.key,
        language=language,
        path=path,
        sha256=sha256,
        texts=texts,
        signature=lines,
        facts=_parse_rows(path, data, "facts", spec),
        paragraphs=_parse_blocks(path, data, "paragraphs", spec),
        closing=_parse_rows(path, data, "closing", spec),
        annex=_parse_blocks(path, data, "annex", spec),
        titles=_parse_titles(path, data, spec),
    )


def load_template(
    spec: LetterSpec, language: str, templates_dir: Path | None = None
) -> LetterTemplate:
    """Load ``<templates_dir>/<language>/<spec.key>.toml`` (default: the shipped templates).

    Raises:
        TemplateError, TemplateFieldError: as :func:`load_template_file`; no such template.
    """
    path = letters_dir(templates_dir, language) / f"{spec.key}.toml"
    if not path.is_file():
        raise TemplateError(f"{path}: no '{spec.key}' template for language '{language}'")
    return load_template_file(path, spec, language)


def template_version(template: LetterTemplate, terms: LetterTerms) -> TemplateVersion:
    """Return the key, language and SHA-256 of the template and terms files as loaded."""
    digest = hashlib.sha256(f"{template.sha256}:{terms.sha256}".encode())
    return TemplateVersion(key=template.key, language=template.language, sha256=digest.hexdigest())
