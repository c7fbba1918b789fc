"""Revision 0017: ``letter.language`` grows from 8 to 16 characters, so that a bilingual
Traditional Chinese letter ("zh-Hant+en", 10) can be stored (PostgreSQL enforces the length;
tests/team/test_schema.py compares its schema). On SQLite the table is rebuilt: every letter,
its PDF, the unique (case, template, language, version) constraint and the case index stay."""

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.models import Letter
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.services.case_search_requesters import named_case

PDF = b"%PDF-1.4 stored letter \x00\xff"


def _ddl(database: Database) -> str:
    with database.engine.connect() as connection:
        return str(
            connection.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'letter'")
            ).scalar_one()
        )


def _letters(database: Database) -> list[tuple[int, str, str, bytes]]:
    with database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT case_id, template_key, language, pdf FROM letter ORDER BY id")
        )
        return [(case_id, key, language, bytes(pdf)) for case_id, key, language, pdf in rows]


def _letter(case_id: int, language: str) -> Letter:
    return Letter(
        case_id=case_id,
        template_key="acknowledgement",
        template_version="0" * 64,
        language=language,
        pdf=PDF,
        sha256="1" * 64,
        generated_by="tester",
    )


def test_the_language_column_grows_with_0017_and_keeps_every_letter(database: Database) -> None:
    with database.session() as session:
        case = named_case(1, "Chan Tai Man")
        session.add(case)
        session.flush()
        session.add(_letter(case.id, "zh+en"))
    before = _letters(database)
    run_alembic(database.engine, lambda config: command.downgrade(config, "0016"))
    assert current_revision(database.engine) == "0016"
    assert "language VARCHAR(8)" in _ddl(database)
    assert _letters(database) == before
    run_alembic(database.engine, lambda config: command.upgrade(config, "0017"))
    assert current_revision(database.engine) == "0017"
    assert "language VARCHAR(16)" in _ddl(database)
    assert _letters(database) == before
    with database.session() as session:
        session.add(_letter(before[0][0], "zh-Hant+en"))
    assert _letters(database)[-1][2] == "zh-Hant+en"
    # The unique constraint came through the rebuild: the same version twice is refused.
    with pytest.raises(IntegrityError), database.session() as session:
        session.add(_letter(before[0][0], "zh-Hant+en"))
