"""An imported forward of someone's request gets the request's kind, language and
jurisdiction, read from the forwarded words, while the case shows the forwarder's note and
keeps the file as received."""

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import AttachmentKind, CaseKind, ReviewFlag
from app.services.case_queries import case_detail
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database
from tests.services.intake.forward_mail import attach_forward, mail
from tests.services.settings_factory import TODAY

NOTE = "Please see the customer's mail attached and handle it. Thanks, Li"


@pytest.mark.parametrize("form", ["gmail", "eml-file", "outlook-msg"])
def test_an_attached_request_decides_the_case_s_kind_and_the_note_stays_shown(
    database: Database, tmp_path: Path, form: str
) -> None:
    inner = mail("Zhang San <zhang.san@example.cn>", "请删除我的全部个人信息。", subject="删除")
    outer = mail("Li Wei <li.wei@xuyun.example>", NOTE, subject="FW: customer mail")
    raw = attach_forward(outer, inner, form).as_bytes()
    path = tmp_path / "forward.eml"
    path.write_bytes(raw)
    rule_book = load_rule_book()
    report = import_paths(database.session, [path], rule_book)
    assert [r.outcome for r in report.results] == [ImportOutcome.IMPORTED]
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        # 删除 + 个人信息: deletion; Chinese without a named law: PIPL (CN).
        assert (case.kind, case.language, case.jurisdiction) == (CaseKind.DELETION, "zh", "CN")
        assert ReviewFlag.NOT_A_REQUEST.value not in case.review_flags
        assert ReviewFlag.FORWARDED.value in case.review_flags
        original = [a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE]
        assert [a.content for a in original] == [raw]
        assert case_detail(session, reference, rule_book, today=TODAY).message_text == NOTE


@pytest.mark.parametrize("form", ["gmail", "outlook-msg"])
def test_a_forwarded_user_s_subject_gets_the_user_s_phone_not_the_forwarder_s(
    database: Database, tmp_path: Path, form: str
) -> None:
    # The support agent's signature carries her desk line; the user's mail, his own mobile
    # and account. Filed under the user (own-domain forwarder), the subject is recorded
    # with the user's identifiers only.
    note = "请处理附件中的用户来信。\n\n李伟\n电话：010-5555 0100\n"
    request = "请删除我的全部个人信息。\n手机号：139 0000 1234\n账号：zhang_88"
    inner = mail("Zhang San <zhang.san@example.cn>", request, subject="删除")
    outer = mail("Li Wei <li.wei@xuyun.example>", note, subject="FW: 用户来信")
    path = tmp_path / "forward.eml"
    path.write_bytes(attach_forward(outer, inner, form).as_bytes())
    report = import_paths(database.session, [path], load_rule_book())
    reference = report.results[0].reference
    assert reference is not None
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.subject is not None
        identifiers = sorted((i.kind.value, i.value) for i in case.subject.identifiers)
        # The mobile number as the letter gives it, its digits without the spaces.
        assert identifiers == [
            ("account_id", "zhang_88"),
            ("email", "zhang.san@example.cn"),
            ("phone", "13900001234"),
        ]
