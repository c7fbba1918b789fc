"""Run the name-word revisions down and up on the team's PostgreSQL server (the revisions run
on the DB-API cursor: their parameter marks must suit psycopg as well as SQLite)."""

from alembic import command
from sqlalchemy import select

from app.models import DataSubject, SubjectNameWord
from app.store.migrations_runner import run_alembic
from app.store.postgres import TeamDatabase
from tests.team.conftest import TeamServer

Words = dict[int, set[str]]


def stored_words(database: TeamDatabase) -> Words:
    """Each data subject's stored name words, by subject id."""
    with database.engine.connect() as connection:
        rows = connection.execute(select(SubjectNameWord.word, SubjectNameWord.subject_id))
        words: Words = {}
        for word, subject in rows:
            words.setdefault(subject, set()).add(word)
        return words


def words_down_and_up(
    team_server: TeamServer, names: list[str | None], revision: str
) -> tuple[dict[str | None, int], Words, Words]:
    """Add a data subject per name, go down to ``revision`` and up to head again.

    Returns:
        The subjects' ids by name, the words at ``revision`` and the words at head.
    """
    database = team_server.open()
    try:
        with database.session() as session:
            subjects = [DataSubject(display_name=name) for name in names]
            session.add_all(subjects)
            session.flush()
            ids = {subject.display_name: subject.id for subject in subjects}
        run_alembic(database.engine, lambda config: command.downgrade(config, revision))
        down = stored_words(database)
        run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
        return ids, down, stored_words(database)
    finally:
        database.close()
