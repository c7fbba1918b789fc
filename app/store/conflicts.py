"""Optimistic locking made readable: a stale save becomes a ``ConcurrentEditError`` naming what
the other person changed.

Versioned models (``version_id_col``, e.g. ``Case.version``) make SQLAlchemy update a row only
where its version is still the one that was loaded; otherwise the flush raises
``StaleDataError`` and the transaction rolls back, so nothing of the later save is written. The
error alone does not say which record or what changed, and a failed flush expires every object,
so the values loaded are captured just before each flush (``before_flush``) and compared with a
fresh read afterwards. Works on SQLite and PostgreSQL alike.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import InstanceState, Mapper, Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.errors import ConcurrentEditError

_LOADED_KEY = "privacy_desk_versioned_loads"
# A case reference is an internal identifier, never personal data, so it may name the record.
LABEL_ATTRIBUTE = "reference"


@dataclass(frozen=True)
class _LoadedRecord:
    """What a session held for one versioned record when it tried to save it."""

    mapper: Mapper[Any]
    identity: tuple[Any, ...]
    loaded: dict[str, Any]


def watch_versioned_edits(sessions: sessionmaker[Session]) -> None:
    """Make sessions from ``sessions`` remember, before each flush, the values they loaded for
    every versioned record they are about to update or delete (see ``guarded_session``)."""
    event.listen(sessions, "before_flush", _remember_loaded)


@contextmanager
def guarded_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """Yield a session in a transaction; map a stale versioned save to ``ConcurrentEditError``.

    Args:
        sessions: a factory prepared with ``watch_versioned_edits``.

    Yields:
        The session; it commits when the block ends without error.

    Raises:
        ConcurrentEditError: a record changed (or vanished) since this session loaded it; the
            transaction was rolled back.
    """
    with sessions.begin() as session:
        try:
            yield session
            session.flush()
        except StaleDataError as error:
            raise conflict_error(sessions, session.info.get(_LOADED_KEY, [])) from error


def _remember_loaded(session: Session, flush_context: object, instances: object) -> None:
    records = [
        _loaded_record(inspect(instance))
        for instance in [*session.dirty, *session.deleted]
        if inspect(instance).mapper.version_id_col is not None and inspect(instance).key
    ]
    session.info[_LOADED_KEY] = records


def _loaded_record(state: InstanceState[Any]) -> _LoadedRecord:
    """The values ``state`` had when loaded: a changed attribute's history holds the old one."""
    loaded: dict[str, Any] = {}
    for attribute in state.mapper.column_attrs:
        history = state.attrs[attribute.key].history
        before = [*history.deleted, *history.unchanged]
        if before:
            loaded[attribute.key] = before[0]
    assert state.key is not None  # only persistent records are remembered
    return _LoadedRecord(state.mapper, tuple(state.key[1]), loaded)


def conflict_error(
    sessions: sessionmaker[Session], records: list[_LoadedRecord]
) -> ConcurrentEditError:
    """Read the stale records afresh and name the first one that changed since it was loaded.

    Args:
        sessions: a factory for a new session (the failed one is rolled back).
        records: what the failed session had loaded.

    Returns:
        The error to raise (a generic one when no record can be shown to differ).
    """
    with sessions() as fresh:
        for record in records:
            current = fresh.get(record.mapper.class_, record.identity)
            entity = str(getattr(record.mapper.local_table, "name", "record"))
            if current is None:
                return ConcurrentEditError(entity, record.identity, None, {}, deleted=True)
            changes = _changed_fields(record, current)
            if changes is not None:
                label = getattr(current, LABEL_ATTRIBUTE, None)
                return ConcurrentEditError(entity, record.identity, label, changes)
    return ConcurrentEditError("record", (), None, {})


def _changed_fields(record: _LoadedRecord, current: object) -> dict[str, Any] | None:
    """Field -> current value for every field that differs from what was loaded; ``None`` when
    the version is unchanged (this record is not the stale one). Bookkeeping columns (the
    version, ``onupdate`` timestamps) are left out: they change with every save."""
    version_column = record.mapper.version_id_col
    assert version_column is not None  # only versioned records are remembered
    version_key = record.mapper.get_property_by_column(version_column).key
    if getattr(current, version_key) == record.loaded.get(version_key):
        return None
    changes: dict[str, Any] = {}
    for attribute in record.mapper.column_attrs:
        key = attribute.key
        if key == version_key or any(c.onupdate is not None for c in attribute.columns):
            continue
        value = getattr(current, key)
        if key in record.loaded and record.loaded[key] != value:
            changes[key] = value
    return changes
