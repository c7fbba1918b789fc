"""``python -m app import``: a failed file is named once, and a name with bidi controls is
shown with visible escapes, never reordered."""

import json
import logging
import random
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


# QA15 F2 (inputs/fwd/b01): the user wrote to service@xuyun.example on Wed 11 Nov 2026 08:00
# +0800; a colleague forwarded the mail as an attachment on Thu 12 Nov.
_COLLEAGUE_FORWARD = """From: Li Lei <li.lei@xuyun.example>
To: privacy@xuyun.example
Subject: Fwd: request
Date: Thu, 12 Nov 2026 09:00:00 +0800
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary=BB

--BB
Content-Type: text/plain; charset=utf-8

Hi privacy team, please handle.
--BB
Content-Type: message/rfc822

From: Wang <wang.xm@example.cn>
To: service@xuyun.example
Subject: =?utf-8?B?5Yig6Zmk5Liq5Lq65L+h5oGv?=
Date: Wed, 11 Nov 2026 08:00:00 +0800
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

您好，请删除我的全部个人信息。王小明

--BB--
"""


def test_a_colleague_s_forward_says_the_company_received_it_earlier(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mail = tmp_path / "b01.eml"
    mail.write_bytes(_COLLEAGUE_FORWARD.encode())
    assert main(["import", str(mail)]) == 0
    (row,) = [line for line in capsys.readouterr().out.splitlines() if "b01.eml" in line]
    assert row.endswith("forwarded, received_earlier_by_company")
    assert main(["list", "--format", "json"]) == 0
    (case,) = json.loads(capsys.readouterr().out)
    # Received when the company was: 11 Nov 08:00 +0800; 15 working days on (PIPL Art. 50,
    # the CN rule): Thu 12 Nov (1) … Tue 1 Dec (14), Wed 2 Dec (15), not Thu 3 Dec.
    assert (case["received_at"], case["due_date"]) == ("2026-11-11T00:00:00+00:00", "2026-12-02")


class _Console(logging.Handler):
    """Stands where the CLI's console handler stands (the root logger): what reaches it is
    printed. (pytest's caplog cannot tell: it attaches to non-propagating loggers too.)"""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_a_damaged_outlook_file_prints_no_library_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA18 F13: a Compound File header before junk. extract-msg logged olefile's "OLE sector
    # index out of range" at ERROR, which the CLI's console handler printed as a bare
    # "ERROR: …" line before the table. The table reports the failure; nothing else may reach
    # the application's handlers.
    damaged = tmp_path / "damaged.msg"
    damaged.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(1).randbytes(2000))
    console = _Console()
    root = logging.getLogger()
    root.addHandler(console)
    try:
        capsys.readouterr()
        lines = _import([damaged], capsys)
        # The application's own loggers still reach it.
        logging.getLogger("app.services.intake.outlook").warning("still shown")
    finally:
        root.removeHandler(console)
    assert lines[1].split() == ["damaged.msg", "failed", "-", "-", "the", "Outlook", "file",
                                "cannot", "be", "opened", "(OleFileError)"]  # fmt: skip
    assert lines[-1] == "1 files: 0 imported, 0 duplicates, 1 failed; 0 need review"
    assert capsys.readouterr().err == ""
    assert [(r.name, r.getMessage()) for r in console.records] == [
        ("app.services.intake.outlook", "still shown")
    ]
