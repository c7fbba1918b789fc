"""``python -m app clock``: stop, restart and extend a case's clock from the command line."""

from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "clock passphrase 时钟"


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> None:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert (
        main(
            [
                "import",
                str(CORPUS_INBOX / "zh06-zh-complaint.eml"),
                str(CORPUS_INBOX / "001-en-access-default.eml"),
            ]
        )
        == 0
    )


def test_pause_and_resume_print_the_new_due_date(
    imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # zh06: a complaint received Tue 14 Jul 2026 08:15 Shanghai, due Tue 4 Aug (manifest). The
    # CN complaint rule does not stop the clock (认定方法: within the promised time), so a pause
    # is recorded but the due date stays.
    capsys.readouterr()
    status = main(
        ["clock", "pause", "PD-2026-000001", "--from", "2026-07-20", "--reason", "clarification"]
    )
    assert status == 0
    assert capsys.readouterr().out == (
        "PD-2026-000001: clock stopped from 2026-07-20; due 2026-08-04\n"
    )
    assert main(["clock", "resume", "PD-2026-000001", "--last-paused-day", "2026-07-21"]) == 0
    assert "due 2026-08-04" in capsys.readouterr().out


def test_extension_only_where_the_rule_allows_it(
    imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["clock", "extend", "PD-2026-000001", "--reason", "busy"]) == 2
    assert "allows no extension" in capsys.readouterr().err
    # 001 (EU, received 18 Aug 2026): the notice was due on 18 Sep 2026, long before today.
    assert main(["clock", "extend", "PD-2026-000002", "--reason", "complex"]) == 2
    assert "had to be notified by 2026-09-18" in capsys.readouterr().err


def test_bad_dates_and_states_are_one_line(
    imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["clock", "resume", "PD-2026-000001"]) == 2
    assert capsys.readouterr().err == "error: The clock of this case is not paused.\n"
    with pytest.raises(SystemExit) as exit_info:
        main(["clock", "pause", "PD-2026-000001", "--from", "20-07-2026", "--reason", "fee"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err
