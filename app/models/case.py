"""The case: one request or complaint from a data subject, from receipt to closure."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, false, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, Channel, ReceivedAtSource
from app.models.subject import DataSubject

if TYPE_CHECKING:
    from app.models.attachment import Attachment
    from app.models.clock import CasePause
    from app.models.letter import Letter
    from app.models.workflow import (
        CategoryAction,
        IdentityVerification,
        Message,
        Note,
        Party,
        RefusalGround,
        Review,
    )


# coalesce(extended_due_date, due_date, '9999-12-31'): the same expression the case list
# sorts by (app.services.case_search.URGENCY), so the indexes serve it.
_URGENCY = func.coalesce(text("extended_due_date"), text("due_date"), text("'9999-12-31'"))


class Case(Base):
    """One request or complaint.

    ``received_at`` is the legal receipt instant (aware UTC) from which statutory deadlines run;
    ``created_at`` is when the case entered Privacy Desk. The deadline columns are computed by
    the clock service from the rule set named in ``rule_ref`` and are never typed in:
    ``due_date`` is the statutory due date with clock pauses applied; ``extended_due_date`` is
    set only once an extension is taken (``extension_reason``), and then is the date that
    binds; ``internal_target_date`` is the company's own, earlier promise.
    ``version`` implements optimistic locking.
    """

    __tablename__ = "case"
    # The case list sorts and filters by urgency: the date that binds (extended, else
    # statutory), cases without one last (app.services.case_search.URGENCY, migration 0005).
    __table_args__ = (
        Index("ix_case_urgency", _URGENCY),
        Index("ix_case_status_urgency", "status", _URGENCY),
        Index("ix_case_assignee_status_urgency", "assignee", "status", _URGENCY),
        Index("ix_case_subject_status_urgency", "subject_id", "status", _URGENCY),
        # A search walks all cases by date received or urgency testing each one's requester
        # from these alone (key, id: the list's order; app.services.case_search, migration 0015).
        Index("ix_case_received_subject", "received_at", "id", "subject_id"),
        Index("ix_case_urgency_subject", _URGENCY, "id", "subject_id"),
        # The dashboard (app/services/dashboard_queries.py), read from the indexes alone at a
        # million cases: open cases by status/kind/handler with their dates, the answered in
        # the last 90 days with theirs, the few extended cases (migrations 0006, 0007).
        Index("ix_case_closed_at", "closed_at"),
        # The start's check for cases timed under changed rules (app.services.clock,
        # migration 0009), from the index alone.
        Index("ix_case_status_rule", "status", "rule_ref", "jurisdiction", "kind"),
        Index(
            "ix_case_status_kind_assignee_dates",
            "status",
            "kind",
            "assignee",
            "extended_due_date",
            "due_date",
        ),
        Index(
            "ix_case_responded_at_dates",
            "responded_at",
            "received_at",
            "due_date",
            "extended_due_date",
        ),
        Index(
            "ix_case_extended_at",
            "extended_at",
            sqlite_where=text("extended_at IS NOT NULL"),
            # Partial on PostgreSQL too (migration 0007 creates both). Not repeated here: a
            # ``postgresql_*`` argument makes SQLAlchemy import that dialect at every start
            # (0.1 s before the first paint) for a desktop that mostly never meets PostgreSQL.
        ),
    )

    id: Mapped[int_pk]
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[CaseKind] = mapped_column(enum_column(CaseKind), index=True)
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus), index=True)
    outcome: Mapped[CaseOutcome | None] = mapped_column(enum_column(CaseOutcome))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    language: Mapped[str | None] = mapped_column(String(8))
    priority: Mapped[int] = mapped_column(default=0)
    assignee: Mapped[str | None] = mapped_column(String(100))

    subject_id: Mapped[int | None] = mapped_column(ForeignKey("data_subject.id"), index=True)
    message_id: Mapped[str | None] = mapped_column(String(998), unique=True)
    subject_line: Mapped[str] = mapped_column(Text, default="")

    received_at: Mapped[utc_instant] = mapped_column(index=True)
    received_at_source: Mapped[ReceivedAtSource] = mapped_column(enum_column(ReceivedAtSource))
    created_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now, onupdate=utc_now)

    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    ack_due_date: Mapped[date | None] = mapped_column(Date)
    extended_due_date: Mapped[date | None] = mapped_column(Date)
    extension_notice_due_date: Mapped[date | None] = mapped_column(Date)
    internal_target_date: Mapped[date | None] = mapped_column(Date)
    due_provisional: Mapped[bool] = mapped_column(default=False)
    rule_ref: Mapped[str | None] = mapped_column(String(80))

    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    extension_reason: Mapped[str | None] = mapped_column(Text)
    extended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    review_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    triage_reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    related_case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retention_purge_date: Mapped[date | None] = mapped_column(Date, index=True)
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    # A restricted case (e.g. about an employee) is visible on the team server only to members
    # of ``privacy_desk_restricted`` (row-level security, revision 0004).
    restricted: Mapped[bool] = mapped_column(default=False, server_default=false())

    version: Mapped[int] = mapped_column(default=1)

    subject: Mapped[DataSubject | None] = relationship()
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Attachment.id"
    )
    verifications: Mapped[list["IdentityVerification"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="IdentityVerification.id"
    )
    reviews: Mapped[list["Review"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Review.id"
    )
    refusal_grounds: Mapped[list["RefusalGround"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="RefusalGround.id"
    )
    category_actions: Mapped[list["CategoryAction"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CategoryAction.id"
    )
    parties: Mapped[list["Party"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Party.id"
    )
    notes: Mapped[list["Note"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Note.id"
    )
    messages: Mapped[list["Message"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Message.id"
    )
    pauses: Mapped[list["CasePause"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CasePause.start_date"
    )
    letters: Mapped[list["Letter"]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Letter.id"
    )

    @property
    def binding_due_date(self) -> date | None:
        """The date the answer is due by: the extended date once extended, else the due date."""
        return self.extended_due_date or self.due_date

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declared form
