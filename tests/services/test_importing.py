"""Importing the shared corpus: one case per message, triage and deadlines against the
manifest a privacy officer wrote, idempotent re-import, bad files, and no plaintext on disk."""

import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.models import Attachment, Case
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.audit import verify_chain
from app.services.case_queries import list_cases
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database
from tests.conftest import CORPUS_INBOX
from tests.store.test_no_leaks import MIN_CIPHERTEXT_NEEDLE

MANIFEST: list[dict[str, Any]] = json.loads((CORPUS_INBOX / "manifest.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_the_corpus_imports_as_the_manifest_says(database: Database, rule_book: RuleBook) -> None:
    report = import_paths(database.session, [CORPUS_INBOX], rule_book)
    assert report.count(ImportOutcome.IMPORTED) == len(MANIFEST)
    skipped = [r.file_name for r in report.results if r.outcome == ImportOutcome.SKIPPED]
    assert skipped == ["manifest.json"]
    with database.session() as session:
        rows = {row.reference: row for row in list_cases(session)}
        cases = {
            case.attachments[0].file_name: case for case in session.scalars(select(Case)).all()
        }
    kind_hits = sum(cases[m["file"]].kind.value == m["kind"] for m in MANIFEST)
    accuracy = kind_hits / len(MANIFEST)
    print(f"\nkind accuracy {kind_hits}/{len(MANIFEST)} = {accuracy:.1%}")
    assert accuracy >= 0.90
    for entry in MANIFEST:
        case = cases[entry["file"]]
        row = rows[case.reference]
        assert row.requester_email == entry["requester_email"], entry["file"]
        assert row.requester_name == entry["requester_name"], entry["file"]
        _assert_receipt(case, entry)
        _assert_due_date(case, entry)
        if entry["kind"] == "not_a_request":
            assert ReviewFlag.NOT_A_REQUEST.value in case.review_flags
    cn_dates = [m for m in MANIFEST if m.get("expected_due_date")]
    print(f"CN due dates checked: {len(cn_dates)}, all received instants: {len(MANIFEST)}")


def _assert_receipt(case: Case, entry: dict[str, Any]) -> None:
    if entry["received_at"] is None:
        assert case.received_at_source != ReceivedAtSource.DATE_HEADER, entry["file"]
        assert ReviewFlag.MISSING_DATE.value in case.review_flags, entry["file"]
    else:
        assert case.received_at == datetime.fromisoformat(entry["received_at"]), entry["file"]
        assert case.received_at_source == ReceivedAtSource.DATE_HEADER


def _assert_due_date(case: Case, entry: dict[str, Any]) -> None:
    expected = entry.get("expected_due_date")
    if expected is None:
        return
    assert case.due_date == date.fromisoformat(expected), entry["file"]
    assert case.due_provisional is entry["due_date_provisional"], entry["file"]
    flagged = ReviewFlag.PROVISIONAL_DEADLINE.value in case.review_flags
    assert flagged is entry["due_date_provisional"], entry["file"]


def test_importing_the_same_messages_again_creates_no_second_case(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    import_paths(database.session, [CORPUS_INBOX], rule_book)
    copy = tmp_path / "again"
    shutil.copytree(CORPUS_INBOX, copy)
    again = import_paths(database.session, [copy], rule_book)
    assert again.count(ImportOutcome.DUPLICATE) == len(MANIFEST)
    assert again.count(ImportOutcome.SKIPPED) == 1
    assert again.count(ImportOutcome.IMPORTED) == 0
    with database.session() as session:
        assert len(list_cases(session)) == len(MANIFEST)
        assert verify_chain(session).ok


def test_one_bad_file_never_stops_the_batch(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    (tmp_path / "a-empty.eml").write_bytes(b"")
    (tmp_path / "b-binary.eml").write_bytes(bytes(range(256)) * 8)
    shutil.copy(CORPUS_INBOX / "zh01-zh-access.eml", tmp_path / "c-good.eml")
    missing = tmp_path / "d-missing.eml"
    report = import_paths(database.session, [tmp_path, missing], rule_book)
    outcomes = {r.file_name: r.outcome for r in report.results}
    assert outcomes["c-good.eml"] == ImportOutcome.IMPORTED
    assert outcomes["a-empty.eml"] == ImportOutcome.FAILED
    assert outcomes["d-missing.eml"] == ImportOutcome.FAILED
    assert all(r.problem for r in report.results if r.outcome == ImportOutcome.FAILED)


def test_cancelling_keeps_the_files_already_imported(
    database: Database, rule_book: RuleBook
) -> None:
    calls: list[int] = []
    report = import_paths(
        database.session,
        [CORPUS_INBOX],
        rule_book,
        progress=lambda done, _total: calls.append(done),
        should_cancel=lambda: len(calls) >= 3,
    )
    assert report.cancelled
    assert report.count(ImportOutcome.IMPORTED) == 3
    with database.session() as session:
        assert len(list_cases(session)) == 3


def _variants(text: str) -> list[bytes]:
    """The forms of `text` long enough not to turn up by chance in ciphertext (test_no_leaks)."""
    encodings = ["utf-8", "utf-16-le", "gb18030"]
    forms = [text.encode(e) for e in encodings if _encodable(text, e)]
    return [form for form in forms if len(form) >= MIN_CIPHERTEXT_NEEDLE]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_no_requester_name_or_address_is_readable_on_disk(
    database: Database, database_path: Path, rule_book: RuleBook
) -> None:
    import_paths(database.session, [CORPUS_INBOX], rule_book)
    with database.session() as session:
        assert session.scalar(select(Attachment.id).limit(1)) is not None
    on_disk = [p for p in database_path.parent.rglob("*") if p.is_file()]
    assert {p.name for p in on_disk} >= {"privacy-desk.db", "privacy-desk.db-wal"}
    secrets = {m["requester_email"] for m in MANIFEST} | {m["requester_name"] for m in MANIFEST}
    assert all(_variants(secret) for secret in secrets)
    for path in on_disk:
        content = path.read_bytes()
        leaked = [s for s in secrets for v in _variants(s) if v in content]
        assert leaked == [], path.name
