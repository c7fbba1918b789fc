"""People are database roles: grants per app role, an append-only audit trail, restricted cases
hidden by row-level security even from hand-written SQL, and the login recorded as the actor."""

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import select

from app.models import Case, Event
from app.services.audit import verify_chain
from app.services.references import next_reference
from tests.team.conftest import TeamServer
from tests.team.factories import new_case


@pytest.fixture
def two_cases(team_server: TeamServer) -> tuple[int, int]:
    """An ordinary case entered by a handler and a restricted one by a cleared handler."""
    for login, reference, restricted in (
        ("li_handler", "PD-2026-000001", False),
        ("hr_handler", "PD-2026-000002", True),
    ):
        database = team_server.open(login)
        with database.session() as session:
            new_case(session, reference, restricted=restricted)
        database.close()
    with team_server.connect() as owner:
        rows = owner.execute('SELECT id FROM "case" ORDER BY id').fetchall()
    return int(rows[0][0]), int(rows[1][0])  # type: ignore[call-overload]


def _count(connection: psycopg.Connection[tuple[object, ...]], query: str) -> object:
    row = connection.execute(query).fetchone()
    assert row is not None
    return row[0]


def test_a_handler_cannot_read_a_restricted_case_by_direct_sql(
    team_server: TeamServer, two_cases: tuple[int, int]
) -> None:
    _, restricted = two_cases
    with team_server.connect("li_handler") as handler:
        assert handler.execute('SELECT reference FROM "case"').fetchall() == [("PD-2026-000001",)]
        assert _count(handler, f'SELECT count(*) FROM "case" WHERE id = {restricted}') == 0
        assert _count(handler, f"SELECT count(*) FROM attachment WHERE case_id = {restricted}") == 0
        assert _count(handler, f"SELECT count(*) FROM event WHERE case_id = {restricted}") == 0
        # The employee's identity is hidden too: one subject, one e-mail address visible.
        assert _count(handler, "SELECT count(*) FROM data_subject") == 1
        assert handler.execute("SELECT value FROM subject_identifier").fetchall() == [
            ("pd-2026-000001@example.com",)
        ]
        changed = handler.execute(f"UPDATE \"case\" SET assignee = 'x' WHERE id = {restricted}")
        assert changed.rowcount == 0
    for cleared in ("hr_handler", "zhao_manager", "qian_auditor", "sun_admin"):
        with team_server.connect(cleared) as connection:
            assert _count(connection, 'SELECT count(*) FROM "case"') == 2
            assert _count(connection, "SELECT count(*) FROM attachment") == 2
            assert _count(connection, "SELECT count(*) FROM subject_identifier") == 2


def test_a_handler_cannot_mark_a_case_restricted_and_so_lose_sight_of_it(
    team_server: TeamServer, two_cases: tuple[int, int]
) -> None:
    ordinary, _ = two_cases
    with team_server.connect("li_handler") as handler, pytest.raises(errors.InsufficientPrivilege):
        handler.execute(f'UPDATE "case" SET restricted = true WHERE id = {ordinary}')


def test_the_auditor_reads_everything_and_changes_nothing(
    team_server: TeamServer, two_cases: tuple[int, int]
) -> None:
    ordinary, _ = two_cases
    with team_server.connect("qian_auditor") as auditor:
        assert _count(auditor, "SELECT count(*) FROM event") == 2
        for statement in (
            f"UPDATE \"case\" SET assignee = 'qian' WHERE id = {ordinary}",
            f"DELETE FROM attachment WHERE case_id = {ordinary}",
            "INSERT INTO staff_member (username, display_name, role, active) "
            "VALUES ('x', 'x', 'admin', true)",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                auditor.execute(statement)


@pytest.mark.parametrize("login", ["li_handler", "zhao_manager", "sun_admin", "postgres"])
def test_nobody_may_change_or_delete_an_audit_event(
    team_server: TeamServer, two_cases: tuple[int, int], login: str
) -> None:
    # Grants refuse the app roles; a trigger refuses even the owner and superuser.
    with team_server.connect(login) as connection:
        for statement in (
            "UPDATE event SET actor = 'someone else'",
            "DELETE FROM event",
            "TRUNCATE event CASCADE",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                connection.execute(statement)
    with team_server.connect() as owner:
        assert _count(owner, "SELECT count(*) FROM event") == 2


def test_only_an_admin_manages_staff_and_grants_app_roles(team_server: TeamServer) -> None:
    insert = (
        "INSERT INTO staff_member (username, display_name, role, active) "
        "VALUES ('zhou_handler', 'Zhou', 'handler', true)"
    )
    with team_server.connect("zhao_manager") as manager:
        with pytest.raises(errors.InsufficientPrivilege):
            manager.execute(insert)
        with pytest.raises(errors.InsufficientPrivilege):
            manager.execute("GRANT privacy_desk_handler TO zhao_manager")
    with team_server.connect("sun_admin") as admin:
        admin.execute(insert)
        admin.execute("GRANT privacy_desk_restricted TO li_handler")
        admin.execute("REVOKE privacy_desk_restricted FROM li_handler")


def test_the_audit_trail_records_the_login_and_the_auditor_verifies_it(
    team_server: TeamServer, two_cases: tuple[int, int]
) -> None:
    database = team_server.open("qian_auditor")
    try:
        with database.session() as session:
            actors = session.scalars(select(Event.actor).order_by(Event.id)).all()
            assert actors == ["li_handler", "hr_handler"]
            assert verify_chain(session).ok
    finally:
        database.close()


def test_a_handler_draws_the_next_reference_past_a_restricted_case_it_cannot_see(
    team_server: TeamServer,
) -> None:
    cleared = team_server.open("hr_handler")
    with cleared.session() as session:
        new_case(session, next_reference(session, 2026), restricted=True)
    cleared.close()
    handler = team_server.open("li_handler")
    try:
        with handler.session() as session:
            assert session.scalars(select(Case.reference)).all() == []
            assert next_reference(session, 2026) == "PD-2026-000002"
    finally:
        handler.close()
