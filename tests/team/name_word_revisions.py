"""Run the revisions that rewrite stored data (name words, folded identifiers) down and up
on the team's PostgreSQL server (the revisions run on the DB-API cursor: their parameter
marks must suit psycopg as well as SQLite)."""

from collections.abc import Callable
from typing import TypeVar

from alembic import command
from sqlalchemy import select

from app.models import DataSubject, SubjectNameWord
from app.store.migrations_runner import run_alembic
from app.store.postgres import TeamDatabase
from tests.team.conftest import TeamServer

Words = dict[int, set[str]]
Read = TypeVar("Read")


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
    subjects = [DataSubject(display_name=name) for name in names]
    down, up = down_and_up(team_server, subjects, revision, stored_words)
    return {subject.display_name: subject.id for subject in subjects}, down, up


def down_and_up(
    team_server: TeamServer,
    subjects: list[DataSubject],
    revision: str,
    read: Callable[[TeamDatabase], Read],
) -> tuple[Read, Read]:
    """Add ``subjects`` (with their identifiers), go down to ``revision`` and up to head
    again; return what ``read`` finds at ``revision`` and at head (the subjects keep their
    ids: the sessions do not expire what they loaded)."""
    database = team_server.open()
    try:
        with database.session() as session:
            session.add_all(subjects)
            session.flush()
        run_alembic(database.engine, lambda config: command.downgrade(config, revision))
        down = read(database)
        run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
        return down, read(database)
    finally:
        database.close()
