"""The settings dialog and its pages: letterhead, staff, jurisdictions, retention, inventory
(the calendar page has its own module). Pages are driven as a user would, and checked against
what the services then hold."""

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models.enums import CaseKind, StaffRole
from app.services.deadlines import RuleBook, load_rule_book
from app.services.settings_jurisdictions import current_default_jurisdiction
from app.services.settings_letterhead import stored_letterhead
from app.services.settings_retention import current_case_retention_policy
from app.services.settings_staff import StaffRow, add_staff, list_staff
from app.services.workflow import current_inventory, load_inventory
from app.store import Database
from app.ui.settings_dialog import SettingsDialog
from app.ui.settings_inventory import InventoryPage
from app.ui.settings_inventory_models import CategoriesModel, RulesModel
from app.ui.settings_jurisdictions import JurisdictionRulesModel, JurisdictionsPage
from app.ui.settings_letterhead import LetterheadPage
from app.ui.settings_retention import RetentionPage
from app.ui.settings_staff import StaffModel, StaffPage
from tests.services.settings_factory import png
from tests.ui.settings_fixtures import TODAY, context, message_texts


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_the_dialog_lists_six_pages_and_switches(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    dialog = SettingsDialog(database, rule_book, lambda: "admin", lambda: TODAY)
    qtbot.addWidget(dialog)
    assert dialog.pages.count() == dialog.stack.count() == 6
    dialog.pages.setCurrentRow(4)
    assert dialog.current_page() is dialog.retention
    assert dialog.context.can_change  # empty staff list: first setup


def test_a_handler_sees_the_settings_read_only(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        add_staff(session, "li", "李四", StaffRole.HANDLER, actor="wang")
    dialog = SettingsDialog(database, rule_book, lambda: "li", lambda: TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.context.can_change
    assert not dialog.letterhead.save_button.isEnabled()
    assert not dialog.staff.add_button.isEnabled()
    assert not dialog.retention.save_button.isEnabled()


def test_letterhead_page_saves_text_and_logo_and_keeps_bad_input(
    qtbot: QtBot, database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    assert page.company_name.text() == "须云科技有限公司"  # the shipped default, shown
    page.company_name.setText("Smith&Jones 数据科技有限公司")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png("green"))
    page.logo.load_file(logo)
    page.privacy_contact.setText("  ")
    assert not page.save()
    assert message_texts(page) == ["Not saved\nPrivacy contact is required."]
    assert page.company_name.text() == "Smith&Jones 数据科技有限公司"  # input kept
    page.privacy_contact.setText("dpo@smith-jones.example")
    assert page.save()
    message_texts(page)
    with database.session() as session:
        stored = stored_letterhead(session)
    assert stored is not None
    assert stored.company_name == "Smith&Jones 数据科技有限公司"
    assert stored.logo == png("green")


def test_a_damaged_image_is_refused_before_saving(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = LetterheadPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.signature_image.set_data(png()[:30])  # a PNG signature, then nothing
    assert not page.save()
    assert message_texts(page)
    with database.session() as session:
        assert stored_letterhead(session) is None


def test_staff_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, database: Database, rule_book: RuleBook
) -> None:
    # Models outlive the page here: the tester disconnects from them after qtbot closes pages.
    model = StaffModel()
    qtmodeltester.check(model)
    with database.session() as session:
        add_staff(session, "wang", "王五", StaffRole.ADMIN, actor="wang")
        model.set_rows(list_staff(session))
    qtmodeltester.check(model)


def test_staff_page_adds_edits_and_deactivates(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = StaffPage(context(database, rule_book, actor="wang"))
    qtbot.addWidget(page)
    assert page.username.text() == "wang"  # first setup: yourself, as an administrator
    assert page.role.currentData() == StaffRole.ADMIN
    for username, name, role in (
        ("wang", "王五", StaffRole.ADMIN),
        ("li", "李四", StaffRole.HANDLER),
    ):
        page.username.setText(username)
        page.display_name.setText(name)
        page.role.setCurrentIndex(page.role.findData(role))
        assert page.add()
    assert page.selected() == StaffRow("li", "李四", StaffRole.HANDLER, True)
    page.role.setCurrentIndex(page.role.findData(StaffRole.REVIEWER))
    assert page.save()
    assert page.toggle_active()
    assert page.active_button.text() == "Reactivate"
    page.username.setText("li")
    assert not page.add()  # taken
    assert any("already taken" in text for text in message_texts(page))
    with database.session() as session:
        assert StaffRow("li", "李四", StaffRole.REVIEWER, False) in list_staff(session)


def _staff_rows(database: Database) -> list[StaffRow]:
    with database.session() as session:
        return list_staff(session)


def test_staff_page_never_lets_you_lock_yourself_out(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = StaffPage(context(database, rule_book, actor="wang"))
    qtbot.addWidget(page)
    assert page.username.isReadOnly() and page.username.text() == "wang"
    page.username.setText("chen")  # as pasted in past the lock: the service still refuses
    page.display_name.setText("陈七")
    assert not page.add()
    assert any("must be you" in text for text in message_texts(page))
    assert _staff_rows(database) == []  # the register stays as it was
    page.refresh()
    assert page.username.text() == "wang" and page.display_name.text() == "陈七"
    page.display_name.setText("王五")
    assert page.add()
    assert not page.username.isReadOnly()  # yourself added: the others next
    page.username.setText("chen")
    page.display_name.setText("陈七")
    page.role.setCurrentIndex(page.role.findData(StaffRole.MANAGER))
    assert page.add()
    before = _staff_rows(database)
    page.refresh(select="wang")
    assert not page.toggle_active()  # deactivating yourself
    assert any("your own right" in text for text in message_texts(page))
    page.role.setCurrentIndex(page.role.findData(StaffRole.HANDLER))
    assert not page.save()  # demoting yourself
    assert any("your own right" in text for text in message_texts(page))
    assert (
        _staff_rows(database)
        == before
        == [
            StaffRow("chen", "陈七", StaffRole.MANAGER, True),
            StaffRow("wang", "王五", StaffRole.ADMIN, True),
        ]
    )


def test_jurisdictions_page_shows_rules_and_saves_the_default(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database, rule_book: RuleBook
) -> None:
    page = JurisdictionsPage(context(database, rule_book))
    qtbot.addWidget(page)
    model = JurisdictionRulesModel()
    model.set_rows(page.model.rows())
    qtmodeltester.check(model)
    rows = {(r.code, r.kind): r for r in page.model.rows()}
    cn = rows[("CN", CaseKind.DELETION)]
    index = page.model.index(page.model.rows().index(cn), 2)
    assert page.model.data(index) == "15 working day(s)"
    page.default.setCurrentIndex(page.default.findData("UK"))
    assert page.save()
    message_texts(page)
    with database.session() as session:
        assert current_default_jurisdiction(session) == "UK"


def test_retention_page_saves_rule_and_case_record_periods(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = RetentionPage(context(database, rule_book))
    qtbot.addWidget(page)
    page.rule_months["ecommerce_art31"].setValue(24)  # below the law: the box stops at 36
    assert page.rule_months["ecommerce_art31"].value() == 36
    page.rule_months["account_cancellation"].setValue(3)
    page.closed_case_months.setValue(48)
    assert page.save()
    message_texts(page)
    with database.session() as session:
        assert current_inventory(session).rules["account_cancellation"].months == 3
        assert current_case_retention_policy(session).closed_case_months == 48


def test_inventory_page_edits_a_working_copy_then_saves(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database, rule_book: RuleBook
) -> None:
    page = InventoryPage(context(database, rule_book))
    qtbot.addWidget(page)
    categories, rules = CategoriesModel(), RulesModel()
    categories.set_rows(page.categories_model.rows())
    rules.set_rows(page.rules_model.rows())
    qtmodeltester.check(categories)
    qtmodeltester.check(rules)
    page.category_key.setText("game_saves")
    page.name_zh.setText("游戏存档")
    page.name_en.setText("")
    assert not page.put_category()
    assert message_texts(page) == ["Not saved\nName (English) is required."]
    assert page.name_zh.text() == "游戏存档"
    page.name_en.setText("Game saves")
    page.on_deletion.setCurrentIndex(page.on_deletion.findData("anonymise"))
    assert page.put_category()
    page.rule_key.setText("ecommerce_art31")
    assert not page.remove_rule()  # the workflow needs it
    assert message_texts(page) == [
        "Not saved\nRetention rule “ecommerce_art31” is required by the workflow and cannot "
        "be removed."
    ]
    with database.session() as session:
        assert current_inventory(session) == load_inventory()  # nothing saved yet
    assert page.save()
    message_texts(page)
    with database.session() as session:
        category = current_inventory(session).categories["game_saves"]
    assert (category.name_en, category.on_deletion.value) == ("Game saves", "anonymise")


def test_the_rule_editor_edits_the_chinese_and_english_names_and_events(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    page = InventoryPage(context(database, rule_book))
    qtbot.addWidget(page)
    keys = [rule.key for rule in page.rules_model.rows()]
    page.rules.selectRow(keys.index("ecommerce_art31"))
    # resources/workflow/inventory.toml: E-Commerce Law Art. 31, 3 years from completion.
    shown = (page.rule_name_zh, page.rule_name_en, page.starts_from_zh, page.starts_from)
    assert [field.text() for field in shown] == [
        "电子商务交易信息保存期限",
        "E-commerce transaction records",
        "交易完成之日",
        "completion of the transaction",
    ]
    page.starts_from_zh.setText("交易完成之日\u202e")  # a hidden direction override
    assert not page.put_rule()
    assert message_texts(page) == [
        "Not saved\nCounted from (Chinese) holds control or invisible characters."
    ]
    assert page.focusWidget() is page.starts_from_zh
    page.starts_from_zh.setText("交易完成之日起")
    page.starts_from.setText("the completion of the transaction")
    assert page.put_rule() and page.save()
    message_texts(page)
    with database.session() as session:
        rule = current_inventory(session).rules["ecommerce_art31"]
    assert (rule.months, rule.starts_from_zh, rule.name_en) == (
        36,
        "交易完成之日起",
        "E-commerce transaction records",
    )
    assert rule.starts_from == "the completion of the transaction"


def test_the_inventory_tables_keep_four_rows_in_a_short_dialog(
    qtbot: QtBot, database: Database, rule_book: RuleBook
) -> None:
    # At 150 % on a 1440×900 screen each table was squeezed to one and a half rows.
    dialog = SettingsDialog(database, rule_book, lambda: "root", lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentRow(5)
    dialog.resize(dialog.width(), dialog.fontMetrics().height() * 20)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.current_page()
    assert isinstance(page, InventoryPage)
    for table in (page.categories, page.rules):
        assert table.viewport().height() >= 4 * table.verticalHeader().defaultSectionSize()
