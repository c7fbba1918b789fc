"""``python -m app deadline`` counts on the holiday schedules entered in the case database (and
the days corrected in Settings), as a case's own deadline does, and says which calendar data it
used; with no database it counts on the built-in calendar and creates none (QA18 F5).

The 2027 schedule below is made up for testing (no official 2027 notice exists yet): make-up
Saturdays 30 Jan and 20 Feb, Spring Festival Fri 5 - Sat 13 Feb off.
"""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.services.deadlines import load_rule_book
from app.services.settings_calendar import set_day_override
from app.store import unlock

PASSPHRASE = "日历 calendar passphrase"
HOLIDAYS_2027 = {
    "元旦": ["01-01", "01-02", "01-03"],
    "春节": [f"02-{day:02d}" for day in range(5, 14)],
    "清明节": ["04-03", "04-04", "04-05"],
    "劳动节": [f"05-0{day}" for day in range(1, 6)],
    "端午节": ["06-09", "06-10", "06-11"],
    "中秋节": ["09-15", "09-16", "09-17"],
    "国庆节": [f"10-0{day}" for day in range(1, 8)],
}
WORKED_2027 = {
    "01-30": "春节",
    "02-20": "春节",
    "04-25": "劳动节",
    "09-26": "国庆节",
    "10-09": "国庆节",
}


def _schedule_file(folder: Path) -> Path:
    lines = ['calendar = "holidays:CN"', "year = 2027", 'source = "test schedule, not official"']
    lines.append("[holidays]")
    lines += [f'2027-{day} = "{name}"' for name, days in HOLIDAYS_2027.items() for day in days]
    lines.append("[working_days]")
    lines += [f'2027-{day} = "{name}"' for day, name in WORKED_2027.items()]
    path = folder / "cn-2027-test.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_keyring: None) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(folder))
    monkeypatch.setenv("PRIVACY_DESK_PASSPHRASE", PASSPHRASE)
    return folder


@pytest.fixture
def database_file(data_folder: Path) -> Path:
    """The data folder's case database, with the 2027 test schedule entered by the CLI."""
    path = data_folder / "privacy-desk.db"
    unlock(path, secrets=None, passphrase=PASSPHRASE, create=True).close()
    assert main(["calendar", "enter", str(_schedule_file(data_folder.parent))]) == 0
    return path


def _deadline(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    capsys.readouterr()
    assert main([*argv[:2], "deadline", *argv[2:]] if argv[:1] == ("--database",) else
                ["deadline", *argv]) == 0  # fmt: skip
    return capsys.readouterr().out.splitlines()


def _day(lines: list[str], day: str) -> list[str]:
    return next(line for line in lines if f" {day} " in line).split(maxsplit=5)


def test_the_entered_schedule_counts_and_is_not_provisional(
    database_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _deadline(capsys, "--kind", "deletion", "--received", "2027-01-29")
    # Day 0 = Fri 29 Jan: Sat 30 Jan (1, make-up), 1-4 Feb (5), 5-13 Feb off, Sun 14 off,
    # 15-19 Feb (10), Sat 20 Feb (11, make-up), 22-25 Feb (15): Thu 25 Feb. 2027 is entered
    # as an official schedule, so not provisional.
    assert "Due:              2027-02-25 (Thu)" in lines
    assert not any("PROVISIONAL" in line for line in lines)
    assert _day(lines, "2027-01-30")[3:] == ["yes", "1", "make-up working day for 春节 (entered)"]
    assert _day(lines, "2027-02-11")[3:] == ["no", "5", "holiday: 春节 (entered)"]
    assert _day(lines, "2027-02-12")[3:] == ["no", "5", "holiday: 春节 (entered)"]
    assert _day(lines, "2027-02-20")[3:5] == ["yes", "11"]
    assert (
        "Calendar data:    built-in, with entries from the case database "
        f"{database_file}: 2027 official schedule (test schedule, not official)"
    ) in lines


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Day 0 = Mon 25 Jan: 26-29 Jan (4), Sat 30 (5), 1-4 Feb (9), 5-14 off, 15-19 (14),
        # Sat 20 Feb (15): due on the make-up Saturday (built-in: Fri 19 Feb, provisional).
        ("2027-01-25", "2027-02-20 (Sat)"),
        # Day 0 = Mon 1 Feb: 2-4 Feb (3), 5-14 off, 15-19 (8), Sat 20 (9), 22-26 (14),
        # 27-28 weekend, Mon 1 Mar (15) (built-in: Fri 26 Feb, provisional).
        ("2027-02-01", "2027-03-01 (Mon)"),
    ],
)
def test_the_date_is_the_entered_schedules_where_it_differs_from_the_built_in_one(
    database_file: Path, capsys: pytest.CaptureFixture[str], received: str, due: str
) -> None:
    lines = _deadline(capsys, "--kind", "deletion", "--received", received)
    assert f"Due:              {due}" in lines
    lines = _deadline(capsys, "--kind", "deletion", "--received", received, "--built-in-calendar")
    assert next(line for line in lines if line.startswith("Due:")).endswith(
        "PROVISIONAL (no official holiday schedule for 2027)"
    )
    assert "Calendar data:    built-in only (--built-in-calendar: entered schedules not read)" in (
        lines
    )


def test_a_day_corrected_in_settings_counts(
    data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "team.db"  # named with --database, not the data folder's
    database = unlock(path, secrets=None, passphrase=PASSPHRASE, create=True)
    with database.session() as session:
        set_day_override(
            session, load_rule_book(), "holidays:CN", date(2026, 10, 9), working=False,
            name="公司停工", actor="admin", today=date(2026, 9, 1),
        )  # fmt: skip
    database.close()
    lines = _deadline(capsys, "--database", str(path), "--kind", "deletion",
                      "--received", "2026-09-30")  # fmt: skip
    # E6 with Fri 9 Oct off: day 0 = Wed 30 Sep, 1-7 Oct National Day, Thu 8 (1), Fri 9 off,
    # Sat 10 make-up (2), 12-16 (7), 19-23 (12), 26 (13), 27 (14), Wed 28 Oct (15); without
    # the correction Tue 27 Oct. 2026 stays official (the shipped schedule): not provisional.
    assert "Due:              2026-10-28 (Wed)" in lines
    assert _day(lines, "2026-10-09")[3:] == ["no", "1", "holiday: 公司停工 (entered)"]
    assert (
        f"Calendar data:    built-in, with entries from the case database {path}: "
        "2026: 1 day corrected in Settings"
    ) in lines


def test_no_database_counts_on_the_built_in_calendar_and_creates_none(
    data_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _deadline(capsys, "--kind", "deletion", "--received", "2027-01-29")
    assert next(line for line in lines if line.startswith("Due:")) == (
        "Due:              2027-02-25 (Thu) PROVISIONAL (no official holiday schedule for 2027)"
    )
    assert (
        f"Calendar data:    built-in only (no case database at {data_folder / 'privacy-desk.db'}, "
        "none was created: schedules entered with 'calendar enter' or in Settings are not used)"
    ) in lines
    assert not data_folder.exists()


def test_a_database_named_that_does_not_exist_is_an_error_and_is_not_created(
    data_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.db"
    status = main(["--database", str(missing), "deadline", "--kind", "access",
                   "--received", "2027-01-29"])  # fmt: skip
    captured = capsys.readouterr()
    assert (status, captured.out) == (2, "")
    assert captured.err == f"error: No case database at '{missing}'.\n"
    assert not missing.exists() and not data_folder.exists()


# Another process holding the database, as the window does (the instance lock is per process).
HOLDER = """
import sys
from pathlib import Path
from app.store import unlock
database = unlock(Path(sys.argv[1]), secrets=None, passphrase=sys.argv[2])
print("OPEN", flush=True)
sys.stdin.read()
database.close()
"""


def test_a_database_open_in_the_window_is_named_with_the_way_round_it(
    database_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(database_file), PASSPHRASE],
        cwd=Path(__file__).resolve().parents[1],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
        capsys.readouterr()
        status = main(["deadline", "--kind", "deletion", "--received", "2027-01-29"])
        captured = capsys.readouterr()
    finally:
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert status != 0 and captured.out == ""
    hint, error = captured.err.splitlines()[:2]
    assert hint.startswith("hint: ") and hint.endswith("with --built-in-calendar")
    assert error.startswith("error: ") and "in use by another Privacy Desk" in error
