"""The report after File › Import: each failed file named once, isolated from its reason."""

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.store import Database
from app.ui.bidi import FSI, LRM, PDI
from app.ui.import_controller import ImportController
from app.ui.translations import CHINESE, Translations


def _report_lines(qtbot: QtBot, database: Database, folder: Path) -> list[str]:
    rule_book = load_rule_book()
    window = QWidget()
    qtbot.addWidget(window)
    controller = ImportController(database, rule_book, window)
    report = import_paths(database.session, [folder], rule_book)
    return controller.summary(report).splitlines()


def _bad_files(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "h05-empty.eml").write_bytes(b"")
    (folder / "notes.txt").write_text("not mail")
    (folder / "رسالة.eml").write_bytes(b"")  # a right-to-left file name
    return folder


def test_each_failed_file_is_named_once(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    lines = _report_lines(qtbot, database, _bad_files(tmp_path))
    assert lines[0] == "0 imported, 0 already present, 2 failed; 0 need review."
    assert sorted(lines[1:]) == sorted(
        [
            f"{LRM}{FSI}h05-empty.eml{PDI}: the file is empty",
            f"{LRM}{FSI}notes.txt{PDI}: not an .eml or .msg message",
            f"{LRM}{FSI}رسالة.eml{PDI}: the file is empty",
        ]
    )


def test_the_chinese_report_names_each_file_once(
    qtbot: QtBot, database: Database, tmp_path: Path, translations: Translations
) -> None:
    assert translations.apply(CHINESE)
    lines = _report_lines(qtbot, database, _bad_files(tmp_path))
    assert f"{LRM}{FSI}h05-empty.eml{PDI}：文件为空" in lines
    assert f"{LRM}{FSI}notes.txt{PDI}: 不是 .eml 或 .msg 邮件" in lines
