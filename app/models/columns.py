"""Column helpers for enum-valued text columns (portable between SQLite and PostgreSQL)."""

from enum import StrEnum

from sqlalchemy import Enum


def enum_column(enum_class: type[StrEnum]) -> Enum:
    """Return a column type that stores ``enum_class`` members as their text value.

    Args:
        enum_class: a ``StrEnum`` of the domain model.

    Returns:
        A non-native ``sqlalchemy.Enum`` (VARCHAR), so that adding a member needs no
        database-specific type change.
    """
    return Enum(
        enum_class,
        native_enum=False,
        length=40,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )
