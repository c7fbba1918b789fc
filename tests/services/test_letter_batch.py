"""Batches of letters: choosing the cases, producing each as its own immutable letter, a failure
on one case reported without losing the others, and a cancel between letters."""

import hashlib
import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import LetterError
from app.models import Case, DataSubject, Event, Letter
from app.models.enums import (
    CaseKind,
    CaseStatus,
    Channel,
    ReceivedAtSource,
    ReviewFlag,
)
from app.reports.acknowledgement import acknowledgement_version
from app.reports.case_letters import render_case_letter
from app.reports.letter_pool import LetterPool
from app.reports.letter_text import check_letter_text
from app.services.audit import verify_chain
from app.services.clock import recompute_clock
from app.services.clock_adjustments import take_extension
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_batch import BatchKind, Blocker, plan_batch
from app.services.letter_batch_run import BatchRun, generate_batch, one_by_one
from app.services.letters import letter_context
from app.services.workflow import start_work, triage
from app.store import Database
from tests.services.retention_factory import HANDLER, subject

TODAY = date(2026, 11, 29)
# 2 November 2026, 10:00 in Beijing: received on a Monday, acknowledged by batch on the 29th.
RECEIVED = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _open_case(
    session: Session,
    rule_book: RuleBook,
    person: DataSubject | None,
    *,
    kind: CaseKind = CaseKind.ACCESS,
    jurisdiction: str = "CN",
    received: datetime = RECEIVED,
) -> Case:
    """An open case in progress with its clock computed, as intake and triage leave it."""
    count = session.scalar(select(func.count(Case.id))) or 0
    case = Case(
        reference=f"PD-2026-{count + 1:06d}",
        kind=kind,
        status=CaseStatus.NEW,
        jurisdiction=jurisdiction,
        channel=Channel.EMAIL,
        received_at=received,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=person,
        review_flags=[],
    )
    session.add(case)
    recompute_clock(session, case, rule_book, cause="case_created", today=TODAY)
    triage(session, case, assignee=HANDLER, actor=HANDLER)
    start_work(session, case, actor=HANDLER)
    return case


def _three_cases(database: Database, rule_book: RuleBook) -> list[str]:
    """Three acknowledgements due; the second requester's name has an ideograph no bundled
    font draws (CJK Extension B; emoji are left out of a name, an ideograph never is)."""
    with database.session() as session:
        names = [("张三", "zhang.san"), ("李四𠀀", "li.si"), ("王五", "wang.wu")]
        return [
            _open_case(session, rule_book, subject(session, name, f"{mail}@example.com")).reference
            for name, mail in names
        ]


def _run(database: Database, rule_book: RuleBook) -> BatchRun:
    return BatchRun(database.session, one_by_one(render_case_letter), rule_book, actor=HANDLER)


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_a_batch_of_acknowledgements_stores_each_letter_and_reports_the_failing_case(
    database: Database, rule_book: RuleBook
) -> None:
    references = _three_cases(database, rule_book)
    with database.session() as session:
        plan = plan_batch(session, "acknowledgement", TODAY, language="zh")
    assert plan.kind == BatchKind.ACKNOWLEDGEMENTS_DUE
    assert plan.ready_references == tuple(references)
    progress: list[tuple[int, int]] = []

    report = generate_batch(
        _run(database, rule_book), plan, progress=lambda done, total: progress.append((done, total))
    )

    assert [letter.reference for letter in report.generated] == [references[0], references[2]]
    assert [f.reference for f in report.failed] == [references[1]]
    failure = report.failed[0].failure
    assert (failure.error, failure.known) == ("MissingGlyphsError", True)
    assert "U+20000" in failure.message and "李四" not in failure.message
    assert progress == [(1, 3), (2, 3), (3, 3)] and not report.cancelled
    with database.session() as session:
        letters = session.scalars(select(Letter).order_by(Letter.id)).all()
        assert [letter.case.reference for letter in letters] == [references[0], references[2]]
        for letter, stored in zip(letters, report.generated, strict=True):
            assert letter.sha256 == hashlib.sha256(letter.pdf).hexdigest() == stored.sha256
            assert letter.template_version == acknowledgement_version("zh").sha256
            assert (letter.template_key, letter.language, letter.version) == (
                "acknowledgement",
                "zh",
                1,
            )
            assert letter.generated_by == HANDLER
        text = _text(letters[0].pdf)
        assert references[0] in text and "张三" in text and "2026年11月2日" in text
        generated = session.scalar(select(func.count()).where(Event.action == "letter.generated"))
        assert generated == 2
        assert verify_chain(session).ok
        # The acknowledged cases are no longer due; the failed one still is.
        again = plan_batch(session, "acknowledgement", TODAY, language="zh")
        assert again.ready_references == (references[1],)


def test_a_cancel_between_letters_keeps_what_was_stored(
    database: Database, rule_book: RuleBook
) -> None:
    references = _three_cases(database, rule_book)
    with database.session() as session:
        plan = plan_batch(session, "acknowledgement", TODAY, language="en", references=references)
    stored: list[int] = []

    report = generate_batch(
        _run(database, rule_book),
        plan,
        progress=lambda done, _total: stored.append(done),
        cancelled=lambda: len(stored) >= 1,
    )

    assert report.cancelled
    assert [letter.reference for letter in report.generated] == [references[0]]
    assert report.not_started == (references[1], references[2])
    with database.session() as session:
        assert session.scalar(select(func.count(Letter.id))) == 1


def test_the_plan_names_what_blocks_each_letter(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        person = subject(session, "张三", "zs@example.com")
        ready = _open_case(session, rule_book, person, kind=CaseKind.DELETION)
        no_mail = _open_case(session, rule_book, DataSubject(display_name="无邮箱"))
        unconfirmed = _open_case(session, rule_book, subject(session, "赵六", "zl@example.com"))
        unconfirmed.review_flags = [ReviewFlag.MISSING_DATE.value]
        not_request = _open_case(
            session,
            rule_book,
            subject(session, "钱七", "qq@example.com"),
            kind=CaseKind.NOT_A_REQUEST,
        )
        reminder = _open_case(
            session,
            rule_book,
            subject(session, "孙八", "sb@example.com"),
            kind=CaseKind.REMINDER,
        )
        chosen = [ready, no_mail, unconfirmed, not_request]
        plan = plan_batch(
            session, "acknowledgement", TODAY, references=[c.reference for c in chosen] + ["PD-X"]
        )
        refusal = plan_batch(session, "refusal", TODAY, references=[ready.reference])
        notice = plan_batch(session, "extension_notice", TODAY, references=[ready.reference])
        due = plan_batch(session, "acknowledgement", TODAY)

    assert plan.kind == BatchKind.CHOSEN_CASES
    assert [entry.blocker for entry in plan.entries] == [
        None,
        Blocker.NO_ADDRESS,
        Blocker.RECEIPT_UNCONFIRMED,
        Blocker.NOT_A_REQUEST,
        Blocker.NOT_FOUND,
    ]
    assert plan.entries[0].requester_name == "张三" and plan.entries[0].kind == CaseKind.DELETION
    # China: 15 working days counted from the day after Monday 2 November 2026 (App认定方法
    # 2019; no public holiday in November): 3-6, 9-13, 16-20 and 23 November.
    assert plan.entries[0].due_date == date(2026, 11, 23)
    assert refusal.entries[0].blocker == Blocker.NO_REFUSAL_GROUNDS
    assert notice.entries[0].blocker == Blocker.NO_EXTENSION
    # The due batch leaves out what is not a request and a reminder of an earlier request (it
    # is no new request to acknowledge), and lists the blocked ones with the reason.
    assert reminder.reference not in [entry.reference for entry in due.entries]
    assert [entry.reference for entry in due.entries] == [
        ready.reference,
        no_mail.reference,
        unconfirmed.reference,
    ]


def test_extension_notices_due_are_the_extended_cases_without_a_notice(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        person = subject(session, "Anna Schmidt", "anna@example.com")
        extended = _open_case(session, rule_book, person, jurisdiction="EU")
        _open_case(
            session, rule_book, subject(session, "Ben", "ben@example.com"), jurisdiction="EU"
        )
        take_extension(
            session,
            extended,
            rule_book,
            printable=check_letter_text,
            reason="Many requests",
            today=date(2026, 11, 20),
        )
        plan = plan_batch(session, "extension_notice", TODAY, language="en")
    assert plan.kind == BatchKind.EXTENSION_NOTICES_DUE
    assert plan.ready_references == (extended.reference,)

    report = generate_batch(_run(database, rule_book), plan)

    assert not report.failed and len(report.generated) == 1
    # GDPR Art. 12(3): one month from 2 November (2 December), extended by two further months.
    text = _text(report.generated[0].pdf)
    assert "2December2026" in text and "2February2027" in text


def test_a_template_without_a_due_rule_needs_chosen_cases(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session, pytest.raises(LetterError):
        plan_batch(session, "refusal", TODAY)


def test_worker_processes_produce_the_same_letters(database: Database, rule_book: RuleBook) -> None:
    references = _three_cases(database, rule_book)
    with database.session() as session:
        plan = plan_batch(session, "acknowledgement", TODAY, language="zh+en")
    with LetterPool(2) as pool:
        report = generate_batch(BatchRun(database.session, pool, rule_book, actor=HANDLER), plan)
    assert [letter.reference for letter in report.generated] == [references[0], references[2]]
    assert report.failed[0].failure.error == "MissingGlyphsError"
    # The same facts rendered in this process give the same bytes: fonts, subsets and line
    # breaks prepared once per worker change nothing in the letter.
    with database.session() as session:
        first = session.scalars(select(Letter).order_by(Letter.id)).first()
        assert first is not None
        context = letter_context(session, first.case, rule_book, TODAY)
        assert render_case_letter("acknowledgement", "zh+en", context).pdf == first.pdf
        assert _text(first.pdf).count(references[0]) >= 2  # the Chinese and the English letter
