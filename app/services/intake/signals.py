"""Evidence found in a message's text: statute citations, law names, request terms, privacy
markers, regulators. Phrase searches go through ``phrases.PhraseSet`` (substring prefilter,
then a cached alternation of the few phrases that can occur)."""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from app.models.enums import CaseKind
from app.services.intake.chinese_script import to_simplified
from app.services.intake.phrases import (
    PhraseSet,
    compiled_template,
    fold_case,
    phrase_pattern,
)
from app.services.intake.vocabulary import Regulator, Statute, TriageRules
from app.services.intake.vocabulary_languages import KindTerm

_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CHINESE_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = "[零〇一二两三四五六七八九十百千0-9０-９]+"
_ROMAN = re.compile(r"^[IVX]+$")
# One article of a list: a number with optional bracketed paragraphs, "17(1)", "7 (3)".
_ITEM = r"\d{1,4}(?!\d|\.\d)(?:\s*\(\s*(?:\d{1,3}|[a-z]|[IVX]{1,5})\s*\))*"
_ITEM_PARTS = re.compile(r"(\d{1,4})(?:\s*\(\s*(\d{1,3}|[a-z]|[IVX]{1,5})\s*\))?", re.I)
# Template slots: «0» article words, «1» list words, «2» statute names.
_LIST = rf"{_ITEM}(?:(?:\s*,\s*(?:(?:«1»)\s+)?|\s+(?:«1»)\s+)(?:(?:«0»)\s*)?{_ITEM})*"
_LATIN_CITATION = rf"(?:«0»)\s*(?P<numbers>{_LIST})(?=(?P<detail>[^\n;:!?]{{0,45}}?)(?P<name>«2»))"
# Chinese, Japanese and Korean article citations: 第45条 / 第33条 / 제35조, an optional branch
# article (第35条の2, 제35조의2, 第二十条之一) and paragraph (第三款 / 第1項 / 제1항). The
# ordinal mark may be left out ("個人情報保護法33条"); later items of a list may drop 条 too.
_ORDINAL = "[第제]"
_ARTICLE = "[条條조]"
_BRANCH_NUMBER = "[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}"
_BRANCH = rf"[之の의]\s*(?:{_BRANCH_NUMBER})(?![部分])"  # not "第33条の一部" (part of)
_PARAGRAPH = rf"\s*{_ORDINAL}\s*{_CN_NUMBER}\s*[款項항]"
_CN_ITEM = rf"{_ORDINAL}?\s*{_CN_NUMBER}\s*{_ARTICLE}(?:{_BRANCH})?(?:{_PARAGRAPH})?"
_CN_MORE = rf"{_ORDINAL}?\s*{_CN_NUMBER}\s*{_ARTICLE}?(?:{_BRANCH})?(?:{_PARAGRAPH})?"
_CN_JOINERS = "、|，|,|和|及び|および|並びに|又は|または|以及|及|与|或|및|또는|과|와|·|ㆍ"
_CN_LIST = rf"{_CN_ITEM}(?:\s*(?:{_CN_JOINERS})\s*{_CN_MORE})*"
_CN_ITEM_PARTS = re.compile(
    rf"(?:{_ORDINAL}\s*)?(?P<cn>{_CN_NUMBER})\s*{_ARTICLE}?"
    rf"(?:[之の의]\s*(?P<branch>{_BRANCH_NUMBER})(?![部分]))?"
    rf"(?:\s*{_ORDINAL}\s*(?P<cnpara>{_CN_NUMBER})\s*[款項항])?"
)
# Between a law's name and its article: closing quotes or brackets, one parenthesised aside
# ("（平成15年法律第57号）", "（以下简称“个保法”）") and a possessive (的, の, 의).
_NAME_GAP = r"[\s》」』”\"'’）)]*(?:[（(][^（）()\n]{0,40}[）)][\s》」』”\"'’]*)?(?:的|の|의)?\s*"
_NAME_FIRST = rf"(?P<name>«2»){_NAME_GAP}(?:(?:«0»)\s*(?P<numbers>{_LIST})|(?P<cn>{_CN_LIST}))"

_Named = TypeVar("_Named", Statute, Regulator)


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


@dataclass(frozen=True, eq=False)
class Matchers:
    """Phrase sets and lookup tables for one set of triage rules."""

    terms: dict[str, tuple[re.Pattern[str], KindTerm]]  # term text → its pattern and term
    term_phrases: PhraseSet
    markers: PhraseSet
    names: PhraseSet
    name_statutes: dict[str, Statute]
    articles: PhraseSet
    list_words: tuple[str, ...]
    regulator_names: PhraseSet
    name_regulators: dict[str, Regulator]
    paragraph: re.Pattern[str]


@cache
def matchers(rules: TriageRules) -> Matchers:
    """Build the matchers for ``rules`` (cached: rules objects are immutable)."""
    terms = _unique_terms(term for lang in rules.languages.values() for term in lang.terms)
    name_statutes = _spellings((name, s) for s in rules.statutes for name in s.names)
    name_regulators = _spellings((name, r) for r in rules.regulators for name in r.names)
    paragraph_words = "|".join(
        phrase_pattern(w) for w in sorted(rules.paragraph_words, key=len)[::-1]
    )
    return Matchers(
        terms={term.text: (re.compile(phrase_pattern(term.text), re.I), term) for term in terms},
        term_phrases=PhraseSet.of(term.text for term in terms),
        markers=PhraseSet.of(m for lang in rules.languages.values() for m in lang.privacy_markers),
        names=PhraseSet.of(name_statutes),
        name_statutes=name_statutes,
        articles=PhraseSet.of(rules.article_words),
        list_words=tuple(sorted(set(rules.list_words))),
        regulator_names=PhraseSet.of(name_regulators),
        name_regulators=name_regulators,
        paragraph=re.compile(
            rf"^\s*(?:\((?P<p1>\d+|[a-z])\)|,?\s*(?:{paragraph_words})\s*"
            rf"(?P<p2>\d+|(?-i:[IVX]+))|,\s*(?P<p3>(?-i:[IVX]+))\b)",
            re.I,
        ),
    )


def _spellings(names: Iterable[tuple[str, _Named]]) -> dict[str, _Named]:
    """Case-folded names, each also in Simplified characters: Chinese letters are matched in
    Simplified (``chinese_script``), so 個人情報保護法 must be found as 个人情报保护法 too."""
    found: dict[str, _Named] = {}
    for name, value in names:
        found.setdefault(name.casefold(), value)
        found.setdefault(to_simplified(name).casefold(), value)
    return found


def _unique_terms(terms: Iterator[KindTerm]) -> tuple[KindTerm, ...]:
    by_text: dict[str, KindTerm] = {}
    for term in sorted(terms, key=lambda t: (-len(t.text), not t.strong)):
        by_text.setdefault(term.text.casefold(), term)
    return tuple(by_text.values())


def find_terms(text: str, compiled: Matchers) -> list[TermMatch]:
    """Return every request term in ``text``, non-overlapping; where terms overlap, the one
    starting first wins, and of those the longest ("delete my account" over "delete my")."""
    # One search per term that can occur: an alternation would lose which term matched and
    # how long each candidate match is at a position.
    found = [
        (match.start(), -match.end(), term, match.group(0))
        for phrase in compiled.term_phrases.present(fold_case(text))
        for pattern, term in (compiled.terms[phrase],)
        for match in pattern.finditer(text)
    ]
    taken: list[TermMatch] = []
    covered_until = 0
    for start, negative_end, term, evidence in sorted(found, key=lambda item: item[:2]):
        if start >= covered_until:
            taken.append(TermMatch(term, evidence))
            covered_until = -negative_end
    return taken


def _phrase_matches(text: str, phrases: PhraseSet) -> Iterator[re.Match[str]]:
    present = phrases.present(fold_case(text))
    if present:
        yield from compiled_template("(?P<name>«0»)", present).finditer(text)


def find_marker(text: str, compiled: Matchers) -> str | None:
    """Return the first privacy marker (e.g. "personal data", "个人信息") in ``text``."""
    return next((match.group(0) for match in _phrase_matches(text, compiled.markers)), None)


def find_law_names(text: str, compiled: Matchers) -> list[tuple[Statute, str]]:
    """Return the statutes named in ``text`` (with or without an article), in text order."""
    return [
        (compiled.name_statutes[match.group("name").casefold()], match.group("name"))
        for match in _phrase_matches(text, compiled.names)
        if match.group("name").casefold() in compiled.name_statutes
    ]


def find_regulators(text: str, compiled: Matchers) -> list[tuple[Regulator, str]]:
    """Return the data-protection authorities named in ``text``, in text order."""
    return [
        (compiled.name_regulators[match.group("name").casefold()], match.group("name"))
        for match in _phrase_matches(text, compiled.regulator_names)
        if match.group("name").casefold() in compiled.name_regulators
    ]


def find_citations(text: str, compiled: Matchers, rules: TriageRules) -> list[Citation]:
    """Return the statute articles cited in ``text``, each article of a list counted.

    Recognises "Art. 17(1) GDPR", "Articles 15 and 20 GDPR", "artículo 15 del RGPD", "Art. 7
    Abs. 3 DSGVO", "DSGVO Art. 15", "《个人信息保护法》第四十五条第三款", "…第四十五条、第四十七条",
    "個人情報保護法第33条", "「개인정보 보호법」 제35조의2" and self-naming sections such as
    "1798.105".
    """
    found: list[Citation] = []
    folded = fold_case(text)
    names = compiled.names.present(folded)
    if names:
        slots = (compiled.articles.present(folded), compiled.list_words, names)
        for match in compiled_template(_LATIN_CITATION, *slots).finditer(text):
            found += _latin(match, text, compiled)
        for match in compiled_template(_NAME_FIRST, *slots).finditer(text):
            found += _name_first(match, compiled)
    for statute in rules.statutes:
        if statute.self_citing is not None:
            for match in re.finditer(statute.self_citing, text):
                found.append(_citation(statute, match.group(0), None, match.group(0)))
    return found


def _latin(match: re.Match[str], text: str, compiled: Matchers) -> list[Citation]:
    statute = compiled.name_statutes.get(match.group("name").casefold())
    if statute is None:
        return []
    paragraph = compiled.paragraph.match(match.group("detail"))
    detail_sub = next((g for g in (paragraph.groups() if paragraph else ()) if g), None)
    evidence = " ".join(text[match.start() : match.end("name")].split())
    items = list(_ITEM_PARTS.finditer(match.group("numbers")))
    return [
        _citation(statute, item.group(1), item.group(2) or (detail_sub if last else None), evidence)
        for last, item in ((index == len(items) - 1, item) for index, item in enumerate(items))
    ]


def _name_first(match: re.Match[str], compiled: Matchers) -> list[Citation]:
    statute = compiled.name_statutes.get(match.group("name").casefold())
    if statute is None:
        return []
    evidence = " ".join(match.group(0).split())
    if match.group("numbers"):
        items = _ITEM_PARTS.finditer(match.group("numbers"))
        return [_citation(statute, item.group(1), item.group(2), evidence) for item in items]
    return [
        _citation(
            statute,
            _cjk_article(item),
            str(chinese_number(item.group("cnpara"))) if item.group("cnpara") else None,
            evidence,
        )
        for item in _CN_ITEM_PARTS.finditer(match.group("cn"))
    ]


def _cjk_article(item: re.Match[str]) -> str:
    """Return the article key: "45" for 第四十五条, "35-2" for 제35조의2 or 第35条の2."""
    number = str(chinese_number(item.group("cn")))
    branch = item.group("branch")
    return f"{number}-{chinese_number(branch)}" if branch else number


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
