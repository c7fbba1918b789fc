"""Letter templates as data: ``resources/letters/<language>/<key>.toml`` plus ``terms.toml``.

A privacy lawyer edits these files without Python. Text is plain (no markup) with
``{placeholders}`` from the fields the letter declares; ``when`` names a condition the letter
declares. Anything else is rejected at load with the file and the field named, so a typo never
reaches a requester.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import TemplateError, TemplateFieldError
from app.reports.template_files import check_placeholders, letters_dir, read_toml
from app.reports.terms import LetterTerms

_TEXT_KEYS = ("title", "reference_line", "date_line", "salutation", "salutation_without_name")
_TABLE_KEYS = {"facts": ("label", "value"), "paragraphs": ("text",), "closing": ("text",)}
_OPTIONAL_ROW_KEYS = {"when", "indent"}


@dataclass(frozen=True)
class LetterSpec:
    """What one kind of letter offers its templates.

    Attributes:
        key: the template key, also the file name (``"acknowledgement"``).
        fields: placeholder names the letter fills in.
        conditions: names a template row may use in ``when``.
    """

    key: str
    fields: frozenset[str]
    conditions: frozenset[str]


@dataclass(frozen=True)
class TemplateRow:
    """One entry of ``facts``, ``paragraphs`` or ``closing``.

    Attributes:
        text: the paragraph text, closing line, or a fact's value.
        label: a fact's label ("" for other rows).
        when: a condition that must hold for the row to print, or ``None``.
        indent: left indent in character widths (closing lines, e.g. 此致).
    """

    text: str
    label: str = ""
    when: str | None = None
    indent: float = 0.0


@dataclass(frozen=True)
class LetterTemplate:
    """A parsed and validated letter template.

    Attributes:
        key, language: which template. path: the file read. sha256: of its bytes.
        texts: ``title``, ``reference_line``, ``date_line``, ``salutation``,
            ``salutation_without_name`` (with placeholders; "" when absent).
        facts, paragraphs, closing: rows in order. signature: lines under the closing.
    """

    key: str
    language: str
    path: Path
    sha256: str
    texts: Mapping[str, str]
    facts: tuple[TemplateRow, ...]
    paragraphs: tuple[TemplateRow, ...]
    closing: tuple[TemplateRow, ...]
    signature: tuple[str, ...]


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
    when = row.get("when")
    if when is not None and when not in spec.conditions:
        problem = f"unknown condition; known: {', '.join(sorted(spec.conditions))}"
        raise TemplateFieldError(str(path), f"{where}.when", problem)
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


def load_template_file(path: Path, spec: LetterSpec, language: str) -> LetterTemplate:
    """Read and validate one template file.

    Args:
        path: the ``.toml`` file. spec: what the letter offers. language: its language code.

    Returns:
        The ``LetterTemplate``.

    Raises:
        TemplateError: unreadable or invalid TOML.
        TemplateFieldError: an unknown key, placeholder or condition, naming file and field.
    """
    data, sha256 = read_toml(path)
    known = {"key", "language", "signature", *_TEXT_KEYS, *_TABLE_KEYS}
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
        paragraphs=_parse_rows(path, data, "paragraphs", spec),
        closing=_parse_rows(path, data, "closing", spec),
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
