"""Who acts on the command line: the person recorded in the audit trail for each change.

The four-eyes rule (``app.services.letters.approve_letter``) compares the approver with the
letter's author, so a command-line change must name a person, never the app's own
``"system"`` actor (kept for what the app does by itself, e.g. recomputing deadlines when the
rule files changed).
"""

import argparse
import getpass
import unicodedata

from app.errors import ActorError
from app.services.audit import SYSTEM_ACTOR
from app.services.staff_handlers import staff_name
from app.services.user_names import user_name
from app.store import Database

MAX_ACTOR_LENGTH = 100


def add_actor_option(parser: argparse.ArgumentParser) -> None:
    """Add the global ``--actor NAME`` option to ``parser`` (default: the OS login name)."""
    parser.add_argument(
        "--actor",
        default=None,
        metavar="NAME",
        help="staff name recorded in the audit trail (default: the OS login name)",
    )


def actor_of(args: argparse.Namespace) -> str:
    """Return the person acting: ``--actor`` if given, else the OS login name.

    Args:
        args: the parsed command line (``args.actor``: ``str | None``, absent on old parsers).

    Returns:
        The staff name, stripped of surrounding blanks, in Unicode NFC (``user_name``).

    Raises:
        ActorError: the name is empty, too long, holds control characters, is the
            reserved ``"system"`` actor, or no login name can be found and none was given.
    """
    given: str | None = getattr(args, "actor", None)
    # NFC: a login "André" with a combining accent (macOS, a directory) is "André" precomposed
    name = user_name((given if given is not None else _login_name()).strip())
    if not name or len(name) > MAX_ACTOR_LENGTH or _has_control_characters(name):
        raise ActorError(
            f"--actor needs a staff name of 1 to {MAX_ACTOR_LENGTH} printable characters."
        )
    if name.casefold() == SYSTEM_ACTOR:
        raise ActorError(f"'{SYSTEM_ACTOR}' is reserved for what the app does by itself.")
    return name


def staff_actor(database: Database, name: str) -> str:
    """Return the person acting, ``name`` (from ``actor_of``, checked before the database is
    opened), as the staff list of ``database`` spells it (``staff_handlers.staff_spelling``:
    ``--actor LI.WEI`` or the login "Li.Wei" acts as the member "li.wei"), so that every
    audit event and every four-eyes, note and permission check of the command uses the staff
    spelling. A name on nobody's list, or an ambiguous one, is returned as given."""
    with database.read_session() as session:
        return staff_name(session, name)


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no LOGNAME/USER and no passwd entry (some containers)
        raise ActorError("No login name is known here: give --actor NAME.") from None


def _has_control_characters(name: str) -> bool:
    return any(unicodedata.category(char) in ("Cc", "Cf") for char in name)
