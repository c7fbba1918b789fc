"""How the case list's compiled statements convert what the database returns
(``app.services.case_statements``): each column type's own result processor — the conversion
SQLAlchemy itself would apply — with ``None`` kept as ``None``, and for types with few distinct
values each value's result remembered, so a page of rows parses a handful of dates and statuses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Dialect
from sqlalchemy import Enum as SQLEnum
from sqlalchemy.types import TypeEngine

Processor = Callable[[Any], Any]

_FEW_VALUES = (SQLEnum, Date, Boolean)
_REMEMBERED_VALUES = 4096


def result_processor(column_type: TypeEngine[Any], dialect: Dialect) -> Processor | None:
    """The column type's result processor (``None``: values as they come), taking ``None``
    through as ``None``; for types with few distinct values (enums, dates, flags, JSON lists
    of flags) each value's result is remembered: a page of 200 rows then parses a handful of
    dates and statuses, not 200 of each. Remembered results are shared, so only immutable
    ones are kept (a JSON array of text as a tuple)."""
    processor = column_type.dialect_impl(dialect).result_processor(dialect, None)
    if isinstance(column_type, JSON):
        return _remembered(_none_kept(_frozen(processor)))
    if processor is None:
        return None
    if isinstance(column_type, _FEW_VALUES):
        return _remembered(_none_kept(processor))
    return _none_kept(processor)


def _none_kept(processor: Processor) -> Processor:
    def process(value: Any) -> Any:
        return None if value is None else processor(value)

    return process


@dataclass(frozen=True)
class _Unshared:
    """A mutable result: returned, never remembered."""

    value: Any


def _frozen(processor: Processor | None) -> Processor:
    """JSON as read through ``processor``: an array of text as a tuple, anything else
    ``_Unshared``."""

    def process(value: Any) -> Any:
        found = value if processor is None else processor(value)
        if isinstance(found, list) and all(isinstance(item, str) for item in found):
            return tuple(found)
        return _Unshared(found)

    return process


def _remembered(processor: Processor) -> Processor:
    results: dict[Any, Any] = {}

    def process(value: Any) -> Any:
        try:
            return results[value]
        except KeyError:
            pass
        except TypeError:  # unhashable (JSON the driver already decoded): not remembered
            found = processor(value)
            return found.value if isinstance(found, _Unshared) else found
        found = processor(value)
        if isinstance(found, _Unshared):
            return found.value
        if len(results) >= _REMEMBERED_VALUES:
            results.clear()
        results[value] = found
        return found

    return process
