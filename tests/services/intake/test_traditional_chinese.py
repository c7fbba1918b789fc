"""Traditional Chinese letters (Hong Kong, Macao, Taiwan): the Simplified vocabulary finds
their terms, the language is Chinese; the script alone does not decide the law, so a letter
naming no law from an address without a country (.com) gets the default jurisdiction, China's
(PIPL; 15 working days after receipt on the State Council calendar, resources/rules/cn.toml).
Hong Kong wording, numbers and addresses give HK: tests/services/intake/test_triage_qa9.py."""

from datetime import date
from email.header import Header
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseKind
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.intake import TriageProposal, parse_incoming, triage
from app.services.intake.chinese_script import to_simplified, traditional_table
from app.services.intake.vocabulary import default_rules
from app.store import Database

_BIG5_ACCESS_COPY = "您好：\n本人要求查閱及複製貴公司持有的本人個人資料。\n陳大文\n"


def _mail(body: str, charset: str, subject: str = "查閱個人資料", declare: bool = True) -> bytes:
    content_type = f"text/plain; charset={charset}" if declare else "text/plain"
    headers = (
        f"From: {Header('陳大文', 'utf-8').encode()} <tai.man@example.com>\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        "Date: Mon, 23 Nov 2026 10:00:00 +0800\r\nMessage-ID: <big5-1@example.hk>\r\n"
        f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return headers.encode("ascii") + body.encode(charset)


def _triage(body: str) -> TriageProposal:
    return triage(parse_incoming(_mail(body, "utf-8", subject="")))


@pytest.mark.parametrize("declare", [True, False])
def test_big5_access_and_copy_request_is_chinese_access(declare: bool) -> None:
    message = parse_incoming(_mail(_BIG5_ACCESS_COPY, "big5", declare=declare))
    proposal = triage(message)
    assert message.body_text.startswith("您好：\n本人要求查閱及複製")
    # The body names access and copy alike (strong terms 查阅, 复制); the subject 查閱個人資料
    # adds subject points for access (a body alone would give copy, first in kind_precedence).
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.ACCESS,
        "zh",
        "CN",
    )
    assert proposal.requester_name == "陳大文"  # the name keeps its own characters


def test_imported_big5_request_gets_the_cn_deadline(database: Database, tmp_path: Path) -> None:
    mail = tmp_path / "big5.eml"
    mail.write_bytes(_mail(_BIG5_ACCESS_COPY, "big5"))
    report = import_paths(database.session, [mail], load_rule_book())
    assert [r.outcome for r in report.results] == [ImportOutcome.IMPORTED]
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        # Received Mon 2026-11-23 (day 0); 15 working days, no holiday between: Mon 2026-12-14.
        assert (case.kind, case.language, case.jurisdiction) == (CaseKind.ACCESS, "zh", "CN")
        assert case.due_date == date(2026, 12, 14)
        assert case.due_provisional is False


@pytest.mark.parametrize(
    ("traditional", "kind"),
    [
        ("本人要求查閱貴公司持有的個人資料。", CaseKind.ACCESS),
        ("請將我的個人資料複製一份給我。", CaseKind.COPY),
        ("請更正我的個人資料中的地址。", CaseKind.CORRECTION),
        ("請刪除貴公司持有的我的個人資料。", CaseKind.DELETION),
        ("本人要求註銷帳戶。", CaseKind.ACCOUNT_CANCELLATION),
        ("本人要求註銷帳號。", CaseKind.ACCOUNT_CANCELLATION),
        ("本人撤回同意，不再允許貴公司處理我的個人資料。", CaseKind.CONSENT_WITHDRAWAL),
        ("本人要求停止處理我的個人資料。", CaseKind.OBJECTION),
        ("請解釋說明貴公司的個人資料處理規則。", CaseKind.EXPLANATION),
        ("本人就貴公司處理個人資料的方式投訴。", CaseKind.COMPLAINT),
        ("根據《個人信息保護法》第四十七條，請刪除我的個人信息。", CaseKind.DELETION),
    ],
)
def test_traditional_letters_get_the_kind_of_their_simplified_twin(
    traditional: str, kind: CaseKind
) -> None:
    proposal = _triage(traditional)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (kind, "zh", "CN")
    assert _triage(to_simplified(traditional)).kind is kind


def test_a_pipl_citation_in_traditional_characters_decides_kind_and_jurisdiction() -> None:
    proposal = _triage("根據《中華人民共和國個人信息保護法》第四十五條，我要求查閱我的個人信息。")
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.ACCESS, "CN")
    signals = {(r.field, r.signal) for r in proposal.reasons}
    assert ("jurisdiction", "statute_citation") in signals


def _traditional_spelling(simplified: str) -> str:
    """The text written with a Traditional character wherever the table has one."""
    back: dict[str, str] = {}
    for code, simple in sorted(traditional_table().items()):
        back.setdefault(simple, chr(code))
    return "".join(back.get(char, char) for char in simplified)


def test_every_chinese_vocabulary_term_is_found_in_traditional_spelling() -> None:
    vocabulary = default_rules().languages["zh"]
    terms = [term.text for term in vocabulary.terms] + list(vocabulary.privacy_markers)
    assert terms
    for term in terms:
        assert to_simplified(_traditional_spelling(term)) == term, term


def test_the_table_leaves_simplified_vocabulary_unchanged() -> None:
    """A vocabulary character that the table maps would stop matching its own spelling."""
    vocabulary = default_rules().languages["zh"]
    texts = [term.text for term in vocabulary.terms] + list(vocabulary.privacy_markers)
    assert all(to_simplified(text) == text for text in texts)


def test_japanese_kanji_are_not_read_as_traditional_chinese() -> None:
    proposal = _triage("個人情報保護法第33条に基づき、保有個人データの開示を請求します。")
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.ACCESS,
        "ja",
        "JP",
    )


def test_the_mapping_keeps_length_and_every_entry_is_one_character() -> None:
    table = traditional_table()
    assert len(table) > 4000  # OpenCC TSCharacters + Hong Kong / Taiwan variants
    assert all(len(chr(code)) == 1 and len(simple) == 1 for code, simple in table.items())
    assert to_simplified("查閱及複製個人資料，註銷帳戶") == "查阅及复制个人资料，注销帐户"
