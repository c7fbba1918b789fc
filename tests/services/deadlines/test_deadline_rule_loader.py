"""Rule-file validation: every error names the file, the line and the field."""

from datetime import date, datetime
from pathlib import Path

import pytest

from app.errors import RuleError
from app.models.enums import CaseKind
from app.services.deadlines import (
    Confidence,
    PeriodUnit,
    Roll,
    compute_deadline,
    load_rule_book,
    load_rule_set,
)

VALID = """\
[rule_set]
code = "XT"
name = "Test land"
version = "1"
calendar = "holidays:CN"
time_zone = "Asia/Shanghai"

[defaults]
confidence = "secondary"
roll = "none"

[access]
period = { n = 30, unit = "calendar_days" }
source = "GB/T 35273-2020 §8.7"

[deletion]
period.n = 15
period.unit = "working_days"
source = '''
2019 认定方法
'''
"""


def _write(tmp_path: Path, text: str, name: str = "xt.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, old: str, new: str) -> RuleError:
    assert old in VALID
    path = _write(tmp_path, VALID.replace(old, new))
    with pytest.raises(RuleError) as caught:
        load_rule_set(path)
    assert caught.value.file == str(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_valid_file_loads(tmp_path: Path) -> None:
    rule_set = load_rule_set(_write(tmp_path, VALID))
    access = rule_set.rule(CaseKind.ACCESS)
    assert (access.period.n, access.period.unit) == (30, PeriodUnit.CALENDAR_DAYS)
    assert access.confidence is Confidence.SECONDARY and access.roll is Roll.NONE
    assert rule_set.rule(CaseKind.DELETION).period.unit is PeriodUnit.WORKING_DAYS


def test_e9a_china_30_calendar_days_receipt_excluded(tmp_path: Path) -> None:
    # E9a: Wed 30 Sep 2026 + 30 days (民法典 art. 201) = Fri 30 Oct 2026.
    _write(tmp_path, VALID)
    book = load_rule_book(tmp_path)
    received = datetime.fromisoformat("2026-09-30T02:00:00+00:00")
    assert compute_deadline(book, "XT", CaseKind.ACCESS, received).due_date == date(2026, 10, 30)


def test_unknown_unit(tmp_path: Path) -> None:
    error = _error(tmp_path, 'unit = "calendar_days"', 'unit = "fortnights"')
    assert (error.line, error.field) == (13, "access.period.unit")


def test_unknown_unit_in_dotted_key(tmp_path: Path) -> None:
    error = _error(tmp_path, 'period.unit = "working_days"', 'period.unit = "weekdays"')
    assert (error.line, error.field) == (18, "deletion.period.unit")


def test_missing_period(tmp_path: Path) -> None:
    error = _error(tmp_path, 'period = { n = 30, unit = "calendar_days" }\n', "")
    assert (error.line, error.field) == (12, "access.period")


def test_missing_period_n(tmp_path: Path) -> None:
    error = _error(tmp_path, "period.n = 15\n", "")
    assert (error.line, error.field) == (17, "deletion.period.n")


def test_bad_period_n(tmp_path: Path) -> None:
    error = _error(tmp_path, "n = 30,", "n = -3,")
    assert (error.line, error.field) == (13, "access.period.n")


def test_bad_time_zone(tmp_path: Path) -> None:
    error = _error(tmp_path, "Asia/Shanghai", "Asia/Peking_Standard")
    assert (error.line, error.field) == (6, "rule_set.time_zone")


def test_bad_time_zone_in_kind_table(tmp_path: Path) -> None:
    error = _error(tmp_path, 'source = "GB', 'time_zone = "../../etc/passwd"\nsource = "GB')
    assert (error.line, error.field) == (14, "access.time_zone")


def test_bad_confidence(tmp_path: Path) -> None:
    error = _error(tmp_path, 'confidence = "secondary"', 'confidence = "probably"')
    assert (error.line, error.field) == (9, "defaults.confidence")
    assert "confirmed" in error.problem


def test_bad_calendar(tmp_path: Path) -> None:
    error = _error(tmp_path, 'calendar = "holidays:CN"', 'calendar = "holidays:ZZ"')
    assert (error.line, error.field) == (5, "rule_set.calendar")


def test_unknown_kind_table(tmp_path: Path) -> None:
    error = _error(tmp_path, "[deletion]", "[erasure]")
    assert (error.line, error.field) == (16, "erasure")


def test_unknown_field_is_a_typo(tmp_path: Path) -> None:
    error = _error(tmp_path, "period.n = 15", "perod.n = 15")
    assert (error.line, error.field) == (17, "deletion.perod")


def test_extension_unit_must_match_period(tmp_path: Path) -> None:
    extension = 'extension = { n = 2, unit = "months" }\nsource = "GB'
    error = _error(tmp_path, 'source = "GB', extension)
    assert (error.line, error.field) == (14, "access.extension.unit")


def test_toml_syntax_error_gives_line(tmp_path: Path) -> None:
    error = _error(tmp_path, 'version = "1"', "version = 1.2.3")
    assert error.line == 4


def test_file_name_must_match_code(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID, name="other.toml")
    with pytest.raises(RuleError) as caught:
        load_rule_set(path)
    assert (caught.value.line, caught.value.field) == (2, "rule_set.code")


def test_unknown_header_field(tmp_path: Path) -> None:
    error = _error(tmp_path, 'version = "1"', 'version = "1"\nvesion = "2"')
    assert (error.line, error.field) == (5, "rule_set.vesion")


def test_missing_header(tmp_path: Path) -> None:
    error = _error(tmp_path, "[rule_set]", "[header]")
    assert (error.line, error.field) == (None, "rule_set")


def test_rule_book_reports_the_bad_file(tmp_path: Path) -> None:
    _write(tmp_path, VALID)
    bad = _write(tmp_path, VALID.replace('"XT"', '"YT"').replace("30,", '"30",'), "yt.toml")
    with pytest.raises(RuleError) as caught:
        load_rule_book(tmp_path)
    assert caught.value.file == str(bad)
    assert (caught.value.line, caught.value.field) == (13, "access.period.n")
