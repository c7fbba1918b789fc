"""The fields of one request kind's table of a rule file (``resources/rules/<code>.toml``),
merged from the ``[rule_set]`` header, ``[defaults]`` and the kind's own table, each checked
and read into a ``Rule``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from app.models.enums import CaseKind
from app.services.deadlines.evidence import evidence_tags
from app.services.deadlines.rules import (
    Basis,
    Confidence,
    Extension,
    FirstDay,
    NoticeDue,
    Period,
    PeriodUnit,
    Roll,
    Rule,
    StartEvent,
)

if TYPE_CHECKING:
    from app.services.deadlines.loader import RuleFile

E = TypeVar("E", bound=StrEnum)

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MAX_PERIOD = 3660  # ten years of days: anything longer is a typo, not a statute
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class KindFields:
    """The merged fields of one kind table (header < defaults < kind) and their validation.

    Args:
        rule_file: the file they are read from, which names a field's line in errors.
        kind: the request kind of the table.
        values: the merged fields, by name.

    Every problem raises ``RuleError`` naming the file, the line and the field.
    """

    def __init__(self, rule_file: RuleFile, kind: CaseKind, values: dict[str, Any]) -> None:
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
