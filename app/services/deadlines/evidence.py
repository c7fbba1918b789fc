"""The evidence tags of legal sources: ``[V]`` (seen in the named source), ``[V-2nd]`` (seen
only indirectly: privacy policies, templates, secondary summaries) and ``[M]`` (not confirmed in
any reachable source). Meanings from ``shared/reference/deadlines.md`` "How to read the evidence
tags"; the rule sets and the data inventory write them in their ``source`` texts, alone or with
a qualifier (``[V verbatim]``, ``[V-2nd; M on subsection]``).
"""

import re
from collections.abc import Callable, Mapping

EVIDENCE_TAGS = ("V", "V-2nd", "M")
"""The tag codes, strongest evidence first."""

# A bracket whose text starts with a tag code; the codes inside it are words of their own.
_BRACKET = re.compile(r"\[(?=(?:V|M)(?![A-Za-z]))([^\[\]]*)\]")
_CODE = re.compile(r"(?<![A-Za-z0-9-])(V-2nd|V|M)(?![A-Za-z0-9])")


def evidence_tags(source: str) -> list[str]:
    """Return the tag codes of ``source`` in order of appearance, e.g. ``["V-2nd", "M"]`` for
    ``"… [V-2nd]; GB/T 35273-2020 §8.7 [M]"``; a code outside a tag bracket is not counted."""
    return [code for bracket in _BRACKET.findall(source) for code in _CODE.findall(bracket)]


def spell_evidence(source: str, words: Mapping[str, str]) -> str:
    """Return ``source`` with each tag code replaced by its word in ``words`` (code → word,
    e.g. ``{"V": "confirmed"}``): ``"PIPL art. 47 [V]"`` → ``"PIPL art. 47 [confirmed]"``.
    Codes without a word, and text outside tag brackets, stay as they are."""
    spell: Callable[[re.Match[str]], str] = lambda code: words.get(code[0], code[0])  # noqa: E731
    return _BRACKET.sub(lambda bracket: f"[{_CODE.sub(spell, bracket[1])}]", source)
