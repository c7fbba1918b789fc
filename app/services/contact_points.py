"""Normalised e-mail addresses and phone numbers: how a data subject is matched and searched.

Kept apart from the intake readers (``app.services.intake``) so that the case list's search can
use them without loading the mail and spreadsheet parsers before the window's first paint.
"""

import re
import unicodedata

_EMAIL = re.compile(r"^[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\".]+(?:\.[^\s@<>()\[\],;:\".]+)+$")
_PHONE_PUNCTUATION = re.compile(r"[\s\-().\u00a0/]")
_PHONE = re.compile(r"^\+?\d{5,20}$")


def normalise_email(text: str) -> str | None:
    """Return the e-mail address in ``text`` with its domain lower-cased, ``None`` if invalid.

    A ``mailto:`` prefix and surrounding angle brackets are dropped.
    """
    address = text.strip().removeprefix("mailto:").strip("<> ")
    if not _EMAIL.match(address):
        return None
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_phone(text: str) -> str | None:
    """Return a phone number as digits with an optional leading "+", ``None`` if it is not one
    (fewer than 5 or more than 20 digits, or letters)."""
    compact = _PHONE_PUNCTUATION.sub("", unicodedata.normalize("NFKC", text))
    return compact if _PHONE.match(compact) else None


def phone_forms(phone: str) -> tuple[str, ...]:
    """Return the normalised ``phone`` (see ``normalise_phone``) and the other forms a Chinese
    number is written in: with the country code (+86 or 0086) and without it, so a search
    typed one way finds a number stored another way ("+86 138 0013 8000" finds 13800138000,
    and the reverse). Numbers of other countries keep their one form.

    Returns:
        The typed form first, then the others (at most three forms in all).
    """
    national = None
    if phone.startswith("+86"):
        national = phone[3:]
    elif phone.startswith("0086"):
        national = phone[4:]
    elif phone.startswith("1") and len(phone) == 11:  # a mainland mobile number, 1xx xxxx xxxx
        national = phone
    if national is None:
        return (phone,)
    return tuple(dict.fromkeys((phone, national, "+86" + national)))
