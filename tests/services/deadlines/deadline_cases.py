"""Hand-worked deadline examples, shared by the per-jurisdiction tests: the receipt instant is
written as in the statute's worked example (ISO 8601 with its UTC offset, so the local receipt
date the example counts from is visible), and the deadline is what the shipped rule book
computes for it."""

from datetime import datetime
from typing import Any

from app.models.enums import CaseKind
from app.services.deadlines import Deadline, RuleBook, compute_deadline


def receipt_instant(text: str) -> datetime:
    """Return the receipt instant ``text`` (ISO 8601 with a UTC offset) as an aware datetime.

    Raises:
        ValueError: ``text`` has no offset: a worked example counts from a local date, which a
            naive time does not fix.
    """
    instant = datetime.fromisoformat(text)
    if instant.utcoffset() is None:
        raise ValueError(f"receipt time without a UTC offset: {text}")
    return instant


def worked_deadline(
    rule_book: RuleBook, code: str, kind: CaseKind, received_text: str, **options: Any
) -> Deadline:
    """Return the deadline of a ``kind`` request under rule set ``code`` received at
    ``received_text`` (see ``receipt_instant``); ``options`` go to ``compute_deadline`` (pauses,
    extended, region, verified_at …)."""
    return compute_deadline(rule_book, code, kind, receipt_instant(received_text), **options)
