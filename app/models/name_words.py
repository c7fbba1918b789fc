"""The words of a person's name, as the name search indexes and matches them.

A requester is found by any of their names — "Smith" finds "Anna Smith" and "Smith, Anna",
"luc" finds "Jean-Luc Picard", 娜娜 finds 欧阳娜娜 — so each name is kept as its words
(``app.models.subject.SubjectNameWord``) and a typed word matches the start of any of them.

Here in the model layer, free of SQLAlchemy, because the model keeps its word rows in step with
``DataSubject.display_name`` itself (so no service can forget to) and the layers contract
forbids models to import services; ``app.services.name_words`` offers the same functions to
the services.

Text is compared as NFKC + ``str.casefold`` (full-width letters become ASCII, "ÉLODIE" and
"Élodie" meet at "élodie", "STRASSE" and "Straße" at "strasse"), the search text's own
normalisation (``app.services.case_list_terms.normalise_search_text``) plus case folding.

Own code, not a word segmenter (ICU, jieba): a dictionary cannot tell where a family name ends
in 欧阳娜娜 either, so every suffix is kept; the rest needs only the Unicode categories of the
standard library's ``unicodedata`` and the CJK blocks.
"""

import re
import unicodedata
from collections.abc import Iterator

# Bounds on what one name adds to the index: a pasted 100,000-character "name" must not add
# 100,000 rows. Words are cut to MAX_WORD_LENGTH characters (a typed word is cut alike, so it
# still finds them); runs of CJK script longer than SUFFIX_RUN characters get no suffixes.
MAX_WORDS = 32
MAX_WORD_LENGTH = 64
SUFFIX_RUN = 8
MAX_SEARCH_WORDS = 4
# Enough text for MAX_WORDS words of MAX_WORD_LENGTH: the rest of a longer name is not read.
_MAX_NAME_CHARACTERS = MAX_WORDS * (MAX_WORD_LENGTH + 1)

# Scripts written without spaces between a family name and a given name (王芳, 山田太郎,
# 김민준): Han ideographs (with 々 〆 〇, as in 佐々木), kana, and hangul.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul Compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul Syllables, Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x323AF),  # CJK Extensions B to H, Compatibility Supplement
)
_VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))


def name_words(display_name: str | None) -> frozenset[str]:
    """Return the words under which a requester named ``display_name`` is found.

    The name, after NFKC and case folding, is taken part by part (parts are separated by
    white space), and gives:

    - the pieces of each part: split at every character that is not a letter, a digit or a
      combining mark, and where a run of CJK script meets other letters ("Smith," → smith;
      "Jean-Luc" → jean, luc; "O'Brien" → o, brien; "李Anna" → 李, anna);
    - for each CJK piece of at most ``SUFFIX_RUN`` characters, every suffix of it
      (欧阳娜娜 → 阳娜娜, 娜娜, 娜; 王芳 → 芳): a given name written after the family name
      without a space is a word of its own;
    - a part of several pieces also as written ("jean-luc", "o'brien_%", "smith,") — a typed
      word with punctuation is matched literally against these (``search_words``) — and
      joined up without its punctuation ("jeanluc", "obrien"), as people type such names.

    Args:
        display_name: the requester's name as stored (``None``: no name).

    Returns:
        At most ``MAX_WORDS`` words (the first ones of the name), each of 1 to
        ``MAX_WORD_LENGTH`` characters; empty for no name.
    """
    words: dict[str, None] = {}  # a dict keeps the name's order, so the cap keeps its start
    for word in _words_in_order(_folded(display_name or "")):
        words.setdefault(word[:MAX_WORD_LENGTH])
        if len(words) == MAX_WORDS:
            break
    return frozenset(words)


def search_words(text: str) -> tuple[str, ...]:
    """Return the words of a typed search ``text`` that must each start a word of the name.

    The text is NFKC'd, case-folded and split at white space only: a typed word with
    punctuation in it is looked for as written ("o'b", "50%_" — literally, "%" and "_" are
    no wildcards), one without as a piece or a part of the name. A word that starts another
    typed word is dropped (a name matching the longer one matches it), and of more than
    ``MAX_SEARCH_WORDS`` the longest are kept, which select the fewest names.

    Returns:
        At most ``MAX_SEARCH_WORDS`` words, longest first, each cut to ``MAX_WORD_LENGTH``;
        empty for a blank text.
    """
    typed = {word[:MAX_WORD_LENGTH] for word in _folded(text).split()}
    kept = [w for w in typed if not any(o != w and o.startswith(w) for o in typed)]
    return tuple(sorted(kept, key=lambda w: (-len(w), w))[:MAX_SEARCH_WORDS])


def _folded(text: str) -> str:
    """NFKC, case-folded, the start only: NFKC may make one character several, so twice
    what is kept is read."""
    start = text[: 2 * _MAX_NAME_CHARACTERS]
    return unicodedata.normalize("NFKC", start).casefold()[:_MAX_NAME_CHARACTERS]


def _words_in_order(text: str) -> Iterator[str]:
    """Each part's pieces (with the suffixes of short CJK runs), then the part as written and
    joined up."""
    for part in text.split():
        pieces = list(_pieces(part))
        for piece in pieces:
            yield piece
            if _kind(piece[0]) == _CJK and len(piece) <= SUFFIX_RUN:
                yield from (piece[start:] for start in range(1, len(piece)))
        if pieces != [part]:
            yield part
        if len(pieces) > 1:
            yield "".join(pieces)


def _pieces(text: str) -> Iterator[str]:
    """The runs of word characters of ``text``, a CJK run apart from other letters; only
    those holding a letter or digit (a lone combining mark or variation selector is none)."""
    if text.isascii():  # most Latin names: the same split, at C speed
        yield from _ASCII_PIECE.findall(text)
        return
    piece: list[str] = []
    kind = _SEPARATOR
    for character in text:
        found = _kind(character)
        if piece and found != kind:
            yield from _with_letter("".join(piece))
            piece = []
        if found != _SEPARATOR:
            piece.append(character)
        kind = found
    yield from _with_letter("".join(piece))


_ASCII_PIECE = re.compile(r"[a-z0-9]+")  # the text is case-folded: no capitals are left
_SEPARATOR, _LETTERS, _CJK = 0, 1, 2
_kinds: dict[str, int] = {}
_REMEMBERED_KINDS = 65_536


def _with_letter(piece: str) -> Iterator[str]:
    if any(unicodedata.category(c)[0] in "LN" for c in piece):
        yield piece


def _kind(character: str) -> int:
    """Whether ``character`` separates words, is part of one, or of a CJK run; remembered,
    as a name is split character by character."""
    found = _kinds.get(character)
    if found is None:
        found = _kind_of(character)
        if len(_kinds) < _REMEMBERED_KINDS:
            _kinds[character] = found
    return found


def _kind_of(character: str) -> int:
    """Letters, digits and combining marks (Arabic vowel signs, Devanagari matras, accents
    left uncomposed by NFKC) are part of a word; variation selectors (an emoji's U+FE0F) are
    marks too, but no part of a name."""
    code = ord(character)
    if unicodedata.category(character)[0] not in "LNM" or any(
        low <= code <= high for low, high in _VARIATION_SELECTORS
    ):
        return _SEPARATOR
    return _CJK if any(low <= code <= high for low, high in _CJK_RANGES) else _LETTERS
