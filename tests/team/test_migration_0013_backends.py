"""Revision 0013 on PostgreSQL: going down drops the folded column, going up again fills it
in batches on the DB-API cursor (psycopg's parameter marks) with the forms the model writes
(account IDs then without separators: revision 0014, tests/team/test_migration_0014_backends.py)."""

from sqlalchemy import select, text

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.store.postgres import TeamDatabase
from tests.team.conftest import TeamServer
from tests.team.name_word_revisions import down_and_up

# (kind, value, folded form)
IDENTIFIERS = [
    (IdentifierKind.ACCOUNT_ID, "ＡＢＣ_User", "abcuser"),
    (IdentifierKind.ACCOUNT_ID, "Li_Si_2020", "lisi2020"),
    (IdentifierKind.EMAIL, "Zhang.Wei@example.com", "zhang.wei@example.com"),
    (IdentifierKind.PHONE, "+819012345678", "9012345678"),
    (IdentifierKind.PHONE, "01012345678", "1012345678"),
]


def _folded_forms(database: TeamDatabase) -> dict[str, str] | set[str]:
    """The folded form by value at head; the table's columns where it has none."""
    with database.engine.connect() as connection:
        columns = connection.execute(
            text(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'subject_identifier'"
            )
        )
        names = {name for (name,) in columns}
        if "folded" not in names:
            return names
        rows = connection.execute(select(SubjectIdentifier.value, SubjectIdentifier.folded))
        return {value: folded for value, folded in rows}


def test_the_folded_forms_are_dropped_and_filled_again(team_server: TeamServer) -> None:
    subject = DataSubject(display_name="x")
    subject.identifiers = [SubjectIdentifier(kind=k, value=v) for k, v, _ in IDENTIFIERS]
    down, up = down_and_up(team_server, [subject], "0012", _folded_forms)
    assert isinstance(down, set) and "folded" not in down and "value" in down
    assert up == {value: folded for _, value, folded in IDENTIFIERS}
