"""``python -m app clock pause|resume|extend|correct-reason|confirm-receipt|set-due|release-due
REF``: stop, restart and extend a case's clock, correct the extension's reason, confirm its
receipt, set its due date by hand and hand it back to its rule."""

import argparse
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.cli.acting import actor_of, staff_actor
from app.cli.opening import open_for_command
from app.clock import company_today
from app.errors import ClockError
from app.models import Case
from app.models.enums import PauseReason
from app.reports.letter_text import check_letter_text
from app.services.case_queries import find_case
from app.services.clock_adjustments import (
    confirm_receipt,
    pause_clock,
    resume_clock,
    take_extension,
)
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import release_due_date, set_due_date_by_hand
from app.services.extension_reason import correct_extension_reason


def register(commands: Any) -> None:
    """Add the ``clock`` sub-commands to ``commands``."""
    clock = commands.add_parser(
        "clock", help="stop, restart or extend a case's deadline clock, or set its due date by hand"
    )
    actions = clock.add_subparsers(dest="clock_action", required=True)
    pause = actions.add_parser("pause", help="stop the clock (e.g. waiting for identity proof)")
    pause.add_argument("reference")
    pause.add_argument(
        "--from",
        dest="start",
        type=_date,
        default=None,
        help="first paused day, YYYY-MM-DD (default: today)",
    )
    pause.add_argument("--reason", choices=[r.value for r in PauseReason], required=True)
    pause.add_argument("--note", default="")
    pause.set_defaults(handler=run_pause)
    resume = actions.add_parser("resume", help="restart the clock")
    resume.add_argument("reference")
    resume.add_argument(
        "--on",
        "--last-paused-day",
        dest="end",
        type=_date,
        default=None,
        help="last paused day, YYYY-MM-DD, from the pause's first day to today (default: today)",
    )
    resume.set_defaults(handler=run_resume)
    extend = actions.add_parser("extend", help="take the extension the rule allows")
    extend.add_argument("reference")
    extend.add_argument("--reason", required=True, help="the reason the requester will be told")
    extend.set_defaults(handler=run_extend)
    correct = actions.add_parser(
        "correct-reason",
        help="correct the reason of an extension taken (until the extension notice is sent)",
    )
    correct.add_argument("reference")
    correct.add_argument("--reason", required=True, help="the reason the requester will be told")
    correct.set_defaults(handler=run_correct_reason)
    confirm = actions.add_parser(
        "confirm-receipt", help="set the receipt instant a person confirmed (no usable Date:)"
    )
    confirm.add_argument("reference")
    confirm.add_argument(
        "--at",
        dest="received_at",
        type=_instant,
        required=True,
        help="ISO 8601 with offset, e.g. 2026-03-02T09:30+08:00",
    )
    confirm.set_defaults(handler=run_confirm_receipt)
    _register_due_date(actions)


def _register_due_date(actions: Any) -> None:
    """Add ``set-due`` and ``release-due`` to the ``clock`` sub-commands ``actions``."""
    set_due = actions.add_parser(
        "set-due",
        help="set the due date by hand (kept by every recomputation; the statutory deadline "
        "still binds in law)",
    )
    set_due.add_argument("reference")
    set_due.add_argument(
        "--on",
        dest="due_date",
        type=_date,
        required=True,
        help="the due date, YYYY-MM-DD, in the case's statutory time zone",
    )
    set_due.add_argument(
        "--reason", required=True, help="why (e.g. a court order); kept as an internal note"
    )
    set_due.set_defaults(handler=run_set_due)
    release = actions.add_parser(
        "release-due", help="hand a due date set by hand or by a regulator back to its rule"
    )
    release.add_argument("reference")
    release.set_defaults(handler=run_release_due)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 instant: {text!r}") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError("give the UTC offset, e.g. 2026-03-02T09:30+08:00")
    return value


def _with_case(
    args: argparse.Namespace, change: Callable[[Session, Case, RuleBook, str], str]
) -> int:
    """Apply ``change`` to the case ``args.reference`` as the person acting (``--actor``)."""
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book)
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            case = find_case(session, args.reference)
            outcome = change(session, case, rule_book, actor)
            due = case.binding_due_date.isoformat() if case.binding_due_date else "none"
    finally:
        database.close()
    print(f"{case.reference}: {outcome}; due {due}")
    return 0


def run_pause(args: argparse.Namespace) -> int:
    """Stop the clock of a case."""
    today = company_today()

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        start = args.start or today
        pause_clock(
            session,
            case,
            rule_book,
            start_date=start,
            reason=PauseReason(args.reason),
            note=args.note,
            today=today,
            actor=actor,
        )
        return f"clock stopped from {start.isoformat()}"

    return _with_case(args, change)


def run_resume(args: argparse.Namespace) -> int:
    """Restart the clock of a case."""
    today = company_today()

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        end = args.end or today
        resume_clock(session, case, rule_book, end_date=end, today=today, actor=actor)
        return f"clock restarted after {end.isoformat()}"

    return _with_case(args, change)


def run_extend(args: argparse.Namespace) -> int:
    """Extend the deadline of a case where its rule allows."""
    today = company_today()

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        extended = take_extension(
            session,
            case,
            rule_book,
            reason=args.reason,
            printable=check_letter_text,
            today=today,
            actor=actor,
        )
        return f"extended to {extended.isoformat()}"

    return _with_case(args, change)


def run_correct_reason(args: argparse.Namespace) -> int:
    """Correct the reason of a case's extension (the dates stay as they are)."""

    def change(session: Session, case: Case, _rule_book: RuleBook, actor: str) -> str:
        changed = correct_extension_reason(
            session, case, reason=args.reason, printable=check_letter_text, actor=actor
        )
        return "extension reason corrected" if changed else "extension reason unchanged"

    return _with_case(args, change)


def run_confirm_receipt(args: argparse.Namespace) -> int:
    """Confirm the receipt instant of a case and recompute its deadline; an instant later than
    now is refused (``ClockError``), as the window's Receipt dialog refuses it."""
    today = company_today()

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        # The service compares the instant's date in its own offset with today; an instant
        # later than now on today's date ("23:50+08:00" at 15:14 UTC) is in the future just
        # the same. The Receipt dialog refuses it too (``receipt_dialog``).
        if args.received_at > datetime.now(UTC):
            raise ClockError("The receipt date cannot be in the future.")
        confirm_receipt(
            session,
            case,
            rule_book,
            received_at=args.received_at,
            today=today,
            actor=actor,
        )
        return f"received {args.received_at.isoformat()}"

    return _with_case(args, change)


def run_set_due(args: argparse.Namespace) -> int:
    """Set the due date of a case by hand, with the reason."""

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        set_due_date_by_hand(
            session, case, args.due_date, args.reason, rule_book, today=company_today(), actor=actor
        )
        return "due date set by hand"

    return _with_case(args, change)


def run_release_due(args: argparse.Namespace) -> int:
    """Hand the due date of a case back to its rule."""
    today = company_today()

    def change(session: Session, case: Case, rule_book: RuleBook, actor: str) -> str:
        release_due_date(session, case, rule_book, today=today, actor=actor)
        return "due date handed back to its rule"

    return _with_case(args, change)
