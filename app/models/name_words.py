"""The words of a person's name, as the name search indexes and matches them.

A requester is found by any of their names — "Smith" finds "Anna Smith" and "Smith, Anna",
"luc" finds "Jean-Luc Picard", 娜娜 finds 欧阳娜娜 — so each name is kept as its words
(``app.models.subject.SubjectNameWord``) and a typed word matches the start of any of them.

Here in the model layer, free of SQLAlchemy, because the model keeps its word rows in step with
``DataSubject.display_name`` itself (so no service can forget to) and the layers contract
forbids models to import services; ``app.services.name_words`` offers the same functions to
the services. Revisions 0010 and 0011 keep a copy of this rule (a revision must not change
with the code): a change of what ``name_words`` returns needs a revision that rewrites the
words.

A name is found however it is typed (``folded``, the same for the name and the typed text):

- case and width: NFKD + ``str.casefold`` ("ＳＭＩＴＨ", "ÉLODIE", "STRASSE" = "Straße");
- accents, both ways: diacritics are dropped, so "novak" and "Novák" find "Novák" and
  "Novak" alike, as do "lodz" "Łódź", "sorensen" "Sørensen", "dang" "Đặng", "aesir" "Æsir";
  Arabic and Hebrew vowel points and the kashida are dropped too (names are mostly written
  without them), and Cyrillic ё й are found by е и. Marks that are letters' parts in their
  script (Devanagari and Thai vowel signs, the kana voicing marks of が) are kept;
- German and Nordic spellings of passports: a name with ä ö ü å ø is also indexed as ICAO
  Doc 9303 (Part 3, section 6) transliterates it in a passport's machine-readable zone
  (Müller → mueller, Sørensen → soerensen, Åsa → aasa), so "mueller" finds "Müller"; a
  typed "Müller" is folded to "muller" and finds "Müller" and "Muller", not "Mueller";
- apostrophes (’ ‘ ʼ ʻ ` ´ ＇ …) are one ', hyphens and dashes (‐ ‑ – − － …) one -, middle dots
  (・ ‧ • …) one ·; invisible characters (bidi marks, zero-width spaces, soft hyphens,
  variation selectors) are dropped;
- CJK names are found with or without the space between family and given name: a middle dot
  or space between two CJK characters separates words, and the name's words include its
  consecutive CJK parts joined ("司马 懿" is also 司马懿, 马懿; "阿卜杜拉·买买提" also
  阿卜杜拉买买提), so "司马懿", "司马 懿" and "懿" find 司马懿 and "司马 懿" alike.

- Traditional, Simplified and Japanese forms of a Chinese character: each Han character is
  folded to one form of it (``app.models.han_folding``, from OpenCC's tables), so 陈 finds
  陳大文, 張偉 finds 张伟, 渡辺 finds 渡邊 and 斎藤 齋藤 — both ways. Several characters
  may fold alike (乾 干 幹; 後 后; 髮 發 发): a rare extra match, never a miss. The names
  are shown as written; only the words and the typed text are folded. A CJK compatibility
  ideograph is its unified one (NFKD: U+F90A is U+91D1 金). Pinyin and characters are not
  related.

Own code, not a library: ``unidecode`` is GPL; ``anyascii`` (ISC) romanises every script
(王芳 → WangFang, Иван → Ivan), which would lose the CJK words and Cyrillic names as typed;
ICU (PyICU) is a large native dependency; and the index must not change when a library's
tables do. Nor a word segmenter (ICU, jieba): a dictionary cannot tell where a family name
ends in 欧阳娜娜 either, so every suffix is kept. The standard library's ``unicodedata`` and
a small table of letters that do not decompose (ł ø đ ð þ æ œ ı ħ ŧ …) are enough.
"""

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from app.models.han_folding import han_folding

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
# Invisible characters: bidi marks and isolates, zero-width spaces and joiners, soft hyphen,
# BOM, tags, variation selectors (an emoji's U+FE0F, a Japanese name's ideographic variant).
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]+"
)
# Combining marks that are diacritics (their letter without them is still a letter of the
# script): the combining diacritical blocks, Hebrew points, Arabic vowel signs and Quranic
# marks. Only nonspacing marks (Mn) of these ranges; the Arabic kashida (a stretch) too.
_DIACRITIC_RANGES = (
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0x0591, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
)  # fmt: skip
# Letters that do not decompose into a letter and a mark, as written without the stroke or
# as the two letters of a ligature (ß is case-folded to ss already).
_UNDECOMPOSED = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
            "ı": "i", "ħ": "h", "ŧ": "t", "ƶ": "z", "ǥ": "g", "ɨ": "i", "ƀ": "b"}  # fmt: skip
_APOSTROPHES = "\u2018\u2019\u201b\u2032\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u0060"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u058a\u05be"
_MIDDLE_DOTS = "\u2022\u2027\u2219\u22c5\u2e31\u30fb"
_FOLDING: dict[int, str | None] = (
    {ord(c): "'" for c in _APOSTROPHES}
    | {ord(c): "-" for c in _HYPHENS}
    | {ord(c): "·" for c in _MIDDLE_DOTS}
    | {ord(letter): plain for letter, plain in _UNDECOMPOSED.items()}
    | {
        code: None
        for low, high in _DIACRITIC_RANGES
        for code in range(low, high + 1)
        if unicodedata.category(chr(code)) == "Mn"
    }
    | {0x0640: None}
)
# ICAO Doc 9303 Part 3, section 6: Ä → AE, Ö → OE, Ü → UE, Å → AA, Ø → OE (on the
# decomposed text).
_ICAO = {"a\u0308": "ae", "o\u0308": "oe", "u\u0308": "ue", "a\u030a": "aa", "ø": "oe"}
_ICAO_LETTER = re.compile("|".join(_ICAO))


def name_words(display_name: str | None) -> frozenset[str]:
    """Return the words under which a requester named ``display_name`` is found.

    The name, ``folded`` (and, holding ä ö ü å ø, also in its ICAO spelling), is taken part
    by part (parts are separated by white space), and gives:

    - the pieces of each part: split at every character that is not a letter, a digit or a
      combining mark, and where a run of CJK script meets other letters ("Smith," → smith;
      "Jean-Luc" → jean, luc; "O'Brien" → o, brien; "李Anna" → 李, anna);
    - for each CJK piece of at most ``SUFFIX_RUN`` characters, every suffix of it
      (欧阳娜娜 → 阳娜娜, 娜娜, 娜; 王芳 → 芳): a given name written after the family name
      without a space is a word of its own;
    - a part of several pieces also as written ("jean-luc", "o'brien_%", "smith,") — a typed
      word with punctuation is matched literally against these (``search_words``) — and
      joined up without its punctuation ("jeanluc", "obrien"), as people type such names;
    - consecutive parts written wholly in CJK script also joined, with the suffixes of a
      join of at most ``SUFFIX_RUN`` characters ("司马 懿" → 司马懿, 马懿).

    Args:
        display_name: the requester's name as stored (``None``: no name).

    Returns:
        At most ``MAX_WORDS`` words (the first ones of the name's first spelling), each of 1
        to ``MAX_WORD_LENGTH`` characters; empty for no name.
    """
    words: dict[str, None] = {}  # a dict keeps the name's order, so the cap keeps its start
    for spelling in _spellings(display_name or ""):
        for word in _words_in_order(spelling):
            words.setdefault(word[:MAX_WORD_LENGTH])
            if len(words) == MAX_WORDS:
                return frozenset(words)
    return frozenset(words)


def search_words(text: str) -> tuple[str, ...]:
    """Return the words of a typed search ``text`` that must each start a word of the name.

    The text is ``folded`` and split at white space only: a typed word with punctuation in
    it is looked for as written ("o'b", "50%_" — literally, "%" and "_" are no wildcards;
    apostrophes, hyphens and middle dots of any kind alike), one without as a piece or a
    part of the name. A word that starts another typed word is dropped (a name matching the
    longer one matches it), and of more than ``MAX_SEARCH_WORDS`` the longest are kept,
    which select the fewest names.

    Returns:
        At most ``MAX_SEARCH_WORDS`` words, longest first, each cut to ``MAX_WORD_LENGTH``;
        empty for a blank text.
    """
    typed = {word[:MAX_WORD_LENGTH] for word in folded(text).split()}
    kept = [w for w in typed if not any(o != w and o.startswith(w) for o in typed)]
    return tuple(sorted(kept, key=lambda w: (-len(w), w))[:MAX_SEARCH_WORDS])


def folded(text: str) -> str:
    """Return ``text`` as names are compared (see the module docstring): NFKD, case-folded,
    diacritics and invisible characters dropped, apostrophes, hyphens and middle dots of
    every kind made one, a middle dot between CJK characters a space, then NFC, and Han
    characters in their folded (mostly Simplified) form.

    Only the start is read (a pasted 100,000-character name costs no more than one of
    about 4,000): at most 4,160 characters of ``text``, 2,080 of the result.
    """
    return _finished(_decomposed(text))


def without_invisible(text: str) -> str:
    """Return ``text`` without the invisible characters ``INVISIBLE`` (a bidi mark or a
    zero-width space pasted with a name, a reference or an address)."""
    return INVISIBLE.sub("", text)


def _spellings(text: str) -> tuple[str, ...]:
    """The name ``folded``, and in its ICAO spelling when that differs."""
    decomposed = _decomposed(text)
    plain = _finished(decomposed)
    if decomposed.isascii():
        return (plain,)
    icao = _ICAO_LETTER.sub(lambda letter: _ICAO[letter.group()], decomposed)
    return (plain,) if icao == decomposed else (plain, _finished(icao))


def _decomposed(text: str) -> str:
    """NFKD and case-folded (NFKD again: case folding may compose), the acute accent U+00B4
    an apostrophe first (NFKD would make it a space and a mark: "O´Brien")."""
    start = text[: 2 * _MAX_NAME_CHARACTERS]
    if start.isascii():  # most Latin names: nothing to decompose
        return start.lower()
    start = unicodedata.normalize("NFKD", start.replace("\u00b4", "'")).casefold()
    return INVISIBLE.sub("", unicodedata.normalize("NFKD", start))


def _finished(decomposed: str) -> str:
    if decomposed.isascii():  # only ` is folded (an apostrophe)
        return decomposed.replace("`", "'")[:_MAX_NAME_CHARACTERS]
    composed = unicodedata.normalize("NFC", decomposed.translate(_FOLDING))
    if "·" in composed:
        composed = _cjk_separator().sub(" ", composed)
    return composed[:_MAX_NAME_CHARACTERS].translate(han_folding())


@cache
def _cjk_separator() -> re.Pattern[str]:
    """Middle dots, with any spaces beside them, between two CJK characters (compiled when
    first needed: 8 ms, and the case list's start imports this module)."""
    script = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
    return re.compile(f"(?<=[{script}])[\\s·]*·[\\s·]*(?=[{script}])")


def _words_in_order(text: str) -> Iterator[str]:
    """Each part's pieces (with the suffixes of short CJK runs), the part as written and
    joined up; after a run of parts wholly in CJK script, the run joined."""
    run: list[str] = []
    for part in text.split():
        pieces = _pieces(part)
        for piece in pieces:
            yield piece
            yield from _suffixes(piece)
        if pieces != [part]:
            yield part
        if len(pieces) > 1:
            yield "".join(pieces)
        if pieces == [part] and _kind(part[0]) == _CJK:
            run.append(part)
        elif run:
            yield from _joined(run)
            run = []
    yield from _joined(run)


def _joined(run: list[str]) -> list[str]:
    if len(run) < 2:
        return []
    joined = "".join(run)
    return [joined, *_suffixes(joined)]


def _suffixes(piece: str) -> list[str]:
    if len(piece) > SUFFIX_RUN or _kind(piece[0]) != _CJK:
        return []
    return [piece[start:] for start in range(1, len(piece))]


def _pieces(text: str) -> list[str]:
    """The runs of word characters of ``text``, a CJK run apart from other letters; only
    those holding a letter or digit (a lone combining mark is none)."""
    if text.isascii():  # most Latin names: the same split, at C speed
        return _ASCII_PIECE.findall(text)
    pieces: list[str] = []
    piece: list[str] = []
    kind = _SEPARATOR
    for character in text:
        found = _kind(character)
        if piece and found != kind:
            pieces += _with_letter("".join(piece))
            piece = []
        if found != _SEPARATOR:
            piece.append(character)
        kind = found
    return pieces + _with_letter("".join(piece))


_ASCII_PIECE = re.compile(r"[a-z0-9]+")  # the text is case-folded: no capitals are left
_SEPARATOR, _LETTERS, _CJK = 0, 1, 2
_kinds: dict[str, int] = {}
_REMEMBERED_KINDS = 65_536


def _with_letter(piece: str) -> list[str]:
    return [piece] if any(unicodedata.category(c)[0] in "LN" for c in piece) else []


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
    """Letters, digits and combining marks (Devanagari matras, Thai vowels, marks left
    uncomposed by NFC) are part of a word; the rest separates words."""
    if unicodedata.category(character)[0] not in "LNM":
        return _SEPARATOR
    code = ord(character)
    return _CJK if any(low <= code <= high for low, high in _CJK_RANGES) else _LETTERS
