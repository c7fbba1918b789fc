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
    ("language", "heading", "created"),
    [("zh", "个人信息权利请求案卷", "案件已创建"), ("en", "Casefile", "Casecreated")],
)
def test_the_case_file_names_every_letter_and_piece_of_evidence_by_hash(
    database: Database, language: str, heading: str, created: str
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
    assert created in text and "2026-03-23" in text  # the CN due date (manifest)
    assert "case.created" not in text


def test_the_chinese_case_file_prints_chinese_names_for_codes(database: Database) -> None:
    """zh01 is an access request (查阅, PIPL Art. 45), new; its zh+en acknowledgement prints as
    受理回执 / 中英双语, and no code of the record shows through."""
    rule_book = load_rule_book()
    report = import_paths(database.session, [CORPUS_INBOX / "zh01-zh-access.eml"], rule_book)
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh+en",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=date(2026, 3, 3),
        )
        record = case_file(session, reference, actor="auditor.wu")
    text = _text(case_file_pdf(record, "zh", default_letterhead(), date(2026, 11, 29)))
    for label in (
        "请求类型查阅",
        "状态新建",
        "案件已创建",
        "期限已计算",
        "函件已生成",
        "案卷已导出",
    ):
        assert label in text
    assert "受理回执" in text and "中英双语" in text and "原始邮件" in text
    codes = ("请求类型access", "状态new", "case.created", "clock.recomputed", "zh+en")
    for code in (*codes, "acknowledgement", "original_message"):
        assert code not in text


def test_short_tokens_of_the_letters_table_are_not_broken(database: Database) -> None:
    """In English "Acknowledgement" and the column headers fit their columns (pypdf's text
    keeps line ends: a token split over two lines would read with a line break inside)."""
    rule_book = load_rule_book()
    report = import_paths(database.session, [CORPUS_INBOX / "zh01-zh-access.eml"], rule_book)
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        generate_letter(
            session,
            reference,
            "acknowledgement",
            "zh+en",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=date(2026, 3, 3),
        )
        record = case_file(session, reference)
    for language, tokens in (("en", ("Acknowledgement", "Approved")), ("zh", ("中英双语", "版本"))):
        pdf = case_file_pdf(record, language, default_letterhead(), date(2026, 11, 29))
        lines = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        for token in tokens:
            assert token in lines
