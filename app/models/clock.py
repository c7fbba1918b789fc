"""Clock pauses of a case and the holiday schedules an administrator enters."""

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, int_pk, utc_instant, utc_now
from app.models.columns import enum_column
from app.models.enums import PauseReason

if TYPE_CHECKING:
    from app.models.case import Case


class CasePause(Base):
    """A period in which the case's clock is stopped, e.g. while waiting for identity proof.

    Dates are in the rule's time zone and inclusive; ``end_date`` is ``None`` while the case is
    still waiting. Whether a pause moves the deadline is the rule's decision
    (``pauses_stop_clock``; e.g. UK GDPR as amended by the DUAA 2025 stops the clock for
    identity and clarification, CCPA §7021(b) does not).
    """

    __tablename__ = "case_pause"

    id: Mapped[int_pk]
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[PauseReason] = mapped_column(enum_column(PauseReason))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    created_by: Mapped[str] = mapped_column(String(100))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    case: Mapped["Case"] = relationship(back_populates="pauses")


class CalendarYear(Base):
    """A year's official holiday schedule for one calendar, entered by an administrator
    (e.g. the State Council notice for 2027 for ``holidays:CN``). Its days replace what the
    ``holidays`` package estimates for that year."""

    __tablename__ = "calendar_year"
    __table_args__ = (UniqueConstraint("calendar", "year"),)

    id: Mapped[int_pk]
    calendar: Mapped[str] = mapped_column(String(40))
    year: Mapped[int]
    official: Mapped[bool] = mapped_column(default=True)
    source: Mapped[str] = mapped_column(Text)
    entered_at: Mapped[utc_instant] = mapped_column(default=utc_now)
    entered_by: Mapped[str] = mapped_column(String(100))

    days: Mapped[list["CalendarDay"]] = relationship(
        back_populates="calendar_year", cascade="all, delete-orphan", order_by="CalendarDay.day"
    )


class CalendarDay(Base):
    """One day of an entered schedule: a holiday, or a make-up working day (调休)."""

    __tablename__ = "calendar_day"
    __table_args__ = (UniqueConstraint("calendar_year_id", "day"),)

    id: Mapped[int_pk]
    calendar_year_id: Mapped[int] = mapped_column(ForeignKey("calendar_year.id"), index=True)
    day: Mapped[date] = mapped_column(Date)
    is_working_day: Mapped[bool]
    name: Mapped[str] = mapped_column(String(100), default="")

    calendar_year: Mapped[CalendarYear] = relationship(back_populates="days")
