"""Whether letters can print a text typed for them: the check run when it is entered.

Free text a person types for a letter (an extension's reason, which the notice must state: GDPR
Art. 12(3)) is checked against the fonts letters are set in when it is typed, as the letter
itself checks it (``FontStack.check_printable``: the bundled faces, then the computer's), so a
text the letter could never print is refused at once rather than when the letter is due. The
services take this check as an argument (``app.services.letter_text.LetterTextCheck``):
they sit below this layer.
"""

from collections.abc import Sequence


def check_letter_text(texts: Sequence[str]) -> None:
    """Raise unless the letter fonts can print every character of ``texts``.

    Args:
        texts: plain strings as a letter will print them.

    Raises:
        MissingGlyphsError: the code points no bundled or installed font has (never the text),
            with the kind of font to install. FontLoadError: a shipped font is damaged.
    """
    # Imported at the check, not with this module: the window's clock and workflow controllers
    # import this module when they are built, and the fonts bring ReportLab and Pillow (9 MiB
    # at the list's peak, issue 6's 150 MiB) that only a typed reason needs.
    from app.reports.fonts import default_font_stack

    default_font_stack().check_printable(list(texts))
