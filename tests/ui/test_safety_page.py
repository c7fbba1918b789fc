"""The "Backup and keys" page on a real SQLCipher database: a backup written in the background
and checked, a restore into a new file, a key rotation, and settings kept in QSettings."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.errors import WrongKeyError
from app.models import Case
from app.store import Database, MemorySecretStore, unlock
from app.store.backup import BackupReport, RestoreReport
from app.store.connection import connect
from app.store.copying import verify_copy
from app.store.schedule import BackupSchedule
from app.ui.safety_page import SafetyPage
from app.ui.safety_settings import SafetySettings
from tests.services.retention_factory import case_with_personal_data, subject


@pytest.fixture
def settings(tmp_path: Path) -> SafetySettings:
    return SafetySettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def filled(database: Database) -> Database:
    with database.session() as s:
        case_with_personal_data(s, subject(s, "张三", "zs@example.com"), closed_at=None)
    return database


def _page(
    qtbot: QtBot,
    database: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    saves: list[Path],
    opens: list[Path] | None = None,
    asked: list[str] | None = None,
) -> SafetyPage:
    """The page with file dialogs answering ``saves`` and ``opens`` in turn; each dialog's
    start (a save's path, an open's folder) is appended to ``asked``."""

    def choose_save(_parent: QWidget, _title: str, start: str) -> Path | None:
        (asked if asked is not None else []).append(start)
        return saves.pop(0)

    def choose_open(_parent: QWidget, _title: str, folder: str) -> Path | None:
        (asked if asked is not None else []).append(folder)
        return opens.pop(0) if opens else None  # none left: cancelled

    page = SafetyPage(
        database,
        secrets,
        settings,
        choose_save=choose_save,
        choose_open=choose_open,
        choose_folder=lambda _parent, _title, _folder: None,
    )
    qtbot.addWidget(page)
    return page


def test_back_up_in_the_background_then_restore_into_a_new_file(
    qtbot: QtBot,
    filled: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    tmp_path: Path,
) -> None:
    backup, restored = tmp_path / "cases.pdbackup", tmp_path / "restored.db"
    page = _page(qtbot, filled, secrets, settings, [backup, restored], [backup])
    with qtbot.waitSignal(page.backup_finished, timeout=30_000) as done:
        page.backup_button.click()
        assert not page.progress.isHidden() and not page.backup_button.isEnabled()
    report: BackupReport = done.args[0]
    assert report.path == backup and report.tables["case"] == 1
    assert filled.key is not None
    assert verify_copy(backup, filled.key, report.tables) == report.tables
    assert "checked" in page.status.text() and page.progress.isHidden()
    with qtbot.waitSignal(page.restore_finished, timeout=30_000) as done:
        page.restore_button.click()
    assert isinstance(done.args[0], RestoreReport)
    assert "integrity ok" in page.status.text()
    copy = unlock(restored, secrets=secrets, passphrase=None)
    try:
        with copy.session() as session:
            assert session.scalar(select(func.count(Case.id))) == 1
    finally:
        copy.close()


def test_a_backup_never_replaces_a_file(
    qtbot: QtBot,
    filled: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    tmp_path: Path,
) -> None:
    existing = tmp_path / "old.pdbackup"
    existing.write_bytes(b"keep me")
    page = _page(qtbot, filled, secrets, settings, [existing])
    with qtbot.waitSignal(page.task_failed, timeout=30_000) as failed:
        page.backup_button.click()
    assert "never replaces" in failed.args[0]
    assert existing.read_bytes() == b"keep me"


def test_backup_and_restore_dialogs_start_in_documents_then_in_the_last_folder_used(
    qtbot: QtBot,
    filled: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    documents: Path,
    tmp_path: Path,
) -> None:
    # Session 11's closing note: they were given a bare name, so they opened in the
    # process's working folder (tmp_path here, by the documents fixture).
    kept, restored = tmp_path / "备份 盘", tmp_path / "恢复"
    kept.mkdir()
    restored.mkdir()
    backups = [kept / "a.pdbackup", kept / "b.pdbackup"]
    saves = [backups[0], restored / "r1.db", backups[1], restored / "r2.db"]
    asked: list[str] = []
    page = _page(qtbot, filled, secrets, settings, saves, [backups[0], backups[0]], asked)
    for _round in range(2):
        with qtbot.waitSignal(page.backup_finished, timeout=30_000):
            page.backup_button.click()
        with qtbot.waitSignal(page.restore_finished, timeout=30_000):
            page.restore_button.click()
    first_backup, first_open, first_restore, second_backup, second_open, second_restore = asked
    # The backup's own name: the database's stem and the UTC time, e.g.
    # privacy-desk-20261201T003000Z.pdbackup.
    pattern = rf"{re.escape(filled.path.stem)}-\d{{8}}T\d{{6}}Z\.pdbackup"
    assert Path(first_backup).parent == documents
    assert re.fullmatch(pattern, Path(first_backup).name)
    assert first_open == str(kept)  # the backup just written is there
    assert first_restore == str(documents / "restored.db")
    assert Path(second_backup).parent == kept
    assert re.fullmatch(pattern, Path(second_backup).name)
    assert second_open == str(kept)
    assert second_restore == str(restored / "restored.db")


def test_a_failed_backup_keeps_no_folder(
    qtbot: QtBot,
    filled: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    documents: Path,
    tmp_path: Path,
) -> None:
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    (elsewhere / "old.pdbackup").write_bytes(b"keep me")
    asked: list[str] = []
    page = _page(qtbot, filled, secrets, settings, [elsewhere / "old.pdbackup"], [], asked)
    with qtbot.waitSignal(page.task_failed, timeout=30_000):
        page.backup_button.click()
    assert QSettings().value("save_folders/backups") is None
    page.restore_button.click()  # and the open dialog, cancelled, still starts in Documents
    assert asked[1] == str(documents)


def test_the_save_dialogs_offer_the_type_of_file_they_save(
    qtbot: QtBot,
    database: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    documents: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The backup and restore dialogs offered "PDF (*.pdf)": the folder's backups were hidden.
    asked: list[tuple[str, str]] = []

    def cancelled(_parent: QWidget, _title: str, start: str, kind: str) -> tuple[str, str]:
        asked.append((Path(start).suffix, kind))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancelled)
    backup = tmp_path / "old.pdbackup"
    page = SafetyPage(
        database,
        secrets,
        settings,
        choose_open=lambda _parent, _title, _folder: backup,
        choose_folder=lambda _parent, _title, _folder: None,
    )
    qtbot.addWidget(page)
    page.backup_button.click()
    page.restore_button.click()
    page.save_sheet()
    assert asked == [
        (".pdbackup", "Privacy Desk backup (*.pdbackup);;All files (*)"),
        (".db", ""),  # a new database file: every file shown
        (".pdf", "PDF (*.pdf)"),
    ]


def test_a_wrong_backup_passphrase_is_named_as_wrong_not_as_missing(
    qtbot: QtBot,
    filled: Database,
    secrets: MemorySecretStore,
    settings: SafetySettings,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "own.pdbackup"
    restored = [tmp_path / "r1.db", tmp_path / "r2.db"]
    page = _page(qtbot, filled, secrets, settings, [backup, *restored], [backup, backup])
    page.backup_passphrase.setText("备份 密码 🔑 with spaces")
    with qtbot.waitSignal(page.backup_finished, timeout=30_000):
        page.backup_button.click()
    page.backup_passphrase.setText("nope")
    with qtbot.waitSignal(page.task_failed, timeout=30_000) as failed:
        page.restore_button.click()
    assert failed.args[0] == (
        "The backup passphrase is not right for this backup; nothing was restored."
    )
    page.backup_passphrase.clear()  # none typed: the page says which passphrase it needs
    with qtbot.waitSignal(page.task_failed, timeout=30_000) as failed:
        page.restore_button.click()
    assert "a backup passphrase of its own" in failed.args[0]
    assert not any(path.exists() for path in restored)


def test_rotating_the_key_reopens_the_database_and_the_old_key_fails(
    qtbot: QtBot, filled: Database, secrets: MemorySecretStore, settings: SafetySettings
) -> None:
    old_key = filled.key
    assert old_key is not None
    page = _page(qtbot, filled, secrets, settings, [])
    with qtbot.waitSignal(page.database_reopened, timeout=30_000) as reopened:
        page.rotate()
    new_database: Database = reopened.args[0]
    try:
        assert new_database.key != old_key and "new key" in page.status.text()
        with new_database.session() as session:
            assert session.scalar(select(func.count(Case.id))) == 1
        with pytest.raises(WrongKeyError):
            connect(new_database.path, old_key, read_only=True)
    finally:
        new_database.close()


def test_schedule_and_idle_settings_are_kept_in_qsettings(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, tmp_path: Path
) -> None:
    path = tmp_path / "settings.ini"
    settings = SafetySettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.schedule() is None  # off until a folder is chosen
    folder = tmp_path / "usb"
    folder.mkdir()
    page = SafetyPage(
        database, secrets, settings, choose_folder=lambda _parent, _title, _start: folder
    )
    qtbot.addWidget(page)
    form = page.settings_form
    form.choose_schedule_folder()
    form.schedule_enabled.setChecked(True)
    form.schedule_interval.setValue(6)
    form.schedule_keep.setValue(3)
    form.idle_minutes.setValue(5)
    again = SafetySettings(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.schedule() == BackupSchedule(folder, timedelta(hours=6), 3)
    assert again.idle_minutes() == 5


def test_the_page_scrolls_on_a_short_screen_and_keeps_close_in_view(
    qtbot: QtBot, database: Database, secrets: MemorySecretStore, settings: SafetySettings
) -> None:
    # At 150 % on a 1440×900 screen the sections took 548 of the 600 pixels there are: with
    # a title bar and a taskbar the Close button ran off the screen.
    page = _page(qtbot, database, secrets, settings, [])
    lines = page.fontMetrics().height()
    assert page.minimumSizeHint().height() <= 10 * lines
    available = page.screen().availableGeometry()
    assert page.height() <= available.height() and page.width() <= available.width()
    page.resize(page.width(), 12 * lines)
    page.show()
    qtbot.waitExposed(page)
    close = page.findChild(QDialogButtonBox)
    assert close is not None and close.geometry().bottom() <= page.height()
