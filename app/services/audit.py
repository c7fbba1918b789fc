"""The audit trail: append hash-chained events and verify the chain.

Every change to, or view of, personal data is one ``Event``. Each event's hash covers the
previous event's hash, so removing or editing any earlier row is detected by ``verify_chain``.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import GENESIS_HASH, Case, Event
from app.models.base import utc_now

SYSTEM_ACTOR = "system"


def event_hash(
    prev_hash: str,
    case_id: int | None,
    occurred_at: datetime,
    actor: str,
    action: str,
    payload: dict[str, Any],
) -> str:
    """Return the SHA-256 (hex) of an event's canonical content chained to ``prev_hash``.

    The content is canonical JSON (sorted keys, no spaces, UTF-8), so the same event always
    hashes the same on SQLite and PostgreSQL.
    """
    content = json.dumps(
        [case_id, occurred_at.isoformat(), actor, action, payload],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def record_event(
    session: Session,
    action: str,
    *,
    case: Case | None = None,
    actor: str = SYSTEM_ACTOR,
    payload: dict[str, Any] | None = None,
) -> Event:
    """Append an event to the trail in the current transaction.

    Args:
        session: the unit of work; the event commits or rolls back with the change it records.
        action: dotted verb, e.g. ``"case.created"``, ``"letter.generated"``.
        case: the case concerned, if any (it is flushed to get its id).
        actor: the staff member or ``"system"`` (on PostgreSQL the login is recorded instead).
        payload: JSON-serialisable details; keep personal data out of it.

    Returns:
        The new ``Event`` (flushed).
    """
    if case is not None and case.id is None:
        session.flush()
    prev, actor = _team_server_hook(session, actor)
    occurred_at = utc_now()
    body = payload or {}
    case_id = case.id if case is not None else None
    event = Event(
        case_id=case_id,
        occurred_at=occurred_at,
        actor=actor,
        action=action,
        payload=body,
        prev_hash=prev,
        hash=event_hash(prev, case_id, occurred_at, actor, action, body),
    )
    session.add(event)
    session.flush()
    return event


def _team_server_hook(session: Session, actor: str) -> tuple[str, str]:
    """Return the chain's last hash and the actor to record.

    On PostgreSQL (team mode, revision 0004) the login is the authenticated person, so the
    actor recorded is ``session_user`` whatever the caller passed; and the last hash is read
    by ``privacy_desk_chain_head()``, which holds the server-wide writer lock until commit (so
    two clients never chain to the same event) and sees past row-level security (a handler
    cannot see events of restricted cases, yet must chain after them). SQLite has one writer
    and one user, so it reads the last row and keeps ``actor``.
    """
    if session.get_bind().dialect.name != "postgresql":
        head = session.scalar(select(Event.hash).order_by(Event.id.desc()).limit(1))
        return head or GENESIS_HASH, actor
    head, login = session.execute(select(func.privacy_desk_chain_head(), func.session_user())).one()
    return head or GENESIS_HASH, login


@dataclass(frozen=True)
class ChainCheck:
    """Result of verifying the audit chain: ``ok``, how many events were checked and the id of
    the first event that does not verify (``None`` when all do)."""

    ok: bool
    checked: int
    first_bad_event_id: int | None


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every event's hash in id order and compare it with the stored chain."""
    prev = GENESIS_HASH
    checked = 0
    for event in session.scalars(select(Event).order_by(Event.id)):
        expected = event_hash(
            prev, event.case_id, event.occurred_at, event.actor, event.action, event.payload
        )
        if event.prev_hash != prev or event.hash != expected:
            return ChainCheck(False, checked, event.id)
        prev = event.hash
        checked += 1
    return ChainCheck(True, checked, None)
