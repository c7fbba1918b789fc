"""Per-language words shared by all letters: ``resources/letters/<language>/terms.toml``."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import TemplateFieldError
from app.reports.template_files import check_placeholders, letters_dir, parse_toml, read_bytes

_TERMS_FIELDS = {
    "date_format": frozenset({"year", "month", "day", "month_name"}),
    "page_number": frozenset({"page", "pages"}),
    "bilingual_note": frozenset(),
}
# A retention rule's legal basis may state the months the team's inventory keeps the data
# (a policy period is a setting); a rule without its own wording is named from the inventory.
RETENTION_BASIS_FIELDS = frozenset({"months"})
OTHER_RETENTION_BASIS_FIELDS = frozenset({"rule", "months", "event"})


@dataclass(frozen=True)
class LetterTerms:
    """Per-language words shared by all letters (``terms.toml``).

    Attributes:
        kinds: printed name of each request kind, by ``CaseKind`` value.
        legal_basis: the law in general terms by jurisdiction code, with a ``default`` entry.
        kinds_by_jurisdiction: jurisdiction code -> ``CaseKind`` value -> the kind's name
            where that law names it otherwise (see ``kind_for``): "copy" says "including
            transfer" only where the law gives a portability right (PIPL Art. 45(3), GDPR
            Art. 20, ...); a jurisdiction without one (HK, TW, ...) has its own entry.
        legal_basis_by_kind: jurisdiction code -> ``CaseKind`` value -> the law with the
            provision that gives that right (e.g. HK access: PDPO ss. 18-19); where a kind has
            no entry, ``legal_basis`` is used (see ``law_for``).
        wording_by_jurisdiction: jurisdiction code -> (common word, that jurisdiction's word)
            pairs, in file order, replaced in a template's own text before it is filled (see
            ``wording_for``): one Traditional Chinese template serves Hong Kong and Taiwan,
            whose legal usage differs (e.g. 身份 in HK, 身分 in Taiwan's 個人資料保護法).
        letterhead_words: (word, replacement) pairs for the letterhead's address on letters
            of this language, e.g. the Simplified label 邮政编码 as 郵政編碼 on a Traditional
            letter whose letterhead has no Traditional address (``Letterhead.in_traditional``).
        letterhead_words_by_jurisdiction: jurisdiction code -> further pairs, applied after
            those (Taiwan writes 郵遞區號); see ``letterhead_words_for``.
        date_format: e.g. ``"{year}年{month}月{day}日"``.
        month_names: twelve month names for ``{month_name}``.
        page_number: e.g. ``"第 {page} 页 共 {pages} 页"``.
        bilingual_note: printed under the title of a bilingual letter (which text prevails).
        retention_basis: the legal basis of each retention rule of the data inventory (rule
            key -> text, may hold ``{months}``), as a letter states why data is kept (PIPL
            Art. 47 ¶2; GDPR Art. 17(3)(b)).
        other_retention_basis: how a rule without an entry (one added in settings) is stated,
            from its ``{rule}`` name, ``{months}`` and ``{event}`` they count from.
        path, sha256: the file read and the SHA-256 of its bytes.
    """

    path: Path
    sha256: str
    kinds: Mapping[str, str]
    legal_basis: Mapping[str, str]
    date_format: str
    month_names: tuple[str, ...]
    page_number: str
    bilingual_note: str
    retention_basis: Mapping[str, str] = field(default_factory=dict)
    other_retention_basis: str = ""
    legal_basis_by_kind: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    kinds_by_jurisdiction: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    wording_by_jurisdiction: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    letterhead_words: tuple[tuple[str, str], ...] = ()
    letterhead_words_by_jurisdiction: Mapping[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict
    )

    def letterhead_words_for(self, jurisdiction: str) -> tuple[tuple[str, str], ...]:
        """Return the letterhead's word replacements on a letter of ``jurisdiction`` (any
        case): ``letterhead_words``, then the jurisdiction's own."""
        own = self.letterhead_words_by_jurisdiction.get(jurisdiction.upper(), ())
        return (*self.letterhead_words, *own)

    def wording_for(self, jurisdiction: str) -> tuple[tuple[str, str], ...]:
        """Return the word replacements of ``jurisdiction`` (any case), ``()`` if it has none.

        Returns:
            (common word, the jurisdiction's word) pairs, applied in order to the template's
            text only: never to names, dates or other values filled into it.
        """
        return self.wording_by_jurisdiction.get(jurisdiction.upper(), ())

    def kind_for(self, jurisdiction: str, kind: str) -> str:
        """Return the printed name of a request of ``kind`` in ``jurisdiction``.

        Args:
            jurisdiction: rule-set code, any case (``"tw"`` or ``"TW"``).
            kind: ``CaseKind`` value, e.g. ``"copy"``.

        Returns:
            ``kinds_by_jurisdiction[J][kind]``, else ``kinds[kind]``.

        Raises:
            KeyError: ``kind`` has no name (``load_terms`` checks the kinds it is given).
        """
        return (
            self.kinds_by_jurisdiction.get(jurisdiction.upper(), {}).get(kind) or self.kinds[kind]
        )

    def law_for(self, jurisdiction: str, kind: str) -> str:
        """Return the law a request of ``kind`` (a ``CaseKind`` value) is made under.

        Args:
            jurisdiction: rule-set code, any case (``"hk"`` or ``"HK"``).
            kind: ``CaseKind`` value, e.g. ``"access"``.

        Returns:
            ``legal_basis_by_kind[J][kind]``, else ``legal_basis[J]``, else the ``default``
            (used only for a jurisdiction without a rule set).
        """
        code = jurisdiction.upper()
        by_kind = self.legal_basis_by_kind.get(code, {})
        if kind in by_kind:
            return by_kind[kind]
        return self.legal_basis.get(code, self.legal_basis["default"])


def _string_table(
    path: Path, data: dict[str, Any], key: str, allowed: frozenset[str] = frozenset()
) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise TemplateFieldError(str(path), key, "must be a table of texts")
    return {
        name: check_placeholders(path, f"{key}.{name}", v, allowed) for name, v in table.items()
    }


def _require_entries(path: Path, section: str, table: Mapping[str, str], keys: list[str]) -> None:
    for key in keys:
        if key not in table:
            raise TemplateFieldError(str(path), f"{section}.{key}", "missing entry")


def _month_names(path: Path, months: object) -> tuple[str, ...]:
    if not isinstance(months, list) or len(months) != 12:
        raise TemplateFieldError(str(path), "month_names", "must list twelve month names")
    return tuple(check_placeholders(path, "month_names", m, frozenset()) for m in months)


def load_terms(
    language: str, templates_dir: Path | None = None, kinds: frozenset[str] = frozenset()
) -> LetterTerms:
    """Load ``<language>/terms.toml``.

    Args:
        language: ``"zh"``, ``"en"``, ... templates_dir: the ``letters`` folder or ``None``.
        kinds: ``CaseKind`` values that must each have a name.

    Raises:
        TemplateError: missing or unreadable file.
        TemplateFieldError: a missing kind or ``legal_basis.default``, or a bad placeholder.
    """
    path = letters_dir(templates_dir, language) / "terms.toml"
    raw, sha256 = read_bytes(path)
    return _parse_terms(path, raw, sha256, kinds)


@functools.lru_cache(maxsize=64)
def _parse_terms(path: Path, raw: bytes, sha256: str, kinds: frozenset[str]) -> LetterTerms:
    """Parse and validate (cached per file content: batches load the terms once)."""
    data = parse_toml(path, raw)
    for key in data:
        if key not in {
            "kinds",
            "legal_basis",
            "month_names",
            _BY_KIND,
            _KINDS_BY_JURISDICTION,
            _WORDING,
            _LETTERHEAD_WORDS,
            _LETTERHEAD_WORDS_BY_JURISDICTION,
            *_RETENTION,
            *_TERMS_FIELDS,
        }:
            raise TemplateFieldError(str(path), key, "unknown key")
    names, basis = _string_table(path, data, "kinds"), _string_table(path, data, "legal_basis")
    _require_entries(path, "kinds", names, sorted(kinds))
    _require_entries(path, "legal_basis", basis, ["default"])
    months = _month_names(path, data.get("month_names"))
    formats = {
        key: check_placeholders(path, key, data.get(key), allowed)
        for key, allowed in _TERMS_FIELDS.items()
    }
    return LetterTerms(
        path=path,
        sha256=sha256,
        kinds=names,
        legal_basis=basis,
        month_names=months,
        date_format=formats["date_format"],
        page_number=formats["page_number"],
        bilingual_note=formats["bilingual_note"],
        legal_basis_by_kind=_by_kind(path, data, frozenset(names), _BY_KIND),
        kinds_by_jurisdiction=_by_kind(path, data, frozenset(names), _KINDS_BY_JURISDICTION),
        wording_by_jurisdiction=_wording(path, data.get(_WORDING, {})),
        letterhead_words=_pairs(path, _LETTERHEAD_WORDS, data.get(_LETTERHEAD_WORDS, {})),
        letterhead_words_by_jurisdiction=_wording(
            path, data.get(_LETTERHEAD_WORDS_BY_JURISDICTION, {}), _LETTERHEAD_WORDS_BY_JURISDICTION
        ),
        **_retention_terms(path, data),
    )


_BY_KIND = "legal_basis_by_kind"
_KINDS_BY_JURISDICTION = "kinds_by_jurisdiction"


def _by_kind(
    path: Path, data: dict[str, Any], kinds: frozenset[str], section: str
) -> dict[str, dict[str, str]]:
    """Return ``[<section>.<CODE>]`` tables (optional), each keyed by a kind named in
    ``[kinds]``: a misspelt kind would silently fall back to the general wording."""
    tables = data.get(section, {})
    if not isinstance(tables, dict):
        raise TemplateFieldError(str(path), section, "must be a table of tables")
    result = {}
    for code, table in tables.items():
        where = f"{section}.{code}"
        if not isinstance(table, dict):
            raise TemplateFieldError(str(path), where, "must be a table of texts")
        for kind in table:
            if kind not in kinds:
                raise TemplateFieldError(str(path), f"{where}.{kind}", "unknown key")
        result[code.upper()] = {
            kind: check_placeholders(path, f"{where}.{kind}", text, frozenset())
            for kind, text in table.items()
        }
    return result


_WORDING = "wording_by_jurisdiction"
_LETTERHEAD_WORDS = "letterhead_words"
_LETTERHEAD_WORDS_BY_JURISDICTION = "letterhead_words_by_jurisdiction"


def _wording(
    path: Path, tables: object, section: str = _WORDING
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Return ``[<section>.<CODE>]`` tables (optional; ``[wording_by_jurisdiction.<CODE>]``
    by default) as replacement pairs.

    Raises:
        TemplateFieldError: not a table of tables of texts, an empty word, or a brace in
            either word (a replacement must not add or break a placeholder).
    """
    if not isinstance(tables, dict):
        raise TemplateFieldError(str(path), section, "must be a table of tables")
    return {
        code.upper(): _pairs(path, f"{section}.{code}", table) for code, table in tables.items()
    }


def _pairs(path: Path, where: str, table: object) -> tuple[tuple[str, str], ...]:
    """Return a table of (word = replacement) texts as pairs, in file order.

    Raises:
        TemplateFieldError: not a table of texts, an empty word, or a brace in either word.
    """
    if not isinstance(table, dict):
        raise TemplateFieldError(str(path), where, "must be a table of texts")
    pairs = []
    for common, own in table.items():
        if not common or not isinstance(own, str) or {"{", "}"} & set(common + own):
            problem = "must map a word to a text, neither empty nor with { or }"
            raise TemplateFieldError(str(path), f"{where}.{common}", problem)
        pairs.append((common, own))
    return tuple(pairs)


_RETENTION = ("retention_basis", "other_retention_basis")


def _retention_terms(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    """Return the retention wording (both optional: a terms file written before it has none,
    and a letter stating a held category then says which entry is missing)."""
    bases = (
        _string_table(path, data, "retention_basis", RETENTION_BASIS_FIELDS)
        if "retention_basis" in data
        else {}
    )
    other = data.get("other_retention_basis", "")
    return {
        "retention_basis": bases,
        "other_retention_basis": check_placeholders(
            path, "other_retention_basis", other, OTHER_RETENTION_BASIS_FIELDS
        ),
    }


def swap_words(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    """Return ``text`` with each (word, replacement) of ``pairs`` replaced, in order: the
    terms' ``wording_by_jurisdiction`` in a template, ``letterhead_words`` in an address."""
    for word, replacement in pairs:
        text = text.replace(word, replacement)
    return text
