"""A database a newer version of the app upgraded (its schema revision unknown here) is refused
with a message naming both revisions, before anything is written or copied (QA11 D4)."""

import hashlib
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.errors import NewerSchemaError
from app.store import Database, unlock
from app.store.first_look import first_look
from app.store.migrations_runner import alembic_config, head_revision, refuse_unknown_revision
from app.store.secrets import MemorySecretStore


def _stamped(database: Database, revision: str) -> str:
    """Record ``revision`` as the schema's, close, and return the file's SHA-256."""
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    database.close()
    return hashlib.sha256(database.path.read_bytes()).hexdigest()


def test_an_unknown_revision_is_refused_and_the_file_left_as_it_was(
    database: Database, database_path: Path, secrets: MemorySecretStore
) -> None:
    digest = _stamped(database, "0099")
    # The quick open at start leaves it to the full open, which says what is wrong.
    assert first_look(database_path, secrets, None) is None
    for _ in range(2):  # the instance lock is let go: the second try gets the same answer
        with pytest.raises(NewerSchemaError) as refused:
            unlock(database_path, secrets=secrets, passphrase=None)
        assert str(refused.value) == (
            "This database was written by a newer version of Privacy Desk (schema 0099; "
            f"this version knows up to {head_revision()}): update the app to open it."
        )
    assert hashlib.sha256(database_path.read_bytes()).hexdigest() == digest
    assert not (database_path.parent / "backups").exists()


def test_every_revision_this_version_ships_and_a_new_database_pass() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [known.revision for known in script.walk_revisions()]
    assert "0001" in revisions and head_revision() in revisions
    for revision in [*revisions, None]:
        refuse_unknown_revision(revision)
