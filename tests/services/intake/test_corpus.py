"""Every corpus message parses and triages as the manifest says (shared/corpus/README.md)."""

import json
from datetime import datetime

import pytest

from app.models.enums import ReviewFlag
from app.services.intake import IncomingMessage, TriageProposal, read_message_file, triage
from tests.conftest import CORPUS_INBOX as CORPUS

MANIFEST: list[dict[str, object]] = json.loads((CORPUS / "manifest.json").read_text("utf-8"))


def _triaged() -> list[tuple[dict[str, object], IncomingMessage, TriageProposal]]:
    results = []
    for entry in MANIFEST:
        message = read_message_file(CORPUS / str(entry["file"]))
        results.append((entry, message, triage(message)))
    return results


@pytest.fixture(scope="module")
def triaged() -> list[tuple[dict[str, object], IncomingMessage, TriageProposal]]:
    return _triaged()


def test_corpus_has_all_51_messages() -> None:
    assert len(MANIFEST) == 51


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: str(e["file"]))
def test_message_fields_match_manifest(entry: dict[str, object]) -> None:
    message = read_message_file(CORPUS / str(entry["file"]))
    proposal = triage(message)
    assert proposal.requester_email == entry["requester_email"]
    assert proposal.requester_name == entry["requester_name"]
    assert message.html_only is entry["html_only"]
    expected_at = entry["received_at"]
    if expected_at is None:
        assert message.sent_at is None
        assert ReviewFlag.MISSING_DATE in proposal.flags
    else:
        assert message.sent_at == datetime.fromisoformat(str(expected_at))
        assert message.date_problem is None
    markup = bool(entry.get("raw_template_markup", False))
    assert (ReviewFlag.RAW_TEMPLATE_MARKUP in proposal.flags) is markup
    for text in (message.subject, message.body_text, message.from_name or ""):
        assert "\ufffd" not in text


def _accuracy(
    triaged: list[tuple[dict[str, object], IncomingMessage, TriageProposal]], field: str
) -> float:
    hits = sum(1 for entry, _, proposal in triaged if getattr(proposal, field) == entry[field])
    return hits / len(triaged)


def test_triage_accuracy(
    triaged: list[tuple[dict[str, object], IncomingMessage, TriageProposal]],
) -> None:
    kind = sum(1 for e, _, p in triaged if p.kind.value == e["kind"]) / len(triaged)
    language = _accuracy(triaged, "language")
    jurisdiction = _accuracy(triaged, "jurisdiction")
    print(f"\nkind {kind:.1%}  language {language:.1%}  jurisdiction {jurisdiction:.1%}")
    assert kind >= 0.95
    assert language == 1.0
    assert jurisdiction == 1.0


def test_not_a_request_and_reminders_are_flagged(
    triaged: list[tuple[dict[str, object], IncomingMessage, TriageProposal]],
) -> None:
    for entry, _, proposal in triaged:
        assert (ReviewFlag.NOT_A_REQUEST in proposal.flags) is (entry["kind"] == "not_a_request")
        assert (ReviewFlag.UNLINKED_REMINDER in proposal.flags) is (entry["kind"] == "reminder")


def test_every_proposal_explains_each_field(
    triaged: list[tuple[dict[str, object], IncomingMessage, TriageProposal]],
) -> None:
    for _, _, proposal in triaged:
        assert {reason.field for reason in proposal.reasons} == {
            "kind",
            "language",
            "jurisdiction",
            "requester",
        }
