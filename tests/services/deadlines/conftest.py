"""Shared fixtures of the deadline-engine tests."""

import pytest

from app.services.deadlines import RuleBook, load_rule_book


@pytest.fixture(scope="session")
def rule_book() -> RuleBook:
    """The shipped rule sets (resources/rules)."""
    return load_rule_book()
