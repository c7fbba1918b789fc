"""``python -m app calendar enter FILE.toml``: enter a published holiday schedule.

The file is a year's complete official schedule (format: ``load_schedule_file``; example:
``resources/calendars/examples/cn-2026.toml``). It is refused, exit status 2 with one line
naming what is wrong, when it lacks a holiday the ``holidays`` package names for that year
(unless its ``[not_observed]`` table names it with the reason, recorded in the audit trail),
has far fewer days off than the package, or is inconsistent. Single days are corrected in
Settings instead.

Entering a schedule moves every deadline counted on its calendar, so it is a change of the team's
settings: the command goes through the service Settings uses (``enter_schedule_file``), which lets
only an active manager or administrator do it (``require_settings_permission``; anyone while the
staff list is still empty, at first setup). The person is ``--actor`` or the OS login name, as for
every command.
"""

import argparse
from pathlib import Path
from typing import Any

from app.cli.acting import actor_of, staff_actor
from app.cli.opening import open_for_command
from app.clock import company_today
from app.services.deadlines import load_rule_book
from app.services.settings_calendar import enter_schedule_file


def register(commands: Any) -> None:
    """Add the ``calendar`` sub-commands to ``commands``."""
    calendar = commands.add_parser("calendar", help="holiday schedules entered by an administrator")
    actions = calendar.add_subparsers(dest="calendar_action", required=True)
    enter = actions.add_parser(
        "enter",
        help="enter a year's complete official schedule (TOML) and recompute open cases",
        description="Every holiday the holidays package names for the year needs a day off "
        "in the file, or an entry 'NAME = \"reason\"' in its [not_observed] table.",
    )
    enter.add_argument("file", type=Path)
    enter.set_defaults(handler=run_enter)


def run_enter(args: argparse.Namespace) -> int:
    """Check and store the schedule, recompute the open cases on that calendar, list what
    changed; return 0.

    Raises:
        ScheduleError: the file is unreadable, inconsistent or not a complete year
            (``load_schedule_file``), or names an unknown calendar.
        SettingsPermissionError: the person acting is not an active manager or administrator
            (and the staff list is not empty). ``app.cli.main`` prints either on one line,
            status 2; nothing is stored.
    """
    actor = actor_of(args)
    rule_book = load_rule_book()
    database = open_for_command(args, rule_book)
    try:
        actor = staff_actor(database, actor)  # "LI.WEI" acts as the member "li.wei"
        with database.session() as session:
            schedule, changed = enter_schedule_file(
                session, rule_book, args.file, actor=actor, today=company_today()
            )
    finally:
        database.close()
    print(
        f"{schedule.calendar} {schedule.year}: {len(schedule.holidays)} holidays, "
        f"{len(schedule.working_days)} make-up working days entered; "
        f"{len(changed)} open cases recomputed"
    )
    for name, reason in schedule.not_observed.items():
        print(f"  not observed: {name} ({reason})")
    for reference in changed:
        print(f"  {reference}")
    return 0
