"""The date expressions every case-list view and sort is decided on (SQLAlchemy columns)."""

from typing import Any

from sqlalchemy import ColumnElement, func, literal_column

from app.models import Case

# The date that binds: the extended due date once an extension is taken (Case docstring).
BINDING_DUE = func.coalesce(Case.extended_due_date, Case.due_date)
# Sorting and the date views use the binding date with cases that have none placed after every
# real date, so "most urgent first" starts with the overdue, not with the deadline-less; the
# expression indexes of migration 0005 are built on exactly this expression.
# An inline literal, not a bound parameter: an index on an expression serves only that exact
# expression.
NO_DEADLINE: ColumnElement[Any] = literal_column("'9999-12-31'")
URGENCY = func.coalesce(Case.extended_due_date, Case.due_date, NO_DEADLINE)
