"""Load and validate rule sets (``resources/rules/<code>.toml``).

A rule file has a ``[rule_set]`` header (code, name, version, calendar, time_zone), an optional
``[defaults]`` table whose fields every kind table inherits, an optional ``[regions]`` table of
selectable calendars (e.g. EU member states) and one table per request kind named by its
``CaseKind`` value. Any problem raises ``RuleError`` naming the file, the line and the field.
"""

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import RuleError
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines.calendars import parse_calendar_spec
from app.services.deadlines.kind_fields import KindFields
from app.services.deadlines.rules import (
    Region,
    Rule,
    RuleBook,
    RuleSet,
)
from app.services.deadlines.toml_lines import KeyLines

_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
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
    return RuleFile(path, KeyLines(text), data).build()


class RuleFile:
    """One rule file being validated; knows how to point at a field's line and reads its
    header, regions and kind tables (each kind's fields through ``KindFields``)."""

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
        fields = KindFields(self, kind, {**header, **merged})
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
