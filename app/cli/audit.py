"""``python -m app verify-audit``: check the hash chain of the audit trail."""

import argparse
from typing import Any

from app.cli.opening import open_for_command
from app.models import Event
from app.services.audit import verify_chain
from app.services.deadlines import load_rule_book

CHAIN_BROKEN = 1


def register(commands: Any) -> None:
    """Add the ``verify-audit`` sub-command to ``commands``."""
    verify = commands.add_parser(
        "verify-audit", help="verify the audit trail's hash chain; name the first broken link"
    )
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    """Print whether the chain verifies; status 1 and the first broken event when it does not."""
    database = open_for_command(args, load_rule_book())
    try:
        with database.session() as session:
            check = verify_chain(session)
            broken = session.get(Event, check.first_bad_event_id) if not check.ok else None
            where = (
                f"event #{broken.id} ({broken.action}, {broken.occurred_at.isoformat()})"
                if broken is not None
                else ""
            )
    finally:
        database.close()
    if check.ok:
        print(f"Audit chain verified: {check.checked} events, no break.")
        return 0
    print(
        f"Audit chain BROKEN at {where}: it or an event before it was edited or deleted "
        f"after it was written ({check.checked} events verified before it)."
    )
    return CHAIN_BROKEN
