"""Vocabulary phrases as regular expressions, searched fast.

Python's ``re`` tries every branch of an alternation at every position of the text, so one
pattern for hundreds of phrases is slow on letter-length texts, and so is one search per
phrase. ``PhraseSet`` therefore first tests each phrase's leading word as a plain substring of
the case-folded text (a C-speed scan) and builds the alternation of the few phrases that can
occur; those alternations are cached.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_LEADING_WORD = re.compile(r"\w+")
# Characters that re.IGNORECASE treats as equal although their lower-case forms differ
# (CPython Lib/re/_casefix.py); folding each group to one member keeps the prefilter from
# missing a match the regular expression would find.
_CASE_GROUPS = (
    "iı", "sſ", "µμ", "\u0345ι\u1fbe", "ΐ\u1fd3", "ΰ\u1fe3", "βϐ", "εϵ", "θϑ", "κϰ", "πϖ",
    "ρϱ", "σς", "φϕ", "вᲀ", "дᲁ", "оᲂ", "сᲃ", "тᲄᲅ", "ъᲆ", "ѣᲇ", "ꙋᲈ", "ṡẛ", "ﬅﬆ",
)  # fmt: skip
_GROUP_FOLD = {char: group[0] for group in _CASE_GROUPS for char in group}


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding each character as re.IGNORECASE compares it; filled on
    demand, one entry per distinct character seen."""

    def __missing__(self, code: int) -> str:
        lower = chr(code).lower()[0]  # "İ".lower() is "i̇": sre compares its first character
        folded = _GROUP_FOLD.get(lower, lower)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold_case(text: str) -> str:
    """Return ``text`` with each character folded as re.IGNORECASE compares it (same length)."""
    return text.translate(_FOLD)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


# Scripts whose phrases match inside longer words, as CJK ones do: Thai, Lao, Khmer and Myanmar
# write no spaces between words; Hebrew and Arabic join prefixes and suffixes to the word
# (ו/ה/ב/ל "and/the/in/to", و/ال/ب/ل, possessive ـي "my": "למחוק", "بياناتي").
_JOINED_SCRIPTS = (
    (0x0590, 0x05FF), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0x0E00, 0x0EFF),
    (0x1000, 0x109F), (0x1780, 0x17FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF),
)  # fmt: skip


def _unbounded(char: str) -> bool:
    """Whether a phrase starting or ending with ``char`` needs no word boundary there."""
    code = ord(char)
    return _is_wide(char) or any(low <= code <= high for low, high in _JOINED_SCRIPTS)


def phrase_pattern(text: str) -> str:
    """Return the regex for a vocabulary phrase: any case, any white space between words,
    either apostrophe; word boundaries only around Latin-style words (none for CJK, Thai,
    Arabic, Hebrew…: ``_unbounded``); a trailing ``*`` matches the beginning of a word."""
    prefix = text.endswith("*")
    core = text.rstrip("*").strip()
    body = r"\s+".join(re.escape(word) for word in core.split())
    body = body.replace("'", "['’]")
    start = r"(?<!\w)" if core[0].isalnum() and not _unbounded(core[0]) else ""
    closes_word = core[-1].isalnum() and not _unbounded(core[-1])
    end = r"\w*" if prefix else (r"(?!\w)" if closes_word else "")
    return start + body + end


def alternation(phrases: Iterable[str]) -> str:
    """Return one regex matching any of ``phrases``; the longest phrase wins at a position."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(phrase_pattern(phrase) for phrase in ordered)


def anchor(phrase: str) -> str:
    """The folded leading word of a phrase: every match of the phrase contains it, folded."""
    leading = _LEADING_WORD.match(fold_case(phrase.rstrip("*").strip()))
    return leading.group(0) if leading else ""


@dataclass(frozen=True)
class PhraseSet:
    """Phrases grouped by their anchor (``anchor``), for the substring prefilter."""

    by_anchor: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> "PhraseSet":
        """Group ``phrases`` (duplicates ignored) by anchor."""
        groups: dict[str, list[str]] = {}
        for phrase in dict.fromkeys(phrases):
            groups.setdefault(anchor(phrase), []).append(phrase)
        return cls(tuple((key, tuple(group)) for key, group in groups.items()))

    def present(self, folded: str) -> tuple[str, ...]:
        """Return the phrases whose anchor occurs in ``folded`` (a ``fold_case`` text), sorted:
        a superset of the phrases that occur."""
        return tuple(
            sorted(phrase for key, group in self.by_anchor if key in folded for phrase in group)
        )


@lru_cache(maxsize=1024)
def compiled_template(template: str, *groups: tuple[str, ...]) -> re.Pattern[str]:
    """Compile ``template`` ignoring case, with the alternation of ``groups[i]`` in place of
    ``«i»``; an empty group becomes a pattern that never matches. Cached per phrase tuples."""
    for index, phrases in enumerate(groups):
        body = alternation(phrases) if phrases else "(?!)"
        template = template.replace(f"«{index}»", body)
    return re.compile(template, re.I)
