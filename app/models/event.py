"""The audit trail: append-only, hash-chained events."""

from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, int_pk, utc_instant, utc_now

GENESIS_HASH = "0" * 64


class Event(Base):
    """One change to, or view of, personal data.

    Rows are only ever inserted. ``prev_hash`` is the ``hash`` of the row before it (by id) and
    ``hash`` is SHA-256 over ``prev_hash`` and this row's canonical content, so any edit or
    deletion of an earlier row breaks the chain (see ``app.services.audit.verify_chain``).
    """

    __tablename__ = "event"

    id: Mapped[int_pk]
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"), index=True)
    occurred_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
