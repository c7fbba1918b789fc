"""``python -m app import``: a failed file is named once, and a name with bidi controls is
shown with visible escapes, never reordered."""

from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import CORPUS_INBOX


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", "correct horse 电池 staple")
    return tmp_path / "data"


def _import(paths: list[Path], capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["import", *map(str, paths)]) == 1
    return capsys.readouterr().out.splitlines()


def test_a_spoofed_name_is_escaped_and_named_once(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "\u202egnp.eml").write_bytes(b"")
    (inbox / "ok.eml").write_bytes((CORPUS_INBOX / "zh01-zh-access.eml").read_bytes())
    lines = _import([inbox], capsys)
    (failed,) = [line for line in lines if " failed " in line]
    assert failed.startswith("<U+202E>gnp.eml ")
    assert failed.endswith(" the file is empty")
    assert failed.count("gnp.eml") == 1
    assert not any("\u202e" in line for line in lines)
    assert lines[-1].startswith("2 files: 1 imported, 0 duplicates, 1 failed")


def test_an_unreadable_name_prints_without_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "gone\u2067\n.eml"
    lines = _import([missing], capsys)
    (failed,) = [line for line in lines if " failed " in line]
    assert failed.startswith("gone<U+2067><U+000A>.eml ")
    assert failed.count("gone") == 1
