"""Whether a database's schema is already at the newest revision, told without Alembic.

Importing Alembic costs a quarter of a second at every start; it is only needed when the
schema must change. ``SCHEMA_HEAD`` is the newest revision in ``migrations/versions``
(tests/store/test_database.py checks it against Alembic's own head).
"""

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

SCHEMA_HEAD = "0007"


def at_schema_head(engine: Engine) -> bool:
    """Return whether the database behind ``engine`` records ``SCHEMA_HEAD`` as its revision
    (``False`` for a new, empty database or one an older app version wrote)."""
    with engine.connect() as connection:
        try:
            row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except DBAPIError:  # no alembic_version table yet: a new database
            return False
    return row is not None and row[0] == SCHEMA_HEAD
