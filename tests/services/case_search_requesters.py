"""Test data for the case search: one new access request per requester, PD-2026-000001 for
the first of a list of names (or identifiers), PD-2026-000002 for the second, and so on."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from app.models import Case, DataSubject, IdentifierKind, SubjectIdentifier
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.store import Database


def named_case(number: int, name: str | None, *identifiers: SubjectIdentifier) -> Case:
    """A new access request PD-2026-<number> from a requester called ``name`` holding
    ``identifiers``."""
    return Case(
        reference=f"PD-2026-{number:06d}",
        kind=CaseKind.ACCESS,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=number),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=DataSubject(display_name=name, identifiers=list(identifiers)),
    )


class Requesters:
    """The requesters of a test, one case each, numbered in list order from 1."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)

    def add_to(self, database: Database) -> Database:
        """Add each name's case to ``database``; return it (for a fixture)."""
        with database.session() as session:
            session.add_all(named_case(n, name) for n, name in enumerate(self.names, start=1))
        return database

    def cases_of(self, *names: str) -> set[str]:
        """The references of the cases of ``names``."""
        return {f"PD-2026-{self.names.index(name) + 1:06d}" for name in names}


class Identified:
    """Requesters known by one identifier each, one case each, numbered in list order."""

    def __init__(self, kind: IdentifierKind, values: Sequence[str]) -> None:
        self.kind, self.values = kind, list(values)

    def add_to(self, database: Database) -> Database:
        """Add a requester holding each value, with a case; return ``database``."""
        with database.session() as session:
            for n, value in enumerate(self.values, start=1):
                identifier = SubjectIdentifier(kind=self.kind, value=value)
                session.add(named_case(n, None, identifier))
        return database

    def cases_of(self, *values: str) -> set[str]:
        """The references of the cases of the requesters holding ``values``."""
        return {f"PD-2026-{self.values.index(value) + 1:06d}" for value in values}
