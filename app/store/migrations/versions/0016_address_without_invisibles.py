"""stored e-mail addresses lose their invisible characters, as intake now removes them

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30

Intake now removes invisible characters (format characters, Unicode category Cf: zero-width
space and joiners, bidi marks, embeddings and isolates, BOM, soft hyphen; and controls other
than white space) from a sender's address and flags the case ``address_invisibles``
(``app.services.intake.word_characters.without_invisibles``). An address stored before kept
them: a search by the clean address missed its requester, and the next message from the same
person, its address now clean, was filed under a second data subject.

This revision cleans every stored e-mail identifier holding such a character: its value and
its folded search form (revision 0013's rule, which keeps them) become the clean address's, and
every case of its subject is flagged ``address_invisibles``. A clean address is never merged
into another data subject's: where another subject holds it already, the row keeps its value
(``uq_subject_identifier_kind`` allows one holder) and takes the clean folded form, so that the
search finds both subjects, and the cases of both are flagged ``quoted_id_of_other_subject``
(an identifier another subject holds: a claim to check in identity verification, PIPL Art.
50). Of several rows cleaning to one new address the oldest takes it. A row whose clean address
its own subject holds already is deleted; a row of nothing but invisible characters is kept as
it is, its cases flagged.

No audit event is written, as by no revision before: each event's hash covers the previous
one's and the event's stored instant and actor, which only the app's audit service writes as
``verify_chain`` reads them back (on PostgreSQL under the server's chain lock, as the login),
and an event written wrong there could never be removed (revision 0004 refuses it). The
encrypted copy taken before any migration (``app.store.migrations_runner``) keeps the addresses
as they were; the flags tell staff which cases to check.

Only the rows holding such a character are read: on SQLite a covering scan of the (kind, value)
index, each address not plain printable ASCII tested with the rule; on PostgreSQL a regular
expression of the same characters. Nothing is written where nothing changes (a statement alone
makes the runner check the links of every table it names). At a million cases (720,000
addresses, none with such a character) in SQLCipher on a busy 2-core machine: 2.4-2.7 s. With
1,150 such rows the revision itself takes about 5 s, but its writes to ``case`` make the runner
check the links of every table pointing at cases: 20 s more.

The rule is copied below as it stands for this revision (Unicode 14.0, Python 3.11), not
imported: tests/store/test_migration_0016.py checks the copy against the app's. Going down
changes nothing: the characters removed are no part of any address.
"""

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ReviewFlag values as stored (frozen here: a later rename of the members must not change what
# this revision writes).
ADDRESS_INVISIBLES = "address_invisibles"
ADDRESS_OF_OTHER_SUBJECT = "address_of_other_subject"
MAX_FOLDED_LENGTH = 320
# Bound parameters per statement: below SQLite's oldest limit (999).
CHUNK = 500
_FUNCTION = "privacy_desk_invisibles_0016"
# IdentifierKind.EMAIL as stored (a VARCHAR enum of the members' values): a constant.
_EMAILS = "kind = 'email'"
# Controls that are not white space (C0 and C1, DEL), then every format character (Cf).
INVISIBLE_RANGES = (
    (0x00, 0x08), (0x0E, 0x1B), (0x7F, 0x84), (0x86, 0x9F),
    (0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F),
    (0x890, 0x891), (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD), (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_CLASS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in INVISIBLE_RANGES)
INVISIBLES = re.compile(f"[{_CLASS}]+")
# The same class for PostgreSQL's regular expressions (ARE escapes); its text holds no NUL.
POSTGRES_CLASS = (
    "[" + "".join(f"\\U{max(low, 1):08x}-\\U{high:08x}" for low, high in INVISIBLE_RANGES) + "]"
)
# Every invisible character lies outside printable ASCII: SQLite tests only such addresses.
_NOT_PLAIN = "value GLOB '*[^ -~]*'"


class Address(NamedTuple):
    """A stored e-mail identifier: its row id, subject, value and folded form."""

    id: int
    subject_id: int
    value: str
    folded: str


@dataclass
class Cleaning:
    """What this revision writes: identifier rows to give a clean value (id -> value), to
    refold (id -> folded form) or to delete, and the flags to add to each subject's cases."""

    values: dict[int, str] = field(default_factory=dict)
    refolded: dict[int, str] = field(default_factory=dict)
    deleted: list[int] = field(default_factory=list)
    flags: dict[int, set[str]] = field(default_factory=dict)

    def flag(self, subject_id: int, *flags: str) -> None:
        """Add ``flags`` (stored ReviewFlag values) to the cases of subject ``subject_id``."""
        self.flags.setdefault(subject_id, set()).update(flags)


def upgrade() -> None:
    """Clean the stored addresses holding invisible characters and flag their cases."""
    clean_addresses(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the removed characters are no part of any address."""


def without_invisibles(text: str) -> str:
    """This revision's copy of ``app.services.intake.word_characters.without_invisibles``."""
    return INVISIBLES.sub("", text)


def folded_address(value: str) -> str:
    """This revision's copy of ``app.models.identifier_folding.folded_identifier`` for an
    e-mail address (NFKC, case-folded, NFKC; at most ``MAX_FOLDED_LENGTH`` characters)."""
    once = unicodedata.normalize("NFKC", value)
    return unicodedata.normalize("NFKC", once.casefold())[:MAX_FOLDED_LENGTH]


def clean_addresses(connection: sa.Connection) -> Cleaning:
    """Find the e-mail identifiers holding invisible characters, clean them as the module
    docstring says and flag their cases; return what was planned (written where it changes
    anything: a second run writes nothing)."""
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection always has its DB-API one
    postgres = connection.dialect.name == "postgresql"
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    with closing(driver.cursor()) as cursor:
        if not postgres:
            driver.create_function(_FUNCTION, 1, _holds_invisibles, deterministic=True)
        found = _addresses_with_invisibles(cursor, mark, postgres)
        cleaning = plan(
            found, _holders(cursor, mark, {without_invisibles(a.value).strip() for a in found})
        )
        _write_identifiers(cursor, mark, cleaning)
        _flag_cases(cursor, mark, postgres, cleaning.flags)
    return cleaning


def _holds_invisibles(value: str | None) -> bool:
    return value is not None and INVISIBLES.search(value) is not None


def _addresses_with_invisibles(cursor: Any, mark: str, postgres: bool) -> list[Address]:
    """The e-mail identifiers holding an invisible character, in id order. The test reads
    the (kind, value) index alone; the few rows found are then read whole."""
    parameters: tuple[str, ...] = ()
    if postgres:
        test, parameters = f"value ~ {mark}", (POSTGRES_CLASS,)
    else:
        test = f"{_NOT_PLAIN} AND {_FUNCTION}(value)"
    cursor.execute(f"SELECT id FROM subject_identifier WHERE {_EMAILS} AND {test}", parameters)
    ids = sorted(int(row[0]) for row in cursor.fetchall())
    rows = _select_in(cursor, mark, "id, subject_id, value, folded", "id", ids)
    return sorted(Address(int(i), int(s), v, f) for i, s, v, f in rows)


def _holders(cursor: Any, mark: str, values: set[str]) -> dict[str, int]:
    """The subject holding each of ``values`` as an e-mail identifier, where one does."""
    rows = _select_in(cursor, mark, "value, subject_id", "value", sorted(values - {""}), _EMAILS)
    return {value: int(subject_id) for value, subject_id in rows}


def _select_in(
    cursor: Any, mark: str, columns: str, key: str, keys: Sequence[Any], also: str = "TRUE"
) -> list[tuple[Any, ...]]:
    """The ``columns`` of the identifier rows whose ``key`` is one of ``keys`` and that meet
    the condition ``also``, ``CHUNK`` keys per statement."""
    rows: list[tuple[Any, ...]] = []
    for chunk in _chunks(keys):
        marks = ", ".join([mark] * len(chunk))
        cursor.execute(
            f"SELECT {columns} FROM subject_identifier WHERE {also} AND {key} IN ({marks})",
            tuple(chunk),
        )
        rows.extend(cursor.fetchall())
    return rows


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def plan(found: Iterable[Address], holders: dict[str, int]) -> Cleaning:
    """Decide each found address's fate, in id order (the oldest row takes a clean address
    several rows share).

    Args:
        found: the e-mail identifiers holding invisible characters.
        holders: the subject already holding each clean address, by that address.

    Returns:
        The rows to write or delete and the flags for each subject's cases.
    """
    cleaning, holders = Cleaning(), dict(holders)
    for address in sorted(found):
        cleaned = without_invisibles(address.value)
        if cleaned == address.value:
            continue  # found by a looser test than the rule: nothing to clean
        cleaning.flag(address.subject_id, ADDRESS_INVISIBLES)
        if cleaned.strip():  # else nothing but invisible characters: left for a person to see
            _place(cleaning, holders, address, cleaned.strip())
    return cleaning


def _place(cleaning: Cleaning, holders: dict[str, int], address: Address, clean: str) -> None:
    """Give ``address`` its ``clean`` value when nobody holds it (``holders`` then names its
    subject), delete it when its own subject does, else keep it beside the holder's."""
    holder = holders.get(clean)
    if holder is None:
        holders[clean] = address.subject_id
        cleaning.values[address.id] = clean
    elif holder == address.subject_id:
        cleaning.deleted.append(address.id)
    else:
        _keep_beside(cleaning, address, clean, holder)


def _keep_beside(cleaning: Cleaning, address: Address, clean: str, holder: int) -> None:
    """Keep ``address`` (its clean form is subject ``holder``'s) with the clean folded form,
    so that a search finds both subjects, and flag both subjects' cases."""
    cleaning.flag(address.subject_id, ADDRESS_OF_OTHER_SUBJECT)
    cleaning.flag(holder, ADDRESS_OF_OTHER_SUBJECT)
    if address.folded != folded_address(clean):
        cleaning.refolded[address.id] = folded_address(clean)


def _write_identifiers(cursor: Any, mark: str, cleaning: Cleaning) -> None:
    """Write the clean values (with their folded forms) and folded forms, delete the rows
    their subject holds clean; no statement where there is nothing to write."""
    if cleaning.deleted:
        cursor.executemany(
            f"DELETE FROM subject_identifier WHERE id = {mark}", [(i,) for i in cleaning.deleted]
        )
    if cleaning.values:
        cursor.executemany(
            f"UPDATE subject_identifier SET value = {mark}, folded = {mark} WHERE id = {mark}",
            [(v, folded_address(v), i) for i, v in cleaning.values.items()],
        )
    if cleaning.refolded:
        cursor.executemany(
            f"UPDATE subject_identifier SET folded = {mark} WHERE id = {mark}",
            [(f, i) for i, f in cleaning.refolded.items()],
        )


def _flag_cases(cursor: Any, mark: str, postgres: bool, flags: dict[int, set[str]]) -> None:
    """Add ``flags`` (by subject id) to the review flags of every case of those subjects,
    writing only the cases whose flags change."""
    changed = []
    for chunk in _chunks(sorted(flags)):
        marks = ", ".join([mark] * len(chunk))
        cursor.execute(
            f'SELECT id, subject_id, review_flags FROM "case" WHERE subject_id IN ({marks})',
            tuple(chunk),
        )
        for case_id, subject_id, stored in cursor.fetchall():
            old = json.loads(stored) if isinstance(stored, str) else list(stored or ())
            new = {*old, *flags[subject_id]}
            if new != set(old):
                changed.append((json.dumps(sorted(new)), case_id))
    if changed:
        value = f"CAST({mark} AS json)" if postgres else mark
        cursor.executemany(f'UPDATE "case" SET review_flags = {value} WHERE id = {mark}', changed)
