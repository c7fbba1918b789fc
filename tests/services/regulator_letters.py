"""A regulator's inquiry by e-mail (a CAC office's letter), imported as the importer meets one:
the shared set-up of the regulator-deadline tests (test_regulator_triage,
test_regulator_account_of_events, test_regulator_recount, test_clock_statute_binds)."""

import os
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.models import Case
from app.services.case_queries import find_case
from app.services.deadlines import RuleBook
from app.services.message_import import import_message_file

_MAIL = """From: =?utf-8?b?572R5L+h5Yqe?= <inquiry@example.gov.cn>
To: privacy@xuyun.example
Subject: =?utf-8?b?5YWz5LqO55So5oi35oqV6K+J55qE6Zeu6K+i5Ye9?=
{date}Message-ID: <inquiry@example.gov.cn>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

你公司：
{body}
"""
# The usual letter: the complaint passed on, then the limit ("请于十个工作日内").
COMPLAINT = "我办收到用户关于注销账号后仍收到营销短信的投诉举报，{limit}书面说明情况。"


def inquiry_mail(body: str, *, date_header: str | None = None) -> bytes:
    """The letter with ``body`` below its salutation, with ``date_header`` as its Date: or
    none (the file's time is then the receipt)."""
    date = f"Date: {date_header}\n" if date_header else ""
    return _MAIL.format(date=date, body=body).encode()


def import_inquiry(
    session: Session,
    rule_book: RuleBook,
    folder: Path,
    mail: bytes,
    *,
    file_time: datetime | None = None,
) -> Case:
    """Import ``mail`` from ``folder/inquiry.eml`` and return its case. ``file_time`` (aware)
    dates the file and the import: a letter without a Date: header is received then, not on
    whatever day the test runs."""
    message = folder / "inquiry.eml"
    message.write_bytes(mail)
    if file_time is not None:
        os.utime(message, (file_time.timestamp(), file_time.timestamp()))
    imported = import_message_file(
        session, message, rule_book, actor="system", import_time=file_time
    )
    assert imported.reference is not None
    return find_case(session, imported.reference)
