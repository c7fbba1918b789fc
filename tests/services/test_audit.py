"""The hash-chained audit trail detects edits and deletions of earlier events."""

from datetime import UTC, datetime

from sqlalchemy import text

from app.models import GENESIS_HASH, Case
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.audit import record_event, verify_chain
from app.services.references import next_reference
from app.store import Database


def _case(reference: str) -> Case:
    return Case(
        reference=reference,
        kind=CaseKind.ACCESS,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 3, 2, 1, 30, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
    )


def test_events_chain_from_the_genesis_hash_and_verify(database: Database) -> None:
    with database.session() as session:
        case = _case("PD-2026-000001")
        session.add(case)
        first = record_event(session, "case.created", case=case)
        second = record_event(session, "case.viewed", case=case, actor="li.handler")
        assert first.prev_hash == GENESIS_HASH
        assert second.prev_hash == first.hash
    with database.session() as session:
        assert verify_chain(session).ok
        assert verify_chain(session).checked == 2


def test_editing_or_deleting_an_earlier_event_breaks_the_chain(database: Database) -> None:
    with database.session() as session:
        case = _case("PD-2026-000001")
        session.add(case)
        for action in ("case.created", "case.viewed", "letter.generated"):
            record_event(session, action, case=case)
    with database.session() as session:
        session.execute(text("UPDATE event SET actor = 'mallory' WHERE id = 2"))
    with database.session() as session:
        check = verify_chain(session)
        assert (check.ok, check.first_bad_event_id) == (False, 2)
        session.execute(text("UPDATE event SET actor = 'system' WHERE id = 2"))
        assert verify_chain(session).ok
        session.execute(text("DELETE FROM event WHERE id = 1"))
        assert verify_chain(session).first_bad_event_id == 2


def test_references_count_per_year_and_survive_the_millionth_case(database: Database) -> None:
    with database.session() as session:
        assert next_reference(session, 2026) == "PD-2026-000001"
        session.add(_case("PD-2026-000041"))
        session.add(_case("PD-2025-000900"))
        session.flush()
        assert next_reference(session, 2026) == "PD-2026-000042"
        assert next_reference(session, 2025) == "PD-2025-000901"
        session.add(_case("PD-2026-999999"))
        session.flush()
        assert next_reference(session, 2026) == "PD-2026-1000000"
        session.add(_case("PD-2026-1000000"))
        session.flush()
        assert next_reference(session, 2026) == "PD-2026-1000001"
