"""The data subject: the person a request is about, and the identifiers that find them."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column


class IdentifierKind(StrEnum):
    """Kinds of identifier by which a data subject is matched across cases."""

    EMAIL = "email"
    PHONE = "phone"
    ACCOUNT_ID = "account_id"


class DataSubject(Base):
    """A natural person whose personal information a case is about (PIPL Art. 4; GDPR Art. 4(1))."""

    __tablename__ = "data_subject"
    # Name search is a case-insensitive prefix range over lower(display_name).
    __table_args__ = (
        Index("ix_data_subject_display_name_lower", func.lower(text("display_name"))),
    )

    id: Mapped[int_pk]
    display_name: Mapped[str | None] = mapped_column(String(200))
    preferred_language: Mapped[str | None] = mapped_column(String(8))
    is_minor: Mapped[bool] = mapped_column(default=False)
    is_deceased: Mapped[bool] = mapped_column(default=False)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[utc_instant] = mapped_column(default=utc_now)

    identifiers: Mapped[list["SubjectIdentifier"]] = relationship(
        back_populates="subject", cascade="all, delete-orphan"
    )

    def identifier(self, kind: IdentifierKind) -> str | None:
        """Return the first identifier of ``kind`` (e.g. the e-mail address), or ``None``."""
        return next((i.value for i in self.identifiers if i.kind == kind), None)


class SubjectIdentifier(Base):
    """One e-mail address, phone number or console account ID of a data subject.

    ``value`` is normalised (e-mail lower-cased) so that matching is an equality lookup.
    """

    __tablename__ = "subject_identifier"
    __table_args__ = (UniqueConstraint("kind", "value"),)

    id: Mapped[int_pk]
    subject_id: Mapped[int] = mapped_column(ForeignKey("data_subject.id"), index=True)
    kind: Mapped[IdentifierKind] = mapped_column(enum_column(IdentifierKind))
    value: Mapped[str] = mapped_column(String(320))
    added_at: Mapped[utc_instant] = mapped_column(default=utc_now)

    subject: Mapped[DataSubject] = relationship(back_populates="identifiers")
