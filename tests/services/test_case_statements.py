"""The case list's compiled statements: compiled once per shape, then run with new values each
time (never with the values of the call that compiled them), user text bound, never inlined."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy import Integer, Select, String, bindparam, literal, select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource, ReviewFlag
from app.services.case_list_rows import case_rows
from app.services.case_list_terms import padded_batches, row_from_columns
from app.services.case_search import (
    CaseQuery,
    SavedView,
    SortColumn,
    count_cases,
    search_cases,
    search_terms,
)
from app.services.case_search_plans import PrefixRange, SearchTerms, prefix_range
from app.services.case_statements import compiled, unprobed
from app.store import Database
from tests.services.case_search_requesters import named_case
from tests.services.test_case_search import TODAY, _add_cases, refs

# Requesters whose names hold every character LIKE, SQL quoting or escaping could misread.
HOSTILE_NAMES = {
    1: "50%_off\\sale",
    2: "50%_offer",
    3: "50% off",
    4: "O'Reilly",
    5: "back\\slash",
    6: "backslash",
    7: "a_b",
    8: "axb",
}


def _add_hostile(session: Session) -> None:
    session.add_all(named_case(number, name) for number, name in HOSTILE_NAMES.items())


def _found(session: Session, text: str) -> set[str]:
    page = search_cases(session, CaseQuery(TODAY, text=text))
    return {row.reference for row in page.rows}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("50%", (1, 2, 3)),  # '%' is the character, not "anything"
        ("50%_", (1, 2)),  # '_' is the character, not "any one character"
        ("50%_off\\", (1,)),
        ("50%_off\\sale", (1,)),
        ("back\\", (5,)),  # a backslash escapes nothing
        ("back\\slash", (5,)),
        ("a_", (7,)),
        ("o'reilly", (4,)),
        ("O'", (4,)),
        ("%", ()),
        ("_", ()),
        ("\\", ()),
        ("'", ()),
        ("' OR '1'='1", ()),
    ],
)
def test_search_text_is_matched_literally(
    database: Database, text: str, numbers: tuple[int]
) -> None:
    with database.session() as session:
        _add_hostile(session)
    with database.session() as session:
        assert _found(session, text) == {f"PD-2026-{n:06d}" for n in numbers}


def test_one_shape_runs_with_each_call_s_own_values(database: Database) -> None:
    # The same compiled statements (view, sort, kind of search) one after another, each with
    # other text, dates, assignee and offsets: the fixture's cases as worked out by hand.
    with database.session() as session:
        _add_cases(session)
    with database.session() as session:
        assert _found(session, "张三") == refs(1, 2, 9, 16, 5, 14)
        assert _found(session, "李四") == refs(3, 10, 15)
        assert _found(session, "PD-2026-000001") == refs(1)
        assert _found(session, "PD-2025") == refs(14)
        overdue = CaseQuery(TODAY, SavedView.OVERDUE, sort=SortColumn.DUE, descending=False)
        assert count_cases(session, overdue) == 5  # cases 1, 5, 8, 16, 19
        assert count_cases(session, replace(overdue, today=TODAY + timedelta(days=7))) == 8
        mine = CaseQuery(TODAY, SavedView.MINE, assignee="li.wei")
        assert count_cases(session, mine) == 2  # cases 15, 16
        assert count_cases(session, replace(mine, assignee="wang.fang")) == 1  # case 18
        everything = CaseQuery(TODAY, sort=SortColumn.RECEIVED, descending=False, limit=2)
        first, third = (
            search_cases(session, replace(everything, offset=offset)).rows for offset in (0, 2)
        )
        assert [row.reference for row in [*first, *third]] == [
            f"PD-2026-{n:06d}" for n in (1, 2, 3, 4)
        ]


def test_a_capped_count_stops_at_each_call_s_cap(database: Database) -> None:
    with database.session() as session:
        _add_cases(session)
    with database.session() as session:
        query = CaseQuery(TODAY, text="zhang")  # 7 cases (test_case_search)
        assert [count_cases(session, query, at_most=cap) for cap in (3, 5, 100)] == [3, 5, 7]


def test_rows_carry_the_column_types_of_the_model(database: Database) -> None:
    with database.session() as session:
        _add_cases(session)
    with database.session() as session:
        (row,) = search_cases(session, CaseQuery(TODAY, text="PD-2026-000008")).rows
    # Case 8: new, due 8 March extended to 9 March, received 1 Feb 09:00 UTC + 56 hours.
    assert row.status is CaseStatus.NEW
    assert row.kind is list(CaseKind)[8 % len(CaseKind)]
    assert row.received_at == datetime(2026, 2, 3, 17, tzinfo=UTC)
    assert row.received_at.tzinfo is not None
    assert row.due_date == date(2026, 3, 9)
    assert row.due_provisional is False
    assert row.review_flags == ()


def test_pages_of_any_length_keep_their_order(database: Database) -> None:
    # Ids are read in batches padded to a power of two: 20 cases in pages of 7 (7, 7, 6).
    with database.session() as session:
        _add_cases(session)
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=7)
    with database.session() as session:
        pages = [search_cases(session, replace(query, offset=at)).rows for at in (0, 7, 14)]
    seen = [row.reference for rows in pages for row in rows]
    assert [len(rows) for rows in pages] == [7, 7, 6]
    assert seen == sorted(seen) and len(set(seen)) == 20


def test_a_page_s_rows_converted_when_used_are_the_rows_converted_at_once(
    database: Database,
) -> None:
    # A page keeps its rows as read and converts each when first used, after its reading has
    # ended: the same rows, in the same order, as converting every row right away.
    with database.session() as session:
        _add_cases(session)
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False)
    with database.session() as session:
        rows = search_cases(session, query).rows
        connection = session.connection()
        ids = list(session.scalars(select(Case.id).order_by(Case.reference)))
        ((size, values),) = padded_batches(ids)
        at_once = compiled(connection, ("rows", size), partial(case_rows, size))
        converted = {row[0]: row_from_columns(row) for row in at_once.rows(connection, values)}
    expected = tuple(converted[case_id] for case_id in ids)
    assert len(rows) == 20
    # By reference: case 14 was received in 2025, then cases 1 to 20 of 2026 without it.
    assert rows[0].reference == "PD-2025-000014"
    assert rows[-1].reference == "PD-2026-000020"
    assert rows[1:3] == expected[1:3] and [row.reference for row in rows[1:3]] == refs_in_order(
        1, 2
    )
    assert rows == expected and expected == rows and list(rows) == list(expected)
    assert rows[5] is rows[5]  # converted once


def refs_in_order(*numbers: int) -> list[str]:
    """The 2026 references of ``numbers``, in that order."""
    return [f"PD-2026-{number:06d}" for number in numbers]


def test_a_value_fixed_at_build_time_is_refused(database: Database) -> None:
    # A per-call value built into a statement would be reused by every later call of the shape.
    with database.session() as session, pytest.raises(ValueError, match="fixed at build time"):
        compiled(session.connection(), ("test", "inline"), lambda: select(literal(7)))


def test_a_shape_is_compiled_once_and_run_with_new_values(database: Database) -> None:
    with database.session() as session:
        _add_cases(session)
    built: list[int] = []

    def build() -> Select[tuple[str]]:
        built.append(1)
        return select(Case.reference).where(Case.id == bindparam("case_id", type_=Integer))

    with database.session() as session:
        connection = session.connection()
        found = [
            compiled(connection, ("test", "by id"), build).scalar(connection, {"case_id": n})
            for n in (3, 4)
        ]
    assert built == [1]
    assert found == ["PD-2026-000003", "PD-2026-000004"]


def test_review_flags_come_back_per_case_even_when_shared(database: Database) -> None:
    # Converted JSON is remembered between rows: two cases with the same flags must each get
    # them, a third its own, and the ones without flags none.
    with database.session() as session:
        _add_cases(session)
        flagged = {
            "PD-2026-000001": ["missing_date", "unknown_kind"],
            "PD-2026-000002": ["missing_date", "unknown_kind"],
            "PD-2026-000003": ["possible_duplicate"],
        }
        for case in session.scalars(select(Case).where(Case.reference.in_(flagged))):
            case.review_flags = flagged[case.reference]
    # By reference: PD-2025-000014 first, then PD-2026-000001, 2, 3.
    query = CaseQuery(TODAY, sort=SortColumn.REFERENCE, descending=False, limit=4)
    with database.session() as session:
        rows = search_cases(session, query).rows
    assert [row.review_flags for row in rows] == [
        (),
        (ReviewFlag.MISSING_DATE, ReviewFlag.UNKNOWN_KIND),
        (ReviewFlag.MISSING_DATE, ReviewFlag.UNKNOWN_KIND),
        (ReviewFlag.POSSIBLE_DUPLICATE,),
    ]


def test_search_terms_are_index_ranges_of_the_normalised_text() -> None:
    reference = search_terms("  ｐｄ-2026-0001 ")  # full-width, any case, padded
    assert reference == SearchTerms(
        True, (PrefixRange("reference", "PD-2026-0001", "PD-2026-0002"),)
    )
    name = search_terms("Zhang  Wei")
    assert name.ranges == (
        PrefixRange("name", "zhang wei", "zhang wej"),
        PrefixRange("word0", "zhang", "zhanh"),  # each typed word, longest first
        PrefixRange("word1", "wei", "wej"),
        # Identifiers by their folded form (NFKC, case-folded): one range per kind; words
        # without a digit are a name, not an account ID (case_search_forms).
        PrefixRange("email", "zhang wei", "zhang wej"),
    )
    assert name.number is None
    # An account-like text in any case and width: still one range per kind, folded, the
    # account ID's without separators.
    account = search_terms("ＺｈａｎｇＷｅｉ_01")
    assert account.ranges[-2:] == (
        PrefixRange("email", "zhangwei_01", "zhangwei_02"),
        PrefixRange("account", "zhangwei01", "zhangwei02"),
    )
    # One word: the name's words alone (a name starting with it has a word starting so),
    # folded as names are (accents dropped: app.models.name_words); identifiers keep them.
    elodie = search_terms("ÉLODIE")
    assert elodie.ranges == (
        PrefixRange("word0", "elodie", "elodif"),
        PrefixRange("email", "élodie", "élodif"),
        PrefixRange("account", "élodie", "élodif"),
    )
    # A mainland number with its country code: stored in its national form, found by it.
    phone = search_terms("+86 138-0013-8000")
    assert phone.ranges[-1:] == (PrefixRange("phone", "13800138000", "13800138001"),)
    # A national number: as typed, and without its trunk "0" (+81 90-1234-5678 is stored
    # with its national significant number 9012345678 folded).
    japan = search_terms("090-1234")
    assert japan.ranges[-2:] == (
        PrefixRange("phone", "0901234", "0901235"),
        PrefixRange("phone1", "901234", "901235"),
    )
    # Typed with another country code: the stored international form, over the value.
    uk = search_terms("+44 7700 900")
    assert uk.ranges[-1:] == (PrefixRange("stored_phone", "+447700900", "+447700901"),)
    # Too short for a phone number: no phone range ("14" is a reference number).
    assert [r.name for r in search_terms("14").ranges] == ["word0", "email", "account"]
    assert search_terms("   ") == SearchTerms(False, ())


def test_a_prefix_ending_at_the_last_code_point_has_no_upper_bound() -> None:
    assert prefix_range("name", "a\U0010ffff") == PrefixRange("name", "a\U0010ffff", None)
    # The successor of U+D7FF would be a surrogate, which cannot be stored: U+E000 instead.
    assert prefix_range("name", "a\ud7ff") == PrefixRange("name", "a\ud7ff", "a\ue000")


def test_a_name_ending_at_the_last_code_point_is_found(database: Database) -> None:
    with database.session() as session:
        _add_hostile(session)
        session.add(
            Case(
                reference="PD-2026-000009",
                kind=CaseKind.ACCESS,
                status=CaseStatus.NEW,
                jurisdiction="CN",
                channel=Channel.EMAIL,
                received_at=datetime(2026, 3, 2, tzinfo=UTC),
                received_at_source=ReceivedAtSource.DATE_HEADER,
                subject=DataSubject(display_name="z\U0010ffffz"),
            )
        )
    with database.session() as session:
        assert _found(session, "z\U0010ffff") == {"PD-2026-000009"}


def test_placeholders_are_written_as_expressions_outside_quotes() -> None:
    # SQLite with STAT4 prepares a statement again at every run when a placeholder is compared
    # with a sampled index column; "+?" is the same value, and not a placeholder to it.
    sql = """SELECT "a?", 'it''s ?' FROM t WHERE x = ? AND y IN (?, ?) LIMIT ? OFFSET ?"""
    assert unprobed(sql) == (
        """SELECT "a?", 'it''s ?' FROM t WHERE x = +? AND y IN (+?, +?) LIMIT +? OFFSET +?"""
    )


def test_a_placeholder_written_as_an_expression_still_binds_each_call_s_value(
    database: Database,
) -> None:
    with database.session() as session:
        _add_cases(session)
    with database.session() as session:
        connection = session.connection()
        statement = compiled(
            connection,
            ("test", "unprobed"),
            lambda: select(Case.reference).where(Case.reference >= bindparam("low", type_=String)),
        )
        # psycopg's dialect casts a typed bind (the value is still bound, not inlined).
        tail = {"sqlite": " >= +?", "postgresql": " >= %(low)s::VARCHAR"}[connection.dialect.name]
        assert statement.sql.endswith(tail)
        found = [
            sorted(row[0] for row in statement.rows(connection, {"low": low}))
            for low in ("PD-2026-000019", "PD-2026-00002")
        ]
    assert found == [["PD-2026-000019", "PD-2026-000020"], ["PD-2026-000020"]]
