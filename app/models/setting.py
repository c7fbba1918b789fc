"""Team-wide settings kept in the database (letterhead, retention periods, data inventory...),
so that every desktop of a team — and every letter — uses the same ones."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utc_now


class Setting(Base):
    """One named setting: a JSON ``value`` and, for images (logo, seal), the file's bytes in
    ``content``. ``updated_by``/``updated_at`` say who changed it last (the audit trail says
    what changed)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)
