"""Links run from the later-received case to the earlier one whatever order the files are
imported in: a possible duplicate points at the earlier request of its kind; a request imported
after a reminder that chases it picks the reminder up; a reminder repeating the subject line of
one of the requests chases that one (DESIGN.md §4)."""

import itertools
import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.store import Database
from tests.conftest import CORPUS_INBOX
from tests.services.dated_mail import dated_eml

DUPLICATE = ReviewFlag.POSSIBLE_DUPLICATE.value
FLAGGED_DUPLICATE = "case.flagged_duplicate"
UNLINKED = ReviewFlag.UNLINKED_REMINDER.value
ACCESS = "I request access to my personal data under Art. 15 GDPR."
ERASURE = "I request erasure of my personal data under Art. 17 GDPR."


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


JANUARY = ("Tue, 06 Jan 2026 10:00:00 +0100", "Data subject access request", ACCESS)
FEBRUARY = ("Tue, 03 Feb 2026 10:00:00 +0100", "Access request (Art. 15 GDPR)", ACCESS)
MARCH = ("Mon, 02 Mar 2026 09:30:00 +0100", "Auskunftsersuchen", ACCESS)
JUNE = ("Mon, 01 Jun 2026 09:30:00 +0200", "Löschung meiner Daten", ERASURE)


def _by_subject(database: Database) -> dict[str, Case]:
    with database.session() as session:
        cases = {c.subject_line: c for c in session.scalars(select(Case))}
        session.expunge_all()
    return cases


def _events(database: Database, action: str) -> list[tuple[int | None, dict[str, object]]]:
    with database.session() as session:
        rows = session.scalars(select(Event).where(Event.action == action).order_by(Event.id))
        return [(e.case_id, dict(e.payload)) for e in rows]


@pytest.mark.parametrize("later_first", [False, True])
def test_the_later_request_is_the_possible_duplicate_in_either_order(
    database: Database, rule_book: RuleBook, tmp_path: Path, later_first: bool
) -> None:
    paths = [dated_eml(tmp_path, "jan.eml", *JANUARY), dated_eml(tmp_path, "feb.eml", *FEBRUARY)]
    import_paths(database.session, paths[::-1] if later_first else paths, rule_book)
    cases = _by_subject(database)
    original, duplicate = cases[JANUARY[1]], cases[FEBRUARY[1]]
    assert duplicate.duplicate_of_id == original.id
    assert DUPLICATE in duplicate.review_flags
    assert original.duplicate_of_id is None
    assert DUPLICATE not in original.review_flags
    # The stored case changed by a later import is audited; a case flagged as it is created
    # has its flag in its own creation.
    flagged = [(duplicate.id, {"duplicate_of": original.reference})] if later_first else []
    assert _events(database, FLAGGED_DUPLICATE) == flagged


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_every_import_order_of_three_requests_points_later_to_earlier(
    database: Database, rule_book: RuleBook, tmp_path: Path, order: tuple[int, ...]
) -> None:
    dated = [JANUARY, FEBRUARY, MARCH]
    paths = [dated_eml(tmp_path, f"{n}.eml", *dated[n]) for n in range(3)]
    import_paths(database.session, [paths[n] for n in order], rule_book)
    cases = _by_subject(database)
    by_id = {c.id: c for c in cases.values()}
    january = cases[JANUARY[1]]
    assert january.duplicate_of_id is None
    for later in (cases[FEBRUARY[1]], cases[MARCH[1]]):
        assert DUPLICATE in later.review_flags
        assert later.duplicate_of_id is not None
        assert by_id[later.duplicate_of_id].received_at < later.received_at


def test_a_stored_duplicate_link_is_not_re_pointed(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    january, march = dated_eml(tmp_path, "a.eml", *JANUARY), dated_eml(tmp_path, "c.eml", *MARCH)
    february = dated_eml(tmp_path, "b.eml", *FEBRUARY)
    import_paths(database.session, [january, march, february], rule_book)
    cases = _by_subject(database)
    assert cases[MARCH[1]].duplicate_of_id == cases[JANUARY[1]].id
    assert cases[FEBRUARY[1]].duplicate_of_id == cases[JANUARY[1]].id
    assert _events(database, FLAGGED_DUPLICATE) == []


REMINDER_OF_MARCH = (
    "Fri, 23 Oct 2026 01:04:00 +0100",
    "Reminder: my GDPR request",
    "On 2 March 2026 I sent you a request under Art. 15 GDPR. Please answer it. Reminder.",
)
UNDATED_REMINDER = (
    "Fri, 23 Oct 2026 01:04:00 +0100",
    "Reminder: my GDPR request",
    "I have had no answer to my request. Reminder.",
)


def test_a_request_imported_after_its_reminder_picks_the_reminder_up(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    reminder = dated_eml(tmp_path, "r.eml", *REMINDER_OF_MARCH)
    march = dated_eml(tmp_path, "m.eml", *MARCH)
    import_paths(database.session, [reminder, march], rule_book)
    cases = _by_subject(database)
    chaser, request = cases[REMINDER_OF_MARCH[1]], cases[MARCH[1]]
    assert chaser.kind == CaseKind.REMINDER
    assert chaser.related_case_id == request.id
    assert UNLINKED not in chaser.review_flags
    assert _events(database, "reminder.received") == [(request.id, {"reminder": chaser.reference})]


def test_a_request_of_another_date_leaves_the_stored_reminder_unlinked(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The reminder chases a request "of 2 March"; the one imported after it is of 1 June.
    reminder = dated_eml(tmp_path, "r.eml", *REMINDER_OF_MARCH)
    june = dated_eml(tmp_path, "j.eml", *JUNE)
    import_paths(database.session, [reminder, june], rule_book)
    chaser = _by_subject(database)[REMINDER_OF_MARCH[1]]
    assert chaser.related_case_id is None
    assert UNLINKED in chaser.review_flags
    assert _events(database, "reminder.received") == []


def test_a_request_received_after_the_reminder_never_picks_it_up(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    reminder = dated_eml(
        tmp_path, "r.eml", "Sat, 27 Jun 2026 10:00:00 +0200", *UNDATED_REMINDER[1:]
    )
    october = dated_eml(tmp_path, "o.eml", "Sat, 03 Oct 2026 10:00:00 +0200", "Access", ACCESS)
    import_paths(database.session, [reminder, october], rule_book)
    chaser = _by_subject(database)[UNDATED_REMINDER[1]]
    assert chaser.related_case_id is None
    assert UNLINKED in chaser.review_flags


@pytest.mark.parametrize("reminder_first", [False, True])
def test_a_reminder_repeating_a_subject_line_chases_that_request(
    database: Database, rule_book: RuleBook, tmp_path: Path, reminder_first: bool
) -> None:
    # Undated, it would chase the latest open request (June's erasure); its subject names
    # March's "Auskunftsersuchen".
    reminder = dated_eml(
        tmp_path,
        "r.eml",
        UNDATED_REMINDER[0],
        "AW: Erinnerung: AUSKUNFTSERSUCHEN",
        "Ich habe bisher keine Antwort erhalten. Ich erinnere Sie hiermit erneut.",
    )
    requests = [dated_eml(tmp_path, "m.eml", *MARCH), dated_eml(tmp_path, "j.eml", *JUNE)]
    paths = [reminder, *requests] if reminder_first else [*requests, reminder]
    import_paths(database.session, paths, rule_book)
    cases = _by_subject(database)
    chaser = cases["AW: Erinnerung: AUSKUNFTSERSUCHEN"]
    assert chaser.kind == CaseKind.REMINDER
    assert chaser.related_case_id == cases[MARCH[1]].id


def _manifest_received() -> dict[str, datetime]:
    manifest = json.loads((CORPUS_INBOX / "manifest.json").read_text("utf-8"))
    return {
        entry["file"][:3]: datetime.fromisoformat(entry["received_at"])
        for entry in manifest
        if entry["received_at"]
    }


@pytest.mark.parametrize("reverse", [False, True])
def test_corpus_duplicates_point_to_the_earlier_request_in_either_order(
    database: Database, rule_book: RuleBook, reverse: bool
) -> None:
    files = sorted(CORPUS_INBOX.glob("*.eml"), reverse=reverse)
    import_paths(database.session, files, rule_book)
    with database.session() as session:
        cases = session.scalars(select(Case)).all()
        file_of = {c.id: c.attachments[0].file_name[:3] for c in cases}
        pairs = {(file_of[c.id], file_of[c.duplicate_of_id]) for c in cases if c.duplicate_of_id}
    # Manifest: 008 (28 Sep) and 015 (15 Jul), 009 (16 Apr) and 022 (4 Feb), 032 (16 Sep)
    # and 011 (7 Mar) are the same senders' requests of the same kind.
    assert pairs == {("008", "015"), ("009", "022"), ("032", "011")}
    received = _manifest_received()
    assert all(received[later] > received[earlier] for later, earlier in pairs)
