"""The "Folder for automatic backups" picker starts in the folder set now, else where backups
were last saved, else Documents: never the process's working folder (QA round 18; the backup
and restore dialogs already did so, QA round 16 W10)."""

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.backup_dialogs import BACKUPS
from app.ui.safety_settings import SafetySettings
from app.ui.safety_settings_form import SafetySettingsForm, ask_folder
from app.ui.save_folder import remember


def _form(
    qtbot: QtBot, tmp_path: Path, starts: list[str]
) -> tuple[SafetySettingsForm, SafetySettings]:
    """The form and its settings (in ``tmp_path``); each picker's start folder goes to
    ``starts`` (the picker is cancelled)."""

    def choose(_parent: QWidget, _title: str, folder: str) -> Path | None:
        starts.append(folder)
        return None

    settings = SafetySettings(QSettings(str(tmp_path / "safety.ini"), QSettings.Format.IniFormat))
    form = SafetySettingsForm(settings, choose)
    qtbot.addWidget(form)
    return form, settings


def test_the_picker_starts_in_documents_then_the_last_backups_then_the_folder_set(
    qtbot: QtBot, tmp_path: Path, documents: Path
) -> None:
    starts: list[str] = []
    form, settings = _form(qtbot, tmp_path, starts)
    form.choose_schedule_folder()  # nothing set, no backup saved yet: Documents
    backups = tmp_path / "Sicherungen"
    backups.mkdir()
    remember(BACKUPS, str(backups / "cases.pdbackup"))  # a backup saved there by hand
    form.choose_schedule_folder()
    usb = tmp_path / "USB 备份"
    usb.mkdir()
    settings.set_folder(usb)  # the folder of automatic backups set now
    form.choose_schedule_folder()
    assert starts == [str(documents), str(backups), str(usb)]
    assert str(tmp_path) not in starts  # the working folder (the fixture's chdir)


def test_a_folder_set_but_gone_starts_the_picker_in_documents(
    qtbot: QtBot, tmp_path: Path, documents: Path
) -> None:
    starts: list[str] = []
    form, settings = _form(qtbot, tmp_path, starts)
    settings.set_folder(tmp_path / "unplugged")  # a drive no longer attached
    form.choose_schedule_folder()
    assert starts == [str(documents)]


def test_the_platform_picker_opens_in_the_folder_given(qtbot: QtBot, documents: Path) -> None:
    shown: list[str] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        shown.append(dialog.directory().absolutePath())
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    assert ask_folder(QWidget(), "Folder for automatic backups", str(documents)) is None
    assert shown == [str(documents)]
