"""Whether a database's schema is already at the newest revision, told without Alembic.

Importing Alembic costs a quarter of a second at every start; it is only needed when the
schema must change. ``SCHEMA_HEAD`` is the newest revision in ``migrations/versions``
(tests/store/test_database.py checks it against Alembic's own head).
"""

from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

if TYPE_CHECKING:  # SQLAlchemy is imported after the list's first paint (app.store.first_look)
    from sqlalchemy import Engine

SCHEMA_HEAD = "0018"
_REVISION_SQL = "SELECT version_num FROM alembic_version"


def at_schema_head(engine: "Engine") -> bool:
    """Return whether the database behind ``engine`` records ``SCHEMA_HEAD`` as its revision
    (``False`` for a new, empty database or one an older app version wrote)."""
    from sqlalchemy.exc import DBAPIError

    with engine.connect() as connection:
        try:
            row = connection.exec_driver_sql(_REVISION_SQL).first()
        except DBAPIError:  # no alembic_version table yet: a new database
            return False
    return row is not None and row[0] == SCHEMA_HEAD


def connection_at_schema_head(connection: Any) -> bool:
    """The same, on a keyed ``sqlcipher3`` DB-API ``connection`` (no SQLAlchemy)."""
    try:
        row = connection.execute(_REVISION_SQL).fetchone()
    except sqlcipher.OperationalError:  # no alembic_version table yet: a new database
        return False
    return row is not None and row[0] == SCHEMA_HEAD
