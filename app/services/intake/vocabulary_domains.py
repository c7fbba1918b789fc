"""Mail domains in the triage rules: the public bodies' suffixes of
``resources/triage/government_domains.toml`` and the domains regulators write from
(``regulators.toml``), checked to be plain lower-case ASCII host names so that a typo cannot
make every sender a government ("cn") or never match ("Gov.CN ")."""

import re
from dataclasses import dataclass

from app.services.intake.vocabulary_fields import TomlReader

# LDH labels (RFC 1035 §2.3.1, RFC 5890 A-labels "xn--…"), dot-separated, no trailing dot.
_HOST_NAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")
# Top-level domains that are themselves restricted to public bodies: listed alone.
_PUBLIC_TOP_LEVEL = frozenset({"gov", "mil", "xn--zfr164b"})


@dataclass(frozen=True)
class GovernmentDomain:
    """A mail-domain suffix reserved for public bodies ("gov.cn", "gouv.fr").

    Attributes:
        suffix: lower-case ASCII (A-label) suffix, matched label by label.
        jurisdiction: the rule set of its country or region, ``None`` where none is shipped.
    """

    suffix: str
    jurisdiction: str | None


def government_domains(
    file: TomlReader, jurisdictions: frozenset[str]
) -> tuple[GovernmentDomain, ...]:
    """Read the ``[[government]]`` tables of ``government_domains.toml``.

    Raises:
        TriageVocabularyError: a suffix is not a lower-case host name of two labels or more
            (or a public top-level domain), or a jurisdiction is not a shipped rule set.
    """
    found = []
    for table in file.tables("government"):
        suffix = host_name(table, "suffix", table.string("suffix"))
        if "." not in suffix and suffix not in _PUBLIC_TOP_LEVEL:
            table.fail("suffix", "a single label matches every country's domains")
        fields = set(table.field_names())
        jurisdiction = (
            table.choice("jurisdiction", jurisdictions) if "jurisdiction" in fields else None
        )
        found.append(GovernmentDomain(suffix, jurisdiction))
    return tuple(found)


def host_name(table: TomlReader, key: str, text: str) -> str:
    """Return ``text`` if it is a lower-case ASCII host name of two labels or more (a single
    label is let through for the caller to judge).

    Raises:
        TriageVocabularyError: it is not (upper case, spaces, a trailing dot, Unicode).
    """
    if not _HOST_NAME.match(text):
        table.fail(key, f"{text!r} is not a lower-case ASCII host name")
    return text


def regulator_domain(table: TomlReader, domain: str) -> str:
    """Return a regulator's own domain, which must be a host name of two labels or more
    ("cnil.fr"), never a bare country code ("fr") that every sender of the country lies under.

    Raises:
        TriageVocabularyError: it is not.
    """
    if "." not in host_name(table, "domains", domain):
        table.fail("domains", f"{domain!r} is a single label")
    return domain
