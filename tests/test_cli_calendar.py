"""``python -m app calendar enter``: a year's official schedule must be the whole year; a file
missing a holiday is refused on one line with exit status 2 and nothing is stored."""

from pathlib import Path

import pytest

from app.cli import main
from app.resources import resource_path
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "calendar passphrase 日历"
EXAMPLE_2026 = resource_path("calendars", "examples", "cn-2026.toml")


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> None:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["import", str(CORPUS_INBOX / "zh06-zh-complaint.eml")]) == 0


def test_the_2026_notice_is_entered(imported: None, capsys: pytest.CaptureFixture[str]) -> None:
    # zh06 (complaint, received Tue 14 Jul 2026, due Tue 4 Aug): no holiday in between, and the
    # notice's 2026 equals the installed data, so no open case moves.
    capsys.readouterr()
    assert main(["calendar", "enter", str(EXAMPLE_2026)]) == 0
    assert capsys.readouterr().out == (
        "holidays:CN 2026: 33 holidays, 6 make-up working days entered; 0 open cases recomputed\n"
    )


def test_a_file_without_national_day_exits_2_naming_it(
    imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = EXAMPLE_2026.read_text("utf-8").splitlines()
    path = tmp_path / "cn-2026.toml"
    path.write_text("\n".join(x for x in lines if "国庆节" not in x), encoding="utf-8")
    capsys.readouterr()
    assert main(["calendar", "enter", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "error: The schedule for holidays:CN 2026 has no day off for National Day (国庆节): "
        "add the days off from the notice, or name each under [not_observed] with the reason.\n"
    )


def test_not_observed_is_printed_with_its_reason(
    imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = EXAMPLE_2026.read_text("utf-8").splitlines()
    kept = "\n".join(x for x in lines if "端午节" not in x)
    path = tmp_path / "cn-2026.toml"
    path.write_text(kept + '\n[not_observed]\n"Dragon Boat Festival" = "test"\n', "utf-8")
    capsys.readouterr()
    assert main(["calendar", "enter", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("holidays:CN 2026: 30 holidays, 6 make-up working days entered;")
    assert "  not observed: Dragon Boat Festival (test)\n" in out
