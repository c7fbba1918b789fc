"""The SQL the case list starts with, written down for the start without SQLAlchemy.

``app.services.case_list_start`` paints the first page of the list before SQLAlchemy is
imported (README "Speed"), from the statements this module compiles with the very builders
the list uses afterwards (``app.services.case_search_plans``, ``case_list_rows``): the start
view's count and page of ids, the rows of a page, and whether there is any case. They are kept
in ``resources/sql/case_list_start.sqlite.json`` (``tools/update_case_list_start.py`` rewrites
it; tests/services/test_case_list_start.py fails while it differs from what is compiled here,
and checks that both paths read the same rows).

Each statement is kept with its SQL text, its parameters in placeholder order, the values
fixed at build time, and how each parameter and each result column is converted — named
by kind (``date``, ``instant``, ``flag``, ``json``, ``enum``), never as code.
"""

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Dialect, Enum, Select, literal_column, select
from sqlalchemy.types import TypeEngine

from app.models import Case
from app.models.base import UTCDateTime
from app.services import case_search_plans as plans
from app.services.case_list_rows import case_rows
from app.services.case_list_terms import ROWS_BATCH, CaseQuery, SavedView, SortColumn
from app.services.case_search import search_terms
from app.services.case_statements import Statement, compile_statement

SNAPSHOT_PARTS = ("sql", "case_list_start.sqlite.json")
# What the list shows at the start (``app.ui.case_browser``): open cases, most urgent first.
START_VIEW, START_SORT, START_DESCENDING = SavedView.OPEN, SortColumn.DUE, False


def start_snapshot(dialect: Dialect) -> dict[str, Any]:
    """Return the start statements compiled for ``dialect`` as JSON-ready values.

    Raises:
        ValueError: a parameter or column has a type whose conversion has no kind here (add
            one here and in ``app.services.case_list_start``).
    """
    query = CaseQuery(date(2000, 1, 1), START_VIEW, sort=START_SORT, descending=START_DESCENDING)
    terms = search_terms("")
    statements: dict[str, Statement] = {
        "count": plans.counted(query, terms, False),
        "ids": plans.ordered_ids(query, terms, False),
        "any_case": any_case(),
    }
    statements |= {f"rows_{size}": case_rows(size) for size in _batch_sizes()}
    return {
        "start": {"view": START_VIEW, "sort": START_SORT, "descending": START_DESCENDING},
        "statements": {name: _described(s, dialect) for name, s in statements.items()},
    }


def any_case() -> Select[Any]:
    """One case id, if there is any case at all."""
    return select(Case.id).limit(literal_column("1"))


def _batch_sizes() -> list[int]:
    """The padded batch sizes ``rows_by_id`` reads with: powers of two up to ``ROWS_BATCH``."""
    return [1 << power for power in range(ROWS_BATCH.bit_length())]


def _described(statement: Statement, dialect: Dialect) -> dict[str, Any]:
    compiled = compile_statement(statement, dialect)
    binds = statement.compile(dialect=dialect).binds
    if compiled.positions is None:
        raise ValueError("only a positional dialect (SQLite's '?') starts without SQLAlchemy")
    positions = list(compiled.positions)
    return {
        "sql": compiled.sql,
        "positions": positions,
        # Only the placeholders' own names: the others are named after object ids.
        "constants": {
            name: compiled.constants[name] for name in positions if name in compiled.constants
        },
        "parameters": {name: _kind(binds[name].type, dialect) for name in compiled.processors},
        "columns": [_kind(column.type, dialect) for column in statement.selected_columns],
    }


def _kind(column_type: TypeEngine[Any], dialect: Dialect) -> str | None:
    """How values of ``column_type`` are converted (``None``: they pass as they are).

    Raises:
        ValueError: the type converts values in a way no kind names.
    """
    if isinstance(column_type, Enum):
        enum_class = column_type.enum_class
        if enum_class is None or list(column_type.enums) != [m.value for m in enum_class]:
            raise ValueError(f"an enum column not stored by member value: {column_type!r}")
        return f"enum:{enum_class.__name__}"
    if isinstance(column_type, UTCDateTime):
        return "instant"
    for kind, types in (("date", Date), ("flag", Boolean), ("json", JSON)):
        if isinstance(column_type, types):
            return kind
    implementation = column_type.dialect_impl(dialect)
    if implementation.bind_processor(dialect) or implementation.result_processor(dialect, None):
        raise ValueError(f"no conversion kind for {column_type!r}")
    return None
