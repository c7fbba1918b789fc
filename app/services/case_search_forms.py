"""The forms a search text takes beyond a prefix: a bare reference number, and an account ID
in any letter case.

A reference is ``PD-<year>-<six-digit sequence>`` (``app.services.references``). Staff type the
number they read in a letter or hear on the phone — "000043", "43" or "2026-000043" — so a
text of digits (with an optional "<year>-") is taken as a sequence number, leading zeros not
significant, and looked up as the exact references it can be: one per year the register
spans (``reference_years``), or the one of the year typed. A handful of probes of the
reference's unique index, never a scan; "43" finds PD-2026-000043, not PD-2026-000143.

Account IDs are stored as written (``app.services.subjects.identifiers_of``), and their only
index is the case-sensitive (kind, value) one. A typed prefix is looked up in each spelling
its ASCII letters can take (console account IDs are ASCII: ``intake.requester``), one prefix
range per spelling; past ``ACCOUNT_CASE_LETTERS`` letters the spellings of the prefix up to
that letter are looked up and the rest compared lower-cased (``SearchTerms.account_folded``).
"""

import itertools
import re
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from app.models import Case
from app.services.case_search_matching import PrefixRange, SearchTerms, prefix_range
from app.services.case_statements import Runner, compiled
from app.services.references import REFERENCE_PATTERN

# A reference number as typed: the sequence, with or without "<year>-" before it.
_NUMBER = re.compile(r"^(?:(\d{4})-)?(\d{1,12})$")
# The years a bare number is looked up in at most (the newest ones): the register's span.
MAX_REFERENCE_YEARS = 50
# How many ASCII letters of an account prefix are looked up in every case (2**6 ranges).
ACCOUNT_CASE_LETTERS = 6
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def reference_number(text: str) -> tuple[int | None, int] | None:
    """Return the (year or ``None``, sequence) a searched ``text`` names as a reference number
    ("000043" → (None, 43), "2026-000043" → (2026, 43)), ``None`` when it is not digits with
    an optional "<year>-" or names sequence 0 (no reference has it)."""
    found = _NUMBER.match(text)
    if found is None or int(found.group(2)) == 0:
        return None
    year = found.group(1)
    return (int(year) if year else None), int(found.group(2))


def references_of(number: tuple[int | None, int], years: range) -> tuple[str, ...]:
    """Return the references ``number`` (``reference_number``) can be, in ``years`` when it
    names no year (``app.services.references.next_reference``'s format)."""
    year, sequence = number
    return tuple(f"PD-{y}-{sequence:06d}" for y in ([year] if year is not None else years))


def reference_years(connection: Runner) -> range:
    """Return the years from the oldest to the newest reference in the register (at most
    ``MAX_REFERENCE_YEARS``, the newest); empty when there is none. Two index probes: SQLite
    reads min() and max() from the index only when each is a query of its own."""
    statement = compiled(
        connection,
        ("reference years",),
        lambda: select(
            select(func.min(Case.reference)).scalar_subquery(),
            select(func.max(Case.reference)).scalar_subquery(),
        ),
    )
    first, last = statement.rows(connection, {})[0]
    first_year, last_year = _year_of(first), _year_of(last)
    if first_year is None or last_year is None:
        return range(0)
    return range(max(first_year, last_year - MAX_REFERENCE_YEARS + 1), last_year + 1)


def _year_of(reference: str | None) -> int | None:
    found = REFERENCE_PATTERN.match(reference or "")
    return int(found.group(1)) if found else None


def with_references(connection: Runner, terms: SearchTerms) -> SearchTerms:
    """Return ``terms`` with the exact references its reference number can be
    (``SearchTerms.references``), looked up in the register's years when none was typed."""
    if terms.number is None or terms.references:
        return terms
    years = range(0) if terms.number[0] is not None else reference_years(connection)
    return replace(terms, references=references_of(terms.number, years))


def account_ranges(text: str) -> tuple[tuple[PrefixRange, ...], PrefixRange | None]:
    """Return the account-ID prefix ranges of the searched ``text`` (one per spelling of its
    first ``ACCOUNT_CASE_LETTERS`` ASCII letters: "account", "account1"...) and, when the
    text has more letters, the range its ASCII-lower-cased form must also fall in
    ("account_folded", compared with the value lower-cased)."""
    if any(character.isspace() for character in text):
        # An account ID holds no spaces: a name or a phrase is looked up only as typed, not in
        # up to 64 spellings that cost every name search a millisecond and their statements'
        # memory (issue 6).
        return (prefix_range("account", text),), None
    cut = _after_letters(text, ACCOUNT_CASE_LETTERS)
    spellings = _spellings(text[:cut])
    ranges = tuple(
        prefix_range(f"account{n}" if n else "account", spelling)
        for n, spelling in enumerate(spellings)
    )
    if cut == len(text):
        return ranges, None
    return ranges, prefix_range("account_folded", text.translate(_ASCII_LOWER))


def _after_letters(text: str, letters: int) -> int:
    """The length of ``text``'s start holding at most ``letters`` ASCII letters."""
    seen = 0
    for position, character in enumerate(text):
        if character.isascii() and character.isalpha():
            if seen == letters:
                return position
            seen += 1
    return len(text)


def _spellings(text: str) -> list[str]:
    """Every spelling of ``text`` with its ASCII letters in either case, ``text`` first."""
    choices: list[Any] = [(c, c.swapcase()) if c.isascii() and c.isalpha() else (c,) for c in text]
    return ["".join(spelling) for spelling in itertools.product(*choices)]
