"""Internal targets: the company's own promise per jurisdiction and request kind.

Company policy, not law: ``resources/policy/internal_targets.toml`` (its header explains the
format). ``compute_deadline`` counts a target from the statutory clock start, with the same
pauses, and caps it at the statutory due date.
"""

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from app.errors import RuleError
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines.rules import FirstDay, Period, PeriodUnit, Roll
from app.services.deadlines.toml_lines import KeyLines

E = TypeVar("E", bound=StrEnum)

_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_FIELDS = frozenset({"period", "first_day", "roll", "source", "kinds"})
_MAX_PERIOD = 3660


@dataclass(frozen=True)
class InternalTarget:
    """One promise: ``period`` counted from the clock start, then ``roll`` (company policy)."""

    period: Period
    first_day: FirstDay
    roll: Roll
    source: str


@dataclass(frozen=True)
class JurisdictionTargets:
    """The default target of one rule-set code and its per-kind exceptions."""

    default: InternalTarget
    kinds: Mapping[CaseKind, InternalTarget] = field(default_factory=dict)


@dataclass(frozen=True)
class InternalTargets:
    """Every internal target, keyed by upper-case rule-set code (``"CN"``, ``"US-CA"``)."""

    jurisdictions: Mapping[str, JurisdictionTargets] = field(default_factory=dict)

    def target(self, jurisdiction: str, kind: CaseKind) -> InternalTarget | None:
        """Return the target of ``kind`` in ``jurisdiction``, or ``None`` where there is none."""
        entry = self.jurisdictions.get(jurisdiction.strip().upper())
        if entry is None:
            return None
        return entry.kinds.get(kind, entry.default)


def load_internal_targets(path: Path | None = None) -> InternalTargets:
    """Load and validate the internal-target file (default ``resources/policy/...toml``).

    Raises:
        RuleError: unreadable or malformed file; names the file, the line and the field.
    """
    path = path if path is not None else resource_path("policy", "internal_targets.toml")
    try:
        text = path.read_bytes().decode("utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise RuleError(str(path), None, "", f"cannot read ({type(error).__name__})") from None
    reader = _TargetFile(path, KeyLines(text))
    return InternalTargets({code: reader.jurisdiction(code, entry) for code, entry in data.items()})


class _TargetFile:
    """Validation of one target file, pointing errors at the field's line."""

    def __init__(self, path: Path, lines: KeyLines) -> None:
        self.path = path
        self.lines = lines

    def error(self, where: str, problem: str) -> RuleError:
        return RuleError(str(self.path), self.lines.line_of(where), where, problem)

    def jurisdiction(self, code: str, entry: Any) -> JurisdictionTargets:
        if not _CODE.match(code) or not isinstance(entry, dict):
            raise self.error(code, "must be a table named by an upper-case rule-set code")
        kinds = entry.get("kinds", {})
        if not isinstance(kinds, dict):
            raise self.error(f"{code}.kinds", "must be a table of request kinds")
        default = self.target(code, entry)
        exceptions = {
            self.kind(code, name): self.target(f"{code}.kinds.{name}", value, entry)
            for name, value in kinds.items()
        }
        return JurisdictionTargets(default, exceptions)

    def kind(self, code: str, name: str) -> CaseKind:
        if name not in CaseKind.__members__.values():
            raise self.error(f"{code}.kinds.{name}", "not a request kind")
        return CaseKind(name)

    def target(
        self, where: str, entry: Any, parent: Mapping[str, Any] | None = None
    ) -> InternalTarget:
        if not isinstance(entry, dict):
            raise self.error(where, "must be a table")
        values = {**{k: v for k, v in (parent or {}).items() if k != "kinds"}, **entry}
        for name in values.keys() - _FIELDS:
            raise self.error(f"{where}.{name}", "unknown field")
        source = values.get("source")
        if not isinstance(source, str) or not source.strip():
            raise self.error(f"{where}.source", "missing or empty")
        return InternalTarget(
            self.period(where, values.get("period")),
            self.choice(f"{where}.first_day", values.get("first_day", "next_day"), FirstDay),
            self.choice(f"{where}.roll", values.get("roll", "backward"), Roll),
            source.strip(),
        )

    def period(self, where: str, value: Any) -> Period:
        if not isinstance(value, dict):
            raise self.error(f"{where}.period", "missing or not {n, unit}")
        n, unit = value.get("n"), value.get("unit")
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= _MAX_PERIOD:
            raise self.error(f"{where}.period.n", f"must be a whole number from 1 to {_MAX_PERIOD}")
        return Period(n, self.choice(f"{where}.period.unit", unit, PeriodUnit))

    def choice(self, where: str, value: Any, enum: type[E]) -> E:
        if value not in enum.__members__.values():
            allowed = ", ".join(member.value for member in enum)
            raise self.error(where, f"{str(value)[:40]!r} is not one of: {allowed}")
        return enum(value)
