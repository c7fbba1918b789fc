"""Text checks shared by the settings and the workflow: invisible characters, and the form of
a staff user name (which is written into every audit event and compared by four-eyes rules).

A leaf module (no other service imported), so that the workflow can check a handler's name
without importing the settings, which import the workflow's inventory.
"""

import re
import unicodedata
from collections.abc import Iterable

_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs"})
# A login-like name: 1-100 characters, no white space, no C0 control or DEL.
_USERNAME = re.compile(r"[^\s\x00-\x1f\x7f]{1,100}")


def has_invisible_characters(text: str, allowed: str = "") -> bool:
    """Return whether ``text`` holds control, format (bidi overrides, zero-width) or private-use
    characters other than those in ``allowed`` (e.g. ``"\\n"`` for an address): such text prints
    or compares differently from how it reads."""
    return any(unicodedata.category(char) in _INVISIBLE and char not in allowed for char in text)


def is_username(text: str) -> bool:
    """Return whether ``text`` is a well-formed staff user name: 1-100 characters, none of
    them a space, a control or an invisible character (``text`` is taken as is, unstripped).
    """
    return bool(_USERNAME.fullmatch(text)) and not has_invisible_characters(text)


def user_name(text: str) -> str:
    """Return a user name as it is taken in (typed, signed in, ``--actor``): in Unicode
    Normalization Form C, so that "André" typed with a combining accent (NFD, as a macOS or
    directory login gives it) is spelled as the precomposed "André" (Unicode UAX #15)."""
    return unicodedata.normalize("NFC", text)


def user_key(name: str) -> str:
    """Return the form two user names are compared in: Unicode canonical caseless matching
    (The Unicode Standard §3.13, D145: NFD(casefold(NFD(name)))), so that "LI.WEI" is "li.wei",
    "STRAUSS" is "strauß" and "ANDRÉ" with a combining accent is "andré" precomposed."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def staff_spelling(usernames: Iterable[str], name: str) -> str:
    """Return ``name`` as the staff list spells it: the user name in ``usernames`` equal to
    ``name`` (in NFC, ``user_name``), else the one equal to it by canonical caseless matching
    (``user_key``: user names are one whatever their case and Unicode normalization form,
    Settings › Staff and roles), else ``name`` in NFC (not a member, or several members from
    before names were unique regardless of case).

    A case's handler is stored in this spelling (``check_handler``, migration 0018), so the
    "Mine" view of a user signed in as "Li.Wei" lists the cases of "li.wei" by an exact,
    indexed comparison (``ix_case_assignee_status_urgency``).
    """
    names, name = list(usernames), user_name(name)
    if name in names:
        return name
    key = user_key(name)
    folded = [each for each in names if user_key(each) == key]
    return folded[0] if len(folded) == 1 else name


def same_user(first: str | None, second: str | None) -> bool:
    """Return whether two user names are equal by canonical caseless matching (``user_key``:
    "LI.WEI" is "li.wei", "STRAUSS" is "strauß", NFD "André" is NFC "André"); ``None``
    (nobody) equals nothing.

    For the four-eyes rules, which refuse a reviewer who may be the handler or the author:
    a name differing only in case is refused whatever the staff list says (even two members
    from before names were unique regardless of case), so no spelling of a name gets past.
    """
    return first is not None and second is not None and user_key(first) == user_key(second)
