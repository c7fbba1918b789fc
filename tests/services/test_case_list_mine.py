"""The "Mine" view of a user signed in under another letter case than the staff list spells
the name ("Li.Wei", the operating-system login, for the member "li.wei"): staff user names
are one whatever their case, so the view lists li.wei's open cases, by the same indexed
comparison as before (the handler is stored in the staff spelling)."""

from datetime import date
from typing import Any

from app.models.enums import CaseStatus, StaffRole
from app.services.case_list_source import DatabaseCaseSource
from app.services.case_list_terms import CaseQuery, SavedView
from app.services.settings_staff import add_staff
from app.services.staff_handlers import staff_spelling
from app.store import Database
from app.store.reading import watch_plain_reads
from tests.services.test_staff_handlers import MANAGER, _new_case, _team

TODAY = date(2026, 11, 10)


def _mine(database: Database, name: str) -> tuple[int, list[str], list[tuple[str, Any]]]:
    """The count and first page of ``name``'s "Mine" view through the list's source, and the
    statements it ran with their parameters."""
    seen: list[tuple[str, Any]] = []
    stop = watch_plain_reads(database.engine, lambda sql, values: seen.append((sql, values)))
    try:
        source = DatabaseCaseSource(database)
        query = CaseQuery(TODAY, SavedView.MINE, assignee=name)
        count = source.count(query)
        references = [row.reference for row in source.page(query).rows]
    finally:
        stop()
    return count, references, seen


def test_mine_lists_the_members_cases_whatever_the_case_of_the_signed_in_name(
    database: Database,
) -> None:
    with database.session() as session:
        _team(session)  # zhao.lei, li.wei, wang.fang
        _new_case(session, "li.wei", 1)
        _new_case(session, "li.wei", 2).status = CaseStatus.CLOSED  # not open: not listed
        _new_case(session, "li.wei", 3)
        _new_case(session, "wang.fang", 4)
    for signed_in in ("li.wei", "Li.Wei", "LI.WEI"):
        count, references, _seen = _mine(database, signed_in)
        # Newest received first; all received at one instant, so the later case id first.
        assert (count, references) == (2, ["PD-2026-000003", "PD-2026-000001"])
    assert _mine(database, "nobody")[:2] == (0, [])
    # The row a selected case is on (0: the first), as the list asks to keep it in view.
    mine = CaseQuery(TODAY, SavedView.MINE, assignee="Li.Wei")
    assert DatabaseCaseSource(database).position(mine, "PD-2026-000001") == 1


def test_mine_reads_the_handler_index_with_the_staff_spelling(database: Database) -> None:
    with database.session() as session:
        _team(session)
        _new_case(session, "li.wei", 1)
    _count, _references, seen = _mine(database, "Li.Wei")
    sql, values = next((s, v) for s, v in seen if "ORDER BY" in s and "LIMIT" in s)
    assert "li.wei" in values and "Li.Wei" not in values
    with database.plain_reading() as reader:
        plan = reader.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", values).fetchall()
    steps = [str(row[-1]) for row in plan if str(row[-1]).startswith(("SCAN", "SEARCH"))]
    assert any("USING INDEX ix_case_assignee_status_urgency (assignee=?" in s for s in steps)
    assert not any(step.startswith("SCAN") for step in steps)


def test_a_member_added_later_takes_the_cases_typed_in_another_case(database: Database) -> None:
    # While the staff list was empty any well-formed name was taken as typed: "Wang.Fang".
    with database.session() as session:
        add_staff(session, MANAGER, "赵磊", StaffRole.MANAGER, actor=MANAGER)
        _new_case(session, "Wang.Fang", 1)
        _new_case(session, "WANG.FANG", 2)
        _new_case(session, "wang.fangs", 3)  # another name
    assert _mine(database, "wang.fang")[:2] == (0, [])
    with database.session() as session:
        add_staff(session, "wang.fang", "王芳", StaffRole.HANDLER, actor=MANAGER)
    # The list's next count (every new query or refresh) reads the staff list again.
    assert _mine(database, "Wang.Fang")[:2] == (2, ["PD-2026-000002", "PD-2026-000001"])


def test_the_staff_spelling_folds_unicode_case_and_leaves_an_ambiguous_name() -> None:
    members = ["li.wei", "andré.müller", "strauß", "A.Smith", "a.smith"]
    assert staff_spelling(members, "ANDRÉ.MÜLLER") == "andré.müller"
    assert staff_spelling(members, "STRASSE") == "STRASSE"  # not "strauß": another name
    assert staff_spelling(members, "STRAUSS") == "strauß"  # ß folds to ss (str.casefold)
    assert staff_spelling(members, "A.SMITH") == "A.SMITH"  # two members: neither is chosen
    assert staff_spelling(members, "a.smith") == "a.smith"
    assert staff_spelling(members, "zhao.lei") == "zhao.lei"  # not a member: as signed in
