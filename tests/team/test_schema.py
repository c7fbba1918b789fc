"""The same Alembic revisions build on PostgreSQL exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from app.models import Base  # loads every model: the metadata is complete
from app.store import Database
from app.store.migrations_runner import (
    EXPRESSION_INDEXES,
    comparable,
    current_revision,
    head_revision,
)
from tests.team.conftest import TeamServer


def test_an_empty_postgresql_database_upgraded_to_head_matches_the_models(
    team_server: TeamServer,
) -> None:
    with team_server.connect() as admin:
        admin.execute("CREATE DATABASE pd_empty")
    empty = TeamServer(team_server.port, "pd_empty")
    with empty.connect() as connection:
        assert connection.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone() == (0,)
    database = empty.open()
    try:
        assert current_revision(database.engine) == head_revision()
        with database.engine.connect() as connection:
            opts = {"compare_type": True, "include_object": comparable}
            context = MigrationContext.configure(connection, opts=opts)
            assert compare_metadata(context, Base.metadata) == []
            names = {
                i["name"]
                for t in ("case", "data_subject")
                for i in inspect(connection).get_indexes(t)
            }
            assert names >= EXPRESSION_INDEXES
            assert set(inspect(connection).get_table_names()) == {
                *Base.metadata.tables,
                "alembic_version",
            }
    finally:
        database.close()


def test_sqlite_gets_the_restricted_flag_from_the_same_revision(database: Database) -> None:
    with database.engine.connect() as connection:
        columns = {c["name"]: c for c in inspect(connection).get_columns("case")}
        assert columns["restricted"]["nullable"] is False
        assert connection.execute(text('SELECT count(*) FROM "case"')).scalar() == 0
