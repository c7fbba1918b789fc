"""Files kept with a case: the original message, ID documents, evidence."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column
from app.models.enums import AttachmentKind

if TYPE_CHECKING:
    from app.models.case import Case


class Attachment(Base):
    """A file attached to a case, stored inside the encrypted database.

    ``sha256`` (hex) proves the bytes are the ones received; ``file_name`` is the name the file
    had when it arrived (it may itself contain personal data, hence kept only in the database).
    """

    __tablename__ = "attachment"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[AttachmentKind] = mapped_column(enum_column(AttachmentKind))
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    added_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    retention_until: Mapped[date | None] = mapped_column(Date)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    case: Mapped["Case"] = relationship(back_populates="attachments")
