"""Dropping files on a window and a watched folder: only importable files are taken, files
are imported once they stop growing, each file once, and the user's folder is left as it was."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, ImportReport
from app.store import Database
from app.ui.drop_import import DropImport
from app.ui.watched_folder import WatchedFolder, WatchedFolderSettings
from tests.conftest import CORPUS_INBOX

MESSAGE = CORPUS_INBOX / "zh01-zh-access.eml"
OTHER_MESSAGE = CORPUS_INBOX / "001-en-access-default.eml"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.fixture
def settings(tmp_path: Path) -> WatchedFolderSettings:
    return WatchedFolderSettings(
        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _drag_enter(widget: QWidget, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(1, 1),  # a QPoint here, a QPointF for QDropEvent (PySide6 6.11)
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _drop(widget: QWidget, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(1, 1),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_dropped_messages_folders_and_exports_go_to_their_importers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    drops = DropImport(widget)
    assert widget.acceptDrops()
    files = [tmp_path / n for n in ("a.EML", "b.msg", "form.csv", "form.xlsx", "notes.txt")]
    for path in files:
        path.write_bytes(b"x")
    folder = tmp_path / "mailbox"
    folder.mkdir()
    assert _drag_enter(widget, _mime(*files, folder))
    with (
        qtbot.waitSignal(drops.files_dropped) as everything,
        qtbot.waitSignal(drops.messages_dropped) as messages,
        qtbot.waitSignal(drops.forms_dropped) as forms,
    ):
        _drop(widget, _mime(*files, folder))
    assert everything.args == [[*files[:4], folder]]
    assert messages.args == [[files[0], files[1], folder]]
    assert forms.args == [[files[2], files[3]]]


def test_a_drag_without_importable_files_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    drops = DropImport(widget)
    text = tmp_path / "notes.txt"
    text.write_bytes(b"x")
    assert not _drag_enter(widget, _mime(text))
    plain = QMimeData()
    plain.setText("just text")
    assert not _drag_enter(widget, plain)
    with qtbot.assertNotEmitted(drops.files_dropped):
        _drop(widget, _mime(text))


@pytest.fixture
def watched(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    settings: WatchedFolderSettings,
    tmp_path: Path,
) -> WatchedFolder:
    folder = tmp_path / "inbox"
    folder.mkdir()
    # poll_ms long: the tests poll by hand, so every step is deterministic.
    watcher = WatchedFolder(database, rule_book, settings, poll_ms=600_000, settle_seconds=0)
    watcher.watch(folder)
    return watcher


def _count_cases(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count(Case.id))) or 0


def test_a_file_is_imported_once_it_stops_growing(
    qtbot: QtBot, watched: WatchedFolder, database: Database
) -> None:
    assert watched.folder is not None
    target = watched.folder / "incoming.eml"
    data = MESSAGE.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    assert watched.rescan() == []  # first sight
    with target.open("ab") as file:
        file.write(data[len(data) // 2 :])
    assert watched.rescan() == []  # grew since the last poll
    with qtbot.waitSignal(watched.batch_imported, timeout=60_000) as signal:
        assert watched.rescan() == [target]
    report: ImportReport = signal.args[0]
    assert [(r.file_name, r.outcome) for r in report.results] == [
        ("incoming.eml", ImportOutcome.IMPORTED)
    ]
    assert target.read_bytes() == data  # the user's file is left as it was
    assert watched.rescan() == []  # processed
    assert _count_cases(database) == 1


def test_processed_files_are_remembered_across_restarts(
    qtbot: QtBot,
    watched: WatchedFolder,
    database: Database,
    rule_book: RuleBook,
    settings: WatchedFolderSettings,
) -> None:
    assert watched.folder is not None
    shutil.copy(MESSAGE, watched.folder / "one.eml")
    (watched.folder / "notes.txt").write_text("not mail")
    (watched.folder / ".hidden.eml").write_bytes(MESSAGE.read_bytes())
    watched.rescan()
    with qtbot.waitSignal(watched.batch_imported, timeout=60_000):
        assert watched.rescan() == [watched.folder / "one.eml"]
    watched.stop()
    again = WatchedFolder(database, rule_book, settings, poll_ms=600_000, settle_seconds=0)
    assert again.folder == watched.folder
    shutil.copy(OTHER_MESSAGE, watched.folder / "two.eml")
    again.rescan()
    with qtbot.waitSignal(again.batch_imported, timeout=60_000) as signal:
        assert again.rescan() == [watched.folder / "two.eml"]
    assert [r.file_name for r in signal.args[0].results] == ["two.eml"]
    assert _count_cases(database) == 2
    assert len(settings.processed()) == 2


def test_the_timer_and_watcher_import_without_manual_polls(
    qtbot: QtBot,
    database: Database,
    rule_book: RuleBook,
    settings: WatchedFolderSettings,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "live"
    folder.mkdir()
    watcher = WatchedFolder(database, rule_book, settings, poll_ms=50, settle_seconds=0.1)
    watcher.watch(folder)
    with qtbot.waitSignal(watcher.batch_imported, timeout=60_000) as signal:
        shutil.copy(MESSAGE, folder / "live.eml")
    watcher.stop()
    assert signal.args[0].count(ImportOutcome.IMPORTED) == 1
    assert settings.folder == folder
