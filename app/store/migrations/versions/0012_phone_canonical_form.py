"""phone numbers stored in one canonical form

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30

A mainland Chinese number written with its country code ("0086 138 0013 8000", "+86 138…",
"86138…") was stored as written, digits only (008613800138000), and the case search, which
looks a number up as 13800138000 or +8613800138000, missed it. The app now stores one form
(``app.services.contact_points.normalise_phone``): a mainland number in its national form
(13800138000; a landline with its trunk "0", 01012345678), any other number written with
"+" or "00" as "+" and its country code (+442079460958). This revision rewrites the stored
phone identifiers whose form changes, ``BATCH`` rows at a time.

The rule is copied below as it stands for this revision, not imported (a later change of the
app's rule must not change what this revision did): tests/store/test_phone_canonical.py
checks the copy against the app's. A number whose canonical form another row already holds
is left as it is when that row is another data subject's (two subjects are never merged by a
migration; staff see both under the search) and dropped when it is the same subject's.
Going down changes nothing: every rewritten form is one the older app also searched by.
"""

import importlib.util
import re
import unicodedata
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from types import ModuleType
from typing import Any

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
_PUNCTUATION = re.compile(r"[\s\-.()\[\]/\u00b7\u2010-\u2015\u2212\u30fb\u3010\u3011]")
_TRUNK_ZERO = re.compile(r"^(\s*(?:\+|00)[\d\s]{1,5})\(\s*0\s*\)")
_PHONE = re.compile(r"^\+?\d{5,20}$")
_CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_CN_LANDLINE = re.compile(r"^(?:10|[2-9]\d)\d{7,9}$")


def upgrade() -> None:
    """Rewrite every stored phone identifier whose canonical form differs from it."""
    connection = op.get_bind()
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    # Revision 0010's page cache for a rewrite spread over a whole index (its own helper).
    with _revision_0010()._room_for_the_words(connection), closing(driver.cursor()) as cursor:
        after = 0
        while (last := _rewrite_batch(cursor, mark, after, BATCH)) is not None:
            after = last


def _revision_0010() -> ModuleType:
    """Revision 0010, read from its file beside this one."""
    path = Path(__file__).with_name("0010_name_words_fold_accents.py")
    spec = importlib.util.spec_from_file_location("privacy_desk_revision_0010", path)
    assert spec is not None and spec.loader is not None  # the revision ships beside this one
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    """Nothing to undo: the older app finds every canonical form too."""


def canonical_phone(text: str) -> str | None:
    """This revision's copy of ``contact_points.normalise_phone``."""
    written = _TRUNK_ZERO.sub(r"\1", unicodedata.normalize("NFKC", text))
    digits = "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in written)
    compact = _PUNCTUATION.sub("", digits)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not _PHONE.match(compact):
        return None
    return _mainland_national(compact) or compact


def _mainland_national(compact: str) -> str | None:
    if compact.startswith("+86"):
        rest = compact[3:]
    elif compact.startswith("86") and len(compact) == 13:
        rest = compact[2:]
    else:
        return None
    if _CN_MOBILE.match(rest):
        return rest
    if rest[:1] == "0" and compact[0] == "+":  # "+86 010 …": the trunk "0" written too
        rest = rest[1:]
    return "0" + rest if _CN_LANDLINE.match(rest) and compact[0] == "+" else None


def _rewrite_batch(cursor: Any, mark: str, after: int, batch: int) -> int | None:
    """Rewrite the changed phones among the ``batch`` identifier rows after id ``after``;
    return the last id read (``None``: none was left)."""
    cursor.execute(
        f"SELECT id, subject_id, value FROM subject_identifier WHERE id > {mark} "
        f"AND kind = 'phone' ORDER BY id LIMIT {int(batch)}",
        (after,),
    )
    rows = cursor.fetchall()
    if not rows:
        return None
    changes = [(row[0], row[1], canonical_phone(row[2])) for row in rows]
    wanted = [
        (i, s, c) for (i, s, c), row in zip(changes, rows, strict=True) if c not in (None, row[2])
    ]
    holders = _holders(cursor, mark, sorted({c for _, _, c in wanted}))
    updates, deletions = [], []
    for row_id, subject_id, canonical in wanted:
        holder = holders.get(canonical)
        if holder is None:
            holders[canonical] = subject_id
            updates.append((canonical, row_id))
        elif holder == subject_id:
            deletions.append((row_id,))
    cursor.executemany(f"DELETE FROM subject_identifier WHERE id = {mark}", deletions)
    cursor.executemany(f"UPDATE subject_identifier SET value = {mark} WHERE id = {mark}", updates)
    return int(rows[-1][0])


def _holders(cursor: Any, mark: str, values: list[Any]) -> dict[str, int]:
    """The subject holding each of ``values`` as a phone already, read 500 values a query."""
    found: dict[str, int] = {}
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        cursor.execute(
            "SELECT value, subject_id FROM subject_identifier WHERE kind = 'phone' "
            f"AND value IN ({', '.join([mark] * len(chunk))})",
            chunk,
        )
        found.update({value: subject for value, subject in cursor.fetchall()})
    return found
