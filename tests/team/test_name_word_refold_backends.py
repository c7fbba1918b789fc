"""Revision 0010 on PostgreSQL: going down gives the names revision 0008's words, going up
again the words the model writes (the revision runs on the DB-API cursor: its parameter
marks must suit psycopg as well as SQLite)."""

from alembic import command
from sqlalchemy import select

from app.models import DataSubject, SubjectNameWord
from app.services.name_words import name_words
from app.store.migrations_runner import run_alembic
from app.store.postgres import TeamDatabase
from tests.team.conftest import TeamServer

NAMES = ["Łódź Nowak", "Anna Smith", "司马 懿", "王芳", "O’Brien", "Jörg Müller", None]


def _stored_words(database: TeamDatabase) -> dict[int, set[str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(select(SubjectNameWord.word, SubjectNameWord.subject_id))
        words: dict[int, set[str]] = {}
        for word, subject in rows:
            words.setdefault(subject, set()).add(word)
        return words


def test_the_words_are_rewritten_down_and_up_on_postgresql(team_server: TeamServer) -> None:
    database = team_server.open()
    try:
        with database.session() as session:
            subjects = [DataSubject(display_name=name) for name in NAMES]
            session.add_all(subjects)
            session.flush()
            ids = {subject.display_name: subject.id for subject in subjects}
        run_alembic(database.engine, lambda config: command.downgrade(config, "0009"))
        down = _stored_words(database)
        run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
        up = _stored_words(database)
    finally:
        database.close()
    assert down[ids["Łódź Nowak"]] == {"łódź", "nowak"}
    assert down[ids["司马 懿"]] == {"司马", "马", "懿"}
    assert down[ids["O’Brien"]] == {"o", "brien", "o’brien", "obrien"}
    assert down[ids["Anna Smith"]] == {"anna", "smith"}
    assert up == {ids[n]: set(name_words(n)) for n in NAMES if n is not None}
    assert up[ids["Łódź Nowak"]] == {"lodz", "nowak"}
    assert up[ids["司马 懿"]] == {"司马", "马", "懿", "司马懿", "马懿"}
    assert up[ids["O’Brien"]] == {"o", "brien", "o'brien", "obrien"}
