"""Revision 0016: stored e-mail addresses lose the invisible characters intake now removes
(``app.services.intake.word_characters.without_invisibles``), their folded forms follow, and
their cases are flagged ``address_invisibles``; a clean address another data subject holds
is not merged but flagged on both sides. Run on PostgreSQL too
(tests/store/test_migration_0016_backends.py)."""

import json
import random
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource, ReviewFlag
from app.models.identifier_folding import folded_identifier
from app.services.case_list_terms import CaseQuery
from app.services.case_search import search_cases
from app.services.intake.word_characters import without_invisibles
from app.services.subjects import identifier_owner
from app.store import Database, MemorySecretStore, unlock
from app.store.keys import stored_key
from app.store.migrations_runner import current_revision, head_revision, run_alembic
from tests.store.helpers import dump_tables, revision_module

INVISIBLE = ReviewFlag.ADDRESS_INVISIBLES.value
OTHER = ReviewFlag.ADDRESS_OF_OTHER_SUBJECT.value
MISSING_DATE = ReviewFlag.MISSING_DATE.value
EMAIL, ACCOUNT = IdentifierKind.EMAIL.value, IdentifierKind.ACCOUNT_ID.value
# Each data subject (by case reference) with the identifiers a 0015 app stored, in id order,
# and its case's flags. The subjects are added in this order: lower ids first.
SUBJECTS: list[tuple[str, list[tuple[str, str]], list[str]]] = [
    ("R-01", [(EMAIL, "li\u200bna@example.com")], [MISSING_DATE]),  # zero-width space
    ("R-02", [(EMAIL, "wang@example.com")], []),
    ("R-03", [(EMAIL, "wang\u2066@example.com")], []),  # left-to-right isolate
    ("R-04", [(EMAIL, "zhao@example.com"), (EMAIL, "\ufeffzhao@example.com")], []),  # BOM
    ("R-05", [(EMAIL, "sun\u00ad@example.com")], []),  # soft hyphen
    ("R-06", [(EMAIL, "sun\u200d@example.com")], [INVISIBLE]),  # zero-width joiner
    ("R-07", [(EMAIL, "qian@example.com"), (ACCOUNT, "acct\u200b1")], []),
    ("R-08", [(EMAIL, "张伟@例子.中国")], []),
    ("R-09", [(EMAIL, "bell\x07@example.com"), (EMAIL, "zhou\u202e@example.com\U000e0063")], []),
    ("R-10", [(EMAIL, "\u200b\u200c")], []),
]
# (reference, kind, value, folded) after the revision.
IDENTIFIERS_AFTER = {
    ("R-01", EMAIL, "lina@example.com", "lina@example.com"),
    ("R-02", EMAIL, "wang@example.com", "wang@example.com"),
    ("R-03", EMAIL, "wang\u2066@example.com", "wang@example.com"),
    ("R-04", EMAIL, "zhao@example.com", "zhao@example.com"),
    ("R-05", EMAIL, "sun@example.com", "sun@example.com"),
    ("R-06", EMAIL, "sun\u200d@example.com", "sun@example.com"),
    ("R-07", EMAIL, "qian@example.com", "qian@example.com"),
    ("R-07", ACCOUNT, "acct\u200b1", "acct1"),
    ("R-08", EMAIL, "张伟@例子.中国", "张伟@例子.中国"),
    ("R-09", EMAIL, "bell@example.com", "bell@example.com"),
    ("R-09", EMAIL, "zhou@example.com", "zhou@example.com"),
    ("R-10", EMAIL, "\u200b\u200c", "\u200b\u200c"),
}
FLAGS_AFTER = {
    "R-01": [INVISIBLE, MISSING_DATE],
    "R-02": [OTHER],
    "R-03": [INVISIBLE, OTHER],
    "R-04": [INVISIBLE],
    "R-05": [INVISIBLE, OTHER],
    "R-06": [INVISIBLE, OTHER],
    "R-07": [],
    "R-08": [],
    "R-09": [INVISIBLE],
    "R-10": [INVISIBLE],
}
TODAY = date(2026, 11, 30)


def test_the_revision_s_rule_is_the_app_s_for_every_character() -> None:
    revision = revision_module("0016")
    points = [*range(0xD800), *range(0xE000, 0x110000)]
    differing = [
        hex(point)
        for point in points
        if revision.without_invisibles(f"a{chr(point)}b") != without_invisibles(f"a{chr(point)}b")
    ]
    assert differing == []


def test_the_revision_s_folding_is_the_app_s_for_addresses() -> None:
    revision = revision_module("0016")
    pick = random.Random(16)
    alphabet = "aZß09._-+@ＡＢｃ１ΣσİıﬁⅣ①ｱ張\u0301"
    samples = ["".join(pick.choices(alphabet, k=pick.randint(0, 30))) for _ in range(5000)]
    samples += ["x" * 400 + "@example.com", "ß" * 400]
    differing = [s for s in samples if revision.folded_address(s) != folded_identifier(EMAIL, s)]
    assert differing == []


def add_subjects(session: Session) -> None:
    """Add ``SUBJECTS`` with one case each, as a 0015 app stored them (invisible characters
    in the addresses, folded forms computed from them)."""
    for number, (reference, identifiers, flags) in enumerate(SUBJECTS):
        subject = DataSubject(display_name=f"Person {number}")
        subject.identifiers = [SubjectIdentifier(kind=k, value=v) for k, v in identifiers]
        session.add(new_case(reference, subject, flags))
        session.flush()


def new_case(reference: str, subject: DataSubject, flags: list[str]) -> Case:
    """An access request received by e-mail from ``subject``, with ``flags``."""
    return Case(
        reference=reference,
        kind=CaseKind.ACCESS,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=subject,
        review_flags=flags,
    )


def identifiers_and_flags(session: Session) -> tuple[set[tuple[str, ...]], dict[str, list[str]]]:
    """Every identifier as (case reference, kind, value, folded), and each case's flags."""
    rows = session.execute(
        text(
            'SELECT c.reference, i.kind, i.value, i.folded FROM subject_identifier i JOIN "case" '
            "c ON c.subject_id = i.subject_id"
        )
    )
    identifiers = {tuple(row) for row in rows}
    cases = session.execute(text('SELECT reference, review_flags FROM "case"'))
    return identifiers, {reference: _flags(stored) for reference, stored in cases}


def _flags(stored: Any) -> list[str]:
    return list(json.loads(stored) if isinstance(stored, str) else stored)


def _at_0015_with_subjects(database: Database) -> None:
    with database.session() as session:
        add_subjects(session)
    run_alembic(database.engine, lambda config: command.downgrade(config, "0015"))


def test_a_0015_database_gets_clean_addresses_and_flagged_cases(database: Database) -> None:
    _at_0015_with_subjects(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0016"))
    assert current_revision(database.engine) == "0016"
    with database.session() as session:
        assert identifiers_and_flags(session) == (IDENTIFIERS_AFTER, FLAGS_AFTER)


def test_the_clean_address_finds_its_requester_and_files_the_next_message_there(
    database: Database,
) -> None:
    _at_0015_with_subjects(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
    with database.session() as session:
        owner = identifier_owner(session, IdentifierKind.EMAIL, "lina@example.com")
        assert owner is not None and owner.display_name == "Person 0"
        found = search_cases(session, CaseQuery(today=TODAY, text="wang@example.com"))
        assert sorted(row.reference for row in found.rows) == ["R-02", "R-03"]
        found = search_cases(session, CaseQuery(today=TODAY, text="zhou@exam"))
        assert [row.reference for row in found.rows] == ["R-09"]


def test_a_second_run_and_a_way_down_and_up_change_nothing(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    _at_0015_with_subjects(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
    database.close()
    key = stored_key(secrets, database_path)
    assert key is not None
    migrated = dump_tables(database_path, key)
    reopened = unlock(database_path, secrets=secrets, passphrase=None)
    try:
        with reopened.engine.begin() as connection:
            cleaning = revision_module("0016").clean_addresses(connection)
        assert (cleaning.values, cleaning.refolded, cleaning.deleted) == ({}, {}, [])
        run_alembic(reopened.engine, lambda config: command.downgrade(config, "0015"))
        run_alembic(reopened.engine, lambda config: command.upgrade(config, "head"))
    finally:
        reopened.close()
    assert dump_tables(database_path, key) == migrated


def test_opening_a_0015_database_copies_it_encrypted_before_cleaning(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    _at_0015_with_subjects(database)
    database.close()
    unlock(database_path, secrets=secrets, passphrase=None).close()
    (backup,) = (database_path.parent / "backups").iterdir()
    assert backup.name.startswith("privacy-desk-before-0015-")
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    key = stored_key(secrets, database_path)
    assert key is not None
    copy = sqlcipher.connect(str(backup))
    try:
        copy.execute(key.pragma())
        stored = copy.execute("SELECT value FROM subject_identifier WHERE id = 1").fetchall()
    finally:
        copy.close()
    assert stored == [("li\u200bna@example.com",)]
    assert dump_tables(database_path, key)["alembic_version"] == [(head_revision(),)]


def test_a_database_without_invisible_characters_is_not_written(database: Database) -> None:
    with database.session() as session:
        subject = DataSubject(display_name="Person")
        subject.identifiers = [SubjectIdentifier(kind=EMAIL, value="a.b@example.com")]
        session.add(new_case("R-1", subject, []))
    written: list[str] = []
    with database.engine.begin() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.set_authorizer(lambda action, table, *_: _note(written, action, table))
        try:
            revision_module("0016").clean_addresses(connection)
        finally:
            driver.set_authorizer(None)
    assert written == []


def _note(written: list[str], action: int, table: str | None) -> int:
    if action in (sqlcipher.SQLITE_INSERT, sqlcipher.SQLITE_UPDATE, sqlcipher.SQLITE_DELETE):
        written.append(table or "")
    return int(sqlcipher.SQLITE_OK)


def test_the_oldest_row_takes_a_clean_address_several_rows_share() -> None:
    revision = revision_module("0016")
    address = revision.Address
    found = [
        address(7, 3, "m\u200b@x.cn", "m\u200b@x.cn"),
        address(4, 2, "m\u200c@x.cn", "m@x.cn"),
        address(9, 2, "m\u2060@x.cn", "m\u2060@x.cn"),
    ]
    cleaning = revision.plan(found, {})
    assert cleaning.values == {4: "m@x.cn"}
    assert cleaning.refolded == {7: "m@x.cn"}
    assert cleaning.deleted == [9]
    assert cleaning.flags == {2: {INVISIBLE, OTHER}, 3: {INVISIBLE, OTHER}}
