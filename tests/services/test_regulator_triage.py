"""A letter triaged as a regulator's inquiry after the import took it for something else takes
the time limit the letter states (app.services.regulator_deadline.retime_after_triage)."""

from datetime import date
from pathlib import Path

import pytest

from app.models.enums import CaseKind, ReviewFlag
from app.services.case_queries import find_case
from app.services.clock import DueDateSource, stated_due_source
from app.services.deadlines import RuleBook, load_rule_book
from app.services.message_import import import_message_file
from app.services.regulator_deadline import retime_after_triage
from app.services.workflow import triage
from app.store import Database

TODAY = date(2026, 11, 30)
# Friday 27 November 2026, 09:30 in Beijing.
LETTER = """From: =?utf-8?b?572R5L+h5Yqe?= <inquiry@example.gov.cn>
To: privacy@xuyun.example
Subject: =?utf-8?b?5YWz5LqO55So5oi35oqV6K+J55qE6Zeu6K+i5Ye9?=
Date: Fri, 27 Nov 2026 09:30:00 +0800
Message-ID: <q1@example.gov.cn>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

你公司：
我办收到用户关于注销账号后仍收到营销短信的投诉举报，{limit}书面说明情况。
"""


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _triaged(database: Database, rule_book: RuleBook, tmp_path: Path, limit: str) -> tuple:
    message = tmp_path / "inquiry.eml"
    message.write_bytes(LETTER.format(limit=limit).encode())
    with database.session() as session:
        imported = import_message_file(session, message, rule_book, actor="system")
        assert imported.reference is not None
        case = find_case(session, imported.reference)
        triage(session, case, kind=CaseKind.REGULATOR_INQUIRY, actor="li")
        retime_after_triage(session, case, rule_book, today=TODAY, actor="li")
        return case.due_date, stated_due_source(case), case.review_flags


def test_the_letters_own_limit_times_the_inquiry(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 15 working days from Friday 27 November (day 0): 30 Nov–4 Dec 1–5, 7–11 Dec 6–10,
    # 14–18 Dec 11–15: Friday 18 December 2026 (no holiday or make-up day in between).
    due, source, _flags = _triaged(database, rule_book, tmp_path, "请于十五个工作日内")
    assert (due, source) == (date(2026, 12, 18), DueDateSource.REGULATOR_LETTER)


def test_a_letter_stating_no_limit_is_flagged_for_a_person(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    due, source, flags = _triaged(database, rule_book, tmp_path, "请尽快")
    assert (due, source) == (None, None)
    assert ReviewFlag.NO_DEADLINE.value in flags
