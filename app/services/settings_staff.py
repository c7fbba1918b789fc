"""Staff and roles: add, edit and deactivate the members of the privacy team.

Members are never deleted: the audit trail names them by user name (DESIGN.md §2). Every
change is an audit event whose payload holds the user name and role, never the display name.
The last active manager or admin cannot be demoted or deactivated, so that someone can still
change the settings afterwards. Nobody can lock themselves out either: the first member, added
while the register is empty (when anyone may), must be the person adding it, as a manager or
admin; and a manager or admin cannot demote or deactivate themselves (another one can).

User names are unique regardless of case (``str.casefold``: "li.wei", "LI.WEI" and "Li.Wei"
are one login, as database roles and most sign-in systems treat them): a new member whose
name differs from an existing one only in case is refused. Members that a database already
holds under such names (added before this rule) stay as they are, each editable by its exact
name; no migration merges them, since the audit trail names each as it was written.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import SettingsError
from app.models import StaffMember
from app.models.enums import StaffRole
from app.services.audit import record_event
from app.services.settings import (
    SETTINGS_ROLES,
    has_invisible_characters,
    require_settings_permission,
)
from app.services.staff_handlers import respell_handler, staff_name
from app.services.user_names import is_username, same_user, user_key, user_name

MAX_DISPLAY_NAME = 200


@dataclass(frozen=True)
class StaffRow:
    """A staff member as listed (a frozen copy, not the ORM row)."""

    username: str
    display_name: str
    role: StaffRole
    active: bool


def list_staff(session: Session) -> list[StaffRow]:
    """Return every staff member, active ones first, then by user name."""
    members = session.scalars(
        select(StaffMember).order_by(StaffMember.active.desc(), StaffMember.username)
    )
    return [StaffRow(m.username, m.display_name, m.role, m.active) for m in members]


def add_staff(
    session: Session, username: str, display_name: str, role: StaffRole, *, actor: str
) -> StaffRow:
    """Add a staff member; audited as ``staff.added``. Cases whose handler differs from
    ``username`` only in case (typed while the staff list was empty) take its spelling, so
    that they are in the member's "Mine" view (``staff_handlers.respell_handler``).

    Raises:
        SettingsError: a blank or malformed user name (no spaces or control characters,
            at most 100 characters), a name already taken (regardless of case), a blank
            display name, or a first member who is not a manager or admin, or not ``actor``
            (who could not change the settings after).
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    username, display_name = _check_username(username), _check_display(display_name)
    taken = _same_name(session, username)
    if taken is not None:
        raise SettingsError(
            "staff.username",
            f"is already taken: the member {taken} has this user name (user names are the "
            "same whatever their case)",
        )
    if not session.scalar(select(func.count(StaffMember.id))):
        _check_first_member(username, role, actor)
    member = StaffMember(username=username, display_name=display_name, role=role)
    session.add(member)
    respell_handler(session, username)  # cases given "Wang.Fang" before the list had them
    record_event(
        session, "staff.added", actor=actor, payload={"username": username, "role": role.value}
    )
    return _row(member)


def _check_first_member(username: str, role: StaffRole, actor: str) -> None:
    """The first member ends the first setup, in which anyone may change the settings: it must
    be whoever sets up, as a manager or admin, or they would lock themselves out."""
    if role not in SETTINGS_ROLES:
        raise SettingsError("staff.role", "the first staff member must be a manager or admin")
    if not same_user(username, actor.strip()):  # "boss" added by "Boss": the same person
        raise SettingsError(
            "staff.username",
            "the first staff member must be you, the user signed in: otherwise you could no "
            "longer change the settings. Add yourself first, then the others",
        )


def edit_staff(
    session: Session, username: str, display_name: str, role: StaffRole, *, actor: str
) -> StaffRow:
    """Change a member's display name and role; audited as ``staff.changed``.

    Raises:
        SettingsError: unknown member, blank display name, or the change would leave no
            active manager or admin, or take ``actor``'s own right to change settings.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    member = _existing(session, username)
    before = member.role
    if member.active and role not in SETTINGS_ROLES:
        _keep_one_manager(session, member)
        _keep_own_right(session, member, actor)
    member.display_name, member.role = _check_display(display_name), role
    payload = {"username": member.username, "role_before": before.value, "role": role.value}
    record_event(session, "staff.changed", actor=actor, payload=payload)
    return _row(member)


def set_staff_active(session: Session, username: str, active: bool, *, actor: str) -> StaffRow:
    """Deactivate (or reactivate) a member; audited as ``staff.deactivated``/``reactivated``.

    Raises:
        SettingsError: unknown member, or deactivating the last active manager or admin, or
            ``actor`` themselves.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    member = _existing(session, username)
    if member.active == active:
        return _row(member)
    if not active:
        _keep_one_manager(session, member)
        _keep_own_right(session, member, actor)
    member.active = active
    action = "staff.reactivated" if active else "staff.deactivated"
    record_event(session, action, actor=actor, payload={"username": member.username})
    return _row(member)


def _keep_one_manager(session: Session, leaving: StaffMember) -> None:
    """Refuse a change that takes away the last active manager or admin."""
    if leaving.role not in SETTINGS_ROLES:
        return
    others = session.scalar(
        select(func.count(StaffMember.id)).where(
            StaffMember.active.is_(True),
            StaffMember.role.in_(SETTINGS_ROLES),
            StaffMember.id != leaving.id,
        )
    )
    if not others:
        raise SettingsError(
            "staff.role", "the team needs at least one active manager or administrator"
        )


def _keep_own_right(session: Session, member: StaffMember, actor: str) -> None:
    """Refuse a change by which a manager or admin takes away their own right to change the
    settings: another manager or admin can make it, and sees that it is done. ``actor`` is
    taken as the staff list spells it ("Boss" signed in is the member "boss")."""
    if member.role in SETTINGS_ROLES and member.username == staff_name(session, actor.strip()):
        raise SettingsError(
            "staff.role",
            "you cannot take away your own right to change the settings; another active "
            "manager or administrator can",
        )


def _check_username(username: str) -> str:
    username = user_name(username.strip())  # NFC, as every user name taken in
    if not is_username(username):
        raise SettingsError(
            "staff.username", "must be 1-100 characters without spaces or control characters"
        )
    return username


def _check_display(display_name: str) -> str:
    display_name = " ".join(display_name.split())
    if has_invisible_characters(display_name):
        raise SettingsError("staff.display_name", "holds control or invisible characters")
    if not display_name or len(display_name) > MAX_DISPLAY_NAME:
        raise SettingsError("staff.display_name", f"must be 1-{MAX_DISPLAY_NAME} characters")
    return display_name


def _member(session: Session, username: str) -> StaffMember | None:
    return session.scalar(select(StaffMember).where(StaffMember.username == username))


def _same_name(session: Session, username: str) -> str | None:
    """Return the user name of a member whose name equals ``username`` regardless of case and
    Unicode normalization form (``user_key``), or ``None``. The staff list is short: folded in
    Python, since SQLite's ``lower()`` folds ASCII only."""
    folded = user_key(username)
    names = session.scalars(select(StaffMember.username))
    return next((name for name in names if user_key(name) == folded), None)


def _existing(session: Session, username: str) -> StaffMember:
    member = _member(session, username)
    if member is None:
        raise SettingsError("staff.username", "is not a staff member")
    return member


def _row(member: StaffMember) -> StaffRow:
    return StaffRow(member.username, member.display_name, member.role, member.active)
