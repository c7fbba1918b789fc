"""QA19 F10: a case whose requester's name was partly lost in the mail (``name_damaged``: the
From: name 李娜 in GB2312 cut after three of its four bytes, imported as "李") gets no letter
greeting "尊敬的李：" until a person confirms or corrects the name, in the command line
(``letter`` refuses, ``requester-name`` confirms or corrects)."""

import base64
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from tests.reports.pdf_reading import read_pdf, squash

PASSPHRASE = "correct horse 电池 staple"
CUT_NAME = base64.b64encode("李娜".encode("gb2312")[:3]).decode("ascii")  # C0 EE | C4 (C8 cut)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    return tmp_path / "data"


def _imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    path = tmp_path / "cut_from.eml"
    path.write_bytes(
        f"From: =?gb2312?B?{CUT_NAME}?= <lina@example.cn>\r\n".encode("ascii")
        + b"To: privacy@xuyun.example\r\nSubject: =?utf-8?Q?=E6=9F=A5?=\r\n"
        b"Date: Fri, 20 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + "您好，我申请查阅我的个人信息。李娜".encode()
    )
    stamp = datetime(2026, 11, 20, 2, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    assert rows[0]["requester_name"] == "李"  # what GB2312 reads before the cut
    return rows[0]


def _letter(reference: str, target: Path) -> int:
    return main(
        ["letter", reference, "--template", "acknowledgement", "--lang", "zh", "-o", str(target)]
    )


def test_no_letter_greets_a_damaged_name_until_it_is_corrected(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = str(_imported(tmp_path, capsys)["reference"])
    target = tmp_path / "ack.pdf"
    assert _letter(reference, target) == 2
    error = capsys.readouterr().err
    assert "Confirm or correct the requester's name first" in error
    assert "requester-name" in error and not target.exists()
    assert main(["requester-name", reference, "--name", "李娜"]) == 0
    assert "requester's name corrected" in capsys.readouterr().out
    assert _letter(reference, target) == 0
    text = squash("".join(read_pdf(target.read_bytes())[0]))
    assert "尊敬的李娜" in text and "尊敬的李：" not in text


def test_the_name_confirmed_as_it_stands_frees_the_letters(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = str(_imported(tmp_path, capsys)["reference"])
    assert main(["requester-name", reference]) == 0
    assert "requester's name confirmed" in capsys.readouterr().out
    target = tmp_path / "ack.pdf"
    assert _letter(reference, target) == 0
    assert "尊敬的李：" in squash("".join(read_pdf(target.read_bytes())[0]))  # as confirmed
