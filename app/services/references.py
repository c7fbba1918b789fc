"""Case references: ``PD-<year>-<six-digit sequence>``, unique and never reused."""

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case

REFERENCE_PATTERN = re.compile(r"^PD-(\d{4})-(\d{6,})$")


def next_reference(session: Session, year: int) -> str:
    """Return the next free reference for ``year`` (the year the case is opened, UTC).

    The sequence is the highest existing one for that year plus one; the write lock taken by
    every transaction (``BEGIN IMMEDIATE``) keeps two writers from drawing the same number.
    """
    prefix = f"PD-{year}-"
    if session.get_bind().dialect.name == "postgresql":
        # Team server (revision 0004): row-level security hides restricted cases from most
        # logins, so the same query runs in a server function that sees every reference.
        highest = session.scalar(select(func.privacy_desk_highest_reference(prefix)))
    else:
        # Longest first: past 999,999 the sequence gains a digit and text order would mislead.
        highest = session.scalar(
            select(Case.reference)
            .where(Case.reference.like(f"{prefix}%"))
            .order_by(func.length(Case.reference).desc(), Case.reference.desc())
            .limit(1)
        )
    sequence = int(highest.removeprefix(prefix)) + 1 if highest else 1
    return f"{prefix}{sequence:06d}"
