"""The forms a search text takes beyond a name: a bare reference number, and the folded
identifiers (account ID, e-mail address, phone number) it can start.

A reference is ``PD-<year>-<six-digit sequence>`` (``app.services.references``). Staff type the
number they read in a letter or hear on the phone — "000043", "43" or "2026-000043" — so a
text of digits (with an optional "<year>-") is taken as a sequence number, leading zeros not
significant, and looked up as the exact references it can be: one per year the register
spans (``reference_years``), or the one of the year typed. A handful of probes of the
reference's unique index, never a scan; "43" finds PD-2026-000043, not PD-2026-000143.

Identifiers are looked up by their folded form (``SubjectIdentifier.folded``,
``app.models.identifier_folding``): the text folded the same way is one prefix range per kind
over ``ix_subject_identifier_folded`` (kind, folded, subject), so "abc_user" finds the account
ID "ＡＢＣ_User" and "ZHANG.WEI1" the address "zhang.wei1@…". An account ID is compared
without its separators (spaces, dashes, "_", dots: "XUYUN 88231" finds "xuyun-88231"), an
e-mail address with them. A text of several words without a digit is a name ("Anna S", "Li
Na"), not an account ID read out in parts: it gets no account range, which could only have
found the accounts whose ID runs its words together. A text that reads as a phone
number looks up the national significant numbers it can start when typed without a country
code ("090-1234" finds +81 90-1234-5678), or, typed with one, its stored international (and
for +86 national) forms over the stored value (``contact_points``). A number too short to be
a phone ("14": a reference number) finds no phone.
"""

import re
from dataclasses import replace

from sqlalchemy import func, select

from app.models import Case
from app.models.identifier_folding import fold_text, folded_account_id
from app.services.case_search_matching import PrefixRange, SearchTerms, prefix_range
from app.services.case_statements import Runner, compiled
from app.services.contact_points import national_search_forms, normalise_phone, phone_forms
from app.services.references import REFERENCE_PATTERN

# A reference number as typed: the sequence, with or without "<year>-" before it.
_NUMBER = re.compile(r"^(?:(\d{4})-)?(\d{1,12})$")
# The years a bare number is looked up in at most (the newest ones): the register's span.
MAX_REFERENCE_YEARS = 50


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


def identifier_ranges(text: str) -> tuple[PrefixRange, ...]:
    """Return the identifier ranges of the searched ``text``: its folded form over the folded
    e-mail addresses ("email"), the account ID it can start over the folded account IDs
    ("account": ``account_id_prefix``); for a text that reads as a phone number, the
    national numbers it can start typed without a country code, over the folded phone
    numbers ("phone", "phone1"), or typed with one, its stored forms over the stored values
    ("stored_phone", "stored_phone1": ``contact_points.phone_forms``)."""
    folded = fold_text(text)
    if not folded:
        return ()
    account = account_id_prefix(text)
    ranges = [prefix_range("email", folded)]
    ranges += [prefix_range("account", account)] if account else []
    phone = normalise_phone(text)
    if phone is None:
        return tuple(ranges)
    forms = phone_forms(phone) if phone.startswith("+") else national_search_forms(phone)
    name = "stored_phone" if phone.startswith("+") else "phone"
    return (*ranges, *(prefix_range(f"{name}{n or ''}", f) for n, f in enumerate(forms)))


def account_id_prefix(text: str) -> str | None:
    """Return the folded account ID (``folded_account_id``: caseless, no separators) the
    searched ``text`` (``normalise_search_text``'s, spaces single) can start: "XUYUN 88231" →
    "xuyun88231"; ``None`` for separators alone, or several words without a digit — a name
    ("Anna S", "王 芳"), which the name's words find."""
    if " " in text and not any(character.isdigit() for character in text):
        return None
    return folded_account_id(text) or None
