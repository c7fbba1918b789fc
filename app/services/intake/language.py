"""Language of a letter from its own text: writing system first, then stopword counts."""

import re
from collections import Counter
from dataclasses import dataclass, replace
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
# A one-letter token ("%s", "s" of "it's", an ANSI "[31m") is no word of any language: it is
# never counted, neither as a Latin word nor as a stopword.
_MIN_LATIN_WORD = 2
# Below these, the evidence is weak and the guess is marked uncertain: a writing system holding
# less than half of the letter's words, or fewer than two stopword hits for a language other
# than the default one (no evidence at all leaves the default, assumed anyway: not flagged).
_CLEAR_SHARE = 0.5
_CLEAR_HITS = 2


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
    uncertain: bool = False  # weak or mixed evidence: a person should confirm the language


def detect_language(text: str, rules: TriageRules) -> LanguageGuess:
    """Detect the ISO 639-1 language of ``text``.

    Only the first 20,000 characters are read (``leading_text``). Quoted lines (``> …``) are
    ignored. A non-Latin writing system that dominates decides (Han → zh, Greek → el, Hangul →
    ko, …), except that Han text with kana in it is Japanese; Latin text goes to the vocabulary
    whose stopwords occur most; a tie between two languages other than the default one is
    uncertain, as is a single stopword.

    Args:
        text: the letter's text (body, or subject when the body is empty).
        rules: the triage rules.

    Returns:
        The guess; ``rules.default_language`` with signal ``"default"`` when nothing decides.
    """
    tokens = _LETTER_RUN.findall(_QUOTED_LINE.sub("", leading_text(text)))
    words = _words_per_script(tokens, rules.scripts)
    if not words:  # no letters, or only one-letter tokens: no evidence at all
        return LanguageGuess(rules.default_language, "default", "")
    script = max(words, key=lambda name: words[name])
    if script == _LATIN:
        guess = _by_stopwords(tokens, rules)
        others = {name: count for name, count in words.items() if name != _LATIN}
        if guess.signal == "stopwords" or not others:
            return replace(guess, uncertain=guess.uncertain or bool(others))
        # Latin words none of which is a known language's (code, markup, identifiers:
        # "<script>", "DROP TABLE") say less than a letter's own other writing.
        script = max(others, key=lambda name: others[name])
    return _by_script(script, words, rules)


def _by_script(script: str, words: dict[str, float], rules: TriageRules) -> LanguageGuess:
    """The language of the non-Latin ``script``; Han text with kana in it is Japanese. The
    guess is uncertain when that script holds less than half of the letter's words."""
    if script == "han" and words.get("kana", 0) >= _KANA_SHARE_FOR_JAPANESE * words["han"]:
        script = "kana"
    language = next(s.language for s in rules.scripts if s.name == script)
    share = (words.get(script, 0) + words.get("han", 0) * (script == "kana")) / sum(words.values())
    return LanguageGuess(language, "script", script, uncertain=share < _CLEAR_SHARE)


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
    latin_words = sum(
        1
        for token in tokens
        if len(token) >= _MIN_LATIN_WORD and not any(p.match(token) for p in classes)
    )
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
    folded = Counter(token.casefold() for token in tokens if len(token) >= _MIN_LATIN_WORD)
    best_code, best_hits, best_words, tied = rules.default_language, 0, "", False
    for code, vocabulary in sorted(rules.languages.items()):
        if vocabulary.script != _LATIN:
            continue
        # In word order, so that the evidence named among equally frequent words is the same
        # on every run (a frozenset's order changes with the hash seed).
        found = Counter({w: folded[w] for w in sorted(vocabulary.stopwords) if folded[w]})
        hits = sum(found.values())
        if hits > best_hits:
            top = ", ".join(word for word, _ in found.most_common(3))
            best_code, best_hits, best_words, tied = code, hits, top, False
        elif hits == best_hits:
            tied = True
    if best_hits == 0:
        return LanguageGuess(rules.default_language, "default", "")
    # Weak evidence for the language assumed anyway changes nothing; for another it decides
    # the letter's language and perhaps its law on one word. Two languages with as many
    # common words are a toss-up (the first in code order is named): a person decides.
    weak = (best_hits < _CLEAR_HITS or tied) and best_code != rules.default_language
    return LanguageGuess(best_code, "stopwords", best_words, uncertain=weak)
