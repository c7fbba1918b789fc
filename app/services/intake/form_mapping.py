"""Which column of a web-form export holds what, and which request kind a request-type cell
names, from the header and request-type vocabularies in ``resources/triage/forms.toml``."""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.intake.vocabulary_fields import TomlReader

# Everything but letters and digits: "E-mail *", "邮箱：" and "e mail" compare as one name.
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ColumnMapping:
    """The header of the column holding each field of a request, ``None`` when no column does.

    Attributes:
        name, email, phone, account_id, request_type, details, received_at: header texts as
            they appear in ``FormExport.headers``.
    """

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    account_id: str | None = None
    request_type: str | None = None
    details: str | None = None
    received_at: str | None = None


FIELDS = tuple(field.name for field in fields(ColumnMapping))


@dataclass(frozen=True, eq=False)
class FormVocabulary:
    """Header names per ``ColumnMapping`` field and request-type names per kind, normalised."""

    columns: Mapping[str, tuple[str, ...]]
    request_types: Mapping[CaseKind, tuple[str, ...]]


@cache
def default_form_vocabulary() -> FormVocabulary:
    """Return the shipped vocabulary (``resources/triage/forms.toml``), loaded once.

    Raises:
        TriageVocabularyError: the file is malformed.
    """
    return load_form_vocabulary(resource_path("triage") / "forms.toml")


def load_form_vocabulary(path: Path) -> FormVocabulary:
    """Load and validate a form vocabulary file.

    Args:
        path: the TOML file with ``[columns]`` (one list per ``ColumnMapping`` field) and
            ``[request_types]`` (one list per request kind).

    Returns:
        The vocabulary with every name normalised (see ``normalise_label``).

    Raises:
        TriageVocabularyError: the file is missing or not TOML, a field is unknown or missing,
            or a kind name is not a request kind.
    """
    file = TomlReader.open(path)
    columns, kinds = file.table("columns"), file.table("request_types")
    unknown = set(columns.field_names()) - set(FIELDS)
    if unknown:
        columns.fail(sorted(unknown)[0], "unknown column field")
    return FormVocabulary(
        columns={name: _normalised(columns.strings(name)) for name in FIELDS},
        request_types={
            kinds.kind(name, name): _normalised(kinds.strings(name)) for name in kinds.field_names()
        },
    )


def _normalised(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for label in map(normalise_label, names) if label))


def normalise_label(text: str) -> str:
    """Return ``text`` NFKC-normalised, case-folded, without white space or punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def _match_quality(label: str, names: Sequence[str]) -> tuple[int, int]:
    """(2 exact / 1 contains / 0 none, length of the listed name) for a normalised label."""
    best = (0, 0)
    for name in names:
        if label == name:
            best = max(best, (2, len(name)))
        elif name in label:
            best = max(best, (1, len(name)))
    return best


def propose_mapping(
    headers: Sequence[str], vocabulary: FormVocabulary | None = None
) -> ColumnMapping:
    """Propose which header holds each field.

    Each header is scored against each field's names (exact match over containment, then the
    longer listed name); the best pairs are taken first, one field per header and one header
    per field, so "账号ID" goes to the account and "姓名" to the name.

    Args:
        headers: the export's header texts (already stripped of BOM and white space).
        vocabulary: the names to compare with; the shipped ones when ``None``.

    Returns:
        The proposed mapping; fields with no matching header are ``None``.
    """
    vocabulary = vocabulary or default_form_vocabulary()
    pairs = [
        (_match_quality(normalise_label(header), vocabulary.columns[field]), -index, field, header)
        for index, header in enumerate(headers)
        for field in FIELDS
    ]
    chosen: dict[str, str] = {}
    for quality, _, field, header in sorted(pairs, reverse=True):
        if quality[0] and field not in chosen and header not in chosen.values():
            chosen[field] = header
    return ColumnMapping(**chosen)


def request_kind(cell: str, vocabulary: FormVocabulary | None = None) -> CaseKind | None:
    """Return the request kind a request-type cell names ("删除" → deletion, "Account
    cancellation" → account_cancellation), ``None`` when it names none.

    Args:
        cell: the cell text, in any listed language.
        vocabulary: the names to compare with; the shipped ones when ``None``.
    """
    vocabulary = vocabulary or default_form_vocabulary()
    label = normalise_label(cell)
    if not label:
        return None
    scored = [
        (_match_quality(label, names), kind) for kind, names in vocabulary.request_types.items()
    ]
    quality, kind = max(scored, key=lambda item: item[0])
    return kind if quality[0] else None
