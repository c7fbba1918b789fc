"""The case file PDF: summary, timeline, letters and evidence by hash, in Chinese and English."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Attachment, Event
from app.reports.case_file import case_file_pdf
from app.reports.case_letters import render_case_letter
from app.reports.letterhead import default_letterhead
from app.services.case_file import case_file
from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.services.letters import generate_letter
from app.store import Database
from tests.conftest import CORPUS_INBOX


def _text(pdf: bytes) -> str:
    return "".join(
        "".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.mark.parametrize(
    ("language", "heading"), [("zh", "个人信息权利请求案卷"), ("en", "Casefile")]
)
def test_the_case_file_names_every_letter_and_piece_of_evidence_by_hash(
    database: Database, language: str, heading: str
) -> None:
    rule_book = load_rule_book()
    report = import_paths(database.session, [CORPUS_INBOX / "zh01-zh-access.eml"], rule_book)
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        letter = generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=date(2026, 3, 3),
        )
        record = case_file(session, reference, actor="auditor.wu")
        original = session.scalars(select(Attachment.sha256)).one()
        actions = list(session.scalars(select(Event.action).order_by(Event.id)))
    assert actions[-1] == "case.exported" and record.chain_verified
    text = _text(case_file_pdf(record, language, default_letterhead(), date(2026, 11, 29)))
    assert heading in text and reference in text
    assert letter.sha256 in text and original in text
    assert "case.created" in text and "2026-03-23" in text  # the CN due date (manifest)
