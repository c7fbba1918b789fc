"""A value a letter writes after a label, in the forms people write it: "账号：u10086",
"账号:u10086", "账号（li_si_2020）", "账号(u10086)", "账号 u10086", "账号是u10086",
"Account ID: u10086", "user name (li_si)", "Phone number is +49 30 1234567".

The text is read in NFKC (full-width letters, digits, colons and brackets as ASCII). A value
set off only by white space or a connecting word (是, 为, "is") must hold a digit or "_" to
count, so that "the account ID is missing" or "请提供账号ID" give nothing; a bracketed value
needs its closing bracket. Invisible formatting characters (bidirectional marks and isolates
around right-to-left text, zero-width spaces, BOM) are skipped between label and value.
"""

import re
import unicodedata
from functools import cache

# Invisible characters a letter may carry between a label and its value.
_FORMAT = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Possessive: a value never starts with white space, so the gap is never given back (a long
# run of spaces after a label costs one pass, not one per space).
_GAP = rf"[\s{_FORMAT}]*+"
_COLON = r"[:=]"
_CONNECTOR = r"(?:是|为|為|is\b)"
_OPEN = r"[(\[【〔〈《]"
_CLOSE = r"[)\]】〕〉》]"
# A word character of a Latin label must not touch the label ("hotel" is no "tel").
_LATIN_EDGE = r"[A-Za-z0-9_]"
# The three written forms, each with its own group: "label: value", "label (value)" and
# "label value" / "label is value".
_FORMS = ("colon", "bracketed", "loose")


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
    if not labels:
        return None
    folded = unicodedata.normalize("NFKC", text)
    for found in _label_pattern(labels, value).finditer(folded):
        marked = found.group("colon") or found.group("bracketed")
        if marked is not None:
            return marked.strip()
        loose = found.group("loose")
        if loose is not None and re.search(evidence, loose):
            return loose.strip()
    return None


@cache
def _label_pattern(labels: tuple[str, ...], value: str) -> re.Pattern[str]:
    written = sorted((unicodedata.normalize("NFKC", label) for label in labels if label), key=len)
    alternatives = "|".join(_edged(label) for label in reversed(written))
    # The first-character class lets the scan skip most positions in C before trying each
    # label in turn (about 20 times faster on a long letter).
    first = "".join(sorted({re.escape(label[0]) for label in written}))
    colon, bracketed, loose = (value.replace("(", f"(?P<{n}>", 1) for n in _FORMS)
    return re.compile(
        rf"(?=[{first}])(?:{alternatives})\.?{_GAP}(?:"
        rf"{_COLON}{_GAP}(?:{_CONNECTOR}{_GAP})?{colon}"
        rf"|{_OPEN}{_GAP}{bracketed}{_GAP}{_CLOSE}"
        rf"|(?:{_CONNECTOR}{_GAP})?{loose})",
        re.IGNORECASE,
    )


def _edged(label: str) -> str:
    escaped = re.escape(label)
    if re.match(_LATIN_EDGE, label[:1]):
        escaped = rf"(?<!{_LATIN_EDGE}){escaped}"
    if re.match(_LATIN_EDGE, label[-1:]):
        escaped = rf"{escaped}(?!{_LATIN_EDGE})"
    return escaped
