"""Per-jurisdiction letter wording: ``resources/letters/<language>/jurisdictions.toml``.

For each jurisdiction: the regulator to complain to, the judicial remedy, the person's rights,
the legal basis of an extension (absent where the law has none, as in China), the identity
documents a letter asking for proof of identity names (the jurisdiction's own: a Hong Kong
Identity Card, Taiwan's National Identification Card; ``default``'s where it names none), and
the list of refusal grounds a handler may choose from (deadlines.md §3). ``default`` covers
the rest.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from app.errors import TemplateFieldError
from app.reports.template_files import check_placeholders, letters_dir, parse_toml, read_bytes

_TEXTS = ("regulator", "judicial_remedy", "rights")
_OPTIONAL = ("extension_basis", "identity_documents")


@dataclass(frozen=True)
class JurisdictionTerms:
    """One jurisdiction's wording in one language.

    Attributes:
        regulator: the supervisory authority and how to reach it.
        judicial_remedy: the right to sue or to a judicial remedy.
        rights: the person's rights, in one paragraph.
        extension_basis: the law allowing an extension, or ``None`` where none exists.
        identity_documents: examples of a valid identity document in that jurisdiction (e.g.
            "香港身份證、護照"), printed inside a sentence; ``default``'s where it has none.
        grounds: refusal-ground key -> printed ground with its legal source.
    """

    regulator: str
    judicial_remedy: str
    rights: str
    extension_basis: str | None
    grounds: Mapping[str, str]
    identity_documents: str = ""


def _text(path: Path, where: str, value: object) -> str:
    return check_placeholders(path, where, value, frozenset())


def _jurisdiction(path: Path, code: str, table: object) -> JurisdictionTerms:
    if not isinstance(table, dict):
        raise TemplateFieldError(str(path), code, "must be a table")
    for key in table:
        if key not in (*_TEXTS, *_OPTIONAL, "grounds"):
            raise TemplateFieldError(str(path), f"{code}.{key}", "unknown key")
    texts = {key: _text(path, f"{code}.{key}", table.get(key)) for key in _TEXTS}
    extension, documents = table.get("extension_basis"), table.get("identity_documents")
    grounds = table.get("grounds", {})
    if not isinstance(grounds, dict):
        raise TemplateFieldError(str(path), f"{code}.grounds", "must be a table of texts")
    return JurisdictionTerms(
        regulator=texts["regulator"],
        judicial_remedy=texts["judicial_remedy"],
        rights=texts["rights"],
        extension_basis=None
        if extension is None
        else _text(path, f"{code}.extension_basis", extension),
        grounds={key: _text(path, f"{code}.grounds.{key}", v) for key, v in grounds.items()},
        identity_documents=_text(path, f"{code}.identity_documents", documents)
        if documents is not None
        else "",
    )


def load_jurisdictions(
    language: str, templates_dir: Path | None = None
) -> tuple[Mapping[str, JurisdictionTerms], str]:
    """Load ``<language>/jurisdictions.toml``.

    Returns:
        (jurisdiction code -> wording, with a ``default`` entry; SHA-256 of the file's bytes).

    Raises:
        TemplateError: missing or unreadable file.
        TemplateFieldError: a missing text or ``default`` table, an unknown key, or braces
            (``identity_documents`` is optional; without it in ``default`` too, it is "").
    """
    path = letters_dir(templates_dir, language) / "jurisdictions.toml"
    raw, sha256 = read_bytes(path)
    return _parse(path, raw), sha256


@functools.lru_cache(maxsize=16)
def _parse(path: Path, raw: bytes) -> Mapping[str, JurisdictionTerms]:
    data = parse_toml(path, raw)
    if "default" not in data:
        raise TemplateFieldError(str(path), "default", "missing table")
    table = {code: _jurisdiction(path, code, each) for code, each in data.items()}
    # A jurisdiction naming no identity documents of its own names the default's.
    fallback = table["default"].identity_documents
    return {
        code: each if each.identity_documents else replace(each, identity_documents=fallback)
        for code, each in table.items()
    }


def for_jurisdiction(
    table: Mapping[str, JurisdictionTerms], jurisdiction: str
) -> JurisdictionTerms:
    """Return the wording for ``jurisdiction`` (case-insensitive), else the ``default``."""
    return table.get(jurisdiction.upper(), table["default"])
