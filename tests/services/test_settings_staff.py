"""Staff and roles: add, edit, deactivate — never delete — each an audit event."""

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import SettingsError, SettingsPermissionError
from app.models import Event, StaffMember
from app.models.enums import StaffRole
from app.services.audit import verify_chain
from app.services.settings import may_change_settings
from app.services.settings_staff import (
    StaffRow,
    add_staff,
    edit_staff,
    list_staff,
    set_staff_active,
)
from app.store import Database


def _trail(database: Database) -> list[tuple[str, str, dict[str, object]]]:
    with database.session() as session:
        events = session.scalars(select(Event).order_by(Event.id))
        return [(e.action, e.actor, e.payload) for e in events]


def test_add_and_deactivate_are_audited_and_the_member_stays(database: Database) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        add_staff(session, "li.si", "李四", StaffRole.HANDLER, actor="wang")
        set_staff_active(session, "li.si", False, actor="wang")
    with database.session() as session:
        assert list_staff(session) == [
            StaffRow("wang", "王五", StaffRole.ADMIN, True),
            StaffRow("li.si", "李四", StaffRole.HANDLER, False),
        ]
        assert verify_chain(session).ok
    assert _trail(database) == [
        ("staff.added", "wang", {"username": "wang", "role": "admin"}),
        ("staff.added", "wang", {"username": "li.si", "role": "handler"}),
        ("staff.deactivated", "wang", {"username": "li.si"}),
    ]


def test_edit_changes_role_and_name_audited_without_the_name(database: Database) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.MANAGER, actor="wang")
        add_staff(session, "zhao", "赵六", StaffRole.HANDLER, actor="wang")
        row = edit_staff(session, "zhao", "  赵  六 ", StaffRole.REVIEWER, actor="wang")
    assert row == StaffRow("zhao", "赵 六", StaffRole.REVIEWER, True)
    action, actor, payload = _trail(database)[-1]
    assert (action, actor) == ("staff.changed", "wang")
    assert payload == {"username": "zhao", "role_before": "handler", "role": "reviewer"}


def test_the_last_manager_cannot_be_removed_or_demoted(database: Database) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.MANAGER, actor="wang")
        with pytest.raises(SettingsError, match="at least one active manager"):
            set_staff_active(session, "wang", False, actor="wang")
        with pytest.raises(SettingsError, match="at least one active manager"):
            edit_staff(session, "wang", "王五", StaffRole.HANDLER, actor="wang")
        add_staff(session, "chen", "陈七", StaffRole.ADMIN, actor="wang")
        set_staff_active(session, "wang", False, actor="chen")


@pytest.mark.parametrize(
    ("username", "display", "field"),
    [
        ("", "王五", "staff.username"),
        ("wang wu", "王五", "staff.username"),
        ("wang\x00", "王五", "staff.username"),
        ("x" * 101, "王五", "staff.username"),
        ("wang", "   ", "staff.display_name"),
        ("wang\u202e", "王五", "staff.username"),  # right-to-left override
        ("wang", "王\u200b五", "staff.display_name"),  # zero-width space
    ],
)
def test_bad_input_is_refused_naming_the_field(
    database: Database, username: str, display: str, field: str
) -> None:
    with database.session() as session:
        with pytest.raises(SettingsError) as caught:
            add_staff(session, username, display, StaffRole.ADMIN, actor="setup")
        assert caught.value.field == field


def test_duplicates_first_member_role_and_permissions(database: Database) -> None:
    with database.session() as session:
        with pytest.raises(SettingsError, match="first staff member"):
            add_staff(session, "li", "李四", StaffRole.HANDLER, actor="setup")
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        with pytest.raises(SettingsError, match="already taken"):
            add_staff(session, "wang", "另一个", StaffRole.HANDLER, actor="wang")
        add_staff(session, "li", "李四", StaffRole.HANDLER, actor="wang")
        with pytest.raises(SettingsPermissionError):
            add_staff(session, "zhao", "赵六", StaffRole.ADMIN, actor="li")


def _staff_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count(StaffMember.id))) or 0


def test_the_first_member_must_be_whoever_sets_up(database: Database) -> None:
    """While the register is empty anyone may change settings; a first manager who is someone
    else would end that and leave the person setting up without the right."""
    with database.session() as session, pytest.raises(SettingsError) as caught:
        add_staff(session, "chen", "陈七", StaffRole.MANAGER, actor="wang")
    assert caught.value.field == "staff.username" and "must be you" in str(caught.value)
    assert "chen" not in str(caught.value) and "wang" not in str(caught.value)
    assert _staff_count(database) == 0
    with database.session() as session:
        add_staff(session, " wang", "王五", StaffRole.MANAGER, actor="wang")
        add_staff(session, "chen", "陈七", StaffRole.MANAGER, actor="wang")
    assert _staff_count(database) == 2


def test_a_manager_cannot_demote_or_deactivate_themselves(database: Database) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        add_staff(session, "chen", "陈七", StaffRole.MANAGER, actor="wang")
    changes: list[Callable[[Session], StaffRow]] = [
        lambda s: edit_staff(s, "wang", "王五", StaffRole.HANDLER, actor="wang"),
        lambda s: set_staff_active(s, "wang", False, actor="wang"),
    ]
    for change in changes:
        with database.session() as session, pytest.raises(SettingsError, match="your own right"):
            change(session)
    with database.session() as session:
        rows = list_staff(session)
        # Still as it was; another manager may make the change.
        assert StaffRow("wang", "王五", StaffRole.ADMIN, True) in rows and len(rows) == 2
        edit_staff(session, "wang", "王五", StaffRole.MANAGER, actor="wang")  # keeps the right
        set_staff_active(session, "wang", False, actor="chen")
        assert not may_change_settings(session, "wang")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("li.wei", "LI.WEI"),
        ("li.wei", "Li.Wei"),
        ("straße", "STRASSE"),  # Unicode case folding: ß folds to ss (lower() keeps ß)
        ("ΣΟΦΙΑ", "σοφια"),  # Greek: final sigma and capitals
    ],
)
def test_a_user_name_differing_only_in_case_is_taken(
    database: Database, first: str, second: str
) -> None:
    """QA16 W6: one login whatever its case; refused naming the member who has it."""
    with database.session() as session:
        add_staff(session, first, "First", StaffRole.ADMIN, actor=first)
        with pytest.raises(SettingsError) as refused:
            add_staff(session, second, "Second", StaffRole.HANDLER, actor=first)
        assert refused.value.field == "staff.username"
        assert refused.value.problem == (
            f"is already taken: the member {first} has this user name (user names are the "
            "same whatever their case)"
        )
        assert [row.username for row in list_staff(session)] == [first]


def test_members_differing_in_case_from_before_the_rule_stay_editable(
    database: Database,
) -> None:
    """A database may hold such members already (no migration merges them): each is still
    edited and deactivated by its exact name."""
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        session.add(StaffMember(username="li.wei", display_name="A", role=StaffRole.HANDLER))
        session.add(StaffMember(username="LI.WEI", display_name="B", role=StaffRole.HANDLER))
        session.flush()
        edit_staff(session, "LI.WEI", "B renamed", StaffRole.REVIEWER, actor="wang")
        set_staff_active(session, "li.wei", False, actor="wang")
        assert list_staff(session) == [
            StaffRow("LI.WEI", "B renamed", StaffRole.REVIEWER, True),
            StaffRow("wang", "王五", StaffRole.ADMIN, True),
            StaffRow("li.wei", "A", StaffRole.HANDLER, False),
        ]
