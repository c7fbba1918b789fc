"""The data inventory and retention periods edited in settings: validation naming the field,
the statutory floors, and the workflow planning with the stored inventory."""

import io
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from app.errors import SettingsError
from app.models.enums import CaseKind, CategoryActionKind
from app.reports.case_letters import render_case_letter
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.settings_inventory import (
    STATUTORY_MINIMUMS,
    reset_inventory,
    save_inventory,
    validate_inventory_table,
)
from app.services.settings_retention import (
    current_case_retention_policy,
    save_case_retention,
    set_rule_months,
)
from app.services.workflow import (
    complete_action,
    current_inventory,
    load_inventory,
    plan_deletion,
)
from app.services.workflow.inventory import DataCategory, inventory_table
from app.store import Database
from tests.services.letter_cases import verify
from tests.services.settings_factory import TODAY, open_case


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _table() -> dict[str, Any]:
    return inventory_table(load_inventory())


def test_the_resource_file_round_trips_through_the_table_form() -> None:
    assert validate_inventory_table(_table()) == load_inventory()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: t["rules"]["csl_art23"].update(months="6"), "rules.csl_art23.months"),
        (lambda t: t["rules"]["csl_art23"].update(months=0), "rules.csl_art23.months"),
        (
            lambda t: t["rules"]["account_cancellation"].update(source=" "),
            "rules.account_cancellation.source",
        ),
        (lambda t: t["rules"].pop("ecommerce_art31"), "rules.ecommerce_art31"),
        (
            lambda t: t["categories"]["orders"].update(hold_rule="nope"),
            "categories.orders.hold_rule",
        ),
        (
            lambda t: t["categories"]["account"].update(on_deletion="export"),
            "categories.account.on_deletion",
        ),
        (
            lambda t: t["categories"]["account"].update(hold_rule="csl_art23"),
            "categories.account.hold_rule",
        ),
        (lambda t: t["categories"]["addresses"].pop("name_en"), "categories.addresses.name_en"),
        (lambda t: t["categories"].update({"Bad Key": {}}), "categories.Bad Key"),
        (
            lambda t: t["categories"]["orders"].update(name_en="Orders\u202e"),
            "categories.orders.name_en",
        ),
        (
            lambda t: t["rules"]["ecommerce_art31"].update(from_zh="交易完成之日\u202e"),
            "rules.ecommerce_art31.from_zh",
        ),
        (
            lambda t: t["rules"]["csl_art23"].update(name_zh="网络日志" * 200),
            "rules.csl_art23.name_zh",
        ),
        (lambda t: t["rules"]["csl_art23"].update(name_en="   "), "rules.csl_art23.name_en"),
        (
            lambda t: t["rules"]["csl_art23"].update(source_zh="《网络安全法》\u200b"),
            "rules.csl_art23.source_zh",
        ),
    ],
)
def test_invalid_inventory_is_refused_naming_the_field(change: Any, field: str) -> None:
    table = _table()
    change(table)
    with pytest.raises(SettingsError) as caught:
        validate_inventory_table(table)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("rule", "months", "law", "floor"),
    [
        ("ecommerce_art31", 35, "E-Commerce Law Art. 31", 36),  # ≥ 3 years after the transaction
        ("csl_art23", 5, "Cybersecurity Law Art. 23", 6),  # network logs ≥ 6 months
        ("accounting_archives", 359, "会计档案管理办法", 360),  # vouchers and books 30 years
    ],
)
def test_statutory_periods_cannot_be_lowered_below_the_law(
    database: Database, rule: str, months: int, law: str, floor: int
) -> None:
    with database.session() as session:
        with pytest.raises(SettingsError, match=law) as caught:
            set_rule_months(session, {rule: months}, actor="admin")
        assert current_inventory(session) == load_inventory()  # nothing stored
    # The values the window makes its sentence from (the law named in its language).
    assert caught.value.field == f"rules.{rule}.months"
    assert caught.value.values == {"minimum_months": floor, "rule": rule}


def test_each_statutory_floor_names_its_law_in_chinese_too() -> None:
    assert {key: floor.source_zh.split("：")[0] for key, floor in STATUTORY_MINIMUMS.items()} == {
        "ecommerce_art31": "《电子商务法》第三十一条",
        "csl_art23": "《网络安全法》第二十三条第（三）项（2025年修正；原第二十一条第（三）项）",
        "accounting_archives": "《会计档案管理办法》（2015年）第十四条",
    }


def test_policy_periods_and_longer_statutory_periods_are_stored(database: Database) -> None:
    with database.session() as session:
        stored = set_rule_months(
            session, {"account_cancellation": 3, "ecommerce_art31": 60}, actor="admin"
        )
    with database.session() as session:
        assert current_inventory(session) == stored
        assert current_inventory(session).rules["account_cancellation"].months == 3
        assert current_inventory(session).rules["ecommerce_art31"].months == 60
        reset_inventory(session, actor="admin")
        assert current_inventory(session) == load_inventory()


def test_case_record_retention_defaults_to_36_months_and_is_validated(database: Database) -> None:
    with database.session() as session:
        assert current_case_retention_policy(session).closed_case_months == 36
        with pytest.raises(SettingsError) as caught:
            save_case_retention(session, closed_case_months=0, id_document_days=0, actor="a")
        assert caught.value.field == "retention.closed_case_months"
        save_case_retention(session, closed_case_months=48, id_document_days=30, actor="a")
        policy = current_case_retention_policy(session)
        assert (policy.closed_case_months, policy.id_document_days) == (48, 30)


def test_the_workflow_plans_deletions_with_the_stored_inventory(
    database: Database, rule_book: RuleBook
) -> None:
    inventory = load_inventory()
    categories = dict(inventory.categories)
    categories["game_saves"] = DataCategory(
        "game_saves", "游戏存档", "Game saves", CategoryActionKind.ANONYMISE, None
    )
    rules = dict(inventory.rules)
    rules["ecommerce_art31"] = replace(rules["ecommerce_art31"], months=60)
    with database.session() as session:
        save_inventory(session, replace(inventory, categories=categories, rules=rules), actor="a")
        case = open_case(session, rule_book, CaseKind.DELETION)
        planned = plan_deletion(session, case, hold_from=date(2026, 11, 20), actor="a")
        by_key = {action.category: action for action in planned}
    assert by_key["game_saves"].action == CategoryActionKind.ANONYMISE
    # 60 months (the stored period) after 20 Nov 2026 is 20 Nov 2031, not the file's 36 → 2029.
    assert by_key["orders"].hold_until == date(2031, 11, 20)
    # Network logs keep the file's 6 months: 20 May 2027.
    assert by_key["access_logs"].hold_until == date(2027, 5, 20)


def test_the_cancellation_letter_dates_the_hold_with_the_stored_months(
    database: Database, rule_book: RuleBook
) -> None:
    # Issued (and cancelled) Sun 29 Nov 2026; the stored policy keeps account data 3 months:
    # 29 Feb 2027 does not exist, so the last day is 28 Feb 2027 (the shipped 6 months would
    # give 29 May 2027, which is still the network logs' date: CSL Art. 23, 6 months).
    with database.session() as session:
        set_rule_months(session, {"account_cancellation": 3}, actor="admin")
        case = open_case(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        verify(session, case, rule_book)  # PIPL Art. 50: identity first
        for action in plan_deletion(session, case, hold_from=TODAY, actor="a"):
            if action.action in (CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE):
                complete_action(session, case, action.category, actor="a")
        letter = generate_letter(
            session,
            "PD-2026-000001",
            "cancellation_confirmation",
            "en",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=TODAY,
        )
    text = "".join(
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(letter.pdf)).pages
    )
    assert "28February2027" in text
    assert "29May2027" in text  # logs
    assert "29November2029" in text  # transactions, E-Commerce Law Art. 31: 36 months
    assert "3monthsaftercancellation" in text  # the sentence says the months the date uses
    assert "6monthsaftercancellation" not in text


def _letter(session: Any, rule_book: RuleBook, reference: str, template: str) -> object:
    return generate_letter(
        session,
        reference,
        template,
        "en",
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
    )


def test_an_erasure_letter_is_refused_for_another_kind_of_request(
    database: Database, rule_book: RuleBook
) -> None:
    from app.errors import LetterError

    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        for template in ("deletion_done", "cancellation_confirmation"):
            with pytest.raises(LetterError, match="another kind"):
                _letter(session, rule_book, case.reference, template)


def test_a_cancellation_letter_needs_the_erasure_recorded_as_done(
    database: Database, rule_book: RuleBook
) -> None:
    from app.errors import LetterError

    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
        verify(session, case, rule_book)
        plan_deletion(session, case, hold_from=TODAY, actor="a")  # planned, nothing done
        with pytest.raises(LetterError, match="Nothing has been recorded as deleted"):
            _letter(session, rule_book, case.reference, "cancellation_confirmation")
