"""The case file words a regulator's date counted on a member state's calendar as the window
does: the Deadline rule row says the date was set by the regulator's letter and names the
calendar ("Poland — official holidays", 波兰 — 法定节假日), never the codes
``stated:regulator_letter`` or ``holidays:PL``; every member state of the EU rule set has a name
in both languages (app.services.region_names).

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
from app.services.clock_values import DueDateSource
from app.services.deadlines import load_rule_book
from app.services.region_names import calendar_name, region_name
from app.store import Database
from tests.services.regulator_letters_eu import UODO, import_letter

_RULES = Path(__file__).resolve().parents[2] / "resources" / "rules"


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.mark.parametrize(
    ("language", "rule_row"),
    [
        ("en", "Setbytheregulator'sletter;countedonPoland—officialholidays"),
        ("zh", "依据监管机构来函设定；按波兰—法定节假日计算"),
    ],
)
def test_the_case_file_names_the_member_states_calendar_a_regulators_period_was_counted_on(
    database: Database, tmp_path: Path, language: str, rule_row: str
) -> None:
    with database.session() as session:
        reference = import_letter(session, load_rule_book(), tmp_path, UODO).reference
    with database.session() as session:
        record = case_file(session, reference, actor="auditor.wu")
    assert record.stated_calendar == "holidays:PL"
    text = _text(case_file_pdf(record, language, default_letterhead(), date(2027, 5, 26)))
    assert rule_row in text and "2027-05-31" in text
    assert "stated:" not in text and "holidays:" not in text and "PL" not in text


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
    assert rule_wording(DueDateSource.BY_HAND.value, None, "zh") == "人工设定"
    assert rule_wording(DueDateSource.BY_HAND.value, "holidays:PL", "en") == "Set by hand"
    assert rule_wording(DueDateSource.REGULATOR_LETTER.value, None, "en") == (
        "Set by the regulator's letter"
    )
    assert rule_wording(None, None, "en") == "—"
