"""The demo database: invented cases in every state, made through the real services.

Each demo case is an ``.eml`` message imported like a real one (triage, deadline, original
message and audit events are the importer's), then worked by the workflow services — triage,
identity checks, clock pauses, an extension, a guardian, category actions, four-eyes reviews,
answers, retention, letters generated, approved and sent — so every deadline, event and hash
in the file is real. The scenarios are in ``app.services.demo_scenarios``.

The demo lives in its own file beside the real database (``privacy-desk-demo.db``), with its
own key (``app.store.keys.secret_name`` is per file), and carries the setting ``demo``; the
real database is never opened here.
"""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import DemoDataError, KeyUnavailableError
from app.models import Case
from app.models.base import utc_now
from app.models.enums import StaffRole
from app.services.case_queries import find_case
from app.services.case_search import has_cases
from app.services.deadlines import RuleBook
from app.services.demo_scenarios import SCENARIOS, Scenario
from app.services.demo_staff import HANDLERS, MANAGER, PRIVACY_MAILBOX, REVIEWER, STAFF
from app.services.demo_step_run import StepRun
from app.services.demo_steps import run_step
from app.services.importing import ImportOutcome, import_message_file
from app.services.letters import LetterRenderer
from app.services.settings import read_setting, write_setting
from app.services.settings_staff import add_staff, list_staff
from app.services.user_names import is_username
from app.store import Database, SecretStore, unlock

DEMO_FILE_NAME = "privacy-desk-demo.db"
DEMO_SETTING = "demo"
# Requests arrive in office hours, Beijing time (09:30 +08:00).
ARRIVAL_UTC = time(1, 30, tzinfo=UTC)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo_data`` made: case references in scenario order, and whether the
    run was cancelled before the last scenario."""

    references: tuple[str, ...]
    cancelled: bool = False


def demo_database_path(real_database_path: Path) -> Path:
    """Return the demo database's path: ``privacy-desk-demo.db`` beside the real database."""
    return real_database_path.with_name(DEMO_FILE_NAME)


def is_demo(session: Session) -> bool:
    """Return whether the database of ``session`` is a demo database (setting ``demo``)."""
    return read_setting(session, DEMO_SETTING) is not None


def is_complete_demo(session: Session) -> bool:
    """Return whether the demo database was generated to its last scenario."""
    marker = read_setting(session, DEMO_SETTING)
    return marker is not None and bool((marker.value or {}).get("complete"))


def open_demo_database(
    path: Path, *, secrets: SecretStore | None, passphrase: str | None
) -> Database:
    """Open the demo database at ``path``, creating it (with its own key) when missing.

    Args:
        path: the demo file (``demo_database_path``); never the real database.
        secrets: the OS secret store (the demo gets its own raw key there), or ``None`` where no
            keyring exists: the demo is then keyed from ``passphrase`` (the real database's).
        passphrase: the passphrase to use without a keyring.

    Returns:
        The open demo ``Database`` (possibly still empty: see ``generate_demo_data``).

    Raises:
        DemoDataError: the file exists and holds cases but is no demo (it is left untouched).
        KeyUnavailableError, WrongKeyError, DatabaseInUseError…: as ``app.store.unlock``.
    """
    if path.name != DEMO_FILE_NAME:
        raise DemoDataError("The demo database must be the file privacy-desk-demo.db.")
    if secrets is None and passphrase is None:
        raise KeyUnavailableError("The demo database needs the passphrase of the real one.")
    database = unlock(path, secrets=secrets, passphrase=passphrase, create=True)
    with database.session() as session:
        foreign = not is_demo(session) and has_cases(session)
    if foreign:
        database.close()
        raise DemoDataError(
            f"'{path.name}' exists and is not a demo database; it was left untouched."
        )
    return database


def generate_demo_data(
    database: Database,
    rule_book: RuleBook,
    renderer: LetterRenderer,
    *,
    today: date,
    progress: ProgressFn | None = None,
    should_cancel: CancelledFn | None = None,
    user: str | None = None,
) -> DemoSummary:
    """Fill the empty demo ``database`` with the demo cases, one transaction per case.

    Args:
        database: a database opened with ``open_demo_database`` (never the real one).
        rule_book: deadline rules.
        renderer: renders letters (``app.reports.case_letters.render_case_letter``).
        today: the local date the demo is made for: receipt dates count back from it, so
            some cases are overdue and some due within days whenever the demo is made.
        progress: called with (cases done, cases in all) after each case.
        should_cancel: polled before each case; the run stops cleanly when it returns true.
        user: the signed-in staff member, who then handles a third of the cases (so the view
            "Mine" shows some); the demo reviewer's name is never taken. They join the demo's
            staff list (Settings › Staff and roles: ``STAFF``, whose handlers the cases are
            assigned to) as a manager, so that the demo's settings can be explored; a name
            that is no well-formed user name (e.g. with a space) is neither staff nor handler.

    Returns:
        The ``DemoSummary``; a demo generated before is left as it is (no references).

    Raises:
        DemoDataError: ``database`` already holds cases that are not demo cases.
    """
    with database.session() as session:
        if is_complete_demo(session):
            return DemoSummary(())
        # An interrupted run resumes: each case was made in its own transaction, in order.
        done = (session.scalar(select(func.count(Case.id))) or 0) if is_demo(session) else 0
        if not is_demo(session) and has_cases(session):
            raise DemoDataError("Demo cases go only into a new, empty database.")
        _mark(session, today, complete=False)
        _add_staff(session, user)
    handlers = _handlers(user)
    references: list[str] = []
    with tempfile.TemporaryDirectory(prefix="privacy-desk-demo-") as folder:
        for number, scenario in enumerate(SCENARIOS, start=1):
            if number <= done:
                continue
            if should_cancel is not None and should_cancel():
                return DemoSummary(tuple(references), cancelled=True)
            message = _write_message(Path(folder), number, scenario, today)
            with database.session() as session:
                handler = handlers[number % len(handlers)]
                references.append(
                    _make_case(session, message, scenario, rule_book, renderer, today, handler)
                )
            if progress is not None:
                progress(number, len(SCENARIOS))
    with database.session() as session:
        _mark(session, today, complete=True)
    return DemoSummary(tuple(references))


def _mark(session: Session, today: date, *, complete: bool) -> None:
    value = {"generated_on": today.isoformat(), "complete": complete}
    write_setting(session, DEMO_SETTING, value, actor=MANAGER)


def _make_case(
    session: Session,
    message: Path,
    scenario: Scenario,
    rule_book: RuleBook,
    renderer: LetterRenderer,
    today: date,
    handler: str,
) -> str:
    """Import the scenario's message and work the case through its steps; returns the
    reference of the case."""
    result = import_message_file(session, message, rule_book, actor="system")
    if result.outcome != ImportOutcome.IMPORTED or result.reference is None:
        raise DemoDataError(f"A demo message was not imported ({result.outcome}).")
    case = find_case(session, result.reference)
    run = StepRun(session, rule_book, renderer, scenario, today, handler)
    for step in scenario.steps:
        run_step(run, case, step)
    run.as_of_today(case)
    return case.reference


def _add_staff(session: Session, user: str | None) -> None:
    """Enter the demo's staff (and ``user`` as a manager) not entered yet: a resumed run has
    some. The manager comes first: the first member must be whoever sets up, as a manager."""
    known = {row.username.casefold() for row in list_staff(session)}
    signed_in = user.casefold() if user and is_username(user) else None
    members = [(n, d, StaffRole.MANAGER if n.casefold() == signed_in else r) for n, d, r in STAFF]
    if user and signed_in and signed_in not in {n.casefold() for n, _, _ in STAFF}:
        members.append((user, user, StaffRole.MANAGER))
    for username, display_name, role in members:
        if username.casefold() not in known:
            add_staff(session, username, display_name, role, actor=MANAGER)


def _handlers(user: str | None) -> tuple[str, ...]:
    if not user or not is_username(user):
        return HANDLERS
    if user.casefold() in {name.casefold() for name in (REVIEWER, MANAGER, *HANDLERS)}:
        return HANDLERS
    return (user, *HANDLERS[1:])


def received_at(scenario: Scenario, today: date) -> datetime:
    """Return the demo receipt instant of ``scenario``: 09:30 Beijing time ``days_ago`` days
    before ``today``, and never later than a minute ago (aware UTC)."""
    day = today - timedelta(days=scenario.days_ago)
    return min(datetime.combine(day, ARRIVAL_UTC), utc_now() - timedelta(minutes=1))


def _write_message(folder: Path, number: int, scenario: Scenario, today: date) -> Path:
    """Write the scenario's mail as an ``.eml`` file, as a mail client would save it."""
    mail = EmailMessage()
    mail["From"] = formataddr((scenario.name, scenario.email))
    mail["To"] = PRIVACY_MAILBOX
    mail["Subject"] = scenario.subject
    mail["Date"] = format_datetime(received_at(scenario, today))
    mail["Message-ID"] = f"<demo-{number:03d}@example.com>"
    mail.set_content(scenario.body)
    path = folder / f"demo-{number:03d}.eml"
    path.write_bytes(bytes(mail))
    return path
