"""Load and validate rule sets (``resources/rules/<code>.toml``).

A rule file has a ``[rule_set]`` header (code, name, version, calendar, time_zone), an optional
``[defaults]`` table whose fields every kind table inherits, an optional ``[regions]`` table of
selectable calendars (e.g. EU member states) and one table per request kind named by its
``CaseKind`` value. Any problem raises ``RuleError`` naming the file, the line and the field.
"""

import re
import tomllib
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import RuleError
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines.calendars import parse_calendar_spec
from app.services.deadlines.evidence import evidence_tags
from app.services.deadlines.rules import (
    Basis,
    Confidence,
    Extension,
    FirstDay,
    NoticeDue,
    Period,
    PeriodUnit,
    Region,
    Roll,
    Rule,
    RuleBook,
    RuleSet,
    StartEvent,
)
from app.services.deadlines.toml_lines import KeyLines

E = TypeVar("E", bound=StrEnum)

_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_MAX_PERIOD = 3660  # ten years of days: anything longer is a typo, not a statute
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KIND_FIELDS = frozenset(
    {
        "period", "start", "pauses_stop_clock", "extension", "acknowledgement", "first_day",
        "roll", "calendar", "time_zone", "rest_days", "source", "source_zh", "confidence",
        "basis", "note", "midnight_start_counts",
    }
)  # fmt: skip
_HEADER_FIELDS = frozenset({"code", "name", "version", "calendar", "time_zone"})
_RESERVED_TABLES = frozenset({"rule_set", "defaults", "regions"})


def load_rule_book(directory: Path | None = None) -> RuleBook:
    """Load every ``*.toml`` rule set of ``directory`` (default ``resources/rules``).

    Returns:
        A ``RuleBook`` keyed by upper-case jurisdiction code.

    Raises:
        RuleError: a file is malformed, or two files declare the same code.
    """
    directory = directory if directory is not None else resource_path("rules")
    if not directory.is_dir():
        raise RuleError(str(directory), None, "", "rule directory not found")
    rule_sets: dict[str, RuleSet] = {}
    for path in sorted(directory.glob("*.toml")):
        rule_set = load_rule_set(path)
        if rule_set.code in rule_sets:
            raise RuleError(str(path), None, "rule_set.code", f"duplicate code {rule_set.code}")
        rule_sets[rule_set.code] = rule_set
    return RuleBook(rule_sets)


def load_rule_set(path: Path) -> RuleSet:
    """Load and validate one rule file; raise ``RuleError`` (file, line, field) on any problem."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(
            str(path), None, "", f"cannot read as UTF-8 ({type(error).__name__})"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise RuleError(
            str(path), int(line.group(1)) if line else None, "", f"TOML: {error}"
        ) from None
    return _RuleFile(path, KeyLines(text), data).build()


class _RuleFile:
    """One rule file being validated; knows how to point at a field's line."""

    def __init__(self, path: Path, lines: KeyLines, data: dict[str, Any]) -> None:
        self.path = path
        self.lines = lines
        self.data = data

    def error(self, field: str, problem: str) -> RuleError:
        """Return (not raise) a ``RuleError`` for the dotted ``field``."""
        return RuleError(str(self.path), self.lines.line_of(field), field, problem)

    def build(self) -> RuleSet:
        header = self.table(self.data, "rule_set", required=True)
        for name in header.keys() - _HEADER_FIELDS:
            raise self.error(f"rule_set.{name}", "unknown field")
        code = self.text(header, "rule_set.code", pattern=_CODE)
        if self.path.name != f"{code.lower()}.toml":
            raise self.error("rule_set.code", f"file must be named {code.lower()}.toml")
        rules = {kind: self.rule(kind) for kind in self.kind_tables()}
        return RuleSet(
            code=code,
            name=self.text(header, "rule_set.name"),
            version=self.text(header, "rule_set.version"),
            file=str(self.path),
            rules=rules,
            regions=self.regions(),
        )

    def kind_tables(self) -> list[CaseKind]:
        kinds = []
        for name in self.data:
            if name in _RESERVED_TABLES:
                continue
            if name not in CaseKind.__members__.values():
                raise self.error(name, "not a request kind (see app.models.enums.CaseKind)")
            self.table(self.data, name, required=True)
            kinds.append(CaseKind(name))
        return kinds

    def regions(self) -> dict[str, Region]:
        regions = {}
        for code, entry in self.table(self.data, "regions").items():
            where = f"regions.{code}"
            if not isinstance(entry, dict):
                raise self.error(where, "must be a table with calendar and time_zone")
            regions[code] = Region(
                self.calendar(entry, f"{where}.calendar"), self.zone(entry, f"{where}.time_zone")
            )
        return regions

    def rule(self, kind: CaseKind) -> Rule:
        own = self.table(self.data, kind.value, required=True)
        merged = {**self.table(self.data, "defaults"), **own}
        header = self.table(self.data, "rule_set", required=True)
        for name in merged:
            if name not in _KIND_FIELDS:
                raise self.error(self.where(kind, name), "unknown field")
        fields = _Fields(self, kind, {**header, **merged})
        return fields.rule()

    def where(self, kind: CaseKind, name: str) -> str:
        """Return the dotted path where ``name`` is written: the kind, defaults or header."""
        for table in (kind.value, "defaults", "rule_set"):
            if name in self.data.get(table, {}):
                return f"{table}.{name}"
        return f"{kind.value}.{name}"

    def table(self, parent: Mapping[str, Any], name: str, required: bool = False) -> dict[str, Any]:
        value = parent.get(name)
        if value is None and not required:
            return {}
        if not isinstance(value, dict):
            raise self.error(name, "missing table" if value is None else "must be a table")
        return value

    def text(
        self, table: Mapping[str, Any], where: str, pattern: re.Pattern[str] | None = None
    ) -> str:
        value = table.get(where.rsplit(".", 1)[-1])
        if not isinstance(value, str) or not value.strip():
            raise self.error(where, "missing" if value is None else "must be non-empty text")
        if pattern is not None and not pattern.match(value):
            raise self.error(where, f"must match {pattern.pattern}")
        return value.strip()

    def zone(self, table: Mapping[str, Any], where: str) -> str:
        name = self.text(table, where)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.error(where, f"unknown IANA time zone {name[:40]!r}") from None
        return name

    def calendar(self, table: Mapping[str, Any], where: str) -> str:
        spec = self.text(table, where)
        try:
            parse_calendar_spec(spec)
        except ValueError as problem:
            raise self.error(where, str(problem)) from None
        return spec


class _Fields:
    """The merged fields of one kind table (header < defaults < kind) and their validation."""

    def __init__(self, rule_file: _RuleFile, kind: CaseKind, values: dict[str, Any]) -> None:
        self.file = rule_file
        self.kind = kind
        self.values = values

    def at(self, name: str) -> str:
        return self.file.where(self.kind, name)

    def rule(self) -> Rule:
        period = self.period("period", required=True)
        assert period is not None  # required=True never returns None
        return Rule(
            kind=self.kind,
            period=period,
            start=self.choice("start", StartEvent, StartEvent.RECEIVED),
            pauses_stop_clock=self.flag("pauses_stop_clock"),
            extension=self.extension(period),
            acknowledgement=self.period("acknowledgement"),
            first_day=self.choice("first_day", FirstDay, FirstDay.NEXT_DAY),
            roll=self.choice("roll", Roll, None),
            calendar=self.file.calendar(self.values, self.at("calendar")),
            time_zone=self.file.zone(self.values, self.at("time_zone")),
            rest_days=self.rest_days(),
            source=(source := self.file.text(self.values, self.at("source"))),
            confidence=self.choice("confidence", Confidence, None),
            basis=self.choice("basis", Basis, Basis.STATUTE),
            note=str(self.values.get("note", "")),
            source_zh=self.source_zh(source),
            midnight_start_counts=self.flag("midnight_start_counts"),
        )

    def source_zh(self, source: str) -> str:
        """Return the Chinese ``source_zh`` (empty when absent): Chinese text carrying the same
        evidence tags as ``source``, so both readers see the same confidence."""
        text = self.optional_text("source_zh")
        if text and not _HAN.search(text):
            raise self.file.error(self.at("source_zh"), "must be in Chinese")
        if text and evidence_tags(text) != evidence_tags(source):
            raise self.file.error(
                self.at("source_zh"), "must carry the same evidence tags as source"
            )
        return text

    def optional_text(self, name: str) -> str:
        """Return the optional text field ``name``, empty when absent."""
        return self.file.text(self.values, self.at(name)) if name in self.values else ""

    def choice(self, name: str, enum: type[E], default: E | None) -> E:
        value = self.values.get(name)
        if value is None and default is not None:
            return default
        allowed = ", ".join(member.value for member in enum)
        if value is None:
            raise self.file.error(self.at(name), f"missing; one of: {allowed}")
        if value not in enum.__members__.values():
            raise self.file.error(self.at(name), f"{str(value)[:40]!r} is not one of: {allowed}")
        return enum(value)

    def flag(self, name: str) -> bool:
        value = self.values.get(name, False)
        if not isinstance(value, bool):
            raise self.file.error(self.at(name), "must be true or false")
        return value

    def count(self, table: Mapping[str, Any], where: str, default: int | None = None) -> int:
        value = table.get(where.rsplit(".", 1)[-1], default)
        if value is None:
            raise self.file.error(where, "missing")
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_PERIOD:
            raise self.file.error(where, f"must be a whole number from 1 to {_MAX_PERIOD}")
        return value

    def unit(self, table: Mapping[str, Any], where: str) -> PeriodUnit:
        value = table.get("unit")
        allowed = ", ".join(unit.value for unit in PeriodUnit)
        if not isinstance(value, str) or value not in PeriodUnit.__members__.values():
            problem = "missing" if value is None else f"{str(value)[:40]!r} is not a unit"
            raise self.file.error(f"{where}.unit", f"{problem}; one of: {allowed}")
        return PeriodUnit(value)

    def period(self, name: str, required: bool = False) -> Period | None:
        where = self.at(name)
        table = self.values.get(name)
        if (table is None or table is False) and not required:
            return None  # false switches off an inherited extension or acknowledgement
        if not isinstance(table, dict):
            raise self.file.error(where, "missing" if table is None else "must be {n, unit}")
        return Period(self.count(table, f"{where}.n"), self.unit(table, where))

    def extension(self, period: Period) -> Extension | None:
        where = self.at("extension")
        extra = self.period("extension")
        if extra is None:
            return None
        if extra.unit != period.unit:
            raise self.file.error(f"{where}.unit", f"must equal the period's unit {period.unit}")
        table = self.values["extension"]
        notice = table.get("notice_due", NoticeDue.ORIGINAL_DUE.value)
        if notice not in NoticeDue.__members__.values():
            raise self.file.error(f"{where}.notice_due", "must be 'original_due'")
        times = self.count(table, f"{where}.times", default=1)
        return Extension(extra.n, extra.unit, times, NoticeDue(notice))

    def rest_days(self) -> frozenset[int] | None:
        value = self.values.get("rest_days")
        if value is None:
            return None
        if not isinstance(value, list) or not value or any(day not in _WEEKDAYS for day in value):
            raise self.file.error(self.at("rest_days"), f"must be a list of {', '.join(_WEEKDAYS)}")
        return frozenset(_WEEKDAYS.index(day) for day in value)
