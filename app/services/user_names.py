"""Text checks shared by the settings and the workflow: invisible characters, and the form of
a staff user name (which is written into every audit event and compared by four-eyes rules).

A leaf module (no other service imported), so that the workflow can check a handler's name
without importing the settings, which import the workflow's inventory.
"""

import re
import unicodedata

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
