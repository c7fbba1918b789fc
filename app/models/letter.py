"""Letters produced for a case: immutable PDF bytes with their hash."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now

if TYPE_CHECKING:
    from app.models.case import Case


class Letter(Base):
    """One generated letter.

    The PDF bytes never change once stored; a changed letter is a new row with the next
    ``version`` for the same case, template and language. ``sha256`` (hex) identifies the exact
    document that was approved and sent.
    """

    __tablename__ = "letter"
    __table_args__ = (UniqueConstraint("case_id", "template_key", "language", "version"),)

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    template_key: Mapped[str] = mapped_column(String(60))
    template_version: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int] = mapped_column(default=1)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    generated_by: Mapped[str] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str | None] = mapped_column(String(100))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_channel: Mapped[str | None] = mapped_column(String(40))

    case: Mapped["Case"] = relationship(back_populates="letters")
