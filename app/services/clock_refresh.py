"""Recomputing the clocks of many cases at once: every open case (after a calendar change),
or only those computed under a rule file that has changed since and those never timed for
which a rule now exists (each time the database is opened). Each case is recomputed by
``app.services.clock.recompute_clock``, which audits every change.
"""

from datetime import date

from sqlalchemy import Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app.models import Case
from app.services.audit import SYSTEM_ACTOR
from app.services.clock import OPEN_STATUSES, DueDateSource, recompute_clock
from app.services.deadlines import RuleBook


def recompute_open_cases(
    session: Session,
    rule_book: RuleBook,
    *,
    cause: str,
    today: date,
    actor: str = SYSTEM_ACTOR,
    only_stale_rules: bool = False,
) -> list[str]:
    """Recompute every open case, or with ``only_stale_rules`` those whose stored rule
    reference is not one of the current rule files' (found in SQL, so a large database is not
    recomputed at every start). Returns the references whose clock changed."""
    query = cases_to_recompute(rule_book, only_stale_rules=only_stale_rules)
    changed: list[str] = []
    for case in session.scalars(query):
        if recompute_clock(session, case, rule_book, cause=cause, today=today, actor=actor):
            changed.append(case.reference)
    return changed


def cases_to_recompute(rule_book: RuleBook, *, only_stale_rules: bool) -> Select[tuple[Case]]:
    """The open cases to recompute: all of them, or with ``only_stale_rules`` those computed
    under a rule file that has changed and those never timed for which a rule now exists.

    Returns:
        A SELECT of ``Case`` rows, by id.
    """
    # The ids first, from an index alone (ix_case_status_rule, migration 0009): at a million
    # cases the check at every start then reads no case row unless one is stale (it read
    # every open case's row before: 0.4 s and 30 MiB of page cache right after the first paint).
    ids = select(Case.id).where(Case.status.in_(OPEN_STATUSES))
    if only_stale_rules:
        # A stated due date is never stale: no rule file change touches it.
        current = current_rule_references(rule_book) + [s.value for s in DueDateSource]
        # A case without a rule reference is stale only where a rule now exists for it:
        # otherwise every start would re-read every case of a kind no statute times.
        with_rules = [
            (code, kind)
            for code, rule_set in rule_book.rule_sets.items()
            for kind in rule_set.rules
        ]
        never_computed = and_(
            Case.rule_ref.is_(None),
            tuple_(func.upper(func.trim(Case.jurisdiction)), Case.kind).in_(with_rules),
        )
        ids = ids.where(or_(never_computed, Case.rule_ref.not_in(current)))
    return select(Case).where(Case.id.in_(ids)).order_by(Case.id)


def current_rule_references(rule_book: RuleBook) -> list[str]:
    """Return the reference of every rule in ``rule_book`` (see ``rule_reference``)."""
    return [
        f"{rule_set.code}/{kind.value}@{rule_set.version}"
        for rule_set in rule_book.rule_sets.values()
        for kind in rule_set.rules
    ]


def refresh_after_rule_change(
    session: Session, rule_book: RuleBook, *, today: date, actor: str = SYSTEM_ACTOR
) -> list[str]:
    """Recompute the open cases computed under rule files that have changed since (run when
    the database is opened); each change is audited with the cause ``rule_changed``."""
    return recompute_open_cases(
        session, rule_book, cause="rule_changed", today=today, actor=actor, only_stale_rules=True
    )
