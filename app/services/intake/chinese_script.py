"""Traditional Chinese letters read with the Simplified vocabulary.

Requesters in Hong Kong, Macao and Taiwan write Traditional characters (查閱, 複製, 刪除,
註銷帳戶, 個人資料); the triage vocabulary is Simplified. Triage maps a Chinese letter's text
character by character to Simplified before matching, so every term, statute name and
citation word the Simplified vocabulary knows is found in its Traditional spelling too.

Own code rather than a library: OpenCC itself is a native extension; the pure-Python ports
(opencc-python-reimplemented 0.1.7, last release 2023-02; zhconv 1.4.3, 2021-10, whose tables
come from MediaWiki) are unmaintained or carry phrase dictionaries of several MB that matching
does not need. The one-character table ``resources/triage/traditional_chinese.txt`` is
generated from OpenCC's own dictionaries (Apache-2.0, notice in the file). The mapping keeps
the text's length, so offsets into the mapped text are offsets into the letter.
"""

from functools import cache

from app.errors import TriageVocabularyError
from app.resources import resource_path

TABLE_FILE = "traditional_chinese.txt"


@cache
def traditional_table() -> dict[int, str]:
    """Return the shipped Traditional → Simplified table as a ``str.translate`` mapping.

    Returns:
        Code point of a Traditional (or Hong Kong / Taiwan variant) character → its Simplified
        character; characters written alike in both scripts are absent.

    Raises:
        TriageVocabularyError: the table file is missing or has a malformed line.
    """
    path = resource_path("triage", TABLE_FILE)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise TriageVocabularyError(
            str(path), None, "*", f"cannot be read ({error.strerror})"
        ) from error
    except UnicodeDecodeError as error:
        raise TriageVocabularyError(str(path), None, "*", "not UTF-8 text") from error
    table: dict[int, str] = {}
    for number, line in enumerate(lines, start=1):
        if line.startswith("#") or not line.strip():
            continue
        pair = line.split()
        if len(pair) != 2 or len(pair[0]) != 1 or len(pair[1]) != 1:
            problem = "not a Traditional and a Simplified character"
            raise TriageVocabularyError(str(path), number, "line", problem)
        table[ord(pair[0])] = pair[1]
    return table


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
