"""Revision 0014 on PostgreSQL: going down writes revision 0013's folded forms of the account
IDs again (with their separators), going up refolds them without, in batches on the DB-API
cursor (psycopg's parameter marks); e-mail addresses and phone numbers are left alone."""

from sqlalchemy import select

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.store.postgres import TeamDatabase
from tests.team.conftest import TeamServer
from tests.team.name_word_revisions import down_and_up

# (kind, value, folded form at 0013, folded form at 0014)
IDENTIFIERS = [
    (IdentifierKind.ACCOUNT_ID, "xuyun-88231", "xuyun-88231", "xuyun88231"),
    (IdentifierKind.ACCOUNT_ID, "ＸＵＹＵＮ　８８２３２", "xuyun 88232", "xuyun88232"),
    (IdentifierKind.ACCOUNT_ID, "u_12345", "u_12345", "u12345"),
    (IdentifierKind.ACCOUNT_ID, "1000000000007919", "1000000000007919", "1000000000007919"),
    (IdentifierKind.EMAIL, "li.na@example.com", "li.na@example.com", "li.na@example.com"),
    (IdentifierKind.PHONE, "+819012345678", "9012345678", "9012345678"),
]


def _folded_forms(database: TeamDatabase) -> dict[str, str]:
    with database.engine.connect() as connection:
        rows = connection.execute(select(SubjectIdentifier.value, SubjectIdentifier.folded))
        return {value: folded for value, folded in rows}


def test_the_account_ids_are_refolded_down_and_up(team_server: TeamServer) -> None:
    subject = DataSubject(display_name="x")
    subject.identifiers = [SubjectIdentifier(kind=k, value=v) for k, v, _, _ in IDENTIFIERS]
    down, up = down_and_up(team_server, [subject], "0013", _folded_forms)
    assert down == {value: folded for _, value, folded, _ in IDENTIFIERS}
    assert up == {value: folded for _, value, _, folded in IDENTIFIERS}
