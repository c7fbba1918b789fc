"""The language files of the triage vocabulary (``resources/triage/languages/<code>.toml``):
how each language is recognised and the request-kind terms written in it, validated.

Every problem raises ``TriageVocabularyError`` naming the file and the dotted field.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from app.errors import TriageVocabularyError
from app.models.enums import CaseKind
from app.services.intake.vocabulary_fields import TomlReader

LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")  # ISO 639-1


@dataclass(frozen=True)
class KindTerm:
    """A word or phrase that points to a request kind (``*`` at the end: word beginning).

    Neutral phrases (``[neutral]`` in a language file, e.g. "lodge a complaint with the
    supervisory authority" in a letter that threatens to) carry kind ``OTHER``: they win over
    the shorter terms inside them and score for nothing.
    """

    text: str
    kind: CaseKind
    strong: bool


@dataclass(frozen=True)
class LanguageVocabulary:
    """One language: how to recognise it and the request terms written in it."""

    code: str
    script: str
    # The one law under which the language is written (Japanese → JP), or ``None`` for a
    # language written under several (English, Chinese, Spanish…): only then does a letter's
    # language decide its jurisdiction (QA9 M5: otherwise the configured default does).
    jurisdiction: str | None
    stopwords: frozenset[str]
    privacy_markers: tuple[str, ...]
    terms: tuple[KindTerm, ...]


def load_languages(folder: Path, jurisdictions: frozenset[str]) -> dict[str, LanguageVocabulary]:
    """Load and validate every ``*.toml`` language file in ``folder``.

    Args:
        folder: the ``languages`` folder.
        jurisdictions: the jurisdiction codes a language may be written under.

    Returns:
        The vocabularies by language code.

    Raises:
        TriageVocabularyError: no file, a file that is not TOML or has a missing, mistyped
            or unknown field, a code other than its file name, an unknown kind or
            jurisdiction, or a term listed for two different kinds.
    """
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise TriageVocabularyError(str(folder), None, "*.toml", "no language files")
    languages = [_language(TomlReader.open(path), jurisdictions) for path in files]
    _reject_conflicting_terms(files, languages)
    return {language.code: language for language in languages}


def _language(file: TomlReader, jurisdictions: frozenset[str]) -> LanguageVocabulary:
    code = file.matching("language", LANGUAGE_CODE)
    if code != file.path.stem:
        file.fail("language", f"must equal the file name ({file.path.stem})")
    kinds = file.table("kinds")
    neutral = file.table("neutral").strings("terms") if "neutral" in set(file.field_names()) else []
    for name in kinds.field_names():
        unknown = set(kinds.table(name).field_names()) - {"strong", "terms"}
        if unknown:
            kinds.fail(name, f"unknown field {sorted(unknown)[0]!r} (expected strong, terms)")
    terms = [
        KindTerm(text, kinds.kind(name, name), strength == "strong")
        for name in kinds.field_names()
        for strength in ("strong", "terms")
        for text in kinds.table(name).strings(strength, required=False)
    ]
    terms += [KindTerm(text, CaseKind.OTHER, False) for text in neutral]
    return LanguageVocabulary(
        code=code,
        script=file.string("script"),
        jurisdiction=(
            file.choice("jurisdiction", jurisdictions)
            if "jurisdiction" in set(file.field_names())
            else None
        ),
        stopwords=frozenset(word.casefold() for word in file.strings("stopwords")),
        privacy_markers=tuple(file.strings("privacy_markers")),
        terms=tuple(terms),
    )


def _reject_conflicting_terms(files: list[Path], languages: list[LanguageVocabulary]) -> None:
    """One surface form must mean one kind, because all vocabularies are searched together."""
    seen: dict[str, CaseKind] = {}
    for path, language in zip(files, languages, strict=True):
        for term in language.terms:
            key = term.text.casefold()
            if seen.setdefault(key, term.kind) != term.kind:
                raise TriageVocabularyError(
                    str(path),
                    None,
                    f"kinds.{term.kind.value}",
                    f"term also listed for {seen[key].value}",
                )
