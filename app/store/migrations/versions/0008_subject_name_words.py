"""name search by any word of a name: the subject_name_word table, filled from every name

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

``subject_name_word`` holds each data subject's name words (primary key word, subject: a prefix
range over ``word`` yields subject ids from the index alone), so "Smith" finds "Anna Smith" and
娜娜 finds 欧阳娜娜. The words of the existing names are written here, in batches of
``BATCH`` subjects; afterwards the model keeps them in step (``app.models.subject``).

The word rule is copied below as it stood for this revision, not imported: a revision must not
change when the code does. A later change of the rule needs a revision that rewrites the words.
On PostgreSQL the table gets the writers' grants and the row-level security of
``subject_identifier`` (revision 0004: a restricted case's subject is hidden).
"""

import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
FILL_CACHE_KIB = 256 * 1024
_MEMORY_PRAGMAS = ("cache_size", "soft_heap_limit")
WRITERS = "privacy_desk_handler, privacy_desk_reviewer, privacy_desk_manager, privacy_desk_admin"
VISIBLE = (
    "NOT privacy_desk_subject_restricted(subject_id) "
    "OR pg_has_role(current_user, 'privacy_desk_restricted', 'MEMBER')"
)
WORDS = sa.table("subject_name_word", sa.column("word"), sa.column("subject_id"))
SUBJECTS = sa.table("data_subject", sa.column("id"), sa.column("display_name"))


def upgrade() -> None:
    """Create the table and its subject index, then write the words of every stored name."""
    word = sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")
    op.create_table(
        "subject_name_word",
        sa.Column("word", word, nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["data_subject.id"],
            name=op.f("fk_subject_name_word_subject_id_data_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("word", "subject_id", name=op.f("pk_subject_name_word")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_subject_name_word_subject_id", "subject_name_word", ["subject_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON subject_name_word TO {WRITERS}")
        op.execute("ALTER TABLE subject_name_word ENABLE ROW LEVEL SECURITY")
        op.execute(
            "CREATE POLICY privacy_desk_visible ON subject_name_word "
            f"USING ({VISIBLE}) WITH CHECK ({VISIBLE})"
        )
    with _room_for_the_words(op.get_bind()):
        _fill_words(op.get_bind())


def downgrade() -> None:
    """Drop the table (its policy and grants go with it)."""
    op.drop_index("ix_subject_name_word_subject_id", "subject_name_word")
    op.drop_table("subject_name_word")


@contextmanager
def _room_for_the_words(connection: sa.Connection) -> Iterator[None]:
    """On SQLite, a page cache that holds the new table while it is filled, then the app's
    limits again: with the app's 32 MiB the words of a million requesters (about 80 MB of
    table and index, written in no order of the key) are decrypted and encrypted again page
    by page, several times over."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    cache, heap = (driver.execute(f"PRAGMA {p}").fetchone()[0] for p in _MEMORY_PRAGMAS)
    driver.execute(f"PRAGMA cache_size = -{FILL_CACHE_KIB}")
    driver.execute("PRAGMA soft_heap_limit = 0")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size = {int(cache)}")
        driver.execute(f"PRAGMA soft_heap_limit = {int(heap)}")


def _fill_words(connection: sa.Connection) -> None:
    """Write the words of every named subject, ``BATCH`` subjects at a time (by id, so each
    batch is an index range and memory stays flat at any size)."""
    after = 0
    while True:
        names = connection.execute(
            sa.select(SUBJECTS.c.id, SUBJECTS.c.display_name)
            .where(SUBJECTS.c.id > after, SUBJECTS.c.display_name.is_not(None))
            .order_by(SUBJECTS.c.id)
            .limit(BATCH)
        ).all()
        if not names:
            return
        # In key order: each batch then fills neighbouring pages of the table's b-tree.
        rows = sorted((w, i) for i, name in names for w in name_words(name))
        if rows:
            connection.execute(WORDS.insert(), [{"word": w, "subject_id": i} for w, i in rows])
        after = names[-1][0]


# The word rule of app/models/name_words.py as of this revision (see the module docstring).
MAX_WORDS, MAX_WORD_LENGTH, SUFFIX_RUN = 32, 64, 8
_MAX_NAME_CHARACTERS = MAX_WORDS * (MAX_WORD_LENGTH + 1)
_CJK_RANGES = (
    (0x1100, 0x11FF), (0x3005, 0x3007), (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)  # fmt: skip
_VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF))
_ASCII_PIECE = re.compile(r"[a-z0-9]+")
_SEPARATOR, _LETTERS, _CJK = 0, 1, 2


def name_words(display_name: str) -> frozenset[str]:
    """The words of a name: NFKC, case-folded; per part (split at white space) its pieces
    (split at what is not a letter, digit or mark and where CJK script meets other letters),
    the suffixes of CJK pieces of at most 8 characters, the part as written and its pieces
    joined; each cut to 64 characters, at most 32."""
    folded = unicodedata.normalize("NFKC", display_name[: 2 * _MAX_NAME_CHARACTERS]).casefold()
    words: dict[str, None] = {}
    for word in _words_in_order(folded[:_MAX_NAME_CHARACTERS]):
        words.setdefault(word[:MAX_WORD_LENGTH])
        if len(words) == MAX_WORDS:
            break
    return frozenset(words)


def _words_in_order(text: str) -> Iterator[str]:
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
    if text.isascii():
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


def _with_letter(piece: str) -> Iterator[str]:
    if any(unicodedata.category(c)[0] in "LN" for c in piece):
        yield piece


@lru_cache(maxsize=65_536)
def _kind(character: str) -> int:
    code = ord(character)
    if unicodedata.category(character)[0] not in "LNM" or any(
        low <= code <= high for low, high in _VARIATION_SELECTORS
    ):
        return _SEPARATOR
    return _CJK if any(low <= code <= high for low, high in _CJK_RANGES) else _LETTERS
