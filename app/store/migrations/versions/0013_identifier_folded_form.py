"""identifiers get a folded search form: account IDs in any case, phones in national form

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30

The case search looked an account ID up by up to 64 prefix ranges over the case-sensitive
stored value, one per spelling of its first letters' case, and missed a number stored in
international form (+819012345678) when staff typed it nationally (090-1234-5678). Each
identifier now carries its folded form (``app.models.identifier_folding``): NFKC, case-folded
and NFKC again for every kind; for a phone number its national significant number (without the
country code and the trunk "0"). The search is one prefix range per kind over the new index
``ix_subject_identifier_folded`` (kind, folded, subject_id). This revision adds the column,
fills it (on SQLite in one UPDATE calling the rule; elsewhere ``BATCH`` rows at a time, an id
range, on the DB-API cursor as revision 0010 did), then builds the index over the filled
column. At a million cases (1.5 million identifiers) every row of the table is rewritten: about
20 s in SQLCipher on a busy 2-core machine, half filling, half indexing.

The rule is copied below as it stands for this revision, with the ITU-T E.164 country codes
``phonenumbers`` knows today, not imported: tests/store/test_migration_0013.py checks the copy
against the app's. The column is added NOT NULL with an empty default (SQLite adds a column
only so without rewriting the table); PostgreSQL drops the default afterwards, SQLite keeps
it (removing it would rebuild the table). Going down drops the index and the column.
"""

import importlib.util
import re
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
INDEX = "ix_subject_identifier_folded"
_FUNCTION = "privacy_desk_folded_0013"
MAX_FOLDED_LENGTH = 320
_DIGITS = re.compile(r"^(?:\+|00)?\d+$")
# The ITU-T E.164 country calling codes (``phonenumbers.COUNTRY_CODE_TO_REGION_CODE`` 9.0.43).
_CODES = """
    1 7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62
    63 64 65 66 81 82 84 86 90 91 92 93 94 95 98 211 212 213 216 218 220 221 222 223 224 225 226
    227 228 229 230 231 232 233 234 235 236 237 238 239 240 241 242 243 244 245 246 247 248 249
    250 251 252 253 254 255 256 257 258 260 261 262 263 264 265 266 267 268 269 290 291 297 298
    299 350 351 352 353 354 355 356 357 358 359 370 371 372 373 374 375 376 377 378 380 381 382
    383 385 386 387 389 420 421 423 500 501 502 503 504 505 506 507 508 509 590 591 592 593 594
    595 596 597 598 599 670 672 673 674 675 676 677 678 679 680 681 682 683 685 686 687 688 689
    690 691 692 800 808 850 852 853 855 856 870 878 880 881 882 883 886 888 960 961 962 963 964
    965 966 967 968 970 971 972 973 974 975 976 977 979 992 993 994 995 996 998
"""
COUNTRY_CODES = frozenset(int(code) for code in _CODES.split())


def upgrade() -> None:
    """Add the folded column, fill it from every stored identifier, then index it."""
    connection = op.get_bind()
    folded = sa.String(MAX_FOLDED_LENGTH).with_variant(
        sa.String(MAX_FOLDED_LENGTH, collation="C"), "postgresql"
    )
    op.add_column(
        "subject_identifier",
        sa.Column("folded", folded, nullable=False, server_default=""),
    )
    with _revision_0010()._room_for_the_words(connection):
        fill_folded(connection)
        op.create_index(INDEX, "subject_identifier", ["kind", "folded", "subject_id"])
    if connection.dialect.name == "postgresql":
        op.alter_column("subject_identifier", "folded", server_default=None)


def downgrade() -> None:
    """Drop the index and the column (the older app searches the stored values)."""
    op.drop_index(INDEX, "subject_identifier")
    op.drop_column("subject_identifier", "folded")


def _revision_0010() -> ModuleType:
    """Revision 0010, read from its file beside this one (its page-cache helper)."""
    path = Path(__file__).with_name("0010_name_words_fold_accents.py")
    spec = importlib.util.spec_from_file_location("privacy_desk_revision_0010", path)
    assert spec is not None and spec.loader is not None  # the revision ships beside this one
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fill_folded(connection: sa.Connection, batch: int = BATCH) -> None:
    """Write every identifier's folded form: on SQLite in one UPDATE calling the rule as a
    function of the connection (at a million cases the revision took 26 s so, 31 s reading
    and writing the rows in batches, one bound row per UPDATE); elsewhere ``batch`` rows at
    a time."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    if connection.dialect.name == "sqlite":
        driver.create_function(_FUNCTION, 2, folded_identifier, deterministic=True)
        driver.execute(f"UPDATE subject_identifier SET folded = {_FUNCTION}(kind, value)")
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    with closing(driver.cursor()) as cursor:
        after = 0
        while (last := _fill_batch(cursor, mark, after, batch)) is not None:
            after = last


def _fill_batch(cursor: Any, mark: str, after: int, batch: int) -> int | None:
    """Fold the ``batch`` identifier rows after id ``after``; return the last id read
    (``None``: none was left)."""
    cursor.execute(
        f"SELECT id, kind, value FROM subject_identifier WHERE id > {mark} "
        f"ORDER BY id LIMIT {int(batch)}",
        (after,),
    )
    rows = cursor.fetchall()
    if not rows:
        return None
    cursor.executemany(
        f"UPDATE subject_identifier SET folded = {mark} WHERE id = {mark}",
        [(folded_identifier(kind, value), row_id) for row_id, kind, value in rows],
    )
    return int(rows[-1][0])


def folded_identifier(kind: str, value: str) -> str:
    """This revision's copy of ``app.models.identifier_folding.folded_identifier``."""
    once = unicodedata.normalize("NFKC", value)
    caseless = unicodedata.normalize("NFKC", once.casefold())[:MAX_FOLDED_LENGTH]
    if kind != "phone" or not _DIGITS.match(caseless):
        return caseless
    if caseless.startswith(("+", "00")):
        digits = caseless[1:] if caseless.startswith("+") else caseless[2:]
        for length in (1, 2, 3):
            if len(digits) > length and int(digits[:length]) in COUNTRY_CODES:
                return digits[length:]
        return digits
    return caseless[1:] if caseless.startswith("0") else caseless
