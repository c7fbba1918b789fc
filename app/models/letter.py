"""Letters produced for a case: immutable PDF bytes with their hash."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, LargeBinary, String, Text, UniqueConstraint, event, inspect
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
    language: Mapped[str] = mapped_column(String(16))  # "zh-Hant+en" (revision 0017)
    version: Mapped[int] = mapped_column(default=1)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    generated_by: Mapped[str] = mapped_column(String(100))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by: Mapped[str | None] = mapped_column(String(100))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_channel: Mapped[str | None] = mapped_column(String(40))
    sent_proof: Mapped[str | None] = mapped_column(Text)
    sent_recorded_by: Mapped[str | None] = mapped_column(String(100))

    case: Mapped["Case"] = relationship(back_populates="letters")


IMMUTABLE_LETTER_FIELDS = (
    "pdf",
    "sha256",
    "template_key",
    "template_version",
    "language",
    "version",
)


@event.listens_for(Letter, "before_update")
def _refuse_changes_to_a_generated_letter(
    _mapper: object, _connection: object, letter: Letter
) -> None:
    """A generated letter is evidence of what was sent: its document never changes (a change
    is a new version). Approval and sending details may still be recorded."""
    state = inspect(letter)
    changed = [name for name in IMMUTABLE_LETTER_FIELDS if state.attrs[name].history.has_changes()]
    if changed:
        raise ValueError(f"a generated letter is immutable (tried to change {', '.join(changed)})")
