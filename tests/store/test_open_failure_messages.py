"""What the user reads when a file does not open (real SQLCipher): random bytes in whole pages
cannot be told from a wrong key, so the message names both; a damaged file's message names
its whole folder and the command that restores it (the window never opens on it)."""

import hashlib
import os
from pathlib import Path

import pytest

from app.errors import DamagedDatabaseError, WrongKeyError
from app.store import Database, MemorySecretStore, unlock

WRONG_KEY_MESSAGE = (
    "The key or passphrase does not open this case database: the passphrase or key is wrong, "
    "or the file is not this database (damaged or replaced). If the passphrase is right, "
    "restore the file from a backup."
)


def test_random_pages_in_place_of_the_database_read_as_a_wrong_key_or_a_replaced_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "privacy-desk.db"
    path.write_bytes(os.urandom(4096 * 25))  # whole pages: no sign of truncation
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WrongKeyError) as raised:
        unlock(path, secrets=MemorySecretStore(), passphrase="correct horse 电池")
    assert str(raised.value) == WRONG_KEY_MESSAGE
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_damaged_file_names_its_folder_the_app_s_copies_and_the_restore_command(
    tmp_path: Path, secrets: MemorySecretStore
) -> None:
    folder = tmp_path / "Privacy Desk data"  # a space: the command quotes the path
    path = folder / "privacy-desk.db"
    Database.close(unlock(path, secrets=secrets, passphrase=None, create=True))
    content = path.read_bytes()
    path.write_bytes(content[: len(content) - 100])  # no longer whole pages
    # The app's copies (the file before a migration or a restore) are kept in "backups" beside
    # it; the message names that folder only where it exists (tests/test_cli_damaged_file.py).
    (folder / "backups").mkdir()
    with pytest.raises(DamagedDatabaseError) as raised:
        unlock(path, secrets=secrets, passphrase=None)
    assert str(raised.value) == (
        f"'privacy-desk.db' in '{folder}' is truncated or damaged and cannot be opened as it "
        "is. Restore it from a backup (yours, an automatic one, or a copy the app kept in "
        f"'{folder}/backups'): python -m app --database '{folder}/privacy-desk.db' restore "
        "BACKUP-FILE; the damaged file is kept aside."
    )
