"""Japanese and Korean letters: kana and Hangul detection, APPI and PIPA citations (article
numbers as in force: APPI as renumbered on 2022-04-01, PIPA as amended in 2023)."""

from email.header import Header
from email.message import EmailMessage

import pytest

from app.models.enums import CaseKind
from app.services.intake import TriageProposal, TriageReason, parse_message, triage
from app.services.intake.signals import find_citations, matchers
from app.services.intake.vocabulary import default_rules


def _triage(body: str, subject: str = "") -> TriageProposal:
    message = EmailMessage()
    message["From"] = "Requester <requester@example.com>"
    message["Subject"] = subject
    message["Date"] = "Tue, 03 Mar 2026 10:00:00 +0900"
    message.set_content(body)
    return triage(parse_message(message.as_bytes()))


def _legacy_mail(name: str, subject: str, body: str, charset: str, transfer: str) -> bytes:
    """A message the way Japanese and Korean clients still send it: ISO-2022-JP / EUC-KR."""
    headers = (
        f"From: {Header(name, charset).encode()} <sender@example.com>\r\n"
        f"Subject: {Header(subject, charset).encode()}\r\n"
        "Date: Tue, 03 Mar 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\n\r\n"
    )
    return headers.encode("ascii") + body.encode(charset)


def test_iso_2022_jp_disclosure_request_is_jp_access() -> None:
    raw = _legacy_mail(
        "山田太郎",
        "個人情報の開示請求",
        "ご担当者様\r\n個人情報保護法第33条に基づき、私の保有個人データの開示を請求します。\r\n",
        "iso-2022-jp",
        "7bit",
    )
    message = parse_message(raw)
    proposal = triage(message)
    assert (message.from_name, message.subject) == ("山田太郎", "個人情報の開示請求")
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.ACCESS,
        "ja",
        "JP",
    )
    assert TriageReason("jurisdiction", "statute_citation", "個人情報保護法第33条") in (
        proposal.reasons
    )
    assert TriageReason("language", "script", "kana") in proposal.reasons


def test_euc_kr_access_request_is_kr_access() -> None:
    raw = _legacy_mail(
        "김민준",
        "개인정보 열람 요청",
        "안녕하세요.\r\n개인정보 보호법 제35조에 따라 제 개인정보의 열람을 요청합니다.\r\n",
        "euc-kr",
        "8bit",
    )
    message = parse_message(raw)
    proposal = triage(message)
    assert (message.from_name, message.subject) == ("김민준", "개인정보 열람 요청")
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.ACCESS,
        "ko",
        "KR",
    )
    assert TriageReason("jurisdiction", "statute_citation", "개인정보 보호법 제35조") in (
        proposal.reasons
    )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # APPI art. 35 (利用停止等) with erasure wording: 消去 ties with the article and wins.
        (
            "個人情報の保護に関する法律（平成15年法律第57号）第35条に基づき、私の個人データの"
            "消去を請求します。",
            CaseKind.DELETION,
        ),
        (
            "個人情報保護法第35条に基づき、保有個人データの利用停止等を請求します。",
            CaseKind.OBJECTION,
        ),
        # Art. 34 names 訂正、追加又は削除 together: a correction, not an erasure.
        ("個人情報保護法34条に基づき、訂正、追加又は削除を請求します。", CaseKind.CORRECTION),
        ("退会したいので、アカウントを削除してください。", CaseKind.ACCOUNT_CANCELLATION),
        ("マーケティングへの同意を撤回します。", CaseKind.CONSENT_WITHDRAWAL),
        ("個人情報保護法第32条に基づき、利用目的の通知を求めます。", CaseKind.EXPLANATION),
    ],
)
def test_japanese_letters(body: str, kind: CaseKind) -> None:
    proposal = _triage(body)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (kind, "ja", "JP")


def test_japanese_reminder_subject() -> None:
    proposal = _triage("前回の開示請求について、まだ回答がありません。", subject="督促：開示請求")
    assert (proposal.kind, proposal.language) == (CaseKind.REMINDER, "ja")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # PIPA art. 36 (정정·삭제) with erasure wording: 삭제 ties with the article and wins.
        ("개인정보 보호법 제36조에 따라 제 개인정보의 삭제를 요구합니다.", CaseKind.DELETION),
        ("개인정보 보호법 제36조에 따라 잘못된 주소의 정정을 요구합니다.", CaseKind.CORRECTION),
        ("「개인정보 보호법」 제35조의2에 따라 개인정보의 전송을 요구합니다.", CaseKind.COPY),
        (
            "개인정보 보호법 제37조에 따라 개인정보 처리에 대한 동의를 철회합니다.",
            CaseKind.CONSENT_WITHDRAWAL,
        ),
        ("개인정보보호법 제37조에 따라 개인정보의 처리정지를 요구합니다.", CaseKind.OBJECTION),
        ("회원 탈퇴를 요청합니다. 계정을 삭제해 주세요.", CaseKind.ACCOUNT_CANCELLATION),
    ],
)
def test_korean_letters(body: str, kind: CaseKind) -> None:
    proposal = _triage(body)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (kind, "ko", "KR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "個人情報保護法第33条第1項及び第34条",
            [("appi", "33(1)", "access"), ("appi", "34", "correction")],
        ),
        ("個人情報の保護に関する法律（個人情報保護法）第35条", [("appi", "35", "objection")]),
        ("個人情報保護法第33条の一部について", [("appi", "33", "access")]),  # の一部: "part of"
        ("개인정보 보호법 제35조제3항", [("pipa", "35(3)", "access")]),
        (
            "개인정보보호법 제35조와 제36조",
            [("pipa", "35", "access"), ("pipa", "36", "correction")],
        ),
        ("개인정보 보호법 제35조의2", [("pipa", "35-2", "copy")]),
        ("개인정보 보호법 제37조의2", [("pipa", "37-2", "explanation")]),
        ("Article 33 of the APPI", [("appi", "33", "access")]),
        ("《个人信息保护法》（以下简称“个保法”）第四十七条", [("pipl", "47", "deletion")]),
        ("个人信息保护法45条", [("pipl", "45", "access")]),
    ],
)
def test_cjk_citations(text: str, expected: list[tuple[str, str, str]]) -> None:
    rules = default_rules()
    found = find_citations(text, matchers(rules), rules)
    assert [(c.statute.key, c.article, c.kind.value if c.kind else "") for c in found] == expected


@pytest.mark.parametrize(
    ("body", "language", "jurisdiction"),
    [
        # Mostly kanji, a little kana: still Japanese.
        ("個人情報保護法第33条に基づく保有個人データ開示請求書を提出します。", "ja", "JP"),
        ("個人情報の開示", "ja", "JP"),
        # Simplified Chinese (no kana) stays Chinese, PIPL.
        ("根据《个人信息保护法》第四十五条，我要求查阅我的个人信息。", "zh", "CN"),
        ("您好，请删除我的个人信息。", "zh", "CN"),
        ("포인트 유효기간을 알려주세요.", "ko", "KR"),
    ],
)
def test_scripts_decide_language(body: str, language: str, jurisdiction: str) -> None:
    proposal = _triage(body)
    assert (proposal.language, proposal.jurisdiction) == (language, jurisdiction)
