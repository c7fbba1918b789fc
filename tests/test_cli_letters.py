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


# A Hong Kong data access request in Traditional characters (QA14 F8: h29-hk-dar.eml), dated.
HK_DAR = (
    "From: Chan Tai Man <taiman.chan@example.com.hk>\r\n"
    "To: privacy@example.com\r\n"
    "Subject: =?utf-8?b?5p+l6Zax6LOH5paZ6KaB5rGCIERhdGEgQWNjZXNzIFJlcXVlc3Q=?=\r\n"
    "Date: Mon, 16 Nov 2026 10:00:00 +0800\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "本人根據《個人資料(私隱)條例》第18條提出查閱資料要求。電話 +852 9123 4567。陳大文\r\n"
)


@pytest.mark.parametrize(
    ("flags", "stored", "expected"),
    [
        # No --lang: a Hong Kong case is written in Traditional Chinese (PDPO s.18 DAR).
        ((), "zh-Hant", "第18條及第19條（查閱資料要求）"),
        (("--lang", "zh-Hant+en"), "zh-Hant+en", "sections 18 and 19 of the Personal Data"),
        (("--lang", "zh"), "zh", "第18条及第19条（查阅资料要求）"),
    ],
)
def test_a_hong_kong_case_gets_its_letter_in_traditional_chinese(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    flags: tuple[str, ...],
    stored: str,
    expected: str,
) -> None:
    mail = tmp_path / "h29-hk-dar.eml"
    mail.write_bytes(HK_DAR.encode("utf-8"))
    assert main(["import", str(mail)]) == 0
    capsys.readouterr()
    assert main(["list", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["jurisdiction"] == "HK"
    target = tmp_path / "ack.pdf"
    assert main(["letter", str(row["reference"]), *flags, "-o", str(target)]) == 0
    assert f"acknowledgement ({stored}) v1" in capsys.readouterr().out
    assert squash(expected) in squash("".join(read_pdf(target.read_bytes())[0]))
