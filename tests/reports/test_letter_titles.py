"""A complaint's letters and case file are titled as a complaint, a rights request's as a request.

PIPL Arts. 44-50 give individuals rights to exercise by request; a complaint (投诉举报) reports
a handling the complainant objects to. The templates pick the title by the ``complaint`` /
``rights_request`` conditions (``[[titles]]``); the case file by the case's kind.
"""

import io
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from app.models.enums import CaseKind
from app.reports import AcknowledgementFacts, default_letterhead, render_acknowledgement
from app.reports.case_file import case_file_pdf
from app.reports.case_letters import render_case_letter
from app.reports.letters import render_letter
from app.services.case_file import case_file
from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.services.letters import generate_letter
from app.store import Database
from tests.conftest import CORPUS_INBOX
from tests.reports.pdf_reading import read_pdf, squash
from tests.reports.samples import SAMPLES

ZH_REQUEST, EN_REQUEST = "个人信息权利请求受理回执", "Acknowledgement of your request"
ZH_COMPLAINT, EN_COMPLAINT = "个人信息投诉举报受理回执", "Acknowledgement of your complaint"


def _title_and_text(data: bytes) -> tuple[str, str]:
    """Return the PDF's document title and its whole text without whitespace."""
    metadata = PdfReader(io.BytesIO(data)).metadata
    assert metadata is not None
    return str(metadata.title), squash("".join(read_pdf(data)[0]))


@pytest.mark.parametrize(
    ("kind", "language", "title", "wrong"),
    [
        (CaseKind.COMPLAINT, "zh", ZH_COMPLAINT, ZH_REQUEST),
        (CaseKind.COMPLAINT, "en", EN_COMPLAINT, EN_REQUEST),
        (CaseKind.DELETION, "zh", ZH_REQUEST, ZH_COMPLAINT),
        (CaseKind.DELETION, "en", EN_REQUEST, EN_COMPLAINT),
        (CaseKind.ACCESS, "en", EN_REQUEST, EN_COMPLAINT),
    ],
)
def test_the_acknowledgement_title_names_what_was_received(
    facts: AcknowledgementFacts, kind: CaseKind, language: str, title: str, wrong: str
) -> None:
    data = render_acknowledgement(replace(facts, kind=kind), language, default_letterhead())
    document_title, text = _title_and_text(data)
    assert document_title == title
    assert squash(title) in text and squash(wrong) not in text


def test_a_bilingual_complaint_acknowledgement_has_both_complaint_titles(
    facts: AcknowledgementFacts,
) -> None:
    complaint = replace(facts, kind=CaseKind.COMPLAINT)
    data = render_acknowledgement(complaint, "zh+en", default_letterhead())
    document_title, text = _title_and_text(data)
    assert document_title == f"{ZH_COMPLAINT} / {EN_COMPLAINT}"
    assert text.index(ZH_COMPLAINT) < text.index(squash(EN_COMPLAINT))
    assert ZH_REQUEST not in text and squash(EN_REQUEST) not in text


# The letters a complaint case can receive (services.letters.KINDS_OF_LETTER keeps deletion,
# cancellation and correction letters to their own kinds; an access response answers an access
# request) and their titles for a complaint, (zh, en).
COMPLAINT_TITLES = {
    "identity_request": ("身份核验通知", "Verifying your identity"),
    "clarification_request": ("投诉举报内容确认函", "Clarifying your complaint"),
    "extension_notice": ("延期答复通知", "Extension of the time to reply"),
    "refusal": ("关于您的个人信息投诉举报的答复", "Decision on your complaint"),
    "partial_refusal": ("关于您的个人信息投诉举报的答复", "Decision on your complaint"),
    "complaint_response": ("投诉处理结果告知函", "Outcome of your complaint"),
}


def _as_complaint(facts: Any) -> Any:
    return replace(facts, case=replace(facts.case, kind=CaseKind.COMPLAINT))


@pytest.mark.parametrize("key", sorted(COMPLAINT_TITLES))
def test_no_letter_to_a_complainant_is_titled_as_a_request(key: str) -> None:
    kind, facts = SAMPLES[key]
    for language, title in zip(("zh", "en"), COMPLAINT_TITLES[key], strict=True):
        data = render_letter(kind, _as_complaint(facts), language, default_letterhead())
        document_title, text = _title_and_text(data)
        assert document_title == title and squash(title) in text
        assert "请求" not in document_title and "request" not in document_title.lower()


@pytest.mark.parametrize(
    ("key", "zh", "en"),
    [
        ("clarification_request", "请求内容确认函", "Clarifying your request"),
        ("refusal", "关于您的个人信息请求的答复", "Decision on your request"),
        ("partial_refusal", "关于您的个人信息请求的答复", "Decision on your request"),
    ],
)
def test_a_rights_request_keeps_its_request_title(key: str, zh: str, en: str) -> None:
    kind, facts = SAMPLES[key]
    assert facts.case.kind is not CaseKind.COMPLAINT
    for language, title in (("zh", zh), ("en", en)):
        data = render_letter(kind, facts, language, default_letterhead())
        assert _title_and_text(data)[0] == title


def test_a_complaint_case_gets_complaint_letters_and_a_complaint_case_file(
    database: Database,
) -> None:
    """zh06 is a complaint (manifest: kind complaint, CN, received 2026-07-14 00:15 UTC)."""
    rule_book = load_rule_book()
    report = import_paths(database.session, [CORPUS_INBOX / "zh06-zh-complaint.eml"], rule_book)
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        letter = generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh+en",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=date(2026, 7, 15),
        )
        record = case_file(session, reference, actor="auditor.wu")
    assert record.kind == "complaint"
    assert _title_and_text(letter.pdf)[0] == f"{ZH_COMPLAINT} / {EN_COMPLAINT}"
    # Its kind is labelled as a case's, not a request's (dashboard_text: 投诉举报, Complaint).
    for language, title, wrong, kind, wrong_label in (
        ("zh", "个人信息投诉举报案卷", "个人信息权利请求案卷", "案件类型投诉举报", "请求类型"),
        (
            "en",
            "Case file of a complaint",
            "Case file of a data-subject request",
            "Kind of case Complaint",
            "Kind of request",
        ),
    ):
        pdf = case_file_pdf(record, language, default_letterhead(), date(2026, 11, 29))
        document_title, text = _title_and_text(pdf)
        assert document_title == title and squash(title) in text
        assert squash(wrong) not in text
        assert squash(kind) in text and squash(wrong_label) not in text
