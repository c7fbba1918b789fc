"""A compiled statement's DB-API parameters: each placeholder gets its bind's value, however
the constants fixed at build time and the values passed per call interleave, a name used
twice gets its value twice, and dates are converted as SQLAlchemy converts them."""

import re
from datetime import date

import pytest
from sqlalchemy import Date, String, bindparam, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from app.models import Case
from app.models.enums import CaseStatus
from app.services.case_statements import compile_statement
from app.store import Database
from tests.services.test_case_search import TODAY
from tests.services.test_case_search import cases as cases  # the fixture

# Placeholders in this order: status (a constant), low, due, high, low again, closed (a
# constant).
_STATEMENT = select(Case.reference).where(
    Case.status == literal(CaseStatus.NEW, Case.status.type),
    Case.reference >= bindparam("low", type_=String),
    or_(Case.due_date == bindparam("due", type_=Date), Case.due_date.is_(None)),
    or_(
        Case.reference < bindparam("high", type_=String),
        Case.reference == bindparam("low", type_=String),
    ),
    Case.status != literal(CaseStatus.CLOSED, Case.status.type),
)
_VALUES = {"low": "PD-2026-000001", "high": "PD-2026-000009", "due": date(2026, 3, 5)}


def test_each_placeholder_gets_its_bind_s_value_in_order() -> None:
    compiled = compile_statement(_STATEMENT, sqlite.dialect())
    assert compiled.sql.count("?") == 6
    # Statuses are stored by their value, dates as ISO text (SQLite's Date), text as it is.
    assert compiled.parameters(_VALUES) == (
        "new",
        "PD-2026-000001",
        "2026-03-05",
        "PD-2026-000009",
        "PD-2026-000001",
        "closed",
    )
    # Another call's values, none left over from the first; a missing date stays NULL.
    again = {"low": "PD-2025", "high": "PD-2025-000100", "due": None}
    assert compiled.parameters(again) == (
        "new",
        "PD-2025",
        None,
        "PD-2025-000100",
        "PD-2025",
        "closed",
    )


def test_a_bind_given_no_value_is_an_error() -> None:
    compiled = compile_statement(_STATEMENT, sqlite.dialect())
    with pytest.raises(KeyError):
        compiled.parameters({"low": "PD-2026-000001", "due": TODAY})


@pytest.mark.parametrize("binds", [0, 1, 2])
def test_statements_of_no_one_or_two_placeholders(binds: int) -> None:
    conditions = [Case.reference == bindparam(f"ref{n}", type_=String) for n in range(binds)]
    compiled = compile_statement(select(Case.id).where(*conditions), sqlite.dialect())
    values = {f"ref{n}": f"PD-2026-00000{n + 1}" for n in range(binds)}
    assert compiled.parameters(values) == tuple(values.values())


def test_a_dialect_with_named_parameters_gets_them_by_name() -> None:
    compiled = compile_statement(_STATEMENT, postgresql.psycopg.dialect())  # type: ignore[no-untyped-call]
    assert compiled.positions is None
    parameters = compiled.parameters(_VALUES)
    assert isinstance(parameters, dict)
    named = re.findall(r"%\((\w+)\)s", compiled.sql)
    # psycopg converts dates itself.
    assert [parameters[name] for name in named] == [
        "new",
        "PD-2026-000001",
        date(2026, 3, 5),
        "PD-2026-000009",
        "PD-2026-000001",
        "closed",
    ]


def test_the_parameters_select_what_sqlalchemy_selects(cases: Database) -> None:
    # Case 1 is new, due 5 March (test_case_search.CASES); cases 8 and 13 are new too, but 8
    # is due 8 March and 13 sorts after PD-2026-000009.
    compiled = compile_statement(_STATEMENT, sqlite.dialect())
    with cases.session() as session:
        through_orm = session.scalars(_STATEMENT, _VALUES).all()
        connection = session.connection()
        found = compiled.first_column(connection, _VALUES)
    assert through_orm == found == ["PD-2026-000001"]
