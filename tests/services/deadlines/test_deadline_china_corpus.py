"""CN expectations of the inbox corpus manifest (shared/corpus/inbox/manifest.json)."""

import json
from datetime import date, datetime

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook, compute_deadline
from tests.conftest import CORPUS_INBOX

# Copied from the manifest (file, kind, received_at, expected_due_date, due_date_provisional).
MANIFEST_CN = [
    ("zh01", "access", "2026-03-02T01:30:00+00:00", "2026-03-23", False),
    ("zh02", "copy", "2026-04-28T09:05:00+00:00", "2026-05-21", False),
    ("zh03", "correction", "2026-09-29T08:45:00+00:00", "2026-10-26", False),
    ("zh04", "deletion", "2026-05-01T02:00:00+00:00", "2026-05-25", False),
    ("zh05", "account_cancellation", "2026-12-24T03:20:00+00:00", "2027-01-15", True),
    ("zh06", "complaint", "2026-07-14T00:15:00+00:00", "2026-08-04", False),
    ("zh07", "consent_withdrawal", "2026-06-19T15:50:00+00:00", "2026-07-10", False),
]
MANIFEST = CORPUS_INBOX / "manifest.json"


@pytest.mark.parametrize(("name", "kind", "received", "due", "provisional"), MANIFEST_CN)
def test_manifest_cn_due_dates(
    rule_book: RuleBook, name: str, kind: str, received: str, due: str, provisional: bool
) -> None:
    deadline = compute_deadline(rule_book, "CN", CaseKind(kind), datetime.fromisoformat(received))
    assert deadline.due_date == date.fromisoformat(due), name
    assert deadline.provisional is provisional, name


def test_zh05_is_provisional_because_of_2027(rule_book: RuleBook) -> None:
    received = datetime.fromisoformat("2026-12-24T03:20:00+00:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCOUNT_CANCELLATION, received)
    assert deadline.provisional_years == (2027,)


def test_live_manifest_entries_with_expected_due_date(rule_book: RuleBook) -> None:
    entries = [e for e in json.loads(MANIFEST.read_text()) if e.get("expected_due_date")]
    assert entries
    for entry in entries:
        received = datetime.fromisoformat(entry["received_at"])
        deadline = compute_deadline(
            rule_book, entry["jurisdiction"], CaseKind(entry["kind"]), received
        )
        assert deadline.due_date == date.fromisoformat(entry["expected_due_date"]), entry["file"]
        assert deadline.provisional is entry["due_date_provisional"], entry["file"]
