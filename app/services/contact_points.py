"""Normalised e-mail addresses and phone numbers: how a data subject is matched and searched.

Kept apart from the intake readers (``app.services.intake``) so that the case list's search can
use them without loading the mail and spreadsheet parsers before the window's first paint.
"""

import re
import unicodedata

from app.models.identifier_folding import national_significant_number

_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_EMAIL = re.compile(r"^[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\".]+(?:\.[^\s@<>()\[\],;:\".]+)+$")
# Separators people write inside a number: spaces (any width), hyphens and dashes of every
# kind, dots, slashes, middle dots and brackets (NFKC has already made full-width ones ASCII).
_PHONE_PUNCTUATION = re.compile(r"[\s\-.()\[\]/\u00b7\u2010-\u2015\u2212\u30fb\u3010\u3011]")
# "+44 (0)20 …": the national trunk prefix written beside the country code is not dialled.
_TRUNK_ZERO = re.compile(r"^(\s*(?:\+|00)[\d\s]{1,5})\(\s*0\s*\)")
_PHONE = re.compile(r"^\+?\d{5,20}$")
# A mainland mobile number (GB/T 13000 numbering plan: 1 followed by 3-9 and nine digits),
# and the rest of a mainland landline after the country code: area code (10, 2x, or three
# digits from 3 to 9) and a local number, 9-11 digits in all.
_CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_CN_LANDLINE = re.compile(r"^(?:10|[2-9]\d)\d{7,9}$")


def normalise_email(text: str) -> str | None:
    """Return the e-mail address in ``text`` with its domain lower-cased, ``None`` if invalid.

    A ``mailto:`` prefix in any case (a URI scheme is case-insensitive, RFC 3986 s. 3.1) and
    surrounding angle brackets are dropped, and so are invisible
    characters (format characters, Unicode category Cf: zero-width space and joiners, bidi
    marks, BOM; and controls): copied into an address they are no part of it, and kept they
    would file one person under two addresses, one of which no mail system delivers to.
    """
    # Imported here: the intake package loads its triage with it, which the case list's
    # search (this module's other user) must not pay for before the first paint; an address
    # is typed or imported only after a case was shown, which has loaded intake already.
    from app.services.intake.word_characters import without_invisibles

    address = _MAILTO.sub("", without_invisibles(text).strip().strip("<> ")).strip("<> ")
    if not _EMAIL.match(address):
        return None
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_phone(text: str) -> str | None:
    """Return the one stored (canonical) form of the phone number ``text``, ``None`` if it is
    not one (fewer than 5 or more than 20 digits, or letters).

    Separators (spaces, hyphens, dots, brackets, full-width forms) are dropped and digits of
    any script read as ASCII. A mainland Chinese number written with its country code
    ("+86", "0086", "86" before a mobile number) is stored in its national form, the form
    staff type and search by prefix: 13800138000, a landline with its trunk "0"
    (01012345678). Any other number written with "+" or "00" keeps "+" and its country
    code, E.164-like (+442079460958: a "(0)" after the code dropped); a number without one
    is kept as written.
    """
    written = _TRUNK_ZERO.sub(r"\1", unicodedata.normalize("NFKC", text))
    compact = _PHONE_PUNCTUATION.sub("", _ascii_digits(written))
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _PHONE.match(compact):
        return None
    return _mainland_national(compact) or compact


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit (Arabic-Indic, Devanagari, full-width...) as ASCII."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _mainland_national(compact: str) -> str | None:
    """The national form of a complete mainland number written with its country code
    (``None`` for any other number, or a part of one as typed into the search)."""
    if compact.startswith("+86"):
        rest = compact[3:]
    elif compact.startswith("86") and len(compact) == 13:
        rest = compact[2:]
    else:
        return None
    if _CN_MOBILE.match(rest):
        return rest
    if rest[:1] == "0" and compact[0] == "+":  # "+86 010 …": the trunk "0" written too
        rest = rest[1:]
    return "0" + rest if _CN_LANDLINE.match(rest) and compact[0] == "+" else None


def national_search_forms(phone: str) -> tuple[str, ...]:
    """Return the starts of a national significant number (``SubjectIdentifier.folded``, see
    ``app.models.identifier_folding``) that the normalised ``phone``, typed without a
    country code, can be: as typed (a US number "415 555", an Italian "06 1234", a mainland
    mobile "138 0013") and, after a trunk "0", without it (a Japanese "090-1234" is the
    number +81 90 1234…, a British "07700 900" +44 7700 900…, a Beijing "010 1234"
    01012345678). Empty for a number typed with "+" (``phone_forms`` looks those up).

    Returns:
        One or two forms, the typed one first.
    """
    if phone.startswith("+"):
        return ()
    national = national_significant_number(phone)
    return (phone,) if national in ("", phone) else (phone, national)


def phone_forms(phone: str) -> tuple[str, ...]:
    """Return the normalised ``phone`` (see ``normalise_phone``) and the other forms a Chinese
    number is written in: with the country code (+86) and without it, so a search typed one
    way finds a number stored another way ("+86 138 0013 8000" finds 13800138000, "+86 10
    1234" finds 01012345678, and the reverse). Numbers of other countries keep their one form.

    Returns:
        The typed form first, then the others (at most three forms in all).
    """
    if phone.startswith("+86"):
        rest = phone[3:]
        national = rest if rest[:1] == "1" and rest[:2] != "10" else "0" + rest
        return (phone, national)
    if _CN_MOBILE.match(phone):
        return (phone, "+86" + phone)
    if _CN_LANDLINE.match(phone[1:]) and phone[:2] != "00" and phone[:1] == "0":
        return (phone, "+86" + phone[1:])
    return (phone,)
