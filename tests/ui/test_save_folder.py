"""A save dialog starts in the folder last used for its kind of file, else in Documents,
never in the process's working folder (QA round 16, W10)."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind
from app.services.deadlines import load_rule_book
from app.store import Database
from app.ui.letter_controller import LetterController
from app.ui.save_folder import remember, start_path
from tests.services.letter_cases import TODAY, open_case


@pytest.fixture
def access_case_letters(qtbot: QtBot, database: Database) -> tuple[LetterController, str]:
    """The letter controller of a window, and the reference of an open access case to write to."""
    rule_book = load_rule_book()
    with database.session() as session:
        reference = open_case(session, rule_book, CaseKind.ACCESS).reference
    parent = QWidget()
    qtbot.addWidget(parent)
    return LetterController(database, rule_book, lambda: TODAY, parent), reference


def test_the_first_save_starts_in_documents(documents: Path) -> None:
    assert start_path("letters", "PD-2026-000003-ack-zh.pdf") == str(
        documents / "PD-2026-000003-ack-zh.pdf"
    )


def test_the_next_save_starts_where_the_last_one_went(documents: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "案件 信函"
    chosen.mkdir()
    remember("letters", str(chosen / "PD-2026-000003-ack-zh.pdf"))
    assert QSettings().value("save_folders/letters") == str(chosen)
    assert start_path("letters", "b.pdf") == str(chosen / "b.pdf")
    # Another kind of file keeps its own folder; a cancelled dialog changes nothing.
    assert start_path("exports", "b.pdf") == str(documents / "b.pdf")
    remember("letters", "")
    assert start_path("letters", "b.pdf") == str(chosen / "b.pdf")


def test_a_last_folder_since_removed_falls_back_to_documents(
    documents: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    remember("letters", str(gone / "a.pdf"))
    gone.rmdir()
    assert start_path("letters", "a.pdf") == str(documents / "a.pdf")


def test_save_letter_opens_in_the_last_letter_folder(
    documents: Path,
    access_case_letters: tuple[LetterController, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    letters, reference = access_case_letters
    asked: list[str] = []

    def cancelled(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)  # the user cancels: no letter, nothing remembered
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancelled)
    assert letters.ask(reference, "acknowledgement", "zh+en") is None
    remember("letters", str(tmp_path / "out.pdf"))
    assert letters.ask(reference, "acknowledgement", "zh") is None
    assert asked == [
        str(documents / f"{reference}-acknowledgement-zh-en.pdf"),
        str(tmp_path / f"{reference}-acknowledgement-zh.pdf"),
    ]


def test_a_letter_folder_is_kept_only_once_the_letter_is_written(
    qtbot: QtBot,
    documents: Path,
    access_case_letters: tuple[LetterController, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # QA17 F10: the folder was kept when chosen, before the letter was generated.
    letters, reference = access_case_letters
    monkeypatch.setattr(letters, "_failed", lambda *_args: None)  # no error box
    chosen = tmp_path / "信函"
    chosen.mkdir()
    answers = [str(tmp_path / "gone" / "a.pdf"), str(chosen / "b.pdf")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (answers.pop(0), ""))
    for _attempt in range(2):  # into a missing folder (fails), then into the chosen one
        task = letters.ask(reference, "acknowledgement", "zh")
        assert task is not None
        with qtbot.waitSignal(task.finished, timeout=30_000):
            pass
        if _attempt == 0:
            assert QSettings().value("save_folders/letters") is None
    assert (chosen / "b.pdf").read_bytes().startswith(b"%PDF")
    assert QSettings().value("save_folders/letters") == str(chosen)
