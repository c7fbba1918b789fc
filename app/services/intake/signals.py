"""Evidence found in a message's text: statute citations, law names, request terms, privacy
markers. Matchers are regular expressions built once from the triage vocabularies."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from app.models.enums import CaseKind
from app.services.intake.vocabulary import KindTerm, Statute, TriageRules

_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CHINESE_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "[零〇一二两三四五六七八九十百千0-9０-９]+"
_ROMAN = re.compile(r"^[IVX]+$")


@dataclass(frozen=True)
class Citation:
    """A statute article cited in the text (``kind`` is ``None`` for articles granting none)."""

    statute: Statute
    article: str
    kind: CaseKind | None
    evidence: str


@dataclass(frozen=True)
class TermMatch:
    """A request term found in the text."""

    term: KindTerm
    evidence: str


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def phrase_pattern(text: str) -> str:
    """Return the regex for a vocabulary phrase: any case, any white space between words,
    either apostrophe; word boundaries only around Latin-style words (CJK has none); a
    trailing ``*`` matches the beginning of a word."""
    prefix = text.endswith("*")
    core = text.rstrip("*").strip()
    body = r"\s+".join(re.escape(word) for word in core.split())
    body = body.replace("'", "['’]")
    start = r"(?<!\w)" if core[0].isalnum() and not _is_wide(core[0]) else ""
    closes_word = core[-1].isalnum() and not _is_wide(core[-1])
    end = r"\w*" if prefix else (r"(?!\w)" if closes_word else "")
    return start + body + end


def _alternation(phrases: Iterable[str]) -> str:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest phrase wins at a position
    return "|".join(phrase_pattern(phrase) for phrase in ordered)


@dataclass(frozen=True)
class Matchers:
    """Compiled matchers for one set of triage rules."""

    terms: tuple[tuple[re.Pattern[str], KindTerm], ...]
    markers: re.Pattern[str]
    names: re.Pattern[str]
    name_statutes: dict[str, Statute]
    latin_citation: re.Pattern[str]
    name_first_citation: re.Pattern[str]
    paragraph: re.Pattern[str]


@cache
def matchers(rules: TriageRules) -> Matchers:
    """Compile the matchers for ``rules`` (cached: rules objects are immutable)."""
    term_list = _unique_terms(term for lang in rules.languages.values() for term in lang.terms)
    name_statutes = {
        name.casefold(): statute for statute in rules.statutes for name in statute.names
    }
    names = _alternation(name for statute in rules.statutes for name in statute.names)
    articles = _alternation(rules.article_words)
    number = r"(?P<number>\d{1,4})(?!\d|\.\d)"
    return Matchers(
        terms=tuple((re.compile(phrase_pattern(t.text), re.I), t) for t in term_list),
        markers=re.compile(
            _alternation(m for lang in rules.languages.values() for m in lang.privacy_markers), re.I
        ),
        names=re.compile(f"(?P<name>{names})", re.I),
        name_statutes=name_statutes,
        latin_citation=re.compile(
            rf"(?:{articles})\s*{number}(?=(?P<detail>[^\n;:!?]{{0,45}}?)(?P<name>{names}))", re.I
        ),
        name_first_citation=re.compile(
            rf"(?P<name>{names})[\s》」”\"'’]*(?:的)?\s*(?:(?:{articles})\s*{number}"
            rf"|第\s*(?P<cn>{_CN_NUMBER})\s*条(?:\s*第\s*(?P<cnpara>{_CN_NUMBER})\s*款)?)",
            re.I,
        ),
        paragraph=re.compile(
            rf"^\s*(?:\((?P<p1>\d+|[a-z])\)|,?\s*(?:{_alternation(rules.paragraph_words)})\s*"
            rf"(?P<p2>\d+|(?-i:[IVX]+))|,\s*(?P<p3>(?-i:[IVX]+))\b)",
            re.I,
        ),
    )


def _unique_terms(terms: Iterable[KindTerm]) -> tuple[KindTerm, ...]:
    by_text: dict[str, KindTerm] = {}
    for term in sorted(terms, key=lambda t: (-len(t.text), not t.strong)):
        by_text.setdefault(term.text.casefold(), term)
    return tuple(by_text.values())


def find_terms(text: str, compiled: Matchers) -> list[TermMatch]:
    """Return every request term in ``text``, non-overlapping; where terms overlap, the one
    starting first wins, and of those the longest ("delete my account" over "delete my")."""
    # One search per term: Python's re tries every branch of a big alternation at every
    # position, which is about a hundred times slower on letter-length texts.
    found = [
        (match.start(), -match.end(), term, match.group(0))
        for pattern, term in compiled.terms
        for match in pattern.finditer(text)
    ]
    taken: list[TermMatch] = []
    covered_until = 0
    for start, negative_end, term, evidence in sorted(found, key=lambda item: item[:2]):
        if start >= covered_until:
            taken.append(TermMatch(term, evidence))
            covered_until = -negative_end
    return taken


def find_marker(text: str, compiled: Matchers) -> str | None:
    """Return the first privacy marker (e.g. "personal data", "个人信息") in ``text``."""
    match = compiled.markers.search(text)
    return match.group(0) if match else None


def find_law_names(text: str, compiled: Matchers) -> list[tuple[Statute, str]]:
    """Return the statutes named in ``text`` (with or without an article), in text order."""
    return [
        (compiled.name_statutes[match.group("name").casefold()], match.group("name"))
        for match in compiled.names.finditer(text)
        if match.group("name").casefold() in compiled.name_statutes
    ]


def find_citations(text: str, compiled: Matchers, rules: TriageRules) -> list[Citation]:
    """Return the statute articles cited in ``text``.

    Recognises "Art. 17(1) GDPR", "artículo 15 del RGPD", "Art. 7 Abs. 3 DSGVO", "DSGVO Art.
    15", "《个人信息保护法》第四十五条第三款" and self-naming sections such as "1798.105".
    """
    found = [_latin(match, text, compiled) for match in compiled.latin_citation.finditer(text)]
    found += [_name_first(match, compiled) for match in compiled.name_first_citation.finditer(text)]
    for statute in rules.statutes:
        if statute.self_citing is not None:
            for match in re.finditer(statute.self_citing, text):
                found.append(_citation(statute, match.group(0), None, match.group(0)))
    return [citation for citation in found if citation is not None]


def _latin(match: re.Match[str], text: str, compiled: Matchers) -> Citation | None:
    statute = compiled.name_statutes.get(match.group("name").casefold())
    if statute is None:
        return None
    paragraph = compiled.paragraph.match(match.group("detail"))
    sub = next((g for g in (paragraph.groups() if paragraph else ()) if g), None)
    evidence = " ".join(text[match.start() : match.end("name")].split())
    return _citation(statute, match.group("number"), sub, evidence)


def _name_first(match: re.Match[str], compiled: Matchers) -> Citation | None:
    statute = compiled.name_statutes.get(match.group("name").casefold())
    if statute is None:
        return None
    number = match.group("number") or str(chinese_number(match.group("cn") or ""))
    sub = match.group("cnpara")
    sub = str(chinese_number(sub)) if sub else None
    return _citation(statute, number, sub, " ".join(match.group(0).split()))


def _citation(statute: Statute, number: str, sub: str | None, evidence: str) -> Citation:
    detailed = f"{number}({sub})" if sub else None
    if sub and _ROMAN.match(sub):
        detailed = f"{number}({sub.upper()})"
    kind = statute.articles.get(detailed or "") or statute.articles.get(number)
    return Citation(statute, detailed or number, kind, evidence[:80])


def chinese_number(text: str) -> int:
    """Convert a Chinese or Arabic numeral ("四十五", "45", "４５") to an int (0 if none)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in _CHINESE_UNITS:
            total += (digit or 1) * _CHINESE_UNITS[char]
            digit = 0
        else:
            digit = _CHINESE_DIGITS.get(char, 0)
    return total + digit
