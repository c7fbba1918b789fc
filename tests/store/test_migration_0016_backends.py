"""Revision 0016 on PostgreSQL: the addresses are found by a regular expression of the
revision's characters (not by the Python rule SQLite calls), cleaned, refolded or deleted as
on SQLite, and the cases' JSON flags written through psycopg's parameter marks.

The team fixtures are imported from tests/team/conftest.py (this file belongs with the
store's revision tests); pytest then starts one more throwaway cluster for this module."""

from alembic import command
from sqlalchemy import text

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.store.migrations_runner import current_revision, head_revision, run_alembic
from tests.store.helpers import revision_module
from tests.store.test_migration_0016 import (
    FLAGS_AFTER,
    IDENTIFIERS_AFTER,
    add_subjects,
    identifiers_and_flags,
)
from tests.team.conftest import TeamServer, pg_cluster, pg_template, team_server

__all__ = ["pg_cluster", "pg_template", "team_server"]  # the fixtures this module uses


def test_a_0015_team_database_gets_clean_addresses_and_flagged_cases(
    team_server: TeamServer,
) -> None:
    database = team_server.open()
    try:
        with database.session() as session:
            add_subjects(session)
        run_alembic(database.engine, lambda config: command.downgrade(config, "0015"))
        run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
        assert current_revision(database.engine) == head_revision()
        with database.session() as session:
            assert identifiers_and_flags(session) == (IDENTIFIERS_AFTER, FLAGS_AFTER)
        with database.engine.begin() as connection:
            cleaning = revision_module("0016").clean_addresses(connection)
        assert (cleaning.values, cleaning.refolded, cleaning.deleted) == ({}, {}, [])
    finally:
        database.close()


def test_the_regular_expression_finds_exactly_the_rule_s_characters(
    team_server: TeamServer,
) -> None:
    revision = revision_module("0016")
    edges = {point for low, high in revision.INVISIBLE_RANGES for point in (low, high)}
    around = {point + step for point in edges for step in (-1, 1)}
    points = sorted(p for p in edges | around if 0 < p < 0x110000 and not 0xD800 <= p < 0xE000)
    values = [f"a{chr(point)}b@example.com" for point in points]
    subject = DataSubject(display_name="x")
    subject.identifiers = [SubjectIdentifier(kind=IdentifierKind.EMAIL, value=v) for v in values]
    database = team_server.open()
    try:
        with database.session() as session:
            session.add(subject)
        with database.engine.connect() as connection:
            found = connection.execute(
                text("SELECT value FROM subject_identifier WHERE value ~ :pattern"),
                {"pattern": revision.POSTGRES_CLASS},
            )
            matched = {value for (value,) in found}
    finally:
        database.close()
    assert matched == {v for v in values if revision.without_invisibles(v) != v}
    assert {f"a{chr(point)}b@example.com" for point in edges if point > 0} <= matched
