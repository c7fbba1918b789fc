"""A date a regulator's letter gives in its account of events ("2026年9月1日前，我办收到投诉",
"By 3 November we had received") is before the receipt: it is no limit, and a limit the letter
states later times the inquiry (app.services.regulator_deadline.count_stated_limit). Before,
the first date next to a deadline word won, and the case had no deadline.

Dates worked out by hand: day 0 is the receipt day (民法典 art. 201; Reg. 1182/71 art. 3(1));
a calendar-day period ending on a day off moves to the next working day where the rule set
rolls forward (Reg. 1182/71 art. 3(4)), not in China (cn.toml roll = "none"); working days
skip days off. Days off as the rule sets count them, from the holidays library: China 2026
(国办发明电〔2025〕7号) Mid-Autumn Fri 25 - Sun 27 Sep and National Day Thu 1 - Wed 7 Oct off,
Sat 10 Oct a make-up working day; Ireland, Germany and France: Fri 25 Dec 2026 off (and
Ireland Sat 26 Dec; no Monday in lieu in the library).
"""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.models.enums import CaseKind, ReviewFlag
from app.services.clock import DueDateSource, stated_due_source
from app.services.deadlines import Roll, RuleBook, WorkingCalendar, load_rule_book
from app.services.intake.stated_limit import find_stated_limit
from app.services.regulator_deadline import count_stated_limit
from app.store import Database
from tests.services.regulator_letters import import_inquiry, inquiry_mail

# Mon 28 Sep 2026 in Beijing; Fri 11 Dec 2026 in Dublin, Berlin, Paris.
SEP_28 = date(2026, 9, 28)
DEC_11 = date(2026, 12, 11)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # 10 working days from Mon 28 Sep: Tue 29 (1), Wed 30 (2), 1-7 Oct off, Thu 8 (3),
        # Fri 9 (4), Sat 10 make-up (5), Mon 12 - Fri 16 (6-10): Fri 16 Oct.
        ("2026年9月1日前，我办陆续收到用户投诉，请于十个工作日内书面说明情况", date(2026, 10, 16)),
        # 15 calendar days: Tue 13 Oct, a working day.
        ("二〇二六年九月一日前，我办收到投诉举报，请于十五日内书面答复", date(2026, 10, 13)),
        ("九月一日以前，我办收到投诉举报，请于15日内书面答复", date(2026, 10, 13)),
        # Full-width digits. 5 calendar days: Sat 3 Oct, National Day, not rolled (China's
        # rule set does not roll a calendar-day period).
        ("２０２６年９月１日前，我办收到投诉，请于５日内答复", date(2026, 10, 3)),
        # Year first with dashes, slashes: the past date passes, the later date is the limit.
        ("2026-09-01前我办收到投诉，请于2026-10-09前书面答复", date(2026, 10, 9)),
        (
            "２０２６／０９／０１之前我办收到投诉，请于２０２６／１０／０９前书面答复",
            date(2026, 10, 9),
        ),
        # Both the later date and the period are real limits: the earlier, 9 Oct, binds (15
        # days would give Tue 13 Oct).
        ("9月1日以前收到投诉，请于十五日内、最迟不晚于2026年10月9日书面答复", date(2026, 10, 9)),
    ],
)
def test_a_chinese_letters_account_of_events_does_not_hide_its_limit(text: str, due: date) -> None:
    limit = find_stated_limit(text)
    assert limit is not None
    counted = count_stated_limit(limit, SEP_28, WorkingCalendar("holidays:CN"), Roll.NONE)
    assert counted is not None and counted.due_date == due


@pytest.mark.parametrize(
    ("calendar", "text", "due"),
    [
        # 10 working days from Fri 11 Dec: Mon 14 - Fri 18 (1-5), Mon 21 - Thu 24 (6-9),
        # Fri 25 and Sat 26 Dec off: Mon 28 Dec (10).
        (
            "holidays:IE",
            "By 3 November we had received two complaints. Please reply within 10 working days.",
            date(2026, 12, 28),
        ),
        # 3/4/2026 is 3 April or 4 March: past either way, so no doubt that it is no limit.
        (
            "holidays:IE",
            "By 3/4/2026 we had received two complaints. Please reply within 10 working days.",
            date(2026, 12, 28),
        ),
        # 14 calendar days: Fri 25 Dec, Christmas; Sat 26, Sun 27 off: Mon 28 Dec.
        (
            "holidays:DE",
            "Bis zum 3. Dezember 2026 gingen zwei Beschwerden ein. Bitte antworten Sie "
            "innerhalb von 14 Tagen.",
            date(2026, 12, 28),
        ),
        (
            "holidays:DE",
            "Bis 03.12.2026 gingen zwei Beschwerden ein. Bitte antworten Sie binnen 14 Tagen.",
            date(2026, 12, 28),
        ),
        # "sous huitaine": 8 calendar days, Sat 19 Dec; Sun 20 off: Mon 21 Dec.
        (
            "holidays:FR",
            "Avant le 3 décembre 2026, nous avons reçu une plainte. Merci de répondre sous "
            "huitaine.",
            date(2026, 12, 21),
        ),
        # A later stated date: the limit itself.
        (
            "holidays:FR",
            "Avant le 3 décembre, nous avons reçu une plainte. Merci de répondre avant le "
            "18 décembre 2026.",
            date(2026, 12, 18),
        ),
    ],
)
def test_a_european_letters_account_of_events_does_not_hide_its_limit(
    calendar: str, text: str, due: date
) -> None:
    limit = find_stated_limit(text)
    assert limit is not None
    counted = count_stated_limit(limit, DEC_11, WorkingCalendar(calendar), Roll.FORWARD)
    assert counted is not None and counted.due_date == due


# Received Fri 27 Nov 2026, 09:30 Beijing.
LETTER = inquiry_mail(
    "2026年11月3日前，我办陆续收到用户关于注销账号后仍收到营销短信的投诉举报。\n"
    "请于十个工作日内书面说明情况。",
    date_header="Fri, 27 Nov 2026 09:30:00 +0800",
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _imported(session: Session, rule_book: RuleBook, tmp_path: Path) -> tuple:
    case = import_inquiry(session, rule_book, tmp_path, LETTER)
    return case.kind, case.due_date, stated_due_source(case), case.review_flags


def test_the_import_times_the_inquiry_by_the_limit_after_the_account(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Received Fri 27 Nov 2026, 09:30 Beijing (its Date: header). 10 working days: Mon 30 Nov
    # - Fri 4 Dec (1-5), Mon 7 - Fri 11 Dec (6-10): Fri 11 Dec 2026 (no holiday or make-up
    # day in between). Before: 3 November was taken for the limit, past, so no deadline.
    with database.session() as session:
        kind, due, source, flags = _imported(session, rule_book, tmp_path)
    assert (kind, due, source) == (
        CaseKind.REGULATOR_INQUIRY,
        date(2026, 12, 11),
        DueDateSource.REGULATOR_LETTER,
    )
    assert ReviewFlag.NO_DEADLINE.value not in flags
