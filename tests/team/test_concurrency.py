"""Two people editing the same case: the later save is refused with a clear conflict and
nothing is overwritten; many clients writing at once keep one unbroken audit chain."""

import threading

import pytest
from sqlalchemy import func, select

from app.errors import ConcurrentEditError
from app.models import Case, Event
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.audit import record_event, verify_chain
from app.store import Database
from tests.team.conftest import TeamServer
from tests.team.factories import RECEIVED, new_case

REFERENCE = "PD-2026-000007"


@pytest.fixture
def case_id(team_server: TeamServer) -> int:
    database = team_server.open("li_handler")
    with database.session() as session:
        case_id = new_case(session, REFERENCE).id
    database.close()
    return case_id


def test_the_second_save_of_the_same_case_is_refused_and_nothing_is_overwritten(
    team_server: TeamServer, case_id: int
) -> None:
    first, second = team_server.open("li_handler"), team_server.open("wang_reviewer")
    try:
        with first.session() as mine:
            loaded_by_first = mine.get_one(Case, case_id)
        with second.session() as theirs:
            loaded_by_second = theirs.get_one(Case, case_id)
        assert loaded_by_first.version == loaded_by_second.version == 1
        with first.session() as mine:
            case = mine.merge(loaded_by_first, load=False)
            case.assignee = "li_handler"
            case.priority = 2
        with pytest.raises(ConcurrentEditError) as conflict, second.session() as theirs:
            case = theirs.merge(loaded_by_second, load=False)
            case.assignee = "wang_reviewer"
            case.language = "en"
            record_event(theirs, "case.edited", case=case)
        error = conflict.value
        assert (error.entity, error.label, error.deleted) == ("case", REFERENCE, False)
        assert error.changes == {"assignee": "li_handler", "priority": 2}
        # Field names only in the message: values may be personal data.
        assert str(error) == (
            f"Someone else changed case {REFERENCE} since you opened it (fields: assignee, "
            "priority); your changes were not saved. Reload it and make them again."
        )
        with first.session() as check:
            saved = check.get_one(Case, case_id)
            assert (saved.assignee, saved.priority, saved.language, saved.version) == (
                "li_handler",
                2,
                None,
                2,
            )
            assert check.scalar(select(func.count(Event.id))) == 1  # the refused edit's event too
    finally:
        first.close()
        second.close()


def test_a_save_over_a_case_someone_deleted_says_so(team_server: TeamServer) -> None:
    database = team_server.open("sun_admin")
    try:
        with database.session() as session:
            case = Case(
                reference="PD-2026-000099",
                kind=CaseKind.ACCESS,
                status=CaseStatus.NEW,
                jurisdiction="CN",
                channel=Channel.EMAIL,
                received_at=RECEIVED,
                received_at_source=ReceivedAtSource.DATE_HEADER,
            )
            session.add(case)
        with database.session() as session:
            session.delete(session.get_one(Case, case.id))
        deleted = pytest.raises(ConcurrentEditError, match="deleted case #")
        with deleted as conflict, database.session() as session:
            stale = session.merge(case, load=False)
            stale.priority = 3
        assert conflict.value.deleted
    finally:
        database.close()


def _append_events(
    database: Database, case_id: int, count: int, failures: list[BaseException]
) -> None:
    try:
        for number in range(count):
            with database.session() as session:
                case = session.get_one(Case, case_id)
                record_event(session, "case.viewed", case=case, payload={"n": number})
    except BaseException as error:  # reported to the main thread
        failures.append(error)


def test_the_audit_chain_verifies_after_many_clients_write_at_once(
    team_server: TeamServer, case_id: int
) -> None:
    logins = ["li_handler", "hr_handler", "wang_reviewer", "zhao_manager", "qian_auditor"]
    clients = [team_server.open(login) for login in logins]
    failures: list[BaseException] = []
    threads = [
        threading.Thread(target=_append_events, args=(client, case_id, 20, failures))
        for client in clients
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    assert failures == []
    auditor = team_server.open("qian_auditor")
    try:
        with auditor.session() as session:
            check = verify_chain(session)
            assert (check.ok, check.checked) == (True, 1 + 5 * 20)
            per_login = dict(
                session.execute(select(Event.actor, func.count()).group_by(Event.actor)).all()
            )
            assert per_login == {**{login: 20 for login in logins}, "li_handler": 21}
    finally:
        auditor.close()
