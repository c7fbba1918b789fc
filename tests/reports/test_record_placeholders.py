"""QA18 F1: a record (the case file, the dashboard report, the retention certificates) is
always produced. A character no font on this computer has (emoji: the tests run on the bundled
fonts only, ``tests.reports.system_font_isolation``) prints as ``[U+XXXX]`` and a note under
the title lists them once; a letter still refuses an ideograph no font has."""

import os
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.errors import MissingGlyphsError
from app.reports.case_file import case_file_pdf
from app.reports.case_letters import render_case_letter
from app.reports.dashboard_report import render_dashboard_report
from app.reports.fonts import default_font_stack
from app.reports.letterhead import default_letterhead
from app.reports.placeholders import placeholders_for
from app.reports.retention_certificate import purge_certificate_pdf
from app.services.case_file import case_file
from app.services.dashboard import HandlerLoad
from app.services.deadlines import load_rule_book
from app.services.importing import import_paths
from app.services.workflow.retention import PurgeCertificate
from app.store import Database
from tests.reports.pdf_reading import read_pdf, squash
from tests.reports.test_dashboard_report import FIGURES
from tests.reports.test_letter_printable_names import _context

# "👩🏽‍💻 Zoë 🏳️‍🌈" (the QA18 sample's display name): woman, skin tone, ZWJ, laptop; the white
# flag, VS16, ZWJ, rainbow. The joiner and the selector are invisible and need no glyph.
EMOJI_NAME = "\U0001f469\U0001f3fd\u200d\U0001f4bb Zoë \U0001f3f3\ufe0f\u200d\U0001f308"
EMOJI_SHOWN = "[U+1F469][U+1F3FD][U+1F4BB]Zoë[U+1F3F3][U+1F308]"  # as squashed
EMOJI_CODES = "U+1F308,U+1F3F3,U+1F3FD,U+1F469,U+1F4BB"


def _pdf_text(pdf: bytes) -> str:
    return squash("".join(read_pdf(pdf)[0]))


def _case_file(database: Database, folder: Path, name: str, file_name: str, language: str) -> str:
    """Import a mail from ``name`` <zoe@example.com> saved as ``file_name``; return its case
    file's text."""
    path = folder / file_name
    word = name.encode("utf-8").hex("=").upper()
    path.write_bytes(
        (
            f"From: =?utf-8?q?={word}?= <zoe@example.com>\r\nSubject: Access request\r\n"
            "Date: Mon, 30 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Please send me a copy of my personal data (GDPR Art. 15).\r\n"
        ).encode("ascii")
    )
    stamp = datetime(2026, 11, 30, 2, 0, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    report = import_paths(database.session, [path], load_rule_book())
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        record = case_file(session, reference, actor="auditor.wu")
    assert record.requester == f"{name} zoe@example.com"
    return _pdf_text(case_file_pdf(record, language, default_letterhead(), date(2026, 12, 1)))


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Charactersnofontonthiscomputercandrawareshown"),
        ("zh", "本计算机上没有字体能显示的字符以方括号中的Unicode码位标出"),
    ],
)
def test_the_case_file_of_a_requester_with_emoji_shows_them_as_code_points(
    database: Database, tmp_path: Path, language: str, note: str
) -> None:
    text = _case_file(database, tmp_path, EMOJI_NAME, "request-\U0001f4e6.eml", language)
    assert EMOJI_SHOWN + "zoe@example.com" in text
    assert "request-[U+1F4E6].eml" in text  # the original message's file name (evidence)
    codes = EMOJI_CODES + ",U+1F4E6"  # sorted: 1F4BB < 1F4E6
    assert note in text
    assert (codes if language == "en" else codes.replace(",", "、")) in text
    assert text.count(note) == 1  # said once


def test_the_case_file_shows_an_ideograph_no_font_has_as_its_code_point(
    database: Database, tmp_path: Path
) -> None:
    """𠀀 (U+20000, CJK Extension B) is in no bundled face: a letter to 刘䶮𠀀 is refused (the
    name must never be misprinted), the case file prints it as [U+20000]."""
    text = _case_file(database, tmp_path, "刘䶮𠀀", "request.eml", "zh")
    assert "刘䶮[U+20000]zoe@example.com" in text
    assert "U+20000。" in text
    with pytest.raises(MissingGlyphsError, match="U\\+20000"):
        render_case_letter("acknowledgement", "zh", _context("刘䶮𠀀"))


def test_a_case_file_that_prints_every_character_has_no_note(
    database: Database, tmp_path: Path
) -> None:
    text = _case_file(database, tmp_path, "Zoë Ng", "request.eml", "en")
    assert "ZoëNgzoe@example.com" in text
    assert "[U+" not in text and "Unicodecodepoint" not in text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_dashboard_report_shows_a_handler_name_with_emoji(language: str) -> None:
    loads = (HandlerLoad("张三\U0001f600", 1, 0, 0),)
    pdf = render_dashboard_report(replace(FIGURES, workload=loads), language, default_letterhead())
    text = _pdf_text(pdf)
    assert "张三[U+1F600]" in text
    assert ("U+1F600。" if language == "zh" else "U+1F600.") in text


def test_the_purge_certificate_shows_a_handler_name_with_emoji() -> None:
    certificate = PurgeCertificate(
        reference="PD-2026-000042",
        purged_at=datetime(2027, 2, 28, 1, 2, 3, tzinfo=UTC),
        purged_by="ops.li\U0001f680",
        attachments_erased=3,
        identifiers_erased=2,
        notes_erased=1,
        still_held=(),
        event_hash="ab" * 32,
    )
    text = _pdf_text(purge_certificate_pdf(certificate, "en", default_letterhead()))
    assert "ops.li[U+1F680]" in text and "U+1F680." in text


def test_placeholders_keep_invisible_joiners_and_printable_text() -> None:
    shown = placeholders_for([EMOJI_NAME, "王芳"], default_font_stack())
    assert shown.code_points == tuple(EMOJI_CODES.split(","))
    assert shown.shown(EMOJI_NAME) == (
        "[U+1F469][U+1F3FD]\u200d[U+1F4BB] Zoë [U+1F3F3]\ufe0f\u200d[U+1F308]"
    )
    assert shown.shown("王芳") == "王芳"
