"""The demo database: every status and kind, real deadlines and audit chain, marked as demo,
kept in its own file with its own key, and never touching the real database."""

import hashlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import company_today
from app.errors import DemoDataError, KeyUnavailableError
from app.models import Case, IdentifierKind, Letter
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    PartyRole,
    ReviewSubject,
    StaffRole,
)
from app.reports.case_letters import render_case_letter
from app.services.audit import verify_chain
from app.services.clock import OPEN_STATUSES
from app.services.dashboard import dashboard_figures
from app.services.deadlines import load_rule_book
from app.services.demo_data import (
    DEMO_FILE_NAME,
    demo_database_path,
    generate_demo_data,
    is_complete_demo,
    is_demo,
    open_demo_database,
)
from app.services.demo_scenarios import ANSWER_DAYS, SCENARIOS, step_day
from app.services.settings import may_change_settings
from app.services.settings_staff import StaffRow, list_staff
from app.store import Database, MemorySecretStore, Passphrase, unlock
from app.store.keys import secret_name
from tests.services.test_workflow import _case

TODAY = company_today()  # the importer dates its clocks by the controller's day, so the demo does


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One generated demo database for the module (generation renders a dozen letters)."""
    folder = tmp_path_factory.mktemp("demo")
    database = open_demo_database(
        folder / DEMO_FILE_NAME, secrets=MemorySecretStore(), passphrase=None
    )
    generate_demo_data(
        database, load_rule_book(), render_case_letter, today=TODAY, user="me.handler"
    )
    yield database
    database.close()


def _cases(session: Session) -> list[Case]:
    return list(session.scalars(select(Case).order_by(Case.id)))


def test_every_status_and_every_kind_is_present(demo: Database) -> None:
    with demo.session() as session:
        cases = _cases(session)
        assert {c.status for c in cases} == set(CaseStatus)
        assert {c.kind for c in cases} == set(CaseKind)
        assert len(cases) == len(SCENARIOS)


def test_the_audit_chain_verifies_and_the_demo_is_marked(demo: Database) -> None:
    with demo.session() as session:
        check = verify_chain(session)
        assert check.ok and check.first_bad_event_id is None
        assert check.checked > 10 * len(SCENARIOS)  # imports, triage, clocks, letters...
        assert is_demo(session) and is_complete_demo(session)


def test_some_open_cases_are_overdue_and_some_due_within_a_week(demo: Database) -> None:
    with demo.session() as session:
        open_due = [c.binding_due_date for c in _cases(session) if c.status in OPEN_STATUSES]
        dates = [d for d in open_due if d is not None]
        assert any(d < TODAY for d in dates)
        assert any(TODAY <= d <= TODAY + timedelta(days=7) for d in dates)


def test_waiting_cases_have_a_running_clock_pause(demo: Database) -> None:
    with demo.session() as session:
        waiting = [c for c in _cases(session) if c.status == CaseStatus.AWAITING_REQUESTER]
        paused = [c for c in waiting if any(p.end_date is None for p in c.pauses)]
        assert len(waiting) == 3 and paused


def test_the_gdpr_extension_runs_from_receipt(demo: Database) -> None:
    """GDPR Art. 12(3): one month from receipt, extendable by two further months."""
    with demo.session() as session:
        case = next(c for c in _cases(session) if c.extension_reason is not None)
        received = case.received_at.date()
        assert case.jurisdiction == "EU" and received == TODAY - timedelta(days=20)
        assert case.extended_due_date is not None and case.due_date is not None
        assert case.extended_due_date > case.due_date
        assert (case.extended_due_date - received).days in range(87, 94)  # three months


def test_guardian_letters_and_outcomes(demo: Database) -> None:
    with demo.session() as session:
        cases = _cases(session)
        guardian = next(c for c in cases if c.parties)
        assert guardian.parties[0].role == PartyRole.GUARDIAN
        assert guardian.subject is not None and guardian.subject.is_minor
        letters = list(session.scalars(select(Letter)))
        assert {lt.sent_at is not None for lt in letters} == {True, False}
        assert any(lt.approved_at and not lt.sent_at for lt in letters)
        assert {lt.language for lt in letters} == {"zh", "en"}
        outcomes = {c.outcome for c in cases if c.status == CaseStatus.CLOSED}
        assert {CaseOutcome.PARTIALLY_FULFILLED, CaseOutcome.REFUSED} <= outcomes
        assert any(c.notes for c in cases)


def test_the_dashboard_shows_a_plausible_history(demo: Database) -> None:
    """Answers carry the days of the scenario table, not the minute the demo was made.

    The table answers 11 cases, 6, 12, 14, 10, 13, 16, 21, 36, 52, 8 and 34 days after
    receipt. Late are the two CN answers after 34 and 36 days (15 working days on the State
    Council calendar end 18 to 28 days after receipt); the UK access answered after 52 days
    was extended to three months (UK GDPR Art. 12(3)), the EU answers after 16 and 21 days
    lie within one month. So 9 of 11 on time (82 %); sorted 6 8 10 12 13 [14] 16 21 34 36 52:
    median 14 days. Extensions in the window: the UK one and Erika's (EU, 20 days ago).
    """
    assert ANSWER_DAYS == (12, 6, 14, 10, 13, 16, 21, 36, 52, 8, 34)
    with demo.session() as session:
        figures = dashboard_figures(session, TODAY)
    assert (figures.answered, figures.answered_on_time) == (11, 9)
    assert figures.on_time_rate == pytest.approx(9 / 11)
    assert figures.median_days_to_respond == 14
    assert figures.extensions == 2


def test_every_scenario_runs_forward_and_ends_before_today() -> None:
    """Steps go forward in time and the last dated one lies before today, so no instant is
    cut short at "now" and every answer falls in the dashboard's 90-day window."""
    assert step_day("respond_fulfilled@12") == ("respond_fulfilled", 12)
    assert step_day("letter:refusal:sent") == ("letter:refusal:sent", None)
    with pytest.raises(DemoDataError):
        step_day("close@-1")
    for scenario in SCENARIOS:
        days = [day for _, day in map(step_day, scenario.steps) if day is not None]
        assert days == sorted(days) and all(day < scenario.days_ago for day in days)
        assert scenario.days_ago < 90


def test_answers_closures_and_letters_are_dated_in_the_past(demo: Database) -> None:
    """Mario Rossi's objection (70 days ago): refusal signed off on day 18, answered on day
    21 with the refusal letter, closed on day 28 (times as the receipt's, 09:30 Beijing)."""
    with demo.session() as session:
        case = next(c for c in _cases(session) if c.subject_line == "Objection to processing")
        received = case.received_at
        assert case.responded_at == received + timedelta(days=21)
        assert case.closed_at == received + timedelta(days=28)
        refusal, letter_review = case.reviews
        assert refusal.subject == ReviewSubject.REFUSAL
        assert refusal.decided_at == received + timedelta(days=18)
        (letter,) = case.letters
        answered = received + timedelta(days=21)
        assert letter.generated_at == letter.approved_at == letter.sent_at == answered
        assert letter_review.decided_at == answered


def test_the_signed_in_user_handles_some_cases_and_never_reviews_their_own(
    demo: Database,
) -> None:
    with demo.session() as session:
        cases = _cases(session)
        mine = [c for c in cases if c.assignee == "me.handler"]
        assert 0 < len(mine) < len(cases)
        for case in mine:
            assert all(r.decided_by != "me.handler" for r in case.reviews)


def test_the_demo_lists_its_handlers_as_staff_and_the_user_as_a_manager(demo: Database) -> None:
    """QA16 W2: Settings › Staff and roles of the demo was empty although its cases are
    handled by li.wei, wang.fang and a.smith; the signed-in user may change its settings."""
    with demo.session() as session:
        assert list_staff(session) == [
            StaffRow("a.smith", "Alice Smith", StaffRole.HANDLER, True),
            StaffRow("chen.jing", "陈静 Chen Jing", StaffRole.REVIEWER, True),
            StaffRow("li.wei", "李伟 Li Wei", StaffRole.HANDLER, True),
            StaffRow("me.handler", "me.handler", StaffRole.MANAGER, True),
            StaffRow("wang.fang", "王芳 Wang Fang", StaffRole.HANDLER, True),
            StaffRow("zhao.lei", "赵磊 Zhao Lei", StaffRole.MANAGER, True),
        ]
        handlers = {c.assignee for c in _cases(session)} - {None}
        # The signed-in user takes li.wei's third (``_handlers``); untriaged cases have none.
        assert handlers == {"me.handler", "wang.fang", "a.smith"}
        assert may_change_settings(session, "me.handler")


def test_requesters_are_obviously_fictional(demo: Database) -> None:
    example = ("example.com", "example.cn", "example.org", "example.net", "example.jp",
               "example.it", "example.gov.cn")  # fmt: skip
    with demo.session() as session:
        for case in _cases(session):
            assert case.subject is not None
            email = case.subject.identifier(IdentifierKind.EMAIL) or ""
            assert email.endswith(example)


def test_the_real_database_is_untouched(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    database.close()
    before = hashlib.sha256(database_path.read_bytes()).hexdigest()
    demo_path = demo_database_path(database_path)
    assert demo_path == database_path.parent / "privacy-desk-demo.db"
    done: list[int] = []
    demo = open_demo_database(demo_path, secrets=secrets, passphrase=None)
    try:
        summary = generate_demo_data(
            demo, load_rule_book(), render_case_letter, today=TODAY,
            progress=lambda n, _all: done.append(n), should_cancel=lambda: len(done) >= 2,
        )  # fmt: skip
        assert summary.cancelled and len(summary.references) == 2
        # Asked again, the interrupted demo resumes with the third case and completes.
        resumed = generate_demo_data(demo, load_rule_book(), render_case_letter, today=TODAY)
        assert resumed.references[0] == "PD-2026-000003" and not resumed.cancelled
        with demo.session() as session:
            assert is_complete_demo(session)
    finally:
        demo.close()
    assert hashlib.sha256(database_path.read_bytes()).hexdigest() == before
    # Each file has its own key in the keyring.
    assert secrets.get(secret_name(demo_path)) != secrets.get(secret_name(database_path))


def test_a_file_of_the_demo_name_that_is_no_demo_is_left_alone(
    tmp_path: Path, secrets: MemorySecretStore
) -> None:
    path = tmp_path / DEMO_FILE_NAME
    real = unlock(path, secrets=secrets, passphrase=None, create=True)
    with real.session() as session:
        _case(session, load_rule_book(), CaseKind.ACCESS)
    real.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DemoDataError, match="not a demo database"):
        open_demo_database(path, secrets=secrets, passphrase=None)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_without_a_keyring_the_demo_uses_the_real_passphrase(tmp_path: Path) -> None:
    demo = open_demo_database(
        tmp_path / DEMO_FILE_NAME, secrets=None, passphrase="correct horse battery"
    )
    try:
        assert isinstance(demo.key, Passphrase)
    finally:
        demo.close()
    with pytest.raises(KeyUnavailableError):
        open_demo_database(tmp_path / DEMO_FILE_NAME, secrets=None, passphrase=None)


def test_only_the_demo_file_name_is_accepted(tmp_path: Path) -> None:
    with pytest.raises(DemoDataError):
        open_demo_database(
            tmp_path / "privacy-desk.db", secrets=MemorySecretStore(), passphrase=None
        )
