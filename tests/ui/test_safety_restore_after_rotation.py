"""The "Backup and keys" page restores a backup made before a key rotation (real SQLCipher)."""

from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Case
from app.store import Database, MemorySecretStore, RawKey, unlock
from app.store.keys import key_fingerprint, retired_secret_name
from app.store.recovery import grouped_hex
from app.ui.safety_page import SafetyPage
from app.ui.safety_settings import SafetySettings
from tests.services.retention_factory import case_with_personal_data, subject


def _page(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, tmp_path: Path, saves: list[Path]
) -> SafetyPage:
    settings = SafetySettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    backup = tmp_path / "week1.pdbackup"
    page = SafetyPage(
        database,
        secrets,
        settings,
        choose_save=lambda _parent, _title, _name: saves.pop(0),
        choose_open=lambda _parent, _title, _folder: backup,
        choose_folder=lambda _parent, _title, _folder: None,
    )
    qtbot.addWidget(page)
    return page


def _backed_up_and_rotated(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, tmp_path: Path, saves: list[Path]
) -> tuple[SafetyPage, RawKey, Database]:
    with database.session() as s:
        case_with_personal_data(s, subject(s, "张三", "zs@example.com"), closed_at=None)
    first = database.key
    assert isinstance(first, RawKey)
    page = _page(qtbot, database, secrets, tmp_path, [tmp_path / "week1.pdbackup", *saves])
    with qtbot.waitSignal(page.backup_finished, timeout=30_000):
        page.backup_button.click()
    with qtbot.waitSignal(page.database_reopened, timeout=30_000) as reopened:
        page.rotate()
    return page, first, reopened.args[0]


def test_a_backup_from_before_the_rotation_restores_into_a_new_file(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    restored = tmp_path / "restored.db"
    page, _first, current = _backed_up_and_rotated(qtbot, database, secrets, tmp_path, [restored])
    try:
        with qtbot.waitSignal(page.restore_finished, timeout=30_000):
            page.restore_button.click()
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)  # the task's own finished signal
        current.close()
    copy = unlock(restored, secrets=secrets, passphrase=None)
    try:
        with copy.session() as session:
            assert session.scalar(select(func.count(Case.id))) == 1
    finally:
        copy.close()


def test_a_lost_retired_key_is_named_and_the_sheet_typed_in_the_field_opens_it(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    restored = tmp_path / "restored.db"
    page, first, current = _backed_up_and_rotated(
        qtbot, database, secrets, tmp_path, [restored, restored]
    )
    secrets.set(retired_secret_name(key_fingerprint(first)), "")
    try:
        assert isinstance(current.key, RawKey)
        with qtbot.waitSignal(page.task_failed, timeout=30_000) as failed:
            page.restore_button.click()
        assert failed.args[0] == (
            f"This backup was made with key {key_fingerprint(first)}, which the keyring no "
            f"longer holds (the current key is {key_fingerprint(current.key)}): enter that "
            "key's recovery sheet."
        )
        assert not restored.exists()
        page.backup_passphrase.setText(" ".join(grouped_hex(first)))
        with qtbot.waitSignal(page.restore_finished, timeout=30_000):
            page.restore_button.click()
    finally:
        QThreadPool.globalInstance().waitForDone(30_000)  # the task's own finished signal
        current.close()
    assert restored.exists()
