"""``python -m app calendar enter FILE.toml``: enter a published holiday schedule."""

import argparse
from pathlib import Path
from typing import Any

from app.cli.acting import actor_of
from app.cli.opening import open_for_command
from app.clock import local_today
from app.services.calendar_schedules import load_schedule_file, store_schedule
from app.services.clock import recompute_open_cases
from app.services.deadlines import load_rule_book


def register(commands: Any) -> None:
    """Add the ``calendar`` sub-commands to ``commands``."""
    calendar = commands.add_parser("calendar", help="holiday schedules entered by an administrator")
    actions = calendar.add_subparsers(dest="calendar_action", required=True)
    enter = actions.add_parser(
        "enter", help="enter a year's official schedule (TOML) and recompute open cases"
    )
    enter.add_argument("file", type=Path)
    enter.set_defaults(handler=run_enter)


def run_enter(args: argparse.Namespace) -> int:
    """Store the schedule, recompute the open cases on that calendar, list what changed."""
    schedule = load_schedule_file(args.file)
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book)
    try:
        with database.session() as session:
            store_schedule(session, schedule, actor=actor)
            changed = recompute_open_cases(
                session, rule_book, cause="calendar_override", today=local_today(), actor=actor
            )
    finally:
        database.close()
    print(
        f"{schedule.calendar} {schedule.year}: {len(schedule.holidays)} holidays, "
        f"{len(schedule.working_days)} make-up working days entered; "
        f"{len(changed)} open cases recomputed"
    )
    for reference in changed:
        print(f"  {reference}")
    return 0
