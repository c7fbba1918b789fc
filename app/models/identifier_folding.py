"""The folded form of a data subject's identifier: what the case search looks an identifier
up by, kept beside the stored value (``SubjectIdentifier.folded``, migration 0013).

Every kind is folded as Unicode's caseless matching asks (NFKC, case-folded, NFKC again:
Unicode Standard ch. 3.13, D145 "compatibility caseless match"), so that a typed "abc_user"
finds a stored "ＡＢＣ_User" and "li_si" finds "Li_Si_2020" with one index range, whatever
the script. A phone number (stored canonical: ``app.services.contact_points.normalise_phone``)
is folded to its national significant number (ITU-T E.164 §3.6: the number without the
country code and without the national trunk prefix), the part staff type in any country's
national form: +81 90-1234-5678 is folded to 9012345678, which the search reaches from a
typed "090-1234" (its trunk "0" dropped); a mainland landline 01012345678 to 1012345678.

The country calling codes come from the ``phonenumbers`` library (Google's libphonenumber
metadata, kept up to date with the ITU's assignments), imported at the first phone folded —
an intake or import, never before the case list's first paint.
"""

import re
import unicodedata
from functools import cache

# IdentifierKind.PHONE's value (app.models.subject imports this module).
PHONE = "phone"
# The stored value's own limit (SubjectIdentifier.value): a folded form may grow (ß → ss).
MAX_FOLDED_LENGTH = 320
_DIGITS = re.compile(r"^(?:\+|00)?\d+$")
# ITU-T E.164 country codes are one to three digits and none is the start of another.
_LONGEST_COUNTRY_CODE = 3


def folded_identifier(kind: str, value: str) -> str:
    """Return the folded form of an identifier of ``kind`` (an ``IdentifierKind`` value)
    holding ``value``: its caseless form, for a phone number its national significant
    number (see the module docstring); at most ``MAX_FOLDED_LENGTH`` characters."""
    caseless = fold_text(value)
    if kind == PHONE and _DIGITS.match(caseless):
        return national_significant_number(caseless)
    return caseless


def fold_text(text: str) -> str:
    """Return ``text`` in its compatibility caseless form (NFKC, case-folded, NFKC), cut to
    ``MAX_FOLDED_LENGTH`` characters: "ＡＢＣ_User" → "abc_user", "Straße" → "strasse"."""
    once = unicodedata.normalize("NFKC", text)
    return unicodedata.normalize("NFKC", once.casefold())[:MAX_FOLDED_LENGTH]


def national_significant_number(phone: str) -> str:
    """Return the national significant number of the digits ``phone``: after "+" or "00",
    without its country code (+447700900123 → 7700900123; +390612345678 → 0612345678, Italy
    keeps its "0"); without "+", without one trunk "0" (07700900123 → 7700900123), else as
    it is (a US number written 4155550100, a mainland mobile 13800138000)."""
    if phone.startswith("+"):
        return _without_country_code(phone[1:])
    if phone.startswith("00"):
        return _without_country_code(phone[2:])
    return phone[1:] if phone.startswith("0") else phone


def _without_country_code(digits: str) -> str:
    """``digits`` (an international number without "+") without its country code; all of
    them when none is known (a code not assigned yet)."""
    for length in range(1, _LONGEST_COUNTRY_CODE + 1):
        if len(digits) > length and int(digits[:length]) in country_codes():
            return digits[length:]
    return digits


@cache
def country_codes() -> frozenset[int]:
    """The assigned ITU-T E.164 country calling codes (from ``phonenumbers``' metadata)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return frozenset(COUNTRY_CODE_TO_REGION_CODE)
