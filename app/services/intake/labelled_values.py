"""A value a letter writes after a label, in the forms people write it: "账号：u10086",
"账号:u10086", "账号（li_si_2020）", "账号(u10086)", "账号 u10086", "账号是u10086",
"账号为：u10086", "Account ID: u10086", 'Username: "li_si"', "user name (li_si)",
"Phone number is +49 30 1234567", "アカウントIDは tanaka_01".

The text is read in NFKC (full-width letters, digits, colons and brackets as ASCII) and labels
are found in its Simplified Chinese reading (a label's Traditional spelling is found too); the
value is given as written. A value set off only by white space or a connecting word (是, 为,
"is") must hold a digit or "_" to count, so that "the account ID is missing" or "请提供账号ID"
give nothing; a bracketed value needs its closing bracket. Invisible formatting characters
(bidirectional marks and isolates around right-to-left text, zero-width spaces, BOM) are
skipped between label and value. A label written in a script with spaces between words
("tel", "логин", "계정") is never read out of a longer word ("hotel", "логины"); one in Han,
kana or Thai, written without spaces, is found anywhere. Words of a label may be written
apart, joined or hyphenated ("account ID", "accountID", "account-ID"), and with or without
accents ("numero de cuenta", "ΑΡΙΘΜΟΣ ΛΟΓΑΡΙΑΣΜΟΥ").
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from app.services.intake.chinese_script import to_simplified
from app.services.intake.word_characters import UNSPACED, is_unspaced_letter

# Invisible characters a letter may carry between a label and its value.
_FORMAT = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Possessive: a value never starts with white space, so the gap is never given back (a long
# run of spaces after a label costs one pass, not one per space).
_GAP = rf"[\s{_FORMAT}]*+"
_COLON = r"[:=]"
# Words for "is" between a label and its value (Chinese, Japanese; English, German, French,
# Spanish, Italian, Portuguese, Vietnamese).
_CONNECTOR = r"(?:是|为|為|は|(?:is|ist|est|es|è|é|là)\b)"
# A loose value never starts with a Han, kana or Thai letter: without a space or colon it
# cannot be told from the sentence running on ("账号被盗了", "アカウントを削除").
_RUN_ON = rf"(?!(?-i:[{UNSPACED}]))"
_QUOTE = r"[\"'“”‘’«»„「『]?"
_OPEN = r"[(\[【〔〈《「『]"
_CLOSE = r"[)\]】〕〉》」』]"
# A label in a spaced script must not touch a word character of one ("hotel" is no "tel");
# Han, kana and Thai letters may ("我的账号", "アカウントIDは"). Checked once around all labels
# (not between two such characters) rather than per label: each copy of a class with large BMP
# ranges costs ``re`` about 20 ms to compile. Atomic: when both sides hold, the rest of the
# pattern is tried once, not once per side.
_WORD = rf"(?-i:[^\W{UNSPACED}])"
_EDGE = rf"(?>(?<!{_WORD})|(?!{_WORD}))"
# White space or hyphens between the words of a label: any, or none.
_LABEL_WORD_BREAK = re.compile(r"[\s\-]+")
# The three written forms, each with its own group: "label: value", "label (value)" and
# "label value" / "label is value".
_FORMS = ("colon", "bracketed", "loose")


@dataclass(frozen=True)
class LabelledValue:
    """A value found after a label: ``form`` is "colon", "bracketed" or "loose" (set off by
    white space or a connecting word only); ``value`` as written (NFKC), stripped."""

    form: str
    value: str


def value_after_label(
    text: str, labels: tuple[str, ...], value: str, *, evidence: str = r"[\d_]"
) -> str | None:
    """Return the first value written after one of ``labels`` in ``text``.

    Args:
        text: the letter (any length; read once, left to right).
        labels: label words, matched case-insensitively, the longest first.
        value: a regular expression whose first "(" opens the group that is the value.
        evidence: what a value set off by white space or a connecting word alone must
            contain (by default a digit or "_").

    Returns:
        The value's group as written (in NFKC), stripped; ``None`` when no label has one.
    """
    for found in labelled_values(text, labels, value):
        if found.form != "loose" or re.search(evidence, found.value):
            return found.value
    return None


def labelled_values(text: str, labels: tuple[str, ...], value: str) -> Iterator[LabelledValue]:
    """Yield every value written after one of ``labels`` in ``text``, in reading order.

    Args:
        text: the letter (any length; read once, left to right).
        labels: label words, matched case-insensitively, the longest that fits first.
        value: a regular expression whose first "(" opens the group that is the value.

    Returns:
        An iterator of the values with their written form, as written (NFKC), stripped.
    """
    if not labels:
        return
    folded, simplified = _readings(text)
    for found in _label_pattern(labels, value).finditer(simplified):
        form = next(name for name in _FORMS if found.group(name) is not None)
        start, end = found.span(form)
        yield LabelledValue(form, folded[start:end].strip())


def _readings(text: str) -> tuple[str, str]:
    """``text`` in NFKC, and that in its Simplified Chinese reading: the same length (one
    character for one), so offsets into the reading are offsets into the NFKC text."""
    folded = unicodedata.normalize("NFKC", text)
    return folded, to_simplified(folded)


@cache
def _label_pattern(labels: tuple[str, ...], value: str) -> re.Pattern[str]:
    folded = {to_simplified(unicodedata.normalize("NFKC", label)).strip() for label in labels}
    written = {*folded, *map(_unaccented, folded)} - {""}
    # The first-character class lets the scan skip most positions in C before trying the
    # labels (about 20 times faster on a long letter).
    first = "".join(sorted({re.escape(label[0]) for label in written}))
    colon, bracketed, loose = (value.replace("(", f"(?P<{n}>", 1) for n in _FORMS)
    # The value is read in a lookahead, so that a loose word after one label ("حساب account
    # ID: u10086") never hides the next label from the scan.
    return re.compile(
        rf"(?=[{first}]){_EDGE}{_alternation(written)}{_EDGE}(?=\.?{_GAP}"
        rf"(?:{_CONNECTOR}{_GAP})?(?:"
        rf"{_COLON}{_GAP}(?:{_CONNECTOR}{_GAP})?{_QUOTE}{colon}"
        rf"|{_OPEN}{_GAP}{bracketed}{_GAP}{_CLOSE}"
        rf"|{_RUN_ON}{loose}))",
        re.IGNORECASE,
    )


def _unaccented(label: str) -> str:
    """``label`` without its accents, as people type it on a keyboard without them and as
    Greek capitals are written ("numero", "ma tai khoan", "ΛΟΓΑΡΙΑΣΜΟΣ"); labels in Thai or
    kana keep their marks (they are vowels and voicing, not accents)."""
    if any(is_unspaced_letter(char) for char in label):
        return label
    decomposed = unicodedata.normalize("NFD", label)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare)


_Trie = dict[str, "_Trie"]


def _alternation(labels: set[str]) -> str:
    """The labels as one regular expression, branching on shared beginnings ("账号", "账号ID",
    "账户" → 账(?:号(?:ID|)|户)): ``re`` tries alternatives one by one, and 200 labels tried
    in turn at every label-like position made a hostile letter slow. The longer label is
    tried first; the words of a label may be apart, joined or hyphenated."""
    trie: _Trie = {}
    for label in labels:
        node = trie
        for atom in _atoms(label):
            node = node.setdefault(atom, {})
        node[""] = {}
    return _render(trie)


def _atoms(label: str) -> list[str]:
    words = _LABEL_WORD_BREAK.split(label.lower())
    atoms = [re.escape(char) for char in words[0]]
    for word in words[1:]:
        atoms += [r"[\s\-]*", *(re.escape(char) for char in word)]
    return atoms


def _render(node: _Trie) -> str:
    branches = [atom + _render(child) for atom, child in sorted(node.items()) if atom]
    if "" in node:
        branches.append("")  # the label ending here: tried after every longer one
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
