"""A reminder's bare subject against an earlier request's subject line, and what a stored
reminder chases read again from its original message."""

from datetime import date
from email.message import EmailMessage

import pytest

from app.models import Attachment, Case
from app.models.enums import AttachmentKind, CaseKind
from app.services.intake.chased_case import repeats_subject, stored_chase, subject_key


@pytest.mark.parametrize(
    ("chased", "subject_line"),
    [
        ("Auskunftsersuchen", "Auskunftsersuchen"),
        ("auskunftsersuchen", "AUSKUNFTSERSUCHEN"),
        ("Auskunftsersuchen", "WG: Auskunftsersuchen"),  # the request was forwarded to us
        ("删除申请", "删除申请"),
        ("删除申请", "转发：删除申请"),
        ("ｍｙ  GDPR request", "My GDPR request"),  # full-width letters, doubled space
        ("طلب الوصول إلى البيانات", "طلب الوصول إلى البيانات"),  # Arabic, right to left
    ],
)
def test_a_reminder_repeats_the_subject_line(chased: str, subject_line: str) -> None:
    assert repeats_subject(chased, subject_line)


@pytest.mark.parametrize(
    ("chased", "subject_line"),
    [
        ("Auskunftsersuchen", "Löschung"),
        ("删除申请", "查阅申请"),
        ("my request", "my request of March"),
        (None, "Auskunftsersuchen"),
        ("Auskunftsersuchen", None),
        ("", ""),
        ("Auskunftsersuchen", "Re:"),
    ],
)
def test_other_subjects_are_not_repeated(chased: str | None, subject_line: str | None) -> None:
    assert not repeats_subject(chased, subject_line)


def test_subject_key_folds_width_case_and_spaces() -> None:
    assert subject_key("  Ｒｅｑｕｅｓｔ\u3000FOR\tAccess ") == "request for access"


def _reminder(raw: bytes | None) -> Case:
    case = Case(kind=CaseKind.REMINDER)
    if raw is not None:
        case.attachments.append(
            Attachment(kind=AttachmentKind.ORIGINAL_MESSAGE, file_name="r.eml", content=raw)
        )
    return case


def test_a_stored_reminder_chase_is_read_from_its_original_message() -> None:
    message = EmailMessage()
    message["From"] = "erika@example.net"
    message["Subject"] = "AW: Erinnerung: Auskunftsersuchen PD-2026-000123"
    message.set_content("am 02.03.2026 hatte ich eine Anfrage gestellt.")
    chase = stored_chase(_reminder(bytes(message)))
    assert chase is not None
    assert chase.reference == "PD-2026-000123"
    assert chase.request_date == date(2026, 3, 2)
    assert chase.subject == "Auskunftsersuchen PD-2026-000123"


@pytest.mark.parametrize("raw", [None, b"", b"\x00\x01 not a message at all"])
def test_a_reminder_without_a_readable_message_has_no_stored_chase(raw: bytes | None) -> None:
    assert stored_chase(_reminder(raw)) is None
