"""Revision 0008: a database of revision 0007 gets the words of every stored name — the same
words as the model writes (the revision keeps its own copy of the rule)."""

from pathlib import Path

from alembic import command
from sqlalchemy import text

from app.services.name_words import name_words
from app.store import Database, MemorySecretStore, unlock
from app.store.migrations_runner import current_revision, head_revision, run_alembic

NAMES = [
    "Anna Smith",
    "Smith, Anna",
    "Jean-Luc Picard",
    "欧阳娜娜",
    "山田 太郎",
    "Élodie",
    "Straße",
    "محمد علي",
    "100%_Off\\Ltd O'Hara",
    "x" * 5000,
    "",
    None,
    "김민준",
    "佐々木 さくら",
    "😀 Anna\ufe0f 👍🏽",
    "Δημήτρης Παπαδόπουλος",
    "张三（Zhang San）",
]


def _stored_words(database: Database) -> dict[int, set[str]]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT subject_id, word FROM subject_name_word"))
        words: dict[int, set[str]] = {}
        for subject_id, word in rows:
            words.setdefault(subject_id, set()).add(word)
    return words


def test_an_0007_database_gets_the_words_of_its_names(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0007"))
    with database.engine.begin() as connection:
        assert "subject_name_word" not in {
            row[0] for row in connection.execute(text("SELECT name FROM sqlite_master"))
        }
        for number, name in enumerate(NAMES, start=1):
            connection.execute(
                text(
                    "INSERT INTO data_subject (id, display_name, is_minor, is_deceased, "
                    "created_at) VALUES (:id, :name, 0, 0, '2026-01-01 00:00:00')"
                ),
                {"id": number, "name": name},
            )
    database.close()
    reopened = unlock(database_path, secrets=secrets, passphrase=None)
    try:
        assert current_revision(reopened.engine) == head_revision()
        expected = {
            number: set(name_words(name))
            for number, name in enumerate(NAMES, start=1)
            if name_words(name)
        }
        assert expected[4] == {"欧阳娜娜", "阳娜娜", "娜娜", "娜"}
        assert expected[10] == {"x" * 64}
        assert _stored_words(reopened) == expected
    finally:
        reopened.close()


def test_the_revision_goes_back_to_0007_and_up_again(database: Database) -> None:
    with database.session() as session:
        session.execute(text("INSERT INTO data_subject (id, display_name, is_minor, "
                             "is_deceased, created_at) VALUES (1, 'Anna Smith', 0, 0, "
                             "'2026-01-01 00:00:00')"))  # fmt: skip
    run_alembic(database.engine, lambda config: command.downgrade(config, "0007"))
    run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
    assert _stored_words(database) == {1: {"anna", "smith"}}
