"""The work on a case: staff, identity checks, reviews, refusal grounds, category actions,
parties acting for the subject, internal notes and messages with the requester."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column
from app.models.enums import (
    CategoryActionKind,
    MessageDirection,
    PartyRole,
    ReviewDecision,
    ReviewSubject,
    StaffRole,
    VerificationMethod,
)

if TYPE_CHECKING:
    from app.models.case import Case


class StaffMember(Base):
    """A person of the privacy team, named in the audit trail by ``username``."""

    __tablename__ = "staff_member"

    id: Mapped[int_pk]
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(enum_column(StaffRole))
    active: Mapped[bool] = mapped_column(default=True)


class IdentityVerification(Base):
    """A check of the requester's identity: method, who checked, when, and the SHA-256 of the
    evidence (the evidence itself, if kept, is a typed attachment with its own retention)."""

    __tablename__ = "identity_verification"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    method: Mapped[VerificationMethod] = mapped_column(enum_column(VerificationMethod))
    verified: Mapped[bool]
    checked_by: Mapped[str] = mapped_column(String(100))
    checked_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")

    case: Mapped["Case"] = relationship(back_populates="verifications")


class Review(Base):
    """A four-eyes sign-off: the reviewer must not be the person who asked for it."""

    __tablename__ = "review"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    subject: Mapped[ReviewSubject] = mapped_column(enum_column(ReviewSubject))
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letter.id"))
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    decision: Mapped[ReviewDecision] = mapped_column(enum_column(ReviewDecision))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    comment: Mapped[str] = mapped_column(Text, default="")

    case: Mapped["Case"] = relationship(back_populates="reviews")


class RefusalGround(Base):
    """A ground on which a request is refused in whole or in part, from the jurisdiction's
    list (``resources/workflow/refusal_grounds.toml``)."""

    __tablename__ = "refusal_ground"
    __table_args__ = (UniqueConstraint("case_id", "code"),)

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    explanation: Mapped[str] = mapped_column(Text, default="")

    case: Mapped["Case"] = relationship(back_populates="refusal_grounds")


class CategoryAction(Base):
    """What is done to one data category of the inventory for this case.

    A legal hold keeps the category until ``hold_until`` under ``hold_rule`` (e.g.
    E-Commerce Law Art. 31: transaction records ≥ 3 years after completion); during it only
    storage and security measures are allowed (PIPL Art. 47 ¶2). ``done_at`` is set when the
    action is carried out; an action without it is unsettled.
    """

    __tablename__ = "category_action"
    __table_args__ = (UniqueConstraint("case_id", "category"),)

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    category: Mapped[str] = mapped_column(String(60))
    action: Mapped[CategoryActionKind] = mapped_column(enum_column(CategoryActionKind))
    hold_until: Mapped[date | None] = mapped_column(Date)
    hold_rule: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")
    planned_by: Mapped[str] = mapped_column(String(100))
    done_by: Mapped[str | None] = mapped_column(String(100))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    case: Mapped["Case"] = relationship(back_populates="category_actions")


class Party(Base):
    """Someone acting for the data subject, with the proof of their standing."""

    __tablename__ = "party"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(enum_column(PartyRole))
    name: Mapped[str] = mapped_column(String(200))
    relationship_to_subject: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str | None] = mapped_column(String(320))
    proof_type: Mapped[str] = mapped_column(String(100))
    proof_expiry: Mapped[date | None] = mapped_column(Date)
    proof_checked_by: Mapped[str] = mapped_column(String(100))
    is_addressee: Mapped[bool] = mapped_column(default=True)
    added_at: Mapped[utc_instant] = mapped_column(default=utc_now)

    case: Mapped["Case"] = relationship(back_populates="parties")


class Note(Base):
    """An internal note; never shown to the requester."""

    __tablename__ = "note"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    author: Mapped[str] = mapped_column(String(100))
    written_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    text: Mapped[str] = mapped_column(Text)

    case: Mapped["Case"] = relationship(back_populates="notes")


class Message(Base):
    """A message to or from the requester (kept apart from internal notes)."""

    __tablename__ = "message"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    direction: Mapped[MessageDirection] = mapped_column(enum_column(MessageDirection))
    channel: Mapped[str] = mapped_column(String(40))
    occurred_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    summary: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))

    case: Mapped["Case"] = relationship(back_populates="messages")
