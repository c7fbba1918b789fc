"""``python -m app clock set-due|release-due``: a due date set by hand with its reason, and
handed back to its rule, with one clear line for each refusal.

zh03 (corpus manifest): a correction received Tue 29 Sep 2026 16:45 Shanghai (08:45 UTC, still
Mon 28 Sep at UTC-12), due under resources/rules/cn.toml on Mon 26 Oct 2026 (15 working days;
国庆节 Thu 1 - Wed 7 Oct off, Sat 10 Oct worked, 国办发明电〔2025〕7号).
"""

from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import CORPUS_INBOX

PASSPHRASE = "clock passphrase 时钟"
REF = "PD-2026-000001"


@pytest.fixture
def imported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> None:
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["import", str(CORPUS_INBOX / "zh03-zh-correction.eml")]) == 0


def test_set_by_hand_then_handed_back(imported: None, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["clock", "set-due", REF, "--on", "2026-10-20", "--reason", "法院裁定"]) == 0
    assert capsys.readouterr().out == f"{REF}: due date set by hand; due 2026-10-20\n"
    assert main(["clock", "release-due", REF]) == 0
    assert capsys.readouterr().out == f"{REF}: due date handed back to its rule; due 2026-10-26\n"
    assert main(["clock", "release-due", REF]) == 2
    assert capsys.readouterr().err == (
        "error: The due date of this case is already computed by its rule.\n"
    )


def test_refusals_are_one_line(imported: None, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["clock", "set-due", REF, "--on", "2026-09-27", "--reason", "order"]) == 2
    assert capsys.readouterr().err == (
        "error: The due date cannot be before the day the case was received.\n"
    )
    assert main(["clock", "set-due", REF, "--on", "2201-01-01", "--reason", "order"]) == 2
    assert capsys.readouterr().err == (
        "error: The due date 2201-01-01 is outside the dates deadlines are counted for; check "
        "the date.\n"
    )
    assert main(["clock", "set-due", REF, "--on", "2026-10-20", "--reason", " \t"]) == 2
    assert capsys.readouterr().err == (
        "error: A due date set by hand needs a reason (e.g. a court order).\n"
    )
    # zh03 is due 2026-10-26 by its rule (PIPL Art. 50, 15 working days): a later date would
    # promise the requester more time than the law gives.
    assert main(["clock", "set-due", REF, "--on", "2026-12-18", "--reason", "order"]) == 2
    assert capsys.readouterr().err == (
        "error: A due date set by hand cannot be later than the statutory due date 2026-10-26: "
        "that deadline binds in law; set an earlier date.\n"
    )
    for bad in (["--on", "18-12-2026", "--reason", "x"], ["--on", "2026-12-18"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["clock", "set-due", REF, *bad])
        assert exit_info.value.code == 2
    assert main(["clock", "set-due", "PD-2026-999999", "--on", "2026-12-18", "--reason", "x"]) == 2
    assert "No case has the reference" in capsys.readouterr().err
