"""Language of a letter from its own text: writing system first, then stopword counts."""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from app.services.intake.vocabulary import Script, TriageRules

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_QUOTED_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_LATIN = "latin"
# Japanese writes kanji (Han) beside kana; a small kana share already rules Chinese out.
_KANA_SHARE_FOR_JAPANESE = 0.05
# Requests state what they want and under which law in their opening lines; what follows a
# long letter's first pages is quoted mail, signatures, pasted logs or attachments inlined by
# the client. Reading only this prefix keeps triage of a 10 MB message well under a second
# (the regex and per-token scans are linear in the text) without changing any decision.
TRIAGE_TEXT_CHARS = 20_000


def leading_text(text: str) -> str:
    """Return the part of a message text that triage reads: its first ``TRIAGE_TEXT_CHARS``
    (20,000) characters.

    Args:
        text: a subject or body text.

    Returns:
        ``text`` itself when shorter, else its prefix.
    """
    return text[:TRIAGE_TEXT_CHARS]


@dataclass(frozen=True)
class LanguageGuess:
    """A detected language with the signal and evidence behind it."""

    code: str
    signal: str  # "script", "stopwords" or "default"
    evidence: str


def detect_language(text: str, rules: TriageRules) -> LanguageGuess:
    """Detect the ISO 639-1 language of ``text``.

    Only the first 20,000 characters are read (``leading_text``). Quoted lines (``> …``) are
    ignored. A non-Latin writing system that dominates decides (Han → zh, Greek → el, Hangul →
    ko, …), except that Han text with kana in it is Japanese; Latin text goes to the vocabulary
    whose stopwords occur most.

    Args:
        text: the letter's text (body, or subject when the body is empty).
        rules: the triage rules.

    Returns:
        The guess; ``rules.default_language`` with signal ``"default"`` when nothing decides.
    """
    tokens = _LETTER_RUN.findall(_QUOTED_LINE.sub("", leading_text(text)))
    words = _words_per_script(tokens, rules.scripts)
    if not words:
        return LanguageGuess(rules.default_language, "default", "")
    script = max(words, key=lambda name: words[name])
    if script == "han" and words.get("kana", 0) >= _KANA_SHARE_FOR_JAPANESE * words["han"]:
        script = "kana"
    if script != _LATIN:
        language = next(s.language for s in rules.scripts if s.name == script)
        return LanguageGuess(language, "script", script)
    return _by_stopwords(tokens, rules)


def _words_per_script(tokens: list[str], scripts: tuple[Script, ...]) -> dict[str, float]:
    """Estimate words per writing system; scripts written without spaces are counted in
    characters and divided by their characters-per-word."""
    classes = _script_classes(scripts)
    joined = " ".join(tokens)
    result = {}
    for script, pattern in zip(scripts, classes, strict=True):
        count = len(pattern.findall(joined))
        if count:
            result[script.name] = count / script.chars_per_word
    latin_words = sum(1 for token in tokens if not any(p.match(token) for p in classes))
    if latin_words:
        result[_LATIN] = float(latin_words)
    return result


@cache
def _script_classes(scripts: tuple[Script, ...]) -> tuple[re.Pattern[str], ...]:
    """One character class per script, so that counting is done by the regex engine."""
    return tuple(
        re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in s.ranges) + "]")
        for s in scripts
    )


def _by_stopwords(tokens: list[str], rules: TriageRules) -> LanguageGuess:
    folded = Counter(token.casefold() for token in tokens)
    best_code, best_hits, best_words = rules.default_language, 0, ""
    for code, vocabulary in sorted(rules.languages.items()):
        if vocabulary.script != _LATIN:
            continue
        found = Counter({word: folded[word] for word in vocabulary.stopwords if folded[word]})
        hits = sum(found.values())
        if hits > best_hits:
            top = ", ".join(word for word, _ in found.most_common(3))
            best_code, best_hits, best_words = code, hits, top
    if best_hits == 0:
        return LanguageGuess(rules.default_language, "default", "")
    return LanguageGuess(best_code, "stopwords", best_words)
