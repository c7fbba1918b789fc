"""Lists refresh when another client changes something: LISTEN/NOTIFY through ChangeListener."""

from app.models import Case
from app.store.changes import Change, ChangeListener
from tests.team.conftest import TeamServer
from tests.team.factories import new_case


def test_a_listener_hears_other_clients_commits_and_not_their_uncommitted_work(
    team_server: TeamServer,
) -> None:
    writer = team_server.open("li_handler")
    listener = ChangeListener(team_server.url("zhao_manager"), team_server.password("zhao_manager"))
    try:
        assert listener.poll() == []
        with writer.session() as session:
            case_id = new_case(session, "PD-2026-000011").id
            session.flush()
            assert listener.poll(0.2) == []  # nothing before the commit
        assert listener.poll(5.0) == [
            Change("case", "insert", case_id),
            Change("event", "insert", case_id),
        ]
        with writer.session() as session:
            session.get_one(Case, case_id).priority = 1
        assert listener.poll(5.0) == [Change("case", "update", case_id)]
        assert listener.poll() == []
    finally:
        listener.close()
        writer.close()


def test_a_restricted_case_is_announced_without_its_id(team_server: TeamServer) -> None:
    writer = team_server.open("hr_handler")
    try:
        with ChangeListener(
            team_server.url("li_handler"), team_server.password("li_handler")
        ) as listener:
            with writer.session() as session:
                new_case(session, "PD-2026-000012", restricted=True)
            assert listener.poll(5.0) == [
                Change("case", "insert", None),
                Change("event", "insert", None),
            ]
    finally:
        writer.close()
