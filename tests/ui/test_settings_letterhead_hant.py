"""Settings › Letterhead's Traditional Chinese name and address (QA18 F11): shown from the shipped
default, stored for the team, printed on the Hong Kong and Taiwan letters; left empty, those
letters print the Simplified ones (``tests/reports/test_letterhead_traditional``)."""

import pytest
from pytestqt.qtbot import QtBot

from app.reports.settings_letterhead import letterhead_for
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_letterhead import stored_letterhead
from app.store import Database
from app.ui.settings_letterhead import LetterheadPage
from tests.ui.settings_fixtures import context, message_texts

HK_NAME = "數據科技（香港）有限公司"
HK_ADDRESS = "香港九龍尖沙咀彌敦道 100 號 8 樓"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_the_traditional_name_and_address_are_shown_saved_and_printed(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    assert page.company_name_hant.text() == "須雲科技有限公司"  # the shipped default
    assert page.address_hant.toPlainText().endswith("郵政編碼：311121")
    page.company_name_hant.setText(HK_NAME)
    page.address_hant.setPlainText(HK_ADDRESS)
    assert page.save()
    assert message_texts(page) == ["The letterhead is saved; new letters print it."]
    with database.session() as session:
        stored = stored_letterhead(session)
    assert stored is not None
    assert (stored.company_name_hant, stored.address_hant) == (HK_NAME, HK_ADDRESS)
    assert stored.company_name == "须云科技有限公司"  # the Simplified one as it was
    head = letterhead_for(stored)
    assert head.name_for("zh-Hant") == HK_NAME and head.address_for("zh-Hant") == HK_ADDRESS
    assert head.name_for("zh") == "须云科技有限公司"


def test_emptied_traditional_fields_are_stored_as_none_and_fall_back(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.company_name_hant.setText("   ")
    page.address_hant.setPlainText("")
    assert page.save()
    message_texts(page)
    with database.session() as session:
        stored = stored_letterhead(session)
    assert stored is not None and stored.company_name_hant is None and stored.address_hant is None
    head = letterhead_for(stored)
    assert head.name_for("zh-Hant") == "须云科技有限公司"  # as registered
    assert head.in_traditional((("邮政编码", "郵政編碼"),)).address_for("zh-Hant") == (
        "浙江省杭州市余杭区文一西路 1288 号云栖大厦 B 座 17 层\n郵政編碼：311121"
    )
    page.load()  # shown again from what is stored: empty, with the placeholder
    assert page.company_name_hant.text() == ""
    assert page.company_name_hant.placeholderText() == "Default: the Chinese name"


def test_a_traditional_field_with_invisible_characters_is_refused_by_its_label(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.company_name_hant.setText("須雲\u202e科技")
    assert not page.save()
    assert message_texts(page) == [
        "Not saved\nCompany name (Traditional Chinese) holds control or invisible characters."
    ]
