"""A reminder is linked only to a request it can be chasing: one received no later than the
reminder and, when the reminder gives the earlier request's date, on that date; else it stays
a reminder case flagged for a person to link (DESIGN.md §4)."""

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

UNLINKED = ReviewFlag.UNLINKED_REMINDER.value


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


ACCESS = ("Data subject access request (Art. 15 GDPR)", "I request access under Art. 15 GDPR.")
ERASURE = ("Request for erasure (Art. 17 GDPR)", "I request erasure under Art. 17 GDPR.")
REMINDER = (
    "Reminder: my GDPR request",
    "On 2 March 2026 I sent you a request under Art. 15 GDPR. Please answer it. Reminder.",
)
UNDATED_REMINDER = ("Reminder: my GDPR request", "I have had no answer to my request. Reminder.")


def _cases(database: Database, paths: list[Path], rule_book: RuleBook) -> list[Case]:
    import_paths(database.session, paths, rule_book)
    with database.session() as session:
        cases = list(session.scalars(select(Case).order_by(Case.id)))
        session.expunge_all()
    return cases


def test_a_reminder_does_not_chase_a_request_received_after_it(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    later = dated_eml(tmp_path, "a.eml", "Thu, 01 Oct 2026 10:00:00 +0200", *ACCESS)
    reminder = dated_eml(tmp_path, "b.eml", "Sat, 27 Jun 2026 10:00:00 +0200", *UNDATED_REMINDER)
    _, chaser = _cases(database, [later, reminder], rule_book)
    assert chaser.kind == CaseKind.REMINDER
    assert chaser.related_case_id is None
    assert UNLINKED in chaser.review_flags
    with database.session() as session:
        assert session.scalars(select(Event).where(Event.action == "reminder.received")).all() == []


def test_a_dated_reminder_chases_the_request_of_that_date(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 2 March 2026 09:30 in Beijing is 01:30 UTC the same day; 1 June is another request.
    march = dated_eml(tmp_path, "a.eml", "Mon, 02 Mar 2026 09:30:00 +0800", *ACCESS)
    june = dated_eml(tmp_path, "b.eml", "Mon, 01 Jun 2026 09:30:00 +0800", *ERASURE)
    reminder = dated_eml(tmp_path, "c.eml", "Fri, 23 Oct 2026 01:04:00 +0100", *REMINDER)
    first, _, chaser = _cases(database, [march, june, reminder], rule_book)
    assert chaser.related_case_id == first.id
    assert UNLINKED not in chaser.review_flags


def test_a_dated_reminder_without_a_request_of_that_date_stays_unlinked(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    june = dated_eml(tmp_path, "b.eml", "Mon, 01 Jun 2026 09:30:00 +0800", *ERASURE)
    reminder = dated_eml(tmp_path, "c.eml", "Fri, 23 Oct 2026 01:04:00 +0100", *REMINDER)
    _, chaser = _cases(database, [june, reminder], rule_book)
    assert chaser.related_case_id is None
    assert UNLINKED in chaser.review_flags


def test_an_undated_reminder_chases_the_latest_earlier_request(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    march = dated_eml(tmp_path, "a.eml", "Mon, 02 Mar 2026 09:30:00 +0800", *ACCESS)
    june = dated_eml(tmp_path, "b.eml", "Mon, 01 Jun 2026 09:30:00 +0800", *ERASURE)
    reminder = dated_eml(tmp_path, "c.eml", "Fri, 23 Oct 2026 01:04:00 +0100", *UNDATED_REMINDER)
    _, second, chaser = _cases(database, [march, june, reminder], rule_book)
    assert chaser.related_case_id == second.id


def test_no_corpus_reminder_is_linked_to_a_request_it_cannot_chase(
    database: Database, rule_book: RuleBook
) -> None:
    # 028 (23 Oct 2026) and 042 (27 Jun 2026) chase a request "of 2 March 2026"; their
    # senders' only open requests are of 1 June and 3 October 2026.
    _cases(database, [CORPUS_INBOX], rule_book)
    with database.session() as session:
        reminders = session.scalars(select(Case).where(Case.kind == CaseKind.REMINDER)).all()
        assert len(reminders) == 6  # the manifest's 007, 014, 021, 028, 035, 042
        for reminder in reminders:
            assert reminder.related_case_id is None
            assert UNLINKED in reminder.review_flags
