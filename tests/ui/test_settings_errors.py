"""Settings refusals as the user reads them (QA16 W3, W4, W12): the field named by its label in
the UI language, never by its key; the law of a statutory floor in the UI language; the box
headed; the field focused and marked; and retention boxes that cannot go below the law."""

import pytest
from pytestqt.qtbot import QtBot

from app.errors import SettingsError
from app.models.enums import StaffRole
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_inventory import check_rule_months
from app.services.settings_letterhead import stored_letterhead
from app.services.settings_staff import add_staff
from app.store import Database
from app.ui.settings_errors import INVALID_PROPERTY, settings_error_sentence
from app.ui.settings_letterhead import LetterheadPage
from app.ui.settings_retention import RetentionPage
from app.ui.settings_staff import StaffPage
from tests.ui.settings_fixtures import context, message_texts


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _floor_error() -> SettingsError:
    """What the service raises for 35 months of transaction records (the floor is 36)."""
    with pytest.raises(SettingsError) as caught:
        check_rule_months("ecommerce_art31", 35)
    return caught.value


def test_a_blank_required_field_is_named_by_its_label_focused_and_marked(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.company_name.setText("")
    assert not page.save()
    # The form's label "Company name (Chinese) *" without its "*"; the heading, then the message.
    assert message_texts(page) == ["Not saved\nCompany name (Chinese) is required."]
    assert page.focusWidget() is page.company_name
    assert page.company_name.property(INVALID_PROPERTY) is True
    page.company_name.setText("须云科技有限公司")
    assert page.save()
    message_texts(page)
    assert not page.company_name.property(INVALID_PROPERTY)  # unmarked once saved


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("privacy_contact", "not an email", "Privacy contact must be an e-mail address."),
        (
            "website",
            "javascript:alert(1)",
            "Website must be a web address starting with http:// or https://.",
        ),
        ("website", "ftp://x", "Website must be a web address starting with http:// or https://."),
    ],
)
def test_a_contact_or_website_letters_cannot_print_is_refused_naming_the_field(
    qtbot: QtBot, database: Database, rule_book: RuleBook, field: str, value: str, message: str
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    getattr(page, field).setText(value)
    assert not page.save()
    assert message_texts(page) == [f"Not saved\n{message}"]
    assert page.focusWidget() is getattr(page, field)
    with database.session() as session:
        assert stored_letterhead(session) is None  # nothing stored
    assert getattr(page, field).text() == value  # the input stays, to be corrected


def test_in_chinese_the_field_and_problem_are_chinese_and_no_key_shows(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.company_name.setText("")
    assert not page.save()
    (text,) = message_texts(page)
    heading, message = text.split("\n")
    assert heading == "未保存"
    assert message.startswith("公司名称（中文）")  # the form's label, 公司名称（中文）*
    assert "为必填项" in message and "letterhead" not in message and "company_name" not in message


def test_a_malformed_user_name_is_named_user_name(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
    page = StaffPage(context(database, rule_book, actor="wang"))
    qtbot.addWidget(page)
    page.username.setText("  ")
    page.display_name.setText("王五")
    assert not page.add()
    assert message_texts(page) == [
        "Not saved\nUser name must be 1-100 characters without spaces or control characters."
    ]
    assert page.focusWidget() is page.username


def test_retention_boxes_start_at_each_rules_statutory_floor(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = RetentionPage(context(database, rule_book))
    qtbot.addWidget(page)
    minimums = {key: spin.minimum() for key, spin in page.rule_months.items()}
    # E-Commerce Law Art. 31: 3 years = 36 months; Cybersecurity Law Art. 23(3): 6 months;
    # 会计档案管理办法 Art. 14: 30 years = 360 months; the post-cancellation hold is company
    # policy (no floor but one month).
    assert minimums == {
        "ecommerce_art31": 36,
        "csl_art23": 6,
        "accounting_archives": 360,
        "account_cancellation": 1,
    }
    page.rule_months["csl_art23"].setValue(1)
    assert page.rule_months["csl_art23"].value() == 6


def test_the_statutory_floor_names_the_rule_and_the_law_in_english(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = RetentionPage(context(database, rule_book))
    qtbot.addWidget(page)
    place = page.place("rules.ecommerce_art31.months")
    assert place is not None and place.widget is page.rule_months["ecommerce_art31"]
    error = _floor_error()
    assert settings_error_sentence(error, place.label) == (
        "E-commerce transaction records cannot be shorter than 36 months (E-Commerce Law "
        "Art. 31: transaction records at least 3 years after completion)."
    )


def test_the_statutory_floor_names_the_rule_and_the_law_in_chinese(
    qtbot: QtBot, database: Database, rule_book: RuleBook, chinese: None
) -> None:
    page = RetentionPage(context(database, rule_book))
    qtbot.addWidget(page)
    place = page.place("rules.ecommerce_art31.months")
    assert place is not None
    sentence = settings_error_sentence(_floor_error(), place.label)
    assert sentence.startswith("电子商务交易信息保存期限")  # the rule's Chinese name
    assert "《电子商务法》第三十一条：交易信息自交易完成之日起保存不少于三年" in sentence
    assert "E-Commerce" not in sentence and "rules." not in sentence and "36" in sentence


def test_a_rule_name_holding_placeholders_is_shown_as_typed() -> None:
    # A rule's name is typed in Settings › Data inventory: its "%2" is text, not a slot.
    sentence = settings_error_sentence(_floor_error(), "Logs %2 %3 %9")
    assert sentence.startswith("Logs %2 %3 %9 cannot be shorter than 36 months (E-Commerce")
