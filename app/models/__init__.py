"""ORM models (SQLAlchemy 2, typed).

The models load with the first name taken from this package (``from app.models import Case``,
``app.models.Base``): every model module at once, so the metadata and the relationships are
complete. Lazily (PEP 562), because ``app.models.enums`` — plain enums the window shows before
anything is read through SQLAlchemy — must be importable without it: the case list paints
before SQLAlchemy is imported (README "Speed").
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.models.attachment import Attachment
    from app.models.base import Base
    from app.models.case import Case
    from app.models.clock import CalendarDay, CalendarYear, CasePause
    from app.models.event import GENESIS_HASH, Event
    from app.models.letter import Letter
    from app.models.setting import Setting
    from app.models.subject import (
        DataSubject,
        IdentifierKind,
        SubjectIdentifier,
        SubjectNameWord,
    )
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

_MODULES = (
    "attachment",
    "base",
    "case",
    "clock",
    "event",
    "letter",
    "setting",
    "subject",
    "workflow",
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
    "SubjectNameWord",
]


def __getattr__(name: str) -> Any:
    """Load every model module, then return ``name`` from the one defining it.

    Raises:
        AttributeError: no model module defines ``name``.
    """
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    modules = [importlib.import_module(f"{__name__}.{module}") for module in _MODULES]
    for module in modules:
        if hasattr(module, name):
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
