"""ORM models (SQLAlchemy 2, typed). Importing this package registers every table."""

from app.models.attachment import Attachment
from app.models.base import Base
from app.models.case import Case
from app.models.clock import CalendarDay, CalendarYear, CasePause
from app.models.event import GENESIS_HASH, Event
from app.models.letter import Letter
from app.models.setting import Setting
from app.models.subject import DataSubject, IdentifierKind, SubjectIdentifier
from app.models.workflow import (
    CategoryAction,
    IdentityVerification,
    Message,
    Note,
    Party,
    RefusalGround,
    Review,
    StaffMember,
)

__all__ = [
    "GENESIS_HASH",
    "Attachment",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "Case",
    "CasePause",
    "CategoryAction",
    "DataSubject",
    "Event",
    "IdentifierKind",
    "IdentityVerification",
    "Letter",
    "Message",
    "Note",
    "Party",
    "RefusalGround",
    "Review",
    "Setting",
    "StaffMember",
    "SubjectIdentifier",
]
