"""What a reminder chases: a case reference, the earlier request's date and subject, so that
the importer can link the reminder to the open case (DESIGN.md §4)."""

import re
from dataclasses import dataclass
from datetime import date

from app.services.intake.phrases import phrase_pattern
from app.services.intake.vocabulary import ReminderRules

_SEPARATOR = r"\s*[:：\-–—]\s*"


@dataclass(frozen=True)
class ChasedRequest:
    """Traces of the earlier request in a reminder; every field ``None`` when absent.

    Attributes:
        reference: a case reference such as ``"PD-2026-000123"`` (subject first, then body).
        request_date: the first calendar date the letter gives (the earlier request's date).
        subject: the reminder's subject without reply prefixes and reminder labels.
    """

    reference: str | None
    request_date: date | None
    subject: str | None


def find_chased_request(subject: str, body: str, rules: ReminderRules) -> ChasedRequest:
    """Extract what a reminder chases.

    Args:
        subject: the reminder's decoded subject.
        body: its body text.
        rules: patterns, month names and labels from ``resources/triage/rules.toml``.

    Returns:
        The traces found.
    """
    text = f"{subject}\n{body}"
    reference = next(
        (m.group(0) for p in rules.reference_patterns for m in [p.search(text)] if m), None
    )
    return ChasedRequest(reference, _first_date(text, rules), bare_subject(subject, rules))


def _first_date(text: str, rules: ReminderRules) -> date | None:
    found = []
    for pattern in rules.date_patterns:
        for match in pattern.finditer(text):
            parsed = _date(match, rules)
            if parsed is not None:
                found.append((match.start(), parsed))
    return min(found)[1] if found else None


def _date(match: re.Match[str], rules: ReminderRules) -> date | None:
    month_text = match.group("month")
    month = (
        int(month_text) if month_text.isdigit() else rules.month_names.get(month_text.casefold())
    )
    if month is None:
        return None
    try:
        return date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def bare_subject(subject: str, rules: ReminderRules) -> str | None:
    """Return ``subject`` without its reply/forward prefixes ("Re:", "AW:", "回复：") and
    reminder labels ("Reminder:", "催办："), white space collapsed; ``None`` when nothing is
    left."""
    prefixes = "|".join(re.escape(p) for p in sorted(rules.subject_prefixes, key=len)[::-1])
    labels = "|".join(
        phrase_pattern(label) for label in sorted(rules.subject_labels, key=len)[::-1]
    )
    leading = re.compile(rf"^\s*(?:(?:{prefixes})\s*[:：]|(?:{labels}){_SEPARATOR})\s*", re.I)
    previous = None
    while previous != subject:
        previous, subject = subject, leading.sub("", subject, count=1)
    subject = " ".join(subject.split())
    return subject or None
