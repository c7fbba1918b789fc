"""Jurisdictions in settings: the rules shown, and the default jurisdiction of triage."""

import pytest

from app.errors import SettingsError
from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.deadlines.rules import PeriodUnit
from app.services.intake.message import parse_message
from app.services.intake.triage import triage
from app.services.settings_jurisdictions import (
    current_default_jurisdiction,
    current_triage_rules,
    jurisdiction_rules,
    save_default_jurisdiction,
)
from app.store import Database


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_china_deletion_is_15_working_days_under_pipl_art_47(rule_book: RuleBook) -> None:
    rows = {(r.code, r.kind): r for r in jurisdiction_rules(rule_book)}
    cn = rows[("CN", CaseKind.DELETION)]
    assert (cn.period, cn.unit, cn.calendar) == (15, PeriodUnit.WORKING_DAYS, "holidays:CN")
    assert "PIPL art. 47" in cn.source
    assert {r.code for r in rows.values()} == set(rule_book.rule_sets)


def test_default_jurisdiction_is_stored_and_used_by_triage(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        assert current_default_jurisdiction(session) == "CN"  # resources/triage/rules.toml
        with pytest.raises(SettingsError, match=r"intake\.default_jurisdiction"):
            save_default_jurisdiction(session, "ZZ", rule_book, actor="admin")
        save_default_jurisdiction(session, "eu", rule_book, actor="admin")
        assert current_default_jurisdiction(session) == "EU"
        rules = current_triage_rules(session)
    # A Russian request names no law and Russian has no vocabulary: triage takes the default.
    raw = (
        "From: x@example.com\r\nSubject: Zapros\r\nDate: Mon, 2 Nov 2026 10:00:00 +0800\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Прошу предоставить копию моих персональных данных, которые вы храните.\r\n"
    ).encode()
    assert triage(parse_message(raw), rules).jurisdiction == "EU"
    with database.session() as session:
        assert current_triage_rules(session) is rules  # cached: triage's matchers stay compiled
