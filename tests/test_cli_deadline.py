"""``python -m app deadline``: the E6 explanation and one-line errors with status 2."""

from pathlib import Path

import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder without a case database: the built-in calendar, whatever this machine
    holds in its real data folder (tests/test_cli_deadline_calendar.py reads one)."""
    monkeypatch.setenv("PRIVACY_DESK_DATA_DIR", str(tmp_path / "data"))


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["deadline", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_e6_output(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, "--jurisdiction", "CN", "--kind", "deletion", "--received", "2026-09-30",
        "--time", "09:00",
    )  # fmt: skip
    assert status == 0
    lines = out.splitlines()
    assert "Due:              2026-10-27 (Tue)" in lines
    assert any(line.startswith("Legal source:") and "PIPL art. 47" in line for line in lines)
    assert "Internal target:  2026-10-20 (Tue) (company policy, not law)" in lines
    saturday = next(line for line in lines if "2026-10-10" in line)
    assert saturday.split()[:5] == ["10", "2026-10-10", "Sat", "yes", "3"]
    # 2026 notice (国办发明电〔2025〕7号): Sat 10 Oct is worked for National Day.
    assert saturday.endswith("make-up working day for National Day")
    for day in range(1, 8):
        line = next(line for line in lines if f"2026-10-0{day} " in line)
        assert line.split()[3] == "no"
        assert ("holiday" in line) is (day != 4)  # Sun 4 Oct is a plain weekend day
    assert "National Day" in next(line for line in lines if "2026-10-01" in line)
    last = [line for line in lines if line.strip()][-1]
    assert "2026-10-27" in last and "DUE" in last and last.split()[4] == "15"


def test_e6_with_pause(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys, "--kind", "deletion", "--received", "2026-09-30", "--pause", "2026-10-08:2026-10-12"
    )
    assert status == 0
    assert "Due:              2026-11-02 (Mon)" in out.splitlines()
    saturday = next(line for line in out.splitlines() if "2026-10-10" in line)
    assert "paused" in saturday and saturday.split()[3] == "no"


def test_eu_extension_and_policy_rule(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--jurisdiction", "eu", "--kind", "deletion", "--received",
                     "2026-01-15", "--extend")  # fmt: skip
    assert "Extension notice: 2026-02-16 (Mon)" in out
    assert "Effective due:    2026-04-15 (Wed) (extension used)" in out
    _, out, _ = _run(capsys, "--jurisdiction", "JP", "--kind", "access", "--received", "2026-01-15")
    assert "policy, not statute" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["--jurisdiction", "XX", "--kind", "access", "--received", "2026-01-15"],
        ["--kind", "access", "--received", "2026-13-01"],
        ["--kind", "access", "--received", "2026-01-15", "--pause", "2026-02-06:2026-02-02"],
        ["--kind", "access", "--received", "2026-01-15", "--pause", "2026-02-06"],
        ["--kind", "deletion", "--received", "2026-01-15", "--extend"],
        ["--kind", "<script>", "--received", "2026-01-15"],
        ["--kind", "access"],
        ["--kind", "access", "--received", "2026-01-15", "--time", "25:00"],
        ["--jurisdiction", "EU", "--kind", "access", "--received", "2026-01-15", "--region", "ZZ"],
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")


@pytest.mark.parametrize(
    ("jurisdiction", "received"),
    [("CN", "9999-12-31"), ("EU", "9999-12-15"), ("CN", "0001-01-01")],
)
def test_a_date_the_engine_cannot_count_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], jurisdiction: str, received: str
) -> None:
    status, out, err = _run(
        capsys, "--jurisdiction", jurisdiction, "--kind", "access", "--received", received
    )
    assert (status, out) == (2, "")
    assert err == (
        f"error: The receipt date {received} is outside the dates deadlines are counted for "
        "(1970-01-01 to 2200-12-31); check the date.\n"
    )
