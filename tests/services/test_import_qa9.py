"""QA9 intake defects, imported: a regulator's inquiry gets the deadline its letter states
(M4), a case left without any deadline is flagged (M4, M1), a letter triage cannot classify
is a request with the jurisdiction's conservative deadline (M1), and Settings › Jurisdictions ›
Default jurisdiction decides where the letter names no law (M5). Dates are worked out on the
State Council's 2026 schedule: 中秋节 Fri 25 Sep, 国庆节 Thu 1 - Wed 7 Oct off, Sun 20 Sep and
Sat 10 Oct working (国办发明电〔2025〕7号)."""

import base64
from datetime import date
from email.header import Header
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.services.settings_jurisdictions import save_default_jurisdiction
from app.store import Database

CAC = f"{Header('网信办', 'utf-8').encode()} <office@cac.gov.cn>"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eml(folder: Path, body: str, *, sender: str, date_header: str, subject: str = "x") -> Path:
    path = folder / f"{abs(hash((body, sender, date_header)))}.eml"
    path.write_bytes(
        (
            f"From: {sender}\r\nTo: privacy@example.cn\r\n"
            f"Subject: {Header(subject, 'utf-8').encode()}\r\nDate: {date_header}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode("ascii")
        + base64.b64encode(body.encode("utf-8"))
        + b"\r\n"
    )
    return path


def _import_one(database: Database, rule_book: RuleBook, path: Path) -> Case:
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        session.expunge(case)
    return case


@pytest.mark.parametrize(
    ("date_header", "limit", "due"),
    [
        # Mon 2 Nov 2026 + 10 working days (Tue 3 … Fri 13, Mon 16): no holiday in between.
        ("Mon, 02 Nov 2026 10:00:00 +0800", "请于十个工作日内书面说明情况。", date(2026, 11, 16)),
        # Fri 18 Sep: Sun 20 (make-up) 1, 21-24 2-5, 25 Mid-Autumn off, 28-30 6-8, 1-7 Oct
        # off, Thu 8 Oct 9, Fri 9 Oct 10.
        ("Fri, 18 Sep 2026 10:00:00 +0800", "请于十个工作日内书面说明情况。", date(2026, 10, 9)),
        # Fri 18 Sep + 14 calendar days = Fri 2 Oct, a National Day holiday: China's rule set
        # does not roll a calendar-day period (cn.toml roll = "none", reference/deadlines.md
        # §2.1: the earlier date is the safe one), so Fri 2 Oct (qa14 F13; it was Thu 8 Oct).
        ("Fri, 18 Sep 2026 10:00:00 +0800", "请在14日内提交书面材料。", date(2026, 10, 2)),
        # 17:00 UTC on Mon 9 Nov is Tue 10 Nov 01:00 in Beijing: three days from the local
        # receipt day end on Fri 13 Nov (from the UTC date it would be Thu 12 Nov).
        ("Mon, 09 Nov 2026 17:00:00 +0000", "请于三日内答复。", date(2026, 11, 13)),
    ],
)
def test_a_regulator_inquiry_gets_the_deadline_its_letter_states(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str, limit: str, due: date
) -> None:
    body = f"你公司：我办收到用户投诉你公司未经同意发送营销短信，{limit}"
    case = _import_one(
        database, rule_book, _eml(tmp_path, body, sender=CAC, date_header=date_header)
    )
    assert (case.kind, case.jurisdiction, case.due_date) == (CaseKind.REGULATOR_INQUIRY, "CN", due)
    assert ReviewFlag.REGULATOR_INQUIRY.value in case.review_flags
    assert ReviewFlag.NO_DEADLINE.value not in case.review_flags
    with database.session() as session:
        actions = session.scalars(select(Event.action)).all()
    assert "clock.stated_deadline" in actions
    # No rule recomputes it away: a pause or a confirmed receipt keeps the letter's date.
    with database.session() as session:
        stored = session.get(Case, case.id)
        assert stored is not None
        changed = recompute_clock(session, stored, rule_book, cause="paused", today=due)
        assert (changed, stored.due_date) == (False, due)


def test_a_regulator_inquiry_stating_no_limit_is_flagged_without_a_deadline(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    body = "你公司：我办收到用户投诉，请说明情况。"
    path = _eml(tmp_path, body, sender=CAC, date_header="Mon, 02 Nov 2026 10:00:00 +0800")
    case = _import_one(database, rule_book, path)
    assert case.due_date is None
    assert {ReviewFlag.REGULATOR_INQUIRY.value, ReviewFlag.NO_DEADLINE.value} <= set(
        case.review_flags
    )


@pytest.mark.parametrize(
    ("sender", "jurisdiction", "due"),
    [
        # The default jurisdiction (CN): its [other] rule is 15 working days from receipt,
        # Mon 2 Nov 2026 → Mon 23 Nov 2026 (no holiday in November).
        ("<a@example.com>", "CN", date(2026, 11, 23)),
        # A .hk address: Hong Kong's [other] rule is 40 days (PDPO ss. 19, 23) from receipt,
        # Mon 2 Nov 2026 → Sat 12 Dec 2026 (a Saturday is no general holiday: not rolled).
        ("<a@example.hk>", "HK", date(2026, 12, 12)),
    ],
)
def test_an_unreadable_letter_is_an_unclear_request_with_the_conservative_deadline(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    sender: str,
    jurisdiction: str,
    due: date | None,
) -> None:
    # Hindi, which triage has no request words for.
    body = "मैं अपने व्यक्तिगत डेटा की एक प्रति का अनुरोध करता हूं।"
    path = _eml(tmp_path, body, sender=sender, date_header="Mon, 02 Nov 2026 10:00:00 +0800")
    case = _import_one(database, rule_book, path)
    assert (case.kind, case.jurisdiction, case.due_date) == (CaseKind.OTHER, jurisdiction, due)
    assert ReviewFlag.UNKNOWN_KIND.value in case.review_flags
    assert ReviewFlag.NOT_A_REQUEST.value not in case.review_flags
    assert (ReviewFlag.NO_DEADLINE.value in case.review_flags) is (due is None)


@pytest.mark.parametrize("default", ["CN", "HK", "UK", "SG"])
def test_the_configured_default_jurisdiction_decides_for_english_mail(
    database: Database, rule_book: RuleBook, tmp_path: Path, default: str
) -> None:
    with database.session() as session:
        save_default_jurisdiction(session, default, rule_book, actor="admin")
    body = "I request access to my data."
    path = _eml(
        tmp_path, body, sender="<a@example.com>", date_header="Mon, 02 Nov 2026 10:00:00 +0800"
    )
    case = _import_one(database, rule_book, path)
    assert (case.kind, case.jurisdiction) == (CaseKind.ACCESS, default)
    assert {"field": "jurisdiction", "signal": "default", "evidence": default} in (
        case.triage_reasons
    )
