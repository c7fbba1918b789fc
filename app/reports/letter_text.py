"""Whether letters can print a text typed for them: the check run when it is entered.

Free text a person types for a letter (an extension's reason, which the notice must state: GDPR
Art. 12(3)) is checked against the fonts letters are set in when it is typed, as the letter
itself checks it (``FontStack.check_printable``: the bundled faces, then the computer's), so a
text the letter could never print is refused at once rather than when the letter is due. The
services take this check as an argument (``app.services.letter_text.LetterTextCheck``):
they sit below this layer.
"""

from collections.abc import Sequence

from app.reports.fonts import default_font_stack


def check_letter_text(texts: Sequence[str]) -> None:
    """Raise unless the letter fonts can print every character of ``texts``.

    Args:
        texts: plain strings as a letter will print them.

    Raises:
        MissingGlyphsError: the code points no bundled or installed font has (never the text),
            with the kind of font to install. FontLoadError: a shipped font is damaged.
    """
    default_font_stack().check_printable(list(texts))
