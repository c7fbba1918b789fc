"""Matching a data subject: by every identifier for staff's entries, by the proven address
alone for a message; an identifier stays with the one subject holding it."""

from sqlalchemy.orm import Session

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.services.subjects import (
    MAX_NAME_LENGTH,
    PROVEN_BY_MAIL,
    held_by_others,
    identifiers_of,
    match_or_create_subject,
    name_shortened,
)
from app.store import Database


def _wang_fang(session: Session) -> DataSubject:
    subject = DataSubject(display_name="王芳")
    subject.identifiers += [
        SubjectIdentifier(kind=IdentifierKind.EMAIL, value="wang.fang@example.cn"),
        SubjectIdentifier(kind=IdentifierKind.ACCOUNT_ID, value="user123"),
    ]
    session.add(subject)
    session.flush()
    return subject


def test_by_the_proven_address_alone_a_quoted_account_id_finds_nobody(database: Database) -> None:
    with database.session() as session:
        wang = _wang_fang(session)
        quoted = {"phone": None, "account_id": "user123", "language": "zh"}
        li = match_or_create_subject(
            session, name="李娜", email="li.na@Example.CN", match_by=PROVEN_BY_MAIL, **quoted
        )
        assert li is not None and li is not wang
        assert li.display_name == "李娜"
        assert [(i.kind, i.value) for i in li.identifiers] == [
            (IdentifierKind.EMAIL, "li.na@example.cn")
        ]
        identifiers = identifiers_of(None, None, "user123")
        assert held_by_others(session, li, identifiers) == (IdentifierKind.ACCOUNT_ID,)
        assert held_by_others(session, wang, identifiers) == ()
        # Staff's entry (the default order) still finds the holder, for the dialog to offer.
        found = match_or_create_subject(session, name="李娜", email=None, **quoted)
        assert found is wang


def test_nothing_of_ones_own_and_no_name_gives_no_subject(database: Database) -> None:
    with database.session() as session:
        _wang_fang(session)
        nobody = match_or_create_subject(
            session,
            name="  ",
            email=None,
            phone=None,
            account_id="user123",
            language=None,
            match_by=PROVEN_BY_MAIL,
        )
        assert nobody is None


def test_a_name_over_the_limit_reports_its_length() -> None:
    assert MAX_NAME_LENGTH == 200
    assert name_shortened(" " + "李" * 201 + " ") == 201
    assert name_shortened("李" * 200) is None
    assert name_shortened(None) is None
