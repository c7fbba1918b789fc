"""One rule for whom a request is filed under: names compared as names, a quoted number never
proof (GB/T 35273-2020 §8.7, PIPL Art. 50)."""

import pytest
from sqlalchemy.orm import Session

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.services.requester_subject import (
    Requester,
    file_form_requester,
    file_message_requester,
    same_name,
)
from app.store import Database


@pytest.mark.parametrize(
    ("stored", "given", "same"),
    [
        ("Zhang San", "ZHANG  San", True),
        ("Zhang San", "ＺＨＡＮＧ\u3000ｓａｎ", True),  # full width, ideographic space
        ("Anna Novák", "anna novak", True),
        ("王芳", "王 芳", True),
        ("王芳", "\u202e王芳\u200d", True),
        ("Zhang San", "San Zhang", False),
        ("王芳", "王芬", False),
        ("王芳", "", False),
        ("王芳", "\u200b \u202e", False),
        (None, "王芳", False),
        (None, None, False),
        ("李" * 200, "李" * 250, True),  # stored cut to 200 characters
    ],
)
def test_same_name(stored: str | None, given: str | None, same: bool) -> None:
    assert same_name(stored, given) is same


def _wang_fang(session: Session) -> DataSubject:
    subject = DataSubject(display_name="王芳")
    subject.identifiers += [
        SubjectIdentifier(kind=IdentifierKind.EMAIL, value="wang.fang@example.cn"),
        SubjectIdentifier(kind=IdentifierKind.PHONE, value="13912345678"),
    ]
    session.add(subject)
    session.flush()
    return subject


def test_a_mail_is_never_filed_by_the_name_and_number_alone(database: Database) -> None:
    with database.session() as session:
        wang = _wang_fang(session)
        requester = Requester("王芳", None, "+86 139 1234 5678".replace(" ", ""), None, "zh")
        by_mail = file_message_requester(session, requester)
        by_form = file_form_requester(session, requester)
        assert by_mail.subject is not None and by_mail.subject is not wang
        assert by_mail.held_by_others == (IdentifierKind.PHONE,)
        assert by_form.subject is wang
        assert by_form.held_by_others == ()
