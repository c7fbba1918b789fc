"""``python -m app letter --template``: every letter kind a case can get, including those that
ask for proof or report an answer, in Chinese, English and both; a letter that does not fit
the case is refused with exit status 2 and the reason."""

import json
from pathlib import Path

import pytest

from app.cli import main
from app.reports.case_letter_keys import CASE_TEMPLATES
from tests.conftest import CORPUS_INBOX
from tests.reports.pdf_reading import read_pdf, squash

PASSPHRASE = "correct horse 电池 staple"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    return tmp_path / "data"


def _imported(capsys: pytest.CaptureFixture[str], name: str) -> dict[str, object]:
    assert main(["import", str(CORPUS_INBOX / name)]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows[0]


def test_the_letter_command_offers_every_case_letter(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["letter", "--help"])
    usage = squash(capsys.readouterr().out)
    for key in ("identity_request", "clarification_request", "access_response"):
        assert key in usage
    assert {"correction_done", "complaint_response"} <= set(CASE_TEMPLATES)


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
def test_an_identity_request_is_written_for_an_imported_case(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    row = _imported(capsys, "zh01-zh-access.eml")
    target = tmp_path / "identity.pdf"
    args = ["letter", str(row["reference"]), "--template", "identity_request"]
    assert main([*args, "--lang", language, "-o", str(target)]) == 0
    text = squash("".join(read_pdf(target.read_bytes())[0]))
    assert str(row["reference"]) in text
    assert squash(str(row["requester_name"])) in text
    # China: the clock stops until the proof arrives (GB/T 35273-2020 §8.7).
    expected = "答复期限暂停计算" if language != "en" else "paused"
    assert expected in text


def test_a_letter_that_does_not_fit_the_case_is_refused(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = _imported(capsys, "zh01-zh-access.eml")
    target = tmp_path / "complaint.pdf"
    args = ["letter", str(row["reference"]), "--template", "complaint_response"]
    assert main([*args, "-o", str(target)]) == 2
    assert "answers requests of another kind" in capsys.readouterr().err
    assert not target.exists()
