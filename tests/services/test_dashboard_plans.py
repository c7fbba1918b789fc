"""The dashboard's statements read indexes, not case rows, where SQLCipher's SQLite can
(``app/services/dashboard_queries.py``): a refresh at a million cases fits a small page cache."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from sqlalchemy import event

from app.services import dashboard_queries as queries
from app.store import Database


@contextmanager
def _statements(database: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, sql: str, parameters: Any, *_rest: Any) -> None:
        seen.append((sql, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def test_the_open_cases_per_due_day_are_counted_from_the_status_and_due_index_alone(
    database: Database,
) -> None:
    # With "status IN (...)" SQLite ranged over ix_case_urgency and read every case row due in
    # the month for its status: 45,000 rows at a million cases, the refresh 387 ms at a 20 MiB
    # page budget (target 300); one (status, due) range per open status reads none.
    with _statements(database) as seen, database.session() as session:
        assert queries.deadlines_per_day(session, date(2026, 3, 10), date(2026, 4, 9)) == {}
    sql, parameters = seen[-1]
    with database.engine.connect() as connection:
        explained = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters)
        plan = [row[3] for row in explained]
    searches = [step for step in plan if step.startswith("SEARCH")]
    assert len(searches) == 5  # the open statuses
    assert all("COVERING INDEX ix_case_status_urgency" in step for step in searches)
