"""``python -m app clock``: stop, restart and extend a case's clock from the command line."""

from datetime import UTC, datetime, timedelta, timezone
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
    # zh06 was received Tue 14 Jul 2026 08:15 Shanghai: no clock ran before that day to stop
    assert main(["clock", "pause", "PD-2026-000001", "--from", "2026-01-01", "--reason",
                 "other"]) == 2  # fmt: skip
    assert capsys.readouterr().err == (
        "error: A pause cannot start before the request was received (2026-07-14).\n"
    )
    assert main(["clock", "resume", "PD-2026-000001"]) == 2
    assert capsys.readouterr().err == "error: The clock of this case is not paused.\n"
    with pytest.raises(SystemExit) as exit_info:
        main(["clock", "pause", "PD-2026-000001", "--from", "20-07-2026", "--reason", "fee"])
    assert exit_info.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_resume_on_the_last_paused_day_moves_a_working_day_count(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # zh03: a correction received Tue 29 Sep 2026 16:45 Shanghai, due Mon 26 Oct (manifest):
    # 30 Sep=1, (1-7 Oct National Day), 8=2, 9=3, Sat 10 Oct (调休)=4, 12-16=5-9, 19-23=10-14,
    # 26=15. Stopped Mon 12 and Tue 13 Oct (identity proof, GB/T 35273-2020 §8.7), those two
    # working days do not count: 14-16=5-7, 19-23=8-12, 26-28=13-15, so due Wed 28 Oct.
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["import", str(CORPUS_INBOX / "zh03-zh-correction.eml")]) == 0
    pause = [
        "clock",
        "pause",
        "PD-2026-000001",
        "--from",
        "2026-10-12",
        "--reason",
        "identity_verification",
    ]
    assert main(pause) == 0
    capsys.readouterr()
    assert main(["clock", "resume", "PD-2026-000001", "--on", "2026-10-11"]) == 2
    assert capsys.readouterr().err == ("error: The pause must end between its start and today.\n")
    assert main(["clock", "resume", "PD-2026-000001", "--on", "2026-10-13"]) == 0
    assert capsys.readouterr().out == (
        "PD-2026-000001: clock restarted after 2026-10-13; due 2026-10-28\n"
    )
    with pytest.raises(SystemExit) as exit_info:
        main(["clock", "resume", "PD-2026-000001", "--on", "13 Oct"])
    assert exit_info.value.code == 2
    assert "not a date (YYYY-MM-DD): '13 Oct'" in capsys.readouterr().err


def test_a_typed_date_no_deadline_can_be_counted_from_is_refused(
    imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    pause = ["clock", "pause", "PD-2026-000001", "--from", "0001-07-20", "--reason", "fee"]
    assert main(pause) == 2
    assert capsys.readouterr().err == (
        "error: The pause start date 0001-07-20 is outside the dates deadlines are counted "
        "for; check the date.\n"
    )
    confirm = ["clock", "confirm-receipt", "PD-2026-000001", "--at", "1026-07-14T08:15+08:00"]
    assert main(confirm) == 2
    assert "The receipt date 1026-07-14 is outside" in capsys.readouterr().err
    assert main(["list"]) == 0
    assert "PD-2026-000001  complaint             new        due 2026-08-04" in (
        capsys.readouterr().out
    )


def test_a_receipt_instant_later_than_now_is_refused_even_on_todays_date(
    imported: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA13 L3: the date in its own offset may still be today while the instant is hours ahead
    # (12:00-11:00 is 23:00 UTC); the window refuses any instant after now, so must the CLI.
    ahead = (datetime.now(UTC) + timedelta(hours=2)).astimezone(timezone(timedelta(hours=-11)))
    capsys.readouterr()
    at = ahead.isoformat(timespec="minutes")
    assert main(["clock", "confirm-receipt", "PD-2026-000001", "--at", at]) == 2
    assert capsys.readouterr().err == "error: The receipt date cannot be in the future.\n"
    assert main(["list"]) == 0
    assert "PD-2026-000001  complaint             new        due 2026-08-04" in (
        capsys.readouterr().out
    )
