"""``python -m app calendar enter``: a year's official schedule must be the whole year; a file
missing a holiday is refused on one line with exit status 2 and nothing is stored. Only an active
manager or administrator may enter one, as in Settings (QA18 F8), except at first setup."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.models import CalendarYear
from app.models.enums import StaffRole
from app.resources import resource_path
from app.services.settings_staff import add_staff
from app.store import unlock
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


def _add_boss_and_clerk(data_dir: Path) -> int:
    """Add a manager 'boss' and a handler 'clerk'; return how many schedules are entered."""
    database = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with database.session() as session:
            add_staff(session, "boss", "Boss Manager", StaffRole.MANAGER, actor="boss")
            add_staff(session, "clerk", "Clerk Handler", StaffRole.HANDLER, actor="boss")
    finally:
        database.close()
    return _schedules_entered(data_dir)


@pytest.mark.parametrize("actor", ["clerk", "nobody"])
def test_only_a_manager_or_administrator_enters_a_schedule(
    imported: None, tmp_path: Path, capsys: pytest.CaptureFixture[str], actor: str
) -> None:
    entered = _add_boss_and_clerk(tmp_path / "data")
    capsys.readouterr()
    assert main(["--actor", actor, "calendar", "enter", str(EXAMPLE_2026)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        "error: Only an active manager or administrator may change the settings.\n",
    )
    assert _schedules_entered(tmp_path / "data") == entered
    assert main(["--actor", "boss", "calendar", "enter", str(EXAMPLE_2026)]) == 0
    assert capsys.readouterr().out.startswith("holidays:CN 2026: 33 holidays")
    assert _schedules_entered(tmp_path / "data") == entered + 1


def _schedules_entered(data_dir: Path) -> int:
    database = unlock(data_dir / "privacy-desk.db", secrets=None, passphrase=PASSPHRASE)
    try:
        with database.session() as session:
            return int(session.scalar(select(func.count(CalendarYear.id))) or 0)
    finally:
        database.close()
