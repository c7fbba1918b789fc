"""The case file words a regulator's date as the window does: the Deadline rule row says the
date was set by the regulator's letter, the period it states as counted (from the day of
receipt, day 0) and, for working days, whose public holidays they were counted on ("counted on
the official holidays of Poland", 按波兰法定节假日计算工作日), never the codes
``stated:regulator_letter`` or ``holidays:PL``; the authority is named as the regulator, not
as a data subject (QA19 F6, F15); every member state of the EU rule set has a name in both
languages (app.services.region_names).

UODO's letter (tests/services/regulator_letters_eu.py) is received Tue 25 May 2027 and states
3 working days, counted on Poland's calendar: Wed 26 (1), Thu 27 May is Boże Ciało (Corpus
Christi, Easter 28 Mar + 60 days; Ustawa o dniach wolnych od pracy art. 1), Fri 28 (2), the
weekend, Mon 31 May (3): due 2027-05-31.
"""

import io
import tomllib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.reports.case_file import case_file_pdf
from app.reports.case_file_labels import rule_wording
from app.reports.letterhead import default_letterhead
from app.services.case_file import case_file
from app.services.case_rows import StatedPeriod
from app.services.clock_values import DueDateSource
from app.services.deadlines import load_rule_book
from app.services.region_names import calendar_name, region_name
from app.store import Database
from tests.services.regulator_letters_counted import ANPD, BAYLDA_WERKTAGE, CNIL_20_DAYS
from tests.services.regulator_letters_eu import UODO, import_letter

_RULES = Path(__file__).resolve().parents[2] / "resources" / "rules"


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _case_file_text(database: Database, folder: Path, letter: dict[str, str], language: str) -> str:
    """The text, without white space, of the case file of ``letter`` imported, in ``language``."""
    with database.session() as session:
        reference = import_letter(session, load_rule_book(), folder, letter).reference
    with database.session() as session:
        record = case_file(session, reference, actor="auditor.wu", rule_book=load_rule_book())
    return _text(case_file_pdf(record, language, default_letterhead(), date(2027, 5, 26)))


@pytest.mark.parametrize(
    ("language", "heading", "rule_row"),
    [
        (
            "en",
            "Casefileofaregulator'sinquiry",
            "Setbytheregulator'sletter:3workingdaysafterthedayofreceipt,countedonthe"
            "officialholidaysofPoland",
        ),
        (
            "zh",
            "监管机构问询案卷",
            "依据监管机构来函设定：自收到之日起3个工作日，按波兰法定节假日计算工作日",
        ),
    ],
)
def test_the_case_file_names_the_period_and_the_member_states_calendar_it_was_counted_on(
    database: Database, tmp_path: Path, language: str, heading: str, rule_row: str
) -> None:
    text = _case_file_text(database, tmp_path, UODO, language)
    assert heading in text and rule_row in text and "2027-05-31" in text
    assert "stated:" not in text and "holidays:" not in text and "PL" not in text


@pytest.mark.parametrize(
    ("language", "party", "not_party"),
    [
        ("en", "RegulatorUODOkancelaria@uodo.gov.pl", "Datasubject"),
        ("zh", "监管机构UODO", "个人信息主体"),
    ],
)
def test_the_case_file_names_the_authority_as_the_regulator_not_as_a_data_subject(
    database: Database, tmp_path: Path, language: str, party: str, not_party: str
) -> None:
    text = _case_file_text(database, tmp_path, UODO, language)
    assert party in text and not_party not in text


@pytest.mark.parametrize(
    ("language", "rule_row"),
    [
        (
            "en",
            "Setbytheregulator'sletter:10workingdaysafterthedayofreceipt,countedonthe"
            "officialholidaysofBrazil",
        ),
        ("zh", "依据监管机构来函设定：自收到之日起10个工作日，按巴西法定节假日计算工作日"),
    ],
)
def test_working_days_counted_on_the_rule_sets_own_calendar_name_it(
    database: Database, tmp_path: Path, language: str, rule_row: str
) -> None:
    # ANPD: 10 dias úteis from Thu 12 Nov 2026 on Brazil's calendar (no region): Fri 27 Nov.
    text = _case_file_text(database, tmp_path, ANPD, language)
    assert rule_row in text and "2026-11-27" in text


@pytest.mark.parametrize(
    ("language", "rule_row"),
    [
        (
            "en",
            "Setbytheregulator'sletter:10workingdays(MondaytoSaturday)afterthedayofreceipt,"
            "countedontheofficialholidaysofBavaria,Germany",
        ),
        (
            "zh",
            "依据监管机构来函设定：自收到之日起10个工作日（周一至周六），按德国巴伐利亚州法定节假日"
            "计算工作日",
        ),
    ],
)
def test_working_days_monday_to_saturday_name_the_days_and_the_lands_calendar(
    database: Database, tmp_path: Path, language: str, rule_row: str
) -> None:
    # BayLDA, 10 Werktage from Mon 28 Dec 2026 on Bavaria's calendar: Mon 11 Jan 2027 (counted in
    # tests/services/regulator_letters_counted.py). QA20 N10: the row said only "Set by the
    # regulator's letter".
    text = _case_file_text(database, tmp_path, BAYLDA_WERKTAGE, language)
    assert rule_row in text and "2027-01-11" in text


def test_calendar_days_name_no_holiday_calendar(database: Database, tmp_path: Path) -> None:
    # CNIL, 20 jours from Thu 22 Oct 2026, rolled over Wed 11 Nov (Armistice): Thu 12 Nov.
    text = _case_file_text(database, tmp_path, CNIL_20_DAYS, "en")
    # The row ends with the period: the next row (Answered) follows it.
    assert "Setbytheregulator'sletter:20calendardaysafterthedayofreceiptAnswered" in text
    assert "2026-11-12" in text and "officialholidays" not in text


def test_every_member_state_of_the_eu_rule_set_has_a_name_in_chinese_and_english() -> None:
    regions = tomllib.loads((_RULES / "eu.toml").read_text("utf-8"))["regions"]
    assert len(regions) == 30  # the 27 EU member states and the EEA's IS, LI and NO
    for code, region in regions.items():
        spec = region["calendar"]
        assert calendar_name(spec, "en") == f"{region_name(code, 'en')} — official holidays"
        assert calendar_name(spec, "zh") == f"{region_name(code, 'zh')} — 法定节假日"
    named = {code: region_name(code, "zh") for code in ("PL", "PT", "ES", "IT", "DE", "FR", "NL")}
    assert named == {
        "PL": "波兰", "PT": "葡萄牙", "ES": "西班牙", "IT": "意大利",
        "DE": "德国", "FR": "法国", "NL": "荷兰",
    }  # fmt: skip
    assert region_name("XX", "en") is None and calendar_name("holidays:XX", "zh") is None


def test_a_date_set_by_hand_reads_as_such_and_names_no_calendar() -> None:
    polish = StatedPeriod(7, "working_days", "holidays:PL")
    assert rule_wording(DueDateSource.BY_HAND.value, None, "zh") == "人工设定"
    assert rule_wording(DueDateSource.BY_HAND.value, polish, "en") == "Set by hand"
    assert rule_wording(DueDateSource.REGULATOR_LETTER.value, None, "en") == (
        "Set by the regulator's letter"
    )
    assert rule_wording(None, None, "en") == "—"


def test_one_unit_and_months_read_as_such() -> None:
    letter = DueDateSource.REGULATOR_LETTER.value
    assert rule_wording(letter, StatedPeriod(1, "working_days", "holidays:XX"), "en") == (
        # A calendar naming no listed place prints as written, so nothing is hidden.
        "Set by the regulator's letter: 1 working day after the day of receipt, counted on the"
        " official holidays of holidays:XX"
    )
    assert rule_wording(letter, StatedPeriod(1, "months", None), "zh") == (
        "依据监管机构来函设定：自收到之日起1个月"
    )
