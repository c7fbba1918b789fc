"""Declarative base, shared column types and aliases for every ORM model."""

from datetime import UTC, date, datetime
from typing import Annotated, Any

from sqlalchemy import JSON, DateTime, Integer, MetaData, String, TypeDecorator, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapper, mapped_column

# Constraint names that Alembic can reproduce on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware (UTC).

    SQLite drops the offset of a stored datetime; this type refuses naive values on the way in
    and re-attaches UTC on the way out, so every instant in the model is comparable.

    Raises:
        ValueError: when a naive datetime is bound.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC instant is required")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


int_pk = Annotated[int, mapped_column(Integer, primary_key=True)]
utc_instant = Annotated[datetime, mapped_column(UTCDateTime())]
short_text = Annotated[str, mapped_column(String(200))]
code = Annotated[str, mapped_column(String(40))]
json_data = Annotated[Any, mapped_column(JSON)]
calendar_date = date


class Base(DeclarativeBase):
    """Base class of every model; carries the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """Return the current instant as an aware UTC datetime."""
    return datetime.now(UTC)


@event.listens_for(Mapper, "before_configured")
def _load_every_model() -> None:
    """Load every model module before SQLAlchemy resolves relationships, even when only some
    were imported by their module path (``app.models`` loads them lazily)."""
    import app.models  # at configure time, never at import time

    app.models.Base  # noqa: B018 - taking a name loads them all
