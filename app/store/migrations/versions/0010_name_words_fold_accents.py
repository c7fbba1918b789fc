"""name words fold accents, apostrophes and CJK spaces: every stored name's words rewritten

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30

The name search now finds a name however it is typed (``app.models.name_words``): "novak"
finds "Novák", "lodz" "Łódź", "mueller" "Müller", "O'Brien" "O’Brien", 司马懿 "司马 懿". The
words of a name changed with the rule, so the stored ones are rewritten, ``BATCH`` subjects
at a time (an index range of ids, so memory stays flat at any size): each batch's stored words
are left alone where the name cannot have changed its words (plain ASCII, or a single run
of CJK script: most names), the others' deleted and written anew.

The new rule is copied below as it stands for this revision, not imported: a revision must not
change when the code does (tests/store/test_name_word_refold.py checks the copy against the
app's rule). Going down rewrites the words with revision 0008's rule, read from that revision.
"""

import importlib.util
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
FILL_CACHE_KIB = 256 * 1024
_MEMORY_PRAGMAS = ("cache_size", "soft_heap_limit")
WordRule = Callable[[str], frozenset[str]]


def upgrade() -> None:
    """Rewrite the words of every stored name with this revision's rule."""
    with _room_for_the_words(op.get_bind()):
        _rewrite_words(op.get_bind(), name_words)


def downgrade() -> None:
    """Rewrite them with revision 0008's rule (revision 0009 did not change it)."""
    path = Path(__file__).with_name("0008_subject_name_words.py")
    spec = importlib.util.spec_from_file_location("privacy_desk_revision_0008", path)
    assert spec is not None and spec.loader is not None  # the revision ships beside this one
    revision_0008 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision_0008)
    with _room_for_the_words(op.get_bind()):
        _rewrite_words(op.get_bind(), revision_0008.name_words)


@contextmanager
def _room_for_the_words(connection: sa.Connection) -> Iterator[None]:
    """On SQLite, a page cache that holds the word table while it is rewritten, then the app's
    limits again (see revision 0008: the changed words lie all over the table's b-tree)."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    cache_size, heap = (driver.execute(f"PRAGMA {p}").fetchone()[0] for p in _MEMORY_PRAGMAS)
    driver.execute(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
    driver.execute("PRAGMA soft_heap_limit = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(cache_size)}")
        driver.execute(f"PRAGMA soft_heap_limit = {int(heap)}")


def _rewrite_words(connection: sa.Connection, words_of: WordRule, batch: int = BATCH) -> None:
    """Give every subject whose name may have other words under ``words_of`` (not
    ``keeps_its_words``) the words ``words_of`` its name, ``batch`` subjects at a time.

    On the DB-API cursor: SQLAlchemy's rows and per-row parameters cost more than SQLite's
    own work here (reading 800,000 names, writing some 500,000 rows)."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    with closing(driver.cursor()) as cursor:
        mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
        _rewrite_with(cursor, mark, words_of, batch)


def _rewrite_with(cursor: Any, mark: str, words_of: WordRule, batch: int) -> None:
    after = 0
    while True:
        cursor.execute(
            f"SELECT id, display_name FROM data_subject WHERE id > {mark} ORDER BY id "
            f"LIMIT {int(batch)}",
            (after,),
        )
        names = cursor.fetchall()
        if not names:
            return
        changed = [(subject, name) for subject, name in names if not keeps_its_words(name)]
        if changed:
            cursor.executemany(
                f"DELETE FROM subject_name_word WHERE subject_id = {mark}",
                [(subject,) for subject, _ in changed],
            )
            cursor.executemany(
                f"INSERT INTO subject_name_word (word, subject_id) VALUES ({mark}, {mark})",
                sorted((w, i) for i, name in changed if name is not None for w in words_of(name)),
            )
        after = names[-1][0]


def keeps_its_words(name: str | None) -> bool:
    """Whether ``name`` has the same words under revision 0008's rule and this one's: plain
    ASCII without a backquote (now an apostrophe: nothing else of ASCII changed), or one run
    of CJK script (no accents, no spaces; NFKD then NFC composes as NFKC did)."""
    if name is None:
        return False  # none under either rule: any word left is removed
    if name.isascii():
        return "`" not in name
    return _cjk_run().fullmatch(name) is not None


@cache
def _cjk_run() -> re.Pattern[str]:
    return re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK_RANGES) + "]+")


# The word rule of app/models/name_words.py as of this revision (see the module docstring).
MAX_WORDS, MAX_WORD_LENGTH, SUFFIX_RUN = 32, 64, 8
_MAX_NAME_CHARACTERS = MAX_WORDS * (MAX_WORD_LENGTH + 1)
_CJK_RANGES = (
    (0x1100, 0x11FF), (0x3005, 0x3007), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)  # fmt: skip
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]+"
)
_DIACRITIC_RANGES = (
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    (0x0591, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED),
)  # fmt: skip
_UNDECOMPOSED = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
                 "ı": "i", "ħ": "h", "ŧ": "t", "ƶ": "z", "ǥ": "g", "ɨ": "i", "ƀ": "b"}  # fmt: skip
_FOLDING: dict[int, str | None] = (
    {ord(c): "'" for c in "\u2018\u2019\u201b\u2032\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u0060"}
    | {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u058a\u05be"}
    | {ord(c): "·" for c in "\u2022\u2027\u2219\u22c5\u2e31\u30fb"}
    | {ord(letter): plain for letter, plain in _UNDECOMPOSED.items()}
    | {
        code: None
        for low, high in _DIACRITIC_RANGES
        for code in range(low, high + 1)
        if unicodedata.category(chr(code)) == "Mn"
    }
    | {0x0640: None}
)
_ICAO = {"a\u0308": "ae", "o\u0308": "oe", "u\u0308": "ue", "a\u030a": "aa", "ø": "oe"}
_ICAO_LETTER = re.compile("|".join(_ICAO))
_ASCII_PIECE = re.compile(r"[a-z0-9]+")
_SEPARATOR, _LETTERS, _CJK = 0, 1, 2


def name_words(display_name: str) -> frozenset[str]:
    """The words of a name: per spelling (folded; and its ICAO spelling of ä ö ü å ø), per
    part its pieces, the suffixes of CJK pieces of at most 8 characters, the part as written
    and its pieces joined, runs of wholly CJK parts joined (with suffixes); each cut to 64
    characters, at most 32."""
    words: dict[str, None] = {}
    for spelling in _spellings(display_name):
        for word in _words_in_order(spelling):
            words.setdefault(word[:MAX_WORD_LENGTH])
            if len(words) == MAX_WORDS:
                return frozenset(words)
    return frozenset(words)


def _spellings(text: str) -> tuple[str, ...]:
    decomposed = _decomposed(text)
    plain = _finished(decomposed)
    if decomposed.isascii():
        return (plain,)
    icao = _ICAO_LETTER.sub(lambda letter: _ICAO[letter.group()], decomposed)
    return (plain,) if icao == decomposed else (plain, _finished(icao))


def _decomposed(text: str) -> str:
    start = text[: 2 * _MAX_NAME_CHARACTERS]
    if start.isascii():
        return start.lower()
    start = unicodedata.normalize("NFKD", start.replace("\u00b4", "'")).casefold()
    return _INVISIBLE.sub("", unicodedata.normalize("NFKD", start))


def _finished(decomposed: str) -> str:
    if decomposed.isascii():
        return decomposed.replace("`", "'")[:_MAX_NAME_CHARACTERS]
    composed = unicodedata.normalize("NFC", decomposed.translate(_FOLDING))
    if "·" in composed:
        composed = _cjk_separator().sub(" ", composed)
    return composed[:_MAX_NAME_CHARACTERS]


@cache
def _cjk_separator() -> re.Pattern[str]:
    script = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
    return re.compile(f"(?<=[{script}])[\\s·]*·[\\s·]*(?=[{script}])")


def _words_in_order(text: str) -> Iterator[str]:
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
    if text.isascii():
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


def _with_letter(piece: str) -> list[str]:
    return [piece] if any(unicodedata.category(c)[0] in "LN" for c in piece) else []


@lru_cache(maxsize=65_536)
def _kind(character: str) -> int:
    if unicodedata.category(character)[0] not in "LNM":
        return _SEPARATOR
    code = ord(character)
    return _CJK if any(low <= code <= high for low, high in _CJK_RANGES) else _LETTERS
