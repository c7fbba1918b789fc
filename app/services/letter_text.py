"""Text typed for a letter, checked when it is typed: the letters' font check as the services
take it (``LetterTextCheck``).

A letter prints what a person typed for it (an extension's reason, GDPR Art. 12(3); a refusal's
explanations, PIPL Art. 50 / GDPR Art. 12(4)). A text with a character no letter font has would
stop that letter for good once it is the record, so the service that stores it checks it first
with the check the letters use, handed in by its caller (``app.reports.letter_text``, above
this layer).
"""

from collections.abc import Callable, Sequence

from app.errors import MissingGlyphsError

LetterTextCheck = Callable[[Sequence[str]], None]
"""Checks that letters can print every text given (plain strings); raises
``MissingGlyphsError`` listing the characters no letter font has (``FontStack.check_printable``)."""


def missing_glyphs(texts: Sequence[str], printable: LetterTextCheck) -> MissingGlyphsError | None:
    """Return what ``printable`` refuses in ``texts`` (code points, fonts to install), or
    ``None`` when letters can print them all.

    Raises:
        FontLoadError: a shipped letter font is damaged (from ``printable``).
    """
    try:
        printable(texts)
    except MissingGlyphsError as error:
        return error
    return None
