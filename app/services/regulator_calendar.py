"""Which calendar a regulator's stated period is counted on, and in which days.

Three things the letter's words alone do not settle (``app.services.regulator_deadline`` counts):

- The state, or the state's region, whose calendar counts (Reg. 1182/71 art. 2(1): the public
  holidays of the member state where the act is to be done). A German Land's authority (BayLDA,
  lda.bayern.de) is the Land's: Bavaria keeps 6 January (Epiphany, Bayerisches Feiertagsgesetz
  Art. 1) which Germany's national calendar does not (qa19 F3). The sender's state is then an
  ISO 3166-2 code ("DE-BY": ``app.services.intake.sender_state``); it is counted on the rule
  set's region of that code where there is one, else on its country's region with the
  subdivision added to the calendar ("holidays:DE" -> "holidays:DE-BY", the ``holidays``
  package's subdivision), in the country's time zone.
- A period in Monday-to-Saturday working days ("10 Werktage", "8 jours ouvrables", "10 giorni
  feriali"; unit "working_days_mon_sat") is counted on the same holidays with Sunday the only
  rest day (``sundays_only``), and its last day, if a Saturday or otherwise no working day of
  the ordinary calendar, moves as the rule set moves a period's end (Reg. 1182/71 art. 3(4):
  a period ending on a Saturday, Sunday or public holiday ends on the next working day; so
  § 193 BGB, CPC art. 642 (FR), c.p.c. art. 155 (IT)).
- A plain "días"/"dias" is a working day in a letter of a Spanish or Portuguese authority (Ley
  39/2015 art. 30.2: periods stated in days are "hábiles", leaving out Saturdays, Sundays and
  public holidays, unless stated as "naturales"; Código do Procedimento Administrativo (DL
  4/2015) art. 87(c): a period is suspended on Saturdays, Sundays and holidays), a calendar day
  elsewhere (Brazil's Lei 9.784/1999 art. 66: continuous) (qa19 F16).
"""

from dataclasses import replace
from datetime import date

from app.services.deadlines import FirstDay, Period, PeriodUnit, Roll, WorkingCalendar
from app.services.deadlines.calendars import CalendarOverrides, parse_calendar_spec
from app.services.deadlines.counting import count_period
from app.services.deadlines.rules import RuleSet
from app.services.intake.stated_limit import StatedLimit

# The weekday a Monday-to-Saturday count rests on (0 = Monday): Sunday alone.
_SUNDAY_ONLY = frozenset({6})
# States whose administrative procedure law counts a period stated in plain days in working days
# (Monday to Friday less public holidays): Spain (Ley 39/2015 art. 30.2), Portugal (CPA art. 87(c)).
_PLAIN_DAYS_ARE_WORKING_DAYS = frozenset({"ES", "PT"})


def region_calendar(rule_set: RuleSet, state: str) -> tuple[str, str, str] | None:
    """Return the region, calendar spec and time zone a letter of ``state``'s authority is
    counted on under ``rule_set``.

    Args:
        rule_set: the case's rule set (its ``regions``: an EU rule set's member states).
        state: ISO 3166-1 alpha-2 ("PL") or ISO 3166-2 ("DE-BY") of the authority's state.

    Returns:
        ``(region, spec, zone)``: ``state`` as the region with its calendar where the rule set
        has it; for a subdivision the rule set lacks, ``state`` with its country's calendar and
        the subdivision added ("holidays:DE-BY") when the ``holidays`` package knows it, else the
        country as the region with its calendar; ``None`` where the rule set has neither.
    """
    if state in rule_set.regions:
        region = rule_set.regions[state]
        return state, region.calendar, region.time_zone
    country, _, subdivision = state.partition("-")
    if country not in rule_set.regions:
        return None
    region = rule_set.regions[country]
    if subdivision and "-" not in region.calendar:
        spec = f"{region.calendar}-{subdivision}"
        try:
            parse_calendar_spec(spec)
        except ValueError:
            return country, region.calendar, region.time_zone
        return state, spec, region.time_zone
    return country, region.calendar, region.time_zone


def sundays_only(calendar: WorkingCalendar, overrides: CalendarOverrides | None) -> WorkingCalendar:
    """Return ``calendar``'s holidays (with ``overrides``) resting on Sundays only: the calendar
    of a Monday-to-Saturday count ("working_days_mon_sat")."""
    return WorkingCalendar(calendar.spec, _SUNDAY_ONLY, overrides)


def count_monday_to_saturday(
    received: date,
    n: int,
    calendar: WorkingCalendar,
    mon_sat: WorkingCalendar | None,
    roll: Roll,
) -> tuple[date, frozenset[int]]:
    """Count ``n`` Monday-to-Saturday working days from ``received`` (day 0, a local date).

    Args:
        received: the local receipt date. n: the days stated (Werktage, jours ouvrables...).
        calendar: the ordinary working calendar (Monday to Friday) with its overrides.
        mon_sat: the same holidays resting on Sundays only (``sundays_only``); ``None``: built
            from ``calendar`` without overrides.
        roll: how the rule set moves a period's end that is no working day.

    Returns:
        The end (the n-th day not a Sunday or holiday, moved by ``roll`` where it is a
        Saturday or a day off of ``calendar``: Reg. 1182/71 art. 3(4); § 193 BGB) and the
        calendar years consulted.

    Raises:
        DateOutOfRangeError: the count leaves the calendar's years.
    """
    counting = mon_sat if mon_sat is not None else sundays_only(calendar, None)
    period = Period(n, PeriodUnit.WORKING_DAYS)
    count = count_period(received, period, FirstDay.NEXT_DAY, Roll.NONE, counting)
    at_end = Period(0, PeriodUnit.CALENDAR_DAYS)  # only the roll of the day reached
    rolled = count_period(count.end, at_end, FirstDay.NEXT_DAY, roll, calendar)
    years = count.years_consulted | rolled.years_consulted | {rolled.end.year}
    return rolled.end, frozenset(years)


def plain_days_read(limit: StatedLimit, state: str | None) -> StatedLimit:
    """Return ``limit`` with each plain "días"/"dias" (``bare_days``) read as working days where
    ``state`` (alpha-2 or ISO 3166-2) is Spain or Portugal; unchanged elsewhere.

    Args:
        limit: the letter's first statement with its ``fallbacks``.
        state: the state whose authority wrote (``app.services.intake.sender_state``), or ``None``.
    """
    if state is None or state.partition("-")[0] not in _PLAIN_DAYS_ARE_WORKING_DAYS:
        return limit

    def read(statement: StatedLimit) -> StatedLimit:
        if not statement.bare_days:
            return statement
        return replace(statement, unit="working_days", bare_days=False)

    return replace(read(limit), fallbacks=tuple(read(each) for each in limit.fallbacks))
