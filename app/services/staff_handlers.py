"""Who may handle a case: the active members of Settings › Staff and roles.

A handler typed by hand used to be taken as written, so a typo ("li.wel") or a pasted page
became a person nobody is: a row of its own in the dashboard's workload and cases in nobody's
"Mine" view (QA round 16, W2). Now a handler must be an active staff member, named as the
staff list spells it ("LI.WEI" is taken as "li.wei": user names are one whatever their case).

First start: while the staff list is empty (a new installation, before anyone has set up the
team) there is nobody to choose from, and refusing every handler would stop all triage. Then any
well-formed user name is accepted (the same form Settings › Staff asks for: 1-100 characters,
no spaces, control or invisible characters), and the triage dialog says the list is empty.
Once the first member is added, the list is binding.

A case whose handler is not (or no longer) on the list keeps that handler, shown as recorded;
triage leaves it unchanged unless another handler is chosen (``check_handler``).
"""

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.errors import HandlerError
from app.models import Case, StaffMember
from app.services.user_names import is_username, staff_spelling, user_key, user_name

__all__ = [
    "HandlerChoices",
    "check_handler",
    "handler_choices",
    "respell_handler",
    "same_staff",
    "staff_name",
    "staff_spelling",
]


@dataclass(frozen=True)
class HandlerChoices:
    """The handlers a case may be given.

    Attributes:
        members: (user name, display name) of each active staff member, by user name.
        open_list: the staff list is empty (first start): any well-formed user name is taken.
    """

    members: tuple[tuple[str, str], ...]
    open_list: bool


def handler_choices(session: Session) -> HandlerChoices:
    """Return the active staff members a case may be assigned to, and whether the staff list
    is still empty (then any well-formed user name is accepted)."""
    members = session.scalars(select(StaffMember).order_by(StaffMember.username)).all()
    active = tuple((m.username, m.display_name) for m in members if m.active)
    return HandlerChoices(active, open_list=not members)


def check_handler(session: Session, username: str, *, current: str | None = None) -> str:
    """Return ``username`` as the staff list spells it, checked as a case's handler.

    Args:
        username: the handler typed or chosen (surrounding white space is ignored).
        current: the case's handler now: kept as it is even when it is not (or no longer) an
            active member, so that a case assigned before the list existed can be triaged
            without reassigning it.

    Returns:
        The active member's user name (its spelling in the staff list when ``username``
        differs only in case, by Unicode case folding), or ``username`` stripped while the
        staff list is empty, or ``current`` unchanged.

    Raises:
        HandlerError: a malformed user name (1-100 characters, no spaces, control or
            invisible characters), or one that is not an active staff member (an inactive
            one is named as such), or that matches several members only differing in case,
            while the staff list is not empty.
    """
    name = user_name(username.strip())  # NFC: "André" with a combining accent is "André"
    if current is not None and name == user_name(current):
        return current
    if not is_username(name):
        raise HandlerError(
            f"The handler must be a user name of 1-100 characters without spaces or control "
            f"characters ({len(name)} characters given); choose one from Settings › Staff "
            "and roles."
        )
    members = session.scalars(select(StaffMember)).all()
    if not members:
        return name
    exact = [m for m in members if m.username == name]
    folded = exact or [m for m in members if user_key(m.username) == user_key(name)]
    active = [m for m in folded if m.active]
    if len(active) == 1:
        return active[0].username
    if len(active) > 1:  # members added before names were unique regardless of case
        names = ", ".join(sorted(m.username for m in active))
        raise HandlerError(
            f"“{name}” matches several staff members whose user names differ only in case "
            f"({names}): type the user name exactly as Settings › Staff and roles lists it."
        )
    if folded:
        raise HandlerError(
            f"“{name}” is no longer an active staff member: choose another handler, or "
            "reactivate them in Settings › Staff and roles."
        )
    raise HandlerError(
        f"“{name}” is not an active staff member: choose a handler from the list, or add "
        "them in Settings › Staff and roles first."
    )


def staff_name(session: Session, name: str) -> str:
    """Return ``name`` as the staff list spells it (``staff_spelling`` over the members' user
    names, read now: one read of the short staff table).

    The signed-in user is resolved so once, where the app learns who acts (the window's
    sign-in and user switch, the command line's ``--actor`` or login name): every audit event
    and every later comparison then uses the staff spelling.
    """
    return staff_spelling(session.scalars(select(StaffMember.username)), name)


def same_staff(session: Session, first: str, second: str) -> bool:
    """Return whether the user names ``first`` and ``second`` name the same person: equal, or
    equal by case folding and the staff list spelling both the same way (``staff_spelling``;
    two members from before names were unique regardless of case stay two people, and so do
    two names of nobody on the list). Reads the staff list only for names differing in case.
    """
    if first == second:
        return True
    if user_key(first) != user_key(second):
        return False
    return staff_name(session, first) == staff_name(session, second)


def respell_handler(session: Session, username: str) -> list[str]:
    """Store the cases of every handler equal to ``username`` by case folding but not exactly
    as ``username`` (a member just added, spelled as Settings › Staff and roles lists it: a
    handler typed while the staff list was empty keeps "Wang.Fang" where the member added
    later is "wang.fang"); return the spellings replaced, in order.

    The distinct handlers are read one step of the ``ix_case_assignee_status_urgency`` index
    each (never the cases), as revision 0018 does for the handlers stored before it.
    """
    folded, changed, last = user_key(username), list[str](), None
    while True:
        step = select(func.min(Case.assignee))
        value = session.scalar(step if last is None else step.where(Case.assignee > last))
        if value is None:
            return changed
        last = value
        if value != username and user_key(value) == folded:
            session.execute(update(Case).where(Case.assignee == value).values(assignee=username))
            changed.append(value)
