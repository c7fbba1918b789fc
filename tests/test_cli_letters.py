"""``python -m app letter --template``: every letter kind a case can get, including those that
ask for proof or report an answer, in Chinese, English and both; a letter that does not fit
the case is refused with exit status 2 and the reason."""

import json
from pathlib import Path

import pytest

from app.cli import main
from app.reports.case_letter_keys import CASE_TEMPLATES
from app.services.letter_languages import default_letter_language
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


def _mail(sender: str, subject: str, body: str) -> bytes:
    """Return a dated UTF-8 message (8bit headers and body) from ``sender``."""
    return (
        f"From: {sender}\r\nTo: privacy@example.com\r\nSubject: {subject}\r\n"
        "Date: Mon, 30 Nov 2026 09:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        f"{body}\r\n"
    ).encode()


# QA17 F9: requests of /tmp/qa17/inputs/hk, one per jurisdiction and language: (file, mail,
# jurisdiction, the letter language by hand: a Chinese request gets its jurisdiction's script,
# Traditional for HK/TW; any other language gets English).
DEFAULT_LANGUAGE_CASES = [
    (
        "hk_zh.eml",
        _mail(
            "陳大文 <chantaiman@netvigator.com>",
            "=?utf-8?b?5p+l6Zax6LOH5paZ6KaB5rGC?=",
            "敬啟者：\r\n根據《個人資料(私隱)條例》(第486章)第18條，本人現提出查閱資料要求，"
            "要求貴公司提供所持有關於本人的個人資料的複本。\r\n陳大文",
        ),
        "HK",
        "zh-Hant",
    ),
    (
        "hk_en.eml",
        _mail(
            "Wong Siu Ming <wongsm@hkbn.net>",
            "Data correction request under PDPO",
            "Dear Sir/Madam,\r\nUnder section 22 of the Personal Data (Privacy) Ordinance, "
            "Cap. 486, I request correction of my address held by you; it should read Flat 12B, "
            "88 Nathan Road, Kowloon.\r\nWong Siu Ming",
        ),
        "HK",
        "en",
    ),
    (
        "tw.eml",
        _mail(
            "林志明 <lin.zm@hinet.net>",
            "=?utf-8?b?6KuL5rGC5p+l6Kmi5YCL5Lq66LOH5paZ?=",
            "您好：\r\n依據個人資料保護法第3條及第10條，本人請求查詢或請求閱覽貴公司蒐集之本人"
            "個人資料，並請求製給複製本。\r\n林志明",
        ),
        "TW",
        "zh-Hant",
    ),
    (
        "sg.eml",
        _mail(
            "Tan Ah Kow <tan@singnet.com.sg>",
            "Access request under PDPA",
            "Dear DPO,\r\nPursuant to section 21 of the Personal Data Protection Act 2012, I "
            "request access to my personal data in your possession.\r\nTan Ah Kow",
        ),
        "SG",
        "en",
    ),
    (
        "jp.eml",
        _mail(
            "Taro Yamada <taro@yahoo.co.jp>",
            "=?utf-8?b?5L+d5pyJ5YCL5Lq644OH44O844K/44Gu6ZaL56S66KuL5rGC?=",
            "個人情報の保護に関する法律第33条に基づき、貴社が保有する私の保有個人データの開示を"
            "請求します。山田太郎",
        ),
        "JP",
        "en",
    ),
    (
        "kr.eml",
        _mail(
            "Kim Cheolsu <kim@naver.com>",
            "=?utf-8?b?6rCc7J247KCV67O0IOyXtOuejCDsmpTqtaw=?=",
            "개인정보 보호법 제35조에 따라 귀사가 처리하는 본인의 개인정보 열람을 "
            "요구합니다. 김철수",
        ),
        "KR",
        "en",
    ),
    (
        "br.eml",
        _mail(
            "Joao Silva <joao@uol.com.br>",
            "=?utf-8?q?Solicita=C3=A7=C3=A3o?= de acesso LGPD",
            "Prezados,\r\nCom base no art. 18 da Lei nº 13.709/2018 (LGPD), solicito a confirmação "
            "da existência de tratamento e o acesso aos meus dados pessoais.\r\nJoão Silva",
        ),
        "BR",
        "en",
    ),
]


@pytest.mark.parametrize(
    ("name", "mail", "jurisdiction", "expected"),
    [
        *DEFAULT_LANGUAGE_CASES,
        ("zh01-zh-access.eml", None, "CN", "zh"),
        ("008-de-access-default.eml", None, "EU", "en"),
    ],
)
def test_a_letter_without_lang_is_in_the_language_batch_letters_choose(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    mail: bytes | None,
    jurisdiction: str,
    expected: str,
) -> None:
    """QA17 F9: ``letter`` without ``--lang`` takes the case's language by the batch's rule
    (``default_letter_language``), not Chinese for every case."""
    if mail is None:
        row = _imported(capsys, name)
    else:
        (tmp_path / name).write_bytes(mail)
        assert main(["import", str(tmp_path / name)]) == 0
        capsys.readouterr()
        assert main(["list", "--format", "json"]) == 0
        row = json.loads(capsys.readouterr().out)[0]
    assert row["jurisdiction"] == jurisdiction
    assert default_letter_language(row["language"], jurisdiction) == expected  # type: ignore[arg-type]
    target = tmp_path / "ack.pdf"
    assert main(["letter", str(row["reference"]), "-o", str(target)]) == 0
    assert f"acknowledgement ({expected}) v1" in capsys.readouterr().out
