"""Traditional Chinese letters read with the Simplified vocabulary.

Requesters in Hong Kong, Macao and Taiwan write Traditional characters (查閱, 複製, 刪除,
註銷帳戶, 個人資料); the triage vocabulary is Simplified. Triage maps a Chinese letter's text
character by character to Simplified before matching, so every term, statute name and
citation word the Simplified vocabulary knows is found in its Traditional spelling too.

Own code rather than a library: OpenCC itself is a native extension; the pure-Python ports
(opencc-python-reimplemented 0.1.7, last release 2023-02; zhconv 1.4.3, 2021-10, whose tables
come from MediaWiki) are unmaintained or carry phrase dictionaries of several MB that matching
does not need. The one-character table ``resources/triage/traditional_chinese.txt`` is
generated from OpenCC's own dictionaries (Apache-2.0, notice in the file); the name search
folds names with the same table (``app.models.han_folding``). The mapping keeps
the text's length, so offsets into the mapped text are offsets into the letter.
"""

from functools import cache

from app.models.han_folding import traditional_pairs


@cache
def traditional_table() -> dict[int, str]:
    """Return the shipped Traditional → Simplified table as a ``str.translate`` mapping.

    The table is read by ``app.models.han_folding.traditional_pairs``, which the name search
    folds names with too (one reader of the one table).

    Returns:
        Code point of a Traditional (or Hong Kong / Taiwan variant) character → its Simplified
        character; characters written alike in both scripts are absent.

    Raises:
        TriageVocabularyError: the table file is missing or has a malformed line.
    """
    return {ord(traditional): simplified for traditional, simplified in traditional_pairs()}


def to_simplified(text: str) -> str:
    """Return ``text`` with Traditional Chinese characters replaced by Simplified ones.

    Args:
        text: any text; only Han characters listed in the table change.

    Returns:
        The text, of the same length (one character for one character).

    Raises:
        TriageVocabularyError: the shipped table is malformed.
    """
    return text.translate(traditional_table())
