"""Right-to-left safe embedding of user text (names, e-mail addresses, subjects, file names) in
the UI's own strings.

A requester named "محمد QZXRTL" followed by " <rtl@example.com>" is laid out by the Unicode
Bidirectional Algorithm (UAX #9) as one run: the Arabic word pulls the neutral "<" and the
address into its right-to-left run and the line reads scrambled. Wrapping each piece of user
text in FIRST STRONG ISOLATE (U+2068) … POP DIRECTIONAL ISOLATE (U+2069) (UAX #9 §2.4, rule
X5c) lays it out on its own, in its own direction, as one neutral unit of the surrounding
sentence. Qt's text layout (QTextEngine) implements isolates.

The text is balanced first: a stray PDI inside a name would close the isolate early and a
stray isolate initiator would swallow the rest of the line (hostile input, failure-modes.md).
Embeddings and overrides (LRE, RLE, LRO, RLO, PDF) need nothing: X6a ends them at the
isolate's PDI.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.services.typed_text import without_direction_controls

FSI = "\u2068"
PDI = "\u2069"
LRM = "\u200e"
RLM = "\u200f"
_ISOLATE_INITIATORS = frozenset({"\u2066", "\u2067", FSI})  # LRI, RLI, FSI


def isolate(text: str) -> str:
    """Return ``text`` wrapped in FSI … PDI, balanced, for embedding in a UI sentence.

    Args:
        text: user-supplied text (any script, possibly hostile); ``""`` stays ``""``.

    Returns:
        ``FSI + text + PDI`` where every isolate initiator inside ``text`` has its PDI and no
        PDI inside it lacks its initiator (unmatched ones are dropped, missing ones added at
        the end), so the isolate ends exactly where ``text`` does.
    """
    if not text:
        return text
    if PDI not in text and not any(c in _ISOLATE_INITIATORS for c in text):
        return f"{FSI}{text}{PDI}"  # the usual case, without walking the text
    return f"{FSI}{_balanced(text)}{PDI}"


def _balanced(text: str) -> str:
    """``text`` with unmatched PDIs dropped and the open isolates closed at its end."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char in _ISOLATE_INITIATORS:
            depth += 1
        elif char == PDI:
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return "".join(kept) + PDI * depth


def typed_text(text: str) -> str:
    """Return stored free text a person typed (a note, a reason, a holiday name) for display:
    without bidi embeddings, overrides and isolates (``app.services.typed_text``), so that it
    reads in the order it is stored, and isolated, so that it cannot reorder the text around
    it. Text stored before such characters were refused shows safely too.

    Args:
        text: the stored text; ``""`` stays ``""``.

    Returns:
        ``isolate(without_direction_controls(text))``.
    """
    return isolate(without_direction_controls(text))


def isolated_or(text: str | None, empty: str = "—") -> str:
    """Return ``isolate(text)``, or ``empty`` when ``text`` is ``None`` or ``""``."""
    return isolate(text) if text else empty


def requester_text(name: str | None, email: str | None) -> str:
    """Return ``name <email>`` with both isolated (either may be missing), or ``—``.

    E.g. ``محمد <rtl@example.com>`` reads name then address whatever the name's script.
    """
    address = f"<{isolate(email)}>" if email else ""
    return " ".join(p for p in (isolate(name) if name else "", address) if p) or "—"


def in_ui_direction(text: str) -> str:
    """Return ``text`` led by a left-to-right mark (a right-to-left one under a right-to-left
    UI) when it is not empty, so that a line opening with user text keeps the window's
    direction: a label takes its paragraph direction from the first strong character (UAX #9
    P2), and Qt finds it inside the isolate too, right-aligning "محمد <a@b.c>" as a whole."""
    if not text:
        return text
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return (RLM if rtl else LRM) + text
