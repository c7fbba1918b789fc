"""What the audit trail records of a regulator's stated limits, and reads back for a recount.

The ``clock.stated_deadline`` event of a date counted from a regulator's letter records the
statement it was counted from (``n`` and ``unit``; ``unit`` "date" for a date), every limit the
letter states (``statements``) and, where the period was counted on the calendar of the state
whose authority wrote (``app.services.intake.sender_state``), that region of the rule set
(``region``, e.g. "PL") and its calendar (``calendar``, e.g. "holidays:PL"), so that a corrected
receipt or a changed calendar counts it again, on the same calendar, without reading the letter
(``app.services.clock``). No words of the letter (they may name people).
"""

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UnknownRuleError
from app.models import Case, Event
from app.services.case_rows import StatedPeriod
from app.services.deadlines import RuleBook
from app.services.intake.stated_limit import StatedLimit
from app.services.intake.stated_limit_dates import StatedDate

# The event recording a regulator's date, with the limit it was counted from.
STATED_EVENT = "clock.stated_deadline"
# The stated units a period is counted in (``regulator_deadline``'s ``PeriodUnit`` for each).
PERIOD_UNITS = frozenset({"working_days", "working_days_mon_sat", "calendar_days", "months"})
# The units counted on a holiday calendar (the others count every day).
WORKING_DAY_UNITS = frozenset({"working_days", "working_days_mon_sat"})
# A region code as the rule files write them ("PL", "US-CA"), or a state's region ("DE-BY").
_REGION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_MAX_REGION = 10


def limit_details(
    statement: StatedLimit,
    statements: tuple[StatedLimit, ...] = (),
    *,
    region: str | None = None,
    calendar: str | None = None,
) -> dict[str, Any]:
    """What the audit event of a regulator's date records of the statement it was counted
    from: ``n`` and ``unit`` of a period, ``unit`` "date" of a date (whose ``due_date`` the
    event records); and, as ``statements``, every limit the letter states (periods, and dates
    as day, month and year written), so that a recount weighs them all without reading the
    letter again; with ``region`` (e.g. "PL") and its ``calendar`` spec ("holidays:PL") where a
    period was counted on a region's calendar rather than the rule set's own. No words of the
    letter (they may name people)."""
    details: dict[str, Any] = (
        {"unit": statement.unit} if statement.on else {"n": statement.n, "unit": statement.unit}
    )
    if statements:
        details["statements"] = [_recorded(each) for each in statements]
    if region is not None:
        details["region"] = region
        if calendar is not None:
            details["calendar"] = calendar
    return details


def _recorded(statement: StatedLimit) -> dict[str, Any]:
    if statement.on is None:
        return {"n": statement.n, "unit": statement.unit}
    on = statement.on
    return {
        "unit": "date",
        "year": on.year,
        "month": on.month,
        "day": on.day,
        "ambiguous": on.ambiguous,
    }


def region_on_record(session: Session, case: Case) -> str | None:
    """Return the region of the rule set whose calendar the regulator's date of ``case`` was
    last counted on (its latest ``clock.stated_deadline`` event's ``region``, e.g. ``"PL"``);
    ``None`` for one counted on the rule set's own calendar, or recorded before regions were."""
    region = _latest_payload(session, case).get("region")
    if isinstance(region, str) and 0 < len(region) <= _MAX_REGION and set(region) <= _REGION_CHARS:
        return region
    return None


def period_on_record(session: Session, case: Case, rule_book: RuleBook) -> StatedPeriod | None:
    """Return the period the regulator's date of ``case`` was last counted from (its latest
    ``clock.stated_deadline`` event's ``n`` and ``unit``) with, for working days, the holiday
    calendar counted on: the event's ``calendar`` (a member state's), else the rule set's own
    (``rule_book``'s for the case's jurisdiction: what ``counting_basis`` counts on without a
    region, e.g. Brazil's for an ANPD letter). ``None`` for a stated date, no event, or a
    payload that records no period (the case file and the header then name none). Working days
    Monday to Saturday (``working_days_mon_sat``: Werktage, jours ouvrables) count on a holiday
    calendar too, so they carry it like Monday-to-Friday ones."""
    payload = _latest_payload(session, case)
    n, unit = payload.get("n"), payload.get("unit")
    if unit not in PERIOD_UNITS or not isinstance(n, int) or isinstance(n, bool):
        return None
    if unit not in WORKING_DAY_UNITS:
        return StatedPeriod(n, str(unit), None)
    calendar = payload.get("calendar")
    if not isinstance(calendar, str) or not calendar:
        calendar = _own_calendar(rule_book, case.jurisdiction)
    return StatedPeriod(n, str(unit), calendar)


def _own_calendar(rule_book: RuleBook, jurisdiction: str) -> str | None:
    """The calendar spec every rule of ``jurisdiction``'s rule set counts on (the files set it
    in ``[defaults]``); ``None`` without a rule set or rules."""
    try:
        rule_set = rule_book.rule_set(jurisdiction)
    except UnknownRuleError:
        return None
    rule = next(iter(rule_set.rules.values()), None)
    return rule.calendar if rule is not None else None


def _latest_payload(session: Session, case: Case) -> dict[str, Any]:
    """The payload of the latest ``clock.stated_deadline`` event of ``case`` (empty if none)."""
    query = (
        select(Event.payload)
        .where(Event.case_id == case.id, Event.action == STATED_EVENT)
        .order_by(Event.id.desc())
        .limit(1)
    )
    payload = session.scalars(query).first()
    return dict(payload) if isinstance(payload, dict) else {}


def limits_on_record(session: Session, case: Case) -> StatedLimit | None:
    """Return the limits the regulator's date of ``case`` was last counted from (its latest
    ``clock.stated_deadline`` event): every statement of the letter, the first with the others
    as ``fallbacks`` (``count_stated_limit`` weighs them all); for an event recorded before
    those were, its period alone. ``None`` when nothing countable is recorded (a date stored
    before its source was, or a stated date recorded without its statements)."""
    payload = _latest_payload(session, case)
    recorded = [_statement(each) for each in payload.get("statements") or ()]
    statements = [each for each in recorded if each is not None]
    if statements and len(statements) == len(recorded):
        return replace(statements[0], fallbacks=tuple(statements[1:]))
    return _statement(payload) if payload.get("unit") in PERIOD_UNITS else None


def _statement(record: Any) -> StatedLimit | None:
    """The statement ``limit_details`` recorded as ``record``; ``None`` if it is not one."""
    if not isinstance(record, dict):
        return None
    n, unit = record.get("n"), record.get("unit")
    if unit in PERIOD_UNITS and isinstance(n, int):
        return StatedLimit(n, unit, "")
    year, month, day = record.get("year"), record.get("month"), record.get("day")
    if unit == "date" and isinstance(month, int) and isinstance(day, int):
        on = StatedDate(
            year if isinstance(year, int) else None, month, day, bool(record.get("ambiguous"))
        )
        return StatedLimit(0, "date", "", on)
    return None
