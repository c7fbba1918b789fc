"""File names as the import report shows them: characters that would disguise a name are
written as visible ``<U+XXXX>`` escapes, so "\u202egnp.eml" cannot pass for "lme.png"."""

import unicodedata

# Unicode general categories escaped: controls (a newline would split a report line), format
# characters (the bidi embeddings, overrides, isolates and marks U+202A-202E, U+2066-2069,
# U+200E/F, U+061C reorder the text after them, UAX #9; zero-width characters hide),
# surrogates (undecodable bytes of a POSIX name, which a terminal cannot print) and the line
# and paragraph separators. Stripped instead of escaped, a spoofed name would look harmless.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# ZWNJ and ZWJ join Persian, Indic and emoji spellings and cannot reorder text.
_KEPT = frozenset({"\u200c", "\u200d"})


def visible_file_name(name: str) -> str:
    """Return ``name`` with every control, format (bidi), surrogate or line-separator
    character replaced by ``<U+XXXX>`` (upper-case hex, at least four digits).

    Args:
        name: a file name (or a text that starts with one), as ``Path.name`` gives it.

    Returns:
        The name as shown in import reports; unchanged when it has no such character.
        Applying it twice gives the same text.
    """
    return "".join(
        f"<U+{ord(char):04X}>"
        if char not in _KEPT and unicodedata.category(char) in _ESCAPED_CATEGORIES
        else char
        for char in name
    )
