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

An account ID is folded without its separators as well (migration 0014): staff type one read
from a letter or heard on the phone as "xuyun88231", "XUYUN 88231" or "ｘｕｙｕｎ－８８２３１"
for a stored "xuyun-88231", so spaces, dashes and minus signs of any script, connector
punctuation ("_"), full stops and middle dots, and invisible characters (``ACCOUNT_SEPARATORS``)
are dropped on both sides, the stored form and the searched text: one index range finds every
variant. An e-mail address keeps its dots and hyphens: its search stays an exact prefix of the
folded address, "li.na@" never reaching "lina@…".

The country calling codes come from the ``phonenumbers`` library (Google's libphonenumber
metadata, kept up to date with the ITU's assignments), imported at the first phone folded —
an intake or import, never before the case list's first paint.
"""

import re
import unicodedata
from functools import cache

# IdentifierKind.PHONE's and ACCOUNT_ID's values (app.models.subject imports this module).
PHONE = "phone"
ACCOUNT_ID = "account_id"
# The stored value's own limit (SubjectIdentifier.value): a folded form may grow (ß → ss).
MAX_FOLDED_LENGTH = 320
_DIGITS = re.compile(r"^(?:\+|00)?\d+$")
# ITU-T E.164 country codes are one to three digits and none is the start of another.
_LONGEST_COUNTRY_CODE = 3
# What an account ID's parts are written apart with, or run together without: white space;
# every dash (Unicode category Pd: "-", U+2010-U+2015, "〜", "－"...) and minus sign (U+2212,
# U+2796, U+02D7); connector punctuation (Pc: "_", "＿"...); full stops and middle dots (".",
# "·", "‧", "・", "•", "∙", "⋅", "。"); and the invisible characters the search text loses
# (``app.models.name_words.INVISIBLE``: a soft hyphen, a zero-width space pasted with it).
# Listed, not looked up by category: the rule must not move with Python's Unicode data.
ACCOUNT_SEPARATORS = re.compile(
    r"[\s"
    r"\u002d\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    r"\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
    r"\u2212\u2796\u02d7"
    r"\u005f\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
    r"\u002e\u00b7\u0387\u2022\u2027\u2219\u22c5\u2e31\u30fb\uff65\uff0e\ufe52\u3002\uff61"
    r"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
    r"\U000e0000-\U000e007f\U000e0100-\U000e01ef]+"
)


def folded_identifier(kind: str, value: str) -> str:
    """Return the folded form of an identifier of ``kind`` (an ``IdentifierKind`` value)
    holding ``value``: its caseless form, for a phone number its national significant
    number, for an account ID its caseless form without separators (see the module
    docstring); at most ``MAX_FOLDED_LENGTH`` characters."""
    if kind == ACCOUNT_ID:
        return folded_account_id(value)
    caseless = fold_text(value)
    if kind == PHONE and _DIGITS.match(caseless):
        return national_significant_number(caseless)
    return caseless


def fold_text(text: str) -> str:
    """Return ``text`` in its compatibility caseless form (NFKC, case-folded, NFKC), cut to
    ``MAX_FOLDED_LENGTH`` characters: "ＡＢＣ_User" → "abc_user", "Straße" → "strasse"."""
    return _caseless(text)[:MAX_FOLDED_LENGTH]


def folded_account_id(text: str) -> str:
    """Return the account ID (or searched text) ``text`` caseless without its
    ``ACCOUNT_SEPARATORS``, at most ``MAX_FOLDED_LENGTH`` characters: "XUYUN 88231",
    "ｘｕｙｕｎ－８８２３１" and "xuyun—88231" → "xuyun88231", "User.Name" → "username". NFKC
    once more after: a mark that followed a separator joins the letter before it."""
    joined = ACCOUNT_SEPARATORS.sub("", _caseless(text))
    return unicodedata.normalize("NFKC", joined)[:MAX_FOLDED_LENGTH]


def _caseless(text: str) -> str:
    once = unicodedata.normalize("NFKC", text)
    return unicodedata.normalize("NFKC", once.casefold())


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
