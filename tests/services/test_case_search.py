"""Saved views, search, sorting and paging of the case list, on a hand-built set of 20 cases
whose deadlines are worked out against a fixed today (Tuesday 10 March 2026)."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.case_search import (
    CaseQuery,
    SavedView,
    SortColumn,
    case_position,
    count_cases,
    has_cases,
    search_cases,
)
from app.services.case_search_choice import matches_many
from app.store import Database
from tests.services.case_search_requesters import Requesters, named_case

TODAY = date(2026, 3, 10)
S = CaseStatus
D = date

# Subjects: name, e-mail, phone, account ID.
SUBJECTS = {
    "zhang_san": ("张三", "zhang.san@example.com", "+8613800138000", "acct-1001"),
    "zhang_sanfeng": ("张三丰", "sanfeng@example.cn", None, "acct-2002"),
    "li_si": ("李四", None, "13912345678", None),
    "zhang_wei": ("Zhang Wei", "z.wei@example.org", None, None),
    "hostile": ("O'Brien_%", "o.brien@example.ie", None, "acct_%"),
    "mueller": ("Jörg Müller", "jm@example.de", "+4930123456", None),
}

# number: (status, due, extended due, assignee, subject)
CASES: dict[int, tuple[CaseStatus, date | None, date | None, str | None, str | None]] = {
    1: (S.NEW, D(2026, 3, 5), None, None, "zhang_san"),
    2: (S.TRIAGED, D(2026, 3, 10), None, None, "zhang_san"),  # due today: due soon
    3: (S.IN_PROGRESS, D(2026, 3, 17), None, None, "li_si"),  # today + 7: still due soon
    4: (S.IN_PROGRESS, D(2026, 3, 18), None, None, "zhang_wei"),  # today + 8: open only
    5: (S.IN_REVIEW, D(2026, 3, 9), None, None, "zhang_sanfeng"),  # yesterday: overdue
    6: (S.AWAITING_REQUESTER, D(2026, 3, 12), None, None, "hostile"),
    7: (S.IN_PROGRESS, D(2026, 3, 1), D(2026, 3, 31), None, "mueller"),  # extended: not late
    8: (S.NEW, D(2026, 3, 8), D(2026, 3, 9), None, None),  # extended, still late
    9: (S.RESPONDED, D(2026, 2, 1), None, None, "zhang_san"),  # answered: never overdue
    10: (S.CLOSED, D(2026, 1, 15), None, None, "li_si"),
    11: (S.CLOSED, D(2026, 2, 20), None, None, "zhang_wei"),
    12: (S.IN_RETENTION, D(2026, 1, 20), None, None, "mueller"),
    13: (S.NEW, None, None, None, "hostile"),  # no deadline computed yet
    14: (S.CLOSED, D(2025, 12, 1), None, None, "zhang_sanfeng"),
    15: (S.TRIAGED, D(2026, 3, 14), None, "li.wei", "li_si"),
    16: (S.IN_PROGRESS, D(2026, 3, 2), None, "li.wei", "zhang_san"),
    17: (S.CLOSED, D(2026, 2, 2), None, "li.wei", None),
    18: (S.IN_PROGRESS, D(2026, 4, 1), None, "wang.fang", "zhang_wei"),
    19: (S.AWAITING_REQUESTER, D(2026, 3, 3), None, None, "mueller"),
    20: (S.IN_RETENTION, D(2026, 2, 10), None, None, None),
}


def reference(number: int) -> str:
    return f"PD-{2025 if number == 14 else 2026}-{number:06d}"


def refs(*numbers: int) -> set[str]:
    return {reference(n) for n in numbers}


def _subject(name: str, email: str | None, phone: str | None, account: str | None) -> DataSubject:
    subject = DataSubject(display_name=name)
    for kind, value in (
        (IdentifierKind.EMAIL, email),
        (IdentifierKind.PHONE, phone),
        (IdentifierKind.ACCOUNT_ID, account),
    ):
        if value is not None:
            subject.identifiers.append(SubjectIdentifier(kind=kind, value=value))
    return subject


def _add_cases(session: Session) -> None:
    subjects = {key: _subject(*values) for key, values in SUBJECTS.items()}
    kinds = list(CaseKind)
    for number, (status, due, extended, assignee, subject) in CASES.items():
        session.add(
            Case(
                reference=reference(number),
                kind=kinds[number % len(kinds)],
                status=status,
                jurisdiction="CN",
                channel=Channel.EMAIL,
                received_at=datetime(2026, 2, 1, 9, tzinfo=UTC) + timedelta(hours=7 * number),
                received_at_source=ReceivedAtSource.DATE_HEADER,
                due_date=due,
                extended_due_date=extended,
                assignee=assignee,
                subject=subjects[subject] if subject else None,
            )
        )


@pytest.fixture
def cases(database: Database) -> Database:
    with database.session() as session:
        _add_cases(session)
    return database


def found(database: Database, query: CaseQuery) -> set[str]:
    with database.session() as session:
        page = search_cases(session, replace(query, limit=100))
        assert count_cases(session, query) == len(page.rows)
    return {row.reference for row in page.rows}


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        (SavedView.OVERDUE, refs(1, 5, 8, 16, 19)),
        (SavedView.DUE_SOON, refs(2, 3, 6, 15)),
        (SavedView.OPEN, refs(1, 2, 3, 4, 5, 6, 7, 8, 13, 15, 16, 18, 19)),
        (SavedView.MINE, refs(15, 16)),
        (SavedView.AWAITING_REQUESTER, refs(6, 19)),
        (SavedView.IN_RETENTION, refs(12, 20)),
        (SavedView.CLOSED, refs(10, 11, 14, 17)),
        (SavedView.ALL, refs(*CASES)),
    ],
)
def test_each_saved_view_selects_exactly_its_cases(
    cases: Database, view: SavedView, expected: set[str]
) -> None:
    assert found(cases, CaseQuery(TODAY, view, assignee="li.wei")) == expected


def test_mine_without_a_user_is_empty(cases: Database) -> None:
    assert found(cases, CaseQuery(TODAY, SavedView.MINE)) == set()


def test_the_views_move_with_today(cases: Database) -> None:
    # A week later case 2 (due 10 March) and 6 (12 March) are late, 7 (extended) still not.
    later = TODAY + timedelta(days=7)
    assert found(cases, CaseQuery(later, SavedView.OVERDUE)) == refs(1, 2, 5, 6, 8, 15, 16, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zhang.san@example.com", refs(1, 2, 9, 16)),
        ("Zhang.San@EXAMPLE.com", refs(1, 2, 9, 16)),  # addresses are stored lower-cased
        ("zhang.san@", refs(1, 2, 9, 16)),
        ("张三", refs(1, 2, 9, 16, 5, 14)),  # 张三 and 张三丰: the name starts with it
        ("张三丰", refs(5, 14)),
        ("李四", refs(3, 10, 15)),
        ("zhang", refs(1, 2, 9, 16, 4, 11, 18)),  # e-mail zhang.san@… and name Zhang Wei
        ("zhang wei", refs(4, 11, 18)),
        ("ＺＨＡＮＧ　ＷＥＩ", refs(4, 11, 18)),  # full-width letters and space
        ("jörg", refs(7, 12, 19)),
        ("+86 138-0013-8000", refs(1, 2, 9, 16)),
        ("139 1234 5678", refs(3, 10, 15)),
        # A mainland number typed with or without +86/0086 finds it stored the other way.
        ("13800138000", refs(1, 2, 9, 16)),
        ("+86 139 1234 5678", refs(3, 10, 15)),
        ("0086 139 1234 5678", refs(3, 10, 15)),
        ("+4930123456", refs(7, 12, 19)),  # another country's number: as typed only
        ("4930123456", set()),
        ("acct-1001", refs(1, 2, 9, 16)),
        ("acct-2002", refs(5, 14)),
        ("acct_%", refs(6, 13)),
        # Account IDs in any letter case, full-width or padded (QA: ACCT-778899 found nothing).
        ("ACCT-1001", refs(1, 2, 9, 16)),
        ("Acct-20", refs(5, 14)),
        ("ＡＣＣＴ－１００１", refs(1, 2, 9, 16)),
        ("  aCcT-1001 ", refs(1, 2, 9, 16)),
        ("ACCT_%", refs(6, 13)),
        ("ACCT-1002", set()),
        # A bare reference number: the sequence in any year, or in the year typed.
        ("000001", refs(1)),
        ("1", refs(1)),
        ("0016", refs(16)),
        ("14", refs(14)),  # PD-2025-000014
        ("2025-000014", refs(14)),
        ("2026-000014", set()),  # 14 is of 2025
        ("2026-16", refs(16)),
        ("pd-2026-16", refs(16)),  # the whole reference typed without its zeros (QA9 L4)
        ("PD-2025-14", refs(14)),
        ("PD-2026-14", set()),
        ("000043", set()),
        ("0", set()),
        ("O'Brien_%", refs(6, 13)),
        ("%", set()),
        ("_", set()),
        ("O'Brien__", set()),  # '_' is a literal, not a wildcard
        ("brien", refs(6, 13)),  # a piece of the name
        ("obrien", refs(6, 13)),  # the name's part joined up
        ("PD-2026-000001", refs(1)),
        ("pd-2026-000001", refs(1)),
        ("PD-2026-00001", refs(10, 11, 12, 13, 15, 16, 17, 18, 19)),
        ("PD-2025", refs(14)),
        ("nobody@example.com", set()),
        ("'; DROP TABLE case; --", set()),
        ("   ", refs(*CASES)),
    ],
)
def test_search_finds_by_reference_name_email_phone_or_account(
    cases: Database, text: str, expected: set[str]
) -> None:
    assert found(cases, CaseQuery(TODAY, text=text)) == expected


def test_search_combines_with_the_view(cases: Database) -> None:
    assert found(cases, CaseQuery(TODAY, SavedView.OVERDUE, text="张三")) == refs(1, 5, 16)


def _expected_order(column: SortColumn, descending: bool) -> list[str]:
    """The order worked out from the fixture: NULL keys first ascending (SQLite), id ties;
    for the due date, a case without one comes after every dated case (sorted as 9999-12-31)."""
    names = {key: values[0].casefold() for key, values in SUBJECTS.items()}

    def key(number: int) -> tuple[object, ...]:
        status, due, extended, _assignee, subject = CASES[number]
        value: object = {
            SortColumn.REFERENCE: reference(number),
            SortColumn.KIND: list(CaseKind)[number % len(CaseKind)].value,
            SortColumn.RECEIVED: number,
            SortColumn.DUE: extended or due or date(9999, 12, 31),
            SortColumn.STATUS: status.value,
            SortColumn.REQUESTER: names[subject] if subject else None,
        }[column]
        return (value is not None, value if value is not None else 0, number)

    numbers = sorted(CASES, key=key, reverse=descending)
    return [reference(n) for n in numbers]


@pytest.mark.parametrize(
    "column",
    list(SortColumn),
)
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_both_ways_and_paging_without_gaps_or_repeats(
    cases: Database, column: SortColumn, descending: bool
) -> None:
    query = CaseQuery(TODAY, sort=column, descending=descending, limit=3)
    seen: list[str] = []
    with cases.session() as session:
        for offset in range(0, 21, 3):
            page = search_cases(session, replace(query, offset=offset))
            assert page.offset == offset
            seen.extend(row.reference for row in page.rows)
        positions = [case_position(session, query, ref) for ref in seen]
    assert seen == _expected_order(column, descending)
    assert positions == list(range(20))


def test_rows_carry_the_binding_due_date_and_the_requester(cases: Database) -> None:
    with cases.session() as session:
        page = search_cases(session, CaseQuery(TODAY, text="PD-2026-000007"))
    (row,) = page.rows
    assert row.due_date == date(2026, 3, 31)
    assert row.requester_name == "Jörg Müller"
    assert row.requester_email == "jm@example.de"
    assert row.days_left(TODAY) == 21


def test_position_of_a_case_outside_the_view_is_none(cases: Database) -> None:
    with cases.session() as session:
        assert case_position(session, CaseQuery(TODAY, SavedView.CLOSED), reference(1)) is None


def test_an_empty_database_has_no_cases(database: Database) -> None:
    with database.session() as session:
        assert not has_cases(session)
        assert count_cases(session, CaseQuery(TODAY)) == 0
        assert search_cases(session, CaseQuery(TODAY)).rows == ()


_WANG_NAMES = [f"王{g}" for g in ["芳", "芳芳", "芳明"] + [f"伟{n}" for n in range(27)]]


def _add_wang_family(session: Session) -> None:
    """30 requesters named 王 (王芳, 王芳芳, 王芳明, 王伟…, one case each, received an hour
    apart, case n at hour n) and 10 named Smith, for the search that matches many."""
    names = _WANG_NAMES + [f"Anna Smith {n}" for n in range(10)]
    for number, name in enumerate(names, start=1):
        case = named_case(number, name)
        case.due_date = date(2026, 3, 1) + timedelta(days=41 - number)
        session.add(case)


def test_a_chinese_name_is_found_by_its_start_and_by_its_given_name(database: Database) -> None:
    # Prefix semantics (the whole list's rule): 王芳 finds 王芳 and the longer 王芳芳 and 王芳明,
    # never a name that only contains 芳 later on.
    with database.session() as session:
        _add_wang_family(session)
    # The given name is a word of its own (the suffixes of the name, app.models.name_words):
    # 芳 finds 王芳, 王芳芳 and 王芳明, never 王伟….
    expected = {"PD-2026-000001", "PD-2026-000002", "PD-2026-000003"}
    assert found(database, CaseQuery(TODAY, text="王芳")) == expected
    assert found(database, CaseQuery(TODAY, text="芳")) == expected
    assert found(database, CaseQuery(TODAY, text="芳明")) == {"PD-2026-000003"}


@pytest.mark.parametrize(("column", "descending"), [(SortColumn.RECEIVED, True),
                                                   (SortColumn.DUE, False),
                                                   (SortColumn.REQUESTER, False)])  # fmt: skip
def test_a_search_matching_many_pages_in_order_without_gaps(
    database: Database, column: SortColumn, descending: bool
) -> None:
    with database.session() as session:
        _add_wang_family(session)
    # Received and due: case 30 is the newest and the most urgent (due 1 March + 11 days).
    newest_first = [f"PD-2026-{n:06d}" for n in range(30, 0, -1)]
    by_name = sorted(newest_first, key=lambda ref: _WANG_NAMES[int(ref[-6:]) - 1])
    expected = by_name if column == SortColumn.REQUESTER else newest_first
    query = CaseQuery(TODAY, text="王", sort=column, descending=descending, limit=4)
    seen: list[str] = []
    with database.session() as session:
        # 30 matching requesters >= sqrt(4 rows * 40 cases) = 12: the cases are walked in order.
        assert matches_many(session, query)
        assert not matches_many(session, replace(query, text="王芳"))
        # Several words are taken to match few (each narrows the names down).
        assert not matches_many(session, replace(query, text="王 伟"))
        assert count_cases(session, query) == 30
        for offset in range(0, 32, 4):
            seen += [
                row.reference for row in search_cases(session, replace(query, offset=offset)).rows
            ]
    assert seen == expected


@pytest.mark.parametrize("view", [SavedView.OPEN, SavedView.OVERDUE, SavedView.MINE])
@pytest.mark.parametrize("descending", [False, True])
def test_open_views_by_due_date_page_in_order_without_gaps(
    cases: Database, view: SavedView, descending: bool
) -> None:
    # These are read as a merge of one range per open status: the same order as one sort.
    selected = found(cases, CaseQuery(TODAY, view, assignee="li.wei"))
    expected = [ref for ref in _expected_order(SortColumn.DUE, descending) if ref in selected]
    query = CaseQuery(TODAY, view, sort=SortColumn.DUE, descending=descending, limit=2)
    query = replace(query, assignee="li.wei")
    seen: list[str] = []
    with cases.session() as session:
        for offset in range(0, 16, 2):
            seen += [
                row.reference for row in search_cases(session, replace(query, offset=offset)).rows
            ]
        positions = [case_position(session, query, ref) for ref in seen]
    assert seen == expected
    assert positions == list(range(len(expected)))


# Requesters found by any of their names, one case each: PD-2026-000001 for the first.
NAMED = [
    "Anna Smith",
    "Smith, Anna",
    "Annabel Smithers",
    "Jean-Luc Picard",
    "欧阳娜娜",
    "山田 太郎",
    "Élodie Dupré",
    "Jörg Straße",
    "Иван Петров",
    "100%_Off\\Ltd O'Hara",
    "张三",
]


named = Requesters(NAMED).cases_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith", named("Anna Smith", "Smith, Anna", "Annabel Smithers")),
        ("smith,", named("Smith, Anna")),  # punctuation typed is looked for as written
        ("smith anna", named("Anna Smith", "Smith, Anna", "Annabel Smithers")),
        ("anna sm", named("Anna Smith", "Smith, Anna", "Annabel Smithers")),
        ("Smith, Anna", named("Smith, Anna")),
        ("annabel", named("Annabel Smithers")),
        ("smithers anna", named("Annabel Smithers")),
        ("smith bob", set()),
        ("luc", named("Jean-Luc Picard")),
        ("jeanluc", named("Jean-Luc Picard")),
        ("picard jean-luc", named("Jean-Luc Picard")),
        ("jean luc picard", named("Jean-Luc Picard")),
        ("j l p jeanl picard", named("Jean-Luc Picard")),  # the four longest words
        ("j l p jeanl picardy", set()),
        ("jean-l", named("Jean-Luc Picard")),
        ("jean_luc", set()),
        ("娜娜", named("欧阳娜娜")),
        ("阳娜", named("欧阳娜娜")),
        ("欧阳", named("欧阳娜娜")),
        ("太郎", named("山田 太郎")),
        ("山田太郎", named("山田 太郎")),  # CJK parts are joined too (name_words)
        ("山田 太", named("山田 太郎")),
        ("ÉLODIE", named("Élodie Dupré")),
        ("dupré", named("Élodie Dupré")),
        ("dupre", named("Élodie Dupré")),  # accents are folded away both ways
        ("strasse", named("Jörg Straße")),
        ("STRAẞE", named("Jörg Straße")),
        ("петров", named("Иван Петров")),
        ("三", named("张三")),
        # The hostile name: its metacharacters are matched literally, never as wildcards.
        ("100%_Off\\Ltd", named("100%_Off\\Ltd O'Hara")),
        ("100%_", named("100%_Off\\Ltd O'Hara")),
        ("100__", set()),
        ("100%_Off\\L", named("100%_Off\\Ltd O'Hara")),
        ("100%_Off\\\\", set()),
        ("o'hara 100%", named("100%_Off\\Ltd O'Hara")),
        ("hara", named("100%_Off\\Ltd O'Hara")),
        ("%", set()),
        ("_", set()),
        ("\\", set()),
        ("%_%", set()),
        ("'; DROP TABLE data_subject; --", set()),
    ],
)
def test_a_requester_is_found_by_any_of_their_names(
    database: Database, text: str, expected: set[str]
) -> None:
    Requesters(NAMED).add_to(database)
    assert found(database, CaseQuery(TODAY, text=text)) == expected


def test_an_anonymised_requester_is_not_found_by_their_old_name(database: Database) -> None:
    from app.services.case_erasure import erase_case

    Requesters(NAMED).add_to(database)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == "PD-2026-000001")).one()
        erase_case(case)
    assert found(database, CaseQuery(TODAY, text="smith")) == named(
        "Smith, Anna", "Annabel Smithers"
    )
    assert found(database, CaseQuery(TODAY, text="anna smith")) == named(
        "Smith, Anna", "Annabel Smithers"
    )


@pytest.mark.parametrize("descending", [False, True])
def test_a_case_without_a_requester_is_listed_and_reselected_at_the_same_row(
    cases: Database, descending: bool
) -> None:
    # Cases 8, 17 and 20 have no requester; case 21's requester was anonymised (no name
    # either): the four come first ascending, last descending, in id order either way.
    _add_numbered(cases, "PD-2026-000021", DataSubject(display_name=None), CaseStatus.CLOSED)
    query = CaseQuery(TODAY, sort=SortColumn.REQUESTER, descending=descending)
    nameless = [reference(n) for n in (8, 17, 20)] + ["PD-2026-000021"]
    with cases.session() as session:
        listed = [row.reference for row in search_cases(session, query).rows]
        positions = [case_position(session, query, ref) for ref in nameless]
    expected = list(reversed(nameless)) if descending else nameless
    assert (listed[-4:] if descending else listed[:4]) == expected
    assert [listed[p] for p in positions if p is not None] == nameless


def _add_numbered(
    database: Database, reference: str, subject: DataSubject, status: CaseStatus = S.NEW
) -> None:
    """Add a new case ``reference`` of ``subject`` to the fixture's cases."""
    with database.session() as session:
        session.add(
            Case(
                reference=reference,
                kind=CaseKind.ACCESS,
                status=status,
                jurisdiction="CN",
                channel=Channel.EMAIL,
                received_at=datetime(2026, 3, 9, tzinfo=UTC),
                received_at_source=ReceivedAtSource.DATE_HEADER,
                subject=subject,
            )
        )


def test_a_number_finds_the_reference_and_the_account_or_phone_it_also_is(
    cases: Database,
) -> None:
    # PD-2026-000003 is 李四's (phone 13912345678); a new requester's account ID "3A" and
    # phone "300..." also start with "3": the search is an OR over the kinds.
    _add_numbered(cases, "PD-2026-000021", _subject("Numbered", None, "3001234", "3A"))
    expected = refs(3) | {"PD-2026-000021"}
    assert found(cases, CaseQuery(TODAY, text="3")) == expected
    assert found(cases, CaseQuery(TODAY, text="3a")) == {"PD-2026-000021"}
    with cases.session() as session:
        assert count_cases(session, CaseQuery(TODAY, text="3"), at_most=100) == 2
        # In a view, and positioned within the search's order (by reference: 3 first).
        query = CaseQuery(
            TODAY, SavedView.OPEN, sort=SortColumn.REFERENCE, descending=False, text="3"
        )
        assert [row.reference for row in search_cases(session, query).rows] == sorted(expected)
        assert case_position(session, query, "PD-2026-000021") == 1


def test_an_account_id_longer_than_the_spelled_letters_is_matched_in_any_case(
    cases: Database,
) -> None:
    _add_numbered(cases, "PD-2026-000022", _subject("Console", None, None, "LiSi_Console_2020"))
    for text in ("lisi_console_2020", "LISI_CONSOLE", "lisi_consOLE_2020"):
        assert found(cases, CaseQuery(TODAY, text=text)) == {"PD-2026-000022"}
    # The first letters match in some case, a later one does not.
    assert found(cases, CaseQuery(TODAY, text="lisi_consolx")) == set()
