"""Shared helpers for the migration link-check tests: a migration step made of raw SQL
statements, and the rows a query returns."""

from collections.abc import Callable

from alembic.config import Config
from sqlalchemy import Connection

from app.store import Database


def statements(*sql: str) -> Callable[[Config], None]:
    """A migration step (for ``run_alembic``) running each statement of ``sql`` in order on
    the migration's connection."""

    def step(config: Config) -> None:
        connection: Connection = config.attributes["connection"]
        for statement in sql:
            connection.exec_driver_sql(statement)

    return step


def rows(database: Database, sql: str) -> list[tuple[object, ...]]:
    """The rows the query ``sql`` returns from ``database``, each as a tuple."""
    with database.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql).all()]


def write_unchecked(database: Database, *sql: str) -> None:
    """Run each statement of ``sql`` on ``database`` outside any migration with the
    foreign-key check off, as a damaged file holds them, then turn the check back on."""
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")
        for statement in sql:
            driver.execute(statement)
        driver.execute("PRAGMA foreign_keys = ON")
