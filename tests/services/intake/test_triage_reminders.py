"""Reminders: the chasing words in Chinese (Simplified and Traditional), English, German,
French and Spanish outrank the request kind they chase; first requests that only ask for speed
stay that request; the importer links a reminder to the open case of the same sender."""

from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.intake import TriageProposal, parse_message, triage
from app.store import Database

_QA_SUBJECT = "催告：删除请求未答复"
_QA_BODY = "我于2026年11月10日提出的删除个人信息请求至今未获答复，请尽快处理。此为催告。"


def _mail(body: str, subject: str, date: str = "Mon, 30 Nov 2026 09:00:00 +0800") -> bytes:
    message = EmailMessage()
    message["From"] = "Li Lei <li.lei@example.cn>"
    message["Subject"] = subject
    message["Date"] = date
    message.set_content(body)
    return message.as_bytes()


def _triage(body: str, subject: str) -> TriageProposal:
    return triage(parse_message(_mail(body, subject)))


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        (_QA_SUBJECT, _QA_BODY),
        ("催告：删除请求", "请删除我的个人信息。此为催告。"),  # the label alone, no date
        ("删除请求", "我上月提交的删除申请至今仍未获答复。"),
        ("再次提醒：注销账号", "我已申请注销账号，请再次提醒相关部门。"),
        ("删除请求", "我10月提出的删除请求仍未收到答复，请尽快处理。"),
        ("催辦：刪除個人資料", "本人於2026年10月10日申請刪除個人資料，至今仍未獲答覆。"),
        ("Erasure request", "I am still awaiting a reply to my erasure request of 3 March 2026."),
        ("Data deletion", "There has been no response yet to my request to delete my data."),
        ("Following up: access request", "I am following up on my access request."),
        ("Löschung meiner Daten", "Ich habe bis heute keine Antwort auf meinen Löschantrag."),
        ("Mahnung: Auskunftsersuchen", "Bitte erteilen Sie mir Auskunft nach Art. 15 DSGVO."),
        ("Relance : demande d'effacement", "Merci d'effacer mes données personnelles."),
        ("Rappel", "Je n'ai toujours pas reçu de réponse à ma demande d'effacement."),
        ("Recordatorio", "Solicito la supresión de mis datos personales (art. 17 RGPD)."),
        ("Supresión de datos", "Sigo sin recibir respuesta a mi solicitud de supresión."),
    ],
)
def test_chasing_words_outrank_the_kind_chased(subject: str, body: str) -> None:
    proposal = _triage(body, subject)
    assert proposal.kind is CaseKind.REMINDER
    assert ReviewFlag.UNLINKED_REMINDER in proposal.flags


@pytest.mark.parametrize(
    ("subject", "body", "kind"),
    [
        ("删除个人信息申请", "请删除我的全部个人信息，请尽快处理。", CaseKind.DELETION),
        ("注销账号", "请尽快为我注销账号并删除我的个人信息，谢谢。", CaseKind.ACCOUNT_CANCELLATION),
        (
            "Erasure request",
            "Please erase my personal data as soon as possible.",
            CaseKind.DELETION,
        ),
        (
            "Auskunft",
            "Bitte erteilen Sie mir schnellstmöglich Auskunft (Art. 15 DSGVO).",
            CaseKind.ACCESS,
        ),
        # A complaint about silence is an escalation, not a chaser.
        ("投诉", "我要投诉：贵司至今未答复我的删除请求。", CaseKind.COMPLAINT),
    ],
)
def test_first_requests_and_complaints_keep_their_kind(
    subject: str, body: str, kind: CaseKind
) -> None:
    assert _triage(body, subject).kind is kind


@pytest.mark.parametrize("label", ["催告", "催办"])
def test_the_qa_reminder_links_to_the_earlier_request(
    database: Database, tmp_path: Path, label: str
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a-request.eml").write_bytes(
        _mail("请删除我的全部个人信息。", "删除个人信息申请", "Tue, 10 Nov 2026 09:00:00 +0800")
    )
    (inbox / "b-reminder.eml").write_bytes(
        _mail(_QA_BODY.replace("催告", label), _QA_SUBJECT.replace("催告", label))
    )
    report = import_paths(database.session, [inbox], load_rule_book())
    request, reminder = report.results
    assert (request.outcome, request.kind) == (ImportOutcome.IMPORTED, CaseKind.DELETION)
    assert (reminder.outcome, reminder.kind) == (ImportOutcome.IMPORTED, CaseKind.REMINDER)
    assert ReviewFlag.POSSIBLE_DUPLICATE not in reminder.flags
    assert ReviewFlag.UNLINKED_REMINDER not in reminder.flags
    with database.session() as session:
        chaser = session.scalars(select(Case).where(Case.reference == reminder.reference)).one()
        chased = session.scalars(select(Case).where(Case.reference == request.reference)).one()
        assert chaser.related_case_id == chased.id
