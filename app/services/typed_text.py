"""One rule for the free text a person types (notes, reasons, message summaries, comments):
no explicit direction-changing characters.

The Unicode Bidirectional Algorithm's explicit formatting characters (UAX #9 §2.1-2.4) make
text display in another order than it is stored and read by the program: LEFT-TO-RIGHT and
RIGHT-TO-LEFT EMBEDDING / OVERRIDE, POP DIRECTIONAL FORMATTING (U+202A-U+202E) and the
isolates LRI, RLI, FSI, PDI (U+2066-U+2069). "\\u202e'; DROP TABLE" reads "ELBAT PORD ;'":
in an audit record, a note that reads otherwise than it was typed is a spoofing risk
(CVE-2021-42574, "Trojan Source"). Nobody types them; they arrive by pasting.

Short single-line fields (names) refuse every invisible character with
``app.services.settings.has_invisible_characters``. Multi-line free text refuses only these
nine: the direction marks (LRM, RLM, ALM) that order mixed Arabic or Hebrew and Latin text,
and the joiners that Persian, Indic and emoji spellings need (ZWNJ, ZWJ), stay allowed.
Text stored before this rule is displayed without them (``without_direction_controls``).
Callers raise their own error with the literal sentence "The text holds direction-changing
characters; type it again." (a literal, so that the error catalogue finds it).

Control characters (Unicode category Cc: NUL, BEL, ESC, CR, DEL, the C1 set) other than the tab
and line feed multi-line text holds are no text at all: no font draws them and a letter cannot
print them; ``control_characters`` names them for the caller's refusal.
"""

import unicodedata

DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_direction_controls(text: str) -> bool:
    """Return whether ``text`` holds a bidi embedding, override or isolate character
    (U+202A-U+202E, U+2066-U+2069; UAX #9 §2.1-2.4).

    Args:
        text: any text (read once, linear time).
    """
    return not DIRECTION_CONTROLS.isdisjoint(text)


def without_direction_controls(text: str) -> str:
    """Return ``text`` without bidi embeddings, overrides and isolates, for display: the
    characters then show in the order they are stored (direction marks and joiners kept).

    Args:
        text: stored free text (possibly from before the rule, possibly hostile).

    Returns:
        The text with the nine characters of ``DIRECTION_CONTROLS`` removed.
    """
    if not has_direction_controls(text):
        return text
    return "".join(char for char in text if char not in DIRECTION_CONTROLS)


# The control characters multi-line typed text keeps: tab and line feed (Qt's text fields give
# line feeds; a carriage return is no line break a letter prints, and is refused).
_LAYOUT_CONTROLS = frozenset("\t\n")


def control_characters(text: str) -> tuple[str, ...]:
    """Return the control characters of ``text`` (Unicode category Cc, other than tab and line
    feed; carriage return included) as code points ("U+0001"), each once, in order of appearance;
    empty when there are none.

    Args:
        text: any text (read once, linear time; may be hostile).
    """
    found = dict.fromkeys(
        f"U+{ord(char):04X}"
        for char in text
        if char not in _LAYOUT_CONTROLS and unicodedata.category(char) == "Cc"
    )
    return tuple(found)
