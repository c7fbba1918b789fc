"""Revision 0015: two indexes over every case, (received_at, id, subject_id) and (urgency, id,
subject_id), so that a search walks all cases by either order testing each case's requester
from the index alone (app.services.case_search); going down drops them, the data untouched."""

from alembic import command
from sqlalchemy import text

from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.services.case_search_requesters import named_case

INDEXES = {
    "ix_case_received_subject": ["received_at", "id", "subject_id"],
    # An expression's column is reported without a name (None).
    "ix_case_urgency_subject": [None, "id", "subject_id"],
}


def _indexes(database: Database) -> dict[str, list[str | None]]:
    with database.engine.connect() as connection:
        names = [
            name
            for (name,) in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case'")
            )
        ]
        return {
            name: [row[2] for row in connection.execute(text(f"PRAGMA index_info('{name}')"))]
            for name in names
            if name in INDEXES
        }


def _cases(database: Database) -> list[tuple[str, int]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text('SELECT reference, subject_id FROM "case" ORDER BY id'))
        return [(reference, subject) for reference, subject in rows]


def test_the_indexes_come_with_0015_and_go_with_it(database: Database) -> None:
    with database.session() as session:
        session.add_all(named_case(n, f"Requester {n}") for n in range(1, 4))
    before = _cases(database)
    assert _indexes(database) == INDEXES
    run_alembic(database.engine, lambda config: command.downgrade(config, "0014"))
    assert current_revision(database.engine) == "0014"
    assert _indexes(database) == {}
    run_alembic(database.engine, lambda config: command.upgrade(config, "0015"))
    assert current_revision(database.engine) == "0015"
    assert _indexes(database) == INDEXES
    assert _cases(database) == before
