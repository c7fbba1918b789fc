"""What the sender's mail domain says about who writes: a listed regulator
(``resources/triage/regulators.toml``), another public body (``government_domains.toml``: "gov.cn"
and its provincial subdomains, "gov.hk", "gouv.fr"…), or a domain that imitates one of those.

A domain counts only label by label from the right: "gd.gov.cn" is under "gov.cn", while
"gov.cn.example.com", "gov-cn.com", "cac-gov.cn" and "cac.gov.cn" written with fullwidth or
Cyrillic letters are not, and are reported as lookalikes of the domain they imitate (phishing
and spoofed inquiries use such names; no public body writes from them). The From: address is
the sender's own claim: this tells what it claims, a person confirms an inquiry against the
letter (the ``regulator_inquiry`` flag).
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from app.services.intake.vocabulary import GovernmentDomain, Regulator, TriageRules

# IDNA label separators (RFC 3490 §3.1): full stop, ideographic, fullwidth and halfwidth ones.
_DOTS = re.compile("[.\u3002\uff0e\uff61]")
# Letters of other scripts drawn like Latin ones (Unicode TR 39 confusables, the lower-case
# Cyrillic and Greek letters that pass for a-z in a host name).
# fmt: off
_LATIN_LOOKALIKES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "һ": "h", "ԛ": "q", "ԝ": "w", "ӏ": "l", "к": "k", "м": "m", "т": "t",
    "п": "n", "г": "r", "α": "a", "ο": "o", "ε": "e", "ν": "v", "ι": "i", "κ": "k", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x",
})
# fmt: on
# Hyphen-joined imitations need a distinctive left part: "go-jp" would flag "lets-go.jp".
_MIN_IMITATED_PART = 3


@dataclass(frozen=True)
class SenderAuthority:
    """Who the sender's domain says writes.

    Attributes:
        domain: the domain as written, lower-cased, without a trailing dot ("" for none).
        regulator: the listed regulator whose domain (or subdomain) it is, else ``None``.
        government: the public-body suffix it lies under (the longest: "ca.gov" over "gov"),
            else ``None``; set for listed regulators under one too ("uodo.gov.pl").
        lookalike: the government or regulator domain it imitates without lying under it
            ("gov.cn" for "gov-cn.com"), else ``None``.
    """

    domain: str
    regulator: Regulator | None
    government: GovernmentDomain | None
    lookalike: str | None

    @property
    def official(self) -> bool:
        """Whether the domain is a listed regulator's or a public body's."""
        return self.regulator is not None or self.government is not None


def sender_authority(address: str | None, rules: TriageRules) -> SenderAuthority:
    """Tell who the domain of ``address`` (an addr-spec, or ``None``) says writes.

    Returns:
        The regulator and public body the domain lies under, or the one it imitates. A domain
        written with other characters than ASCII letters, digits and hyphens that stand for
        those (fullwidth "ｇｏｖ", Cyrillic "gоv") lies under neither; Chinese labels are read as
        their A-labels (".政务" as "xn--zfr164b", RFC 5891).
    """
    domain = (address or "").rpartition("@")[2].strip().rstrip(".").casefold()
    labels, disguised = _ascii_labels(domain)
    index = _index(rules)
    suffixes = [".".join(labels[start:]) for start in range(len(labels))]  # longest first
    if disguised:
        claimed = next((s for s in suffixes if s in index.claimable), None)
        return SenderAuthority(domain, None, None, claimed or _imitated(labels, index))
    regulator = next((index.regulators[s] for s in suffixes if s in index.regulators), None)
    government = next((index.governments[s] for s in suffixes if s in index.governments), None)
    imitated = None if regulator or government else _imitated(labels, index)
    return SenderAuthority(domain, regulator, government, imitated)


@dataclass(frozen=True)
class _DomainIndex:
    """The rules' domains by name, for lookups by suffix and by run of labels."""

    regulators: dict[str, Regulator]
    governments: dict[str, GovernmentDomain]
    claimable: frozenset[str]  # every regulator domain and public-body suffix
    protected: frozenset[str]  # those of two labels or more: imitable inside a longer name
    hyphenated: frozenset[str]  # those whose part before the last label is distinctive
    run_together: dict[str, str]  # "govcn" → "gov.cn"


@cache
def _index(rules: TriageRules) -> _DomainIndex:
    """Index the domains of ``rules`` (cached: rules objects are immutable)."""
    regulators: dict[str, Regulator] = {}
    for regulator in rules.regulators:
        for domain in regulator.domains:
            regulators.setdefault(domain, regulator)
    governments = {item.suffix: item for item in rules.government_domains}
    claimable = frozenset(regulators) | frozenset(governments)
    protected = frozenset(name for name in claimable if "." in name)
    hyphenated = frozenset(
        name for name in protected if len(name.rpartition(".")[0]) >= _MIN_IMITATED_PART
    )
    run_together = {name.replace(".", ""): name for name in hyphenated}
    return _DomainIndex(regulators, governments, claimable, protected, hyphenated, run_together)


def _ascii_labels(domain: str) -> tuple[list[str], bool]:
    """The domain's labels in ASCII, and whether any non-ASCII label spells an ASCII one (a
    fullwidth or homoglyph imitation, given here in the ASCII it imitates)."""
    labels, disguised = [], False
    for label in _DOTS.split(domain) if domain else []:
        if label.isascii():
            labels.append(label)
            continue
        folded = unicodedata.normalize("NFKC", label).casefold().translate(_LATIN_LOOKALIKES)
        if folded.isascii():
            labels.append(folded)
            disguised = True
        else:
            labels.append(_a_label(label))
    return labels, disguised


def _a_label(label: str) -> str:
    """The IDNA A-label of a Unicode label ("政务" → "xn--zfr164b"), the label itself if it
    has none (too long, forbidden characters)."""
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:
        return label


def _imitated(labels: list[str], index: _DomainIndex) -> str | None:
    """The protected domain (a regulator's, or a public-body suffix of two labels or more)
    that ``labels`` spell outside its place, the longest first: inside the name
    ("gov.cn.example.com"), joined by hyphens ("gov-cn.com", "cac-gov.cn") or run together
    ("govcn.com")."""
    words = [word for label in labels for word in label.split("-")]
    found = _longest_run(labels, index.protected, len(labels) - 1) or _longest_run(
        words, index.hyphenated, len(words)
    )
    return found or next((index.run_together[x] for x in labels if x in index.run_together), None)


def _longest_run(items: list[str], names: frozenset[str], end: int) -> str | None:
    """The longest run of ``items`` ending at or before ``end`` that, joined by dots, is in
    ``names`` (earliest first among equally long)."""
    for size in range(end, 1, -1):
        for start in range(end - size + 1):
            run = ".".join(items[start : start + size])
            if run in names:
                return run
    return None
