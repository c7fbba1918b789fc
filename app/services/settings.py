"""Team-wide settings kept in the database (``app_setting``): who may change them, reading and
writing one named value with its audit event, and the current values the letters and the
workflow use.

Settings that shape letters and retention live in the (shared) database, not in per-desktop
files, so every desktop of a team prints the same letterhead and holds data for the same
periods (DESIGN.md §6, STYLE.md §10). On PostgreSQL the server also limits writes to the
manager and admin roles (migration 0006); this module checks the same in local mode.
"""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import SettingsPermissionError
from app.models import Setting, StaffMember
from app.models.enums import StaffRole
from app.services.audit import record_event
from app.services.user_names import has_invisible_characters, staff_spelling
from app.services.workflow.inventory import current_inventory

SETTINGS_ROLES = frozenset({StaffRole.MANAGER, StaffRole.ADMIN})
"""Roles that may change team settings (DESIGN.md §2: managers set the product up)."""

__all__ = [
    "SETTINGS_ROLES",
    "clear_setting",
    "current_inventory",
    "has_invisible_characters",
    "may_change_settings",
    "read_setting",
    "require_settings_permission",
    "write_setting",
    "write_settings",
]


def may_change_settings(session: Session, username: str) -> bool:
    """Return whether ``username`` may change team settings.

    An active manager or admin may; anyone may while the staff list is empty (first setup:
    someone has to enter the first manager). ``username`` is looked up as the staff list
    spells it (``staff_spelling``: "Boss" signed in is the manager "boss").
    """
    names = list(session.scalars(select(StaffMember.username)))
    if not names:
        return True
    spelled = staff_spelling(names, username)
    member = session.scalar(select(StaffMember).where(StaffMember.username == spelled))
    return member is not None and member.active and member.role in SETTINGS_ROLES


def require_settings_permission(session: Session, username: str) -> None:
    """Raise unless ``username`` may change team settings.

    Raises:
        SettingsPermissionError: not an active manager or admin (and the staff list is not empty).
    """
    if not may_change_settings(session, username):
        raise SettingsPermissionError(
            "Only an active manager or administrator may change the settings."
        )


def read_setting(session: Session, key: str) -> Setting | None:
    """Return the stored setting ``key``, or ``None`` when it was never set."""
    return session.get(Setting, key)


def write_setting(
    session: Session,
    key: str,
    value: Any,
    *,
    actor: str,
    content: bytes | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Store ``value`` (JSON) and optional ``content`` bytes under ``key``, audited.

    Args:
        session: unit of work; the setting and its ``settings.changed`` event commit together.
        actor: the staff member; checked with ``require_settings_permission``.
        payload: extra audit details (no personal data); the key is always recorded.

    Raises:
        SettingsPermissionError: ``actor`` may not change settings.
    """
    write_settings(session, {key: (value, content)}, actor=actor, payload=payload)


def write_settings(
    session: Session,
    entries: Mapping[str, tuple[Any, bytes | None]],
    *,
    actor: str,
    payload: dict[str, Any] | None = None,
) -> None:
    """Store several settings (key → (JSON value, content bytes)) as one audited change;
    a ``None`` value with no content removes the key.

    Raises:
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    for key, (value, content) in entries.items():
        setting = session.get(Setting, key)
        if value is None and content is None:
            if setting is not None:
                session.delete(setting)
            continue
        if setting is None:
            setting = Setting(key=key, updated_by=actor)
            session.add(setting)
        setting.value, setting.content, setting.updated_by = value, content, actor
    body = {"keys": sorted(entries), **(payload or {})}
    record_event(session, "settings.changed", actor=actor, payload=body)


def clear_setting(session: Session, key: str, *, actor: str) -> bool:
    """Remove the setting ``key`` (back to the shipped default), audited.

    Returns:
        True when something was removed.

    Raises:
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    setting = session.get(Setting, key)
    if setting is None:
        return False
    session.delete(setting)
    record_event(session, "settings.reset", actor=actor, payload={"key": key})
    return True
