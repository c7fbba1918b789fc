"""After creating a database with a raw key, the recovery sheet is saved where the user says."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.store.keys import RawKey
from app.store.recovery import grouped_hex
from app.ui.recovery_offer import ChooseSavePath, RecoveryOffer

KEY = RawKey(bytes(range(32)))


def test_saving_writes_the_sheet_only_to_the_chosen_file(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "chosen" / "my-key.pdf"
    target.parent.mkdir()
    offer = RecoveryOffer(KEY, "privacy-desk.db", lambda _parent, _title, _name: target)
    qtbot.addWidget(offer)
    with qtbot.waitSignal(offer.saved, timeout=5000) as saved:
        offer.save_button.click()
    assert saved.args == [target]
    assert [p.name for p in target.parent.iterdir()] == ["my-key.pdf"]
    text = PdfReader(target).pages[0].extract_text()
    assert grouped_hex(KEY)[0] == "0001 0203 0405 0607"
    assert all(line in text for line in grouped_hex(KEY))


def test_cancelling_the_file_dialog_writes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    offer = RecoveryOffer(KEY, "privacy-desk.db", lambda _parent, _title, _name: None)
    qtbot.addWidget(offer)
    with qtbot.assertNotEmitted(offer.saved):
        offer.save_button.click()
    assert list(tmp_path.iterdir()) == []
    (explanation,) = offer.findChildren(QLabel)
    # The key check printed on the sheet: first 8 hex digits of SHA-256 of bytes 0..31.
    assert "keyring" in explanation.text() and "630D-CD29" in explanation.text()


def test_the_sheet_dialog_starts_where_the_last_sheet_went_never_the_working_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA17 F10: the dialog was given the bare name, so it opened in the working folder.
    monkeypatch.chdir(tmp_path)
    chosen = tmp_path / "保险柜"
    chosen.mkdir()
    asked: list[str] = []

    def choose(target: Path | None) -> ChooseSavePath:
        def ask(_parent: QWidget, _title: str, start: str) -> Path | None:
            asked.append(start)
            return target

        return ask

    first = RecoveryOffer(KEY, "privacy-desk.db", choose(chosen / "key.pdf"))
    qtbot.addWidget(first)
    first.save_button.click()
    assert Path(asked[0]).is_absolute() and Path(asked[0]).name == "recovery-key.pdf"
    assert Path(asked[0]).parent != tmp_path
    assert QSettings().value("save_folders/recovery") == str(chosen)
    again = RecoveryOffer(KEY, "privacy-desk.db", choose(None))
    qtbot.addWidget(again)
    again.save_button.click()
    assert asked[1] == str(chosen / "recovery-key.pdf")
