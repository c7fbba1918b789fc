"""account IDs are searched without separators: "XUYUN 88231" finds "xuyun-88231"

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30

Staff type an account ID read from a letter or heard on the phone without its hyphen, with
other separators or spaces, in full-width forms; the search compared the folded form with its
separators (revision 0013) and found "xuyun-88231" from "xuyun-88" only. An account ID's folded
form now drops its separators (``app.models.identifier_folding.folded_account_id``): white
space, every dash and minus sign, connector punctuation ("_"), full stops and middle dots,
invisible characters. The search folds the typed text the same way: one index range finds
every variant. E-mail addresses and phone numbers keep revision 0013's forms.

Only the account-ID rows are read, and only those whose form changes are written: on SQLite in
one UPDATE calling the rule as a function of the connection, elsewhere ``BATCH`` rows at a time
(an id range, on the DB-API cursor, as revision 0013). The index over the folded forms
(``ix_subject_identifier_folded``) stays; the rows written move in it. At a million cases
(479,000 account IDs) in SQLCipher on a busy 2-core machine: 4-8 s when none changes (the
benchmark's numeric IDs), 14-19 s when every one has a hyphen (19-33 s without the larger
page cache of revision 0010).

The rule is copied below as it stands for this revision, not imported:
tests/store/test_migration_0014.py checks the copy against the app's. Going down writes
revision 0013's forms again (its own copy of its rule).
"""

import importlib.util
import re
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import closing
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 50_000
_FUNCTION = "privacy_desk_account_folded_0014"
# IdentifierKind.ACCOUNT_ID as stored (a VARCHAR enum of the members' values): a constant.
_ACCOUNTS = "kind = 'account_id'"
MAX_FOLDED_LENGTH = 320
SEPARATORS = re.compile(
    r"[\s"
    r"\u002d\u058a\u05be\u1400\u1806\u2010-\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d"
    r"\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
    r"\u2212\u2796\u02d7"
    r"\u005f\u203f\u2040\u2054\ufe33\ufe34\ufe4d-\ufe4f\uff3f"
    r"\u002e\u00b7\u0387\u2022\u2027\u2219\u22c5\u2e31\u30fb\uff65\uff0e\ufe52\u3002\uff61"
    r"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
    r"\U000e0000-\U000e007f\U000e0100-\U000e01ef]+"
)

Rule = Callable[[str], str]


def upgrade() -> None:
    """Fold every account ID without its separators."""
    refold_accounts(op.get_bind(), folded_account_id)


def downgrade() -> None:
    """Fold every account ID as revision 0013 did (with its separators)."""
    revision_0013 = _revision("0013_identifier_folded_form.py")
    refold_accounts(op.get_bind(), partial(revision_0013.folded_identifier, "account_id"))


def _revision(name: str) -> ModuleType:
    """The revision in file ``name``, read from beside this one."""
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"privacy_desk_revision_{name[:4]}", path)
    assert spec is not None and spec.loader is not None  # the revision ships beside this one
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def refold_accounts(connection: sa.Connection, rule: Rule, batch: int = BATCH) -> None:
    """Write ``rule``'s folded form of every account ID whose form it changes: on SQLite in
    one UPDATE calling ``rule`` as a function of the connection; elsewhere ``batch`` rows at
    a time."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    if connection.dialect.name == "sqlite":
        driver.create_function(_FUNCTION, 1, rule, deterministic=True)
        # The page cache of revision 0010: the rows written move all over the folded index.
        with _revision("0010_name_words_fold_accents.py")._room_for_the_words(connection):
            driver.execute(
                f"UPDATE subject_identifier SET folded = {_FUNCTION}(value) "
                f"WHERE {_ACCOUNTS} AND folded <> {_FUNCTION}(value)"
            )
        return
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    with closing(driver.cursor()) as cursor:
        after = 0
        while (last := refold_batch(cursor, mark, rule, after, batch)) is not None:
            after = last


def refold_batch(cursor: Any, mark: str, rule: Rule, after: int, batch: int) -> int | None:
    """Fold the ``batch`` account-ID rows after id ``after`` by ``rule``, writing those that
    change; return the last id read (``None``: none was left)."""
    cursor.execute(
        f"SELECT id, value, folded FROM subject_identifier WHERE {_ACCOUNTS} AND id > {mark} "
        f"ORDER BY id LIMIT {int(batch)}",
        (after,),
    )
    rows = cursor.fetchall()
    if not rows:
        return None
    changed = [(new, row_id) for row_id, value, old in rows if (new := rule(value)) != old]
    if changed:
        cursor.executemany(
            f"UPDATE subject_identifier SET folded = {mark} WHERE id = {mark}", changed
        )
    return int(rows[-1][0])


def folded_account_id(value: str) -> str:
    """This revision's copy of ``app.models.identifier_folding.folded_account_id``."""
    once = unicodedata.normalize("NFKC", value)
    caseless = unicodedata.normalize("NFKC", once.casefold())
    joined = SEPARATORS.sub("", caseless)
    return unicodedata.normalize("NFKC", joined)[:MAX_FOLDED_LENGTH]
