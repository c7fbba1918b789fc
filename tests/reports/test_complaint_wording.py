"""No letter to a complainant calls the complaint a request; rights requests keep their wording.

PIPL Arts. 44-50 give individuals rights they exercise by request (请求); a complaint (投诉举报)
reports a handling the complainant objects to. Every letter a complaint case can receive
(``services.letters.KINDS_OF_LETTER`` keeps deletion, cancellation and correction letters to
their own kinds) is rendered for a complaint, in Chinese and English, to each kind of addressee,
and its PDF text searched for 请求 / "request". The statute the letter quotes (judicial remedy,
rights, extension basis) and the refusal grounds the handler picks are taken out first: they
speak of requests in general, not of the complainant's letter.
"""

from dataclasses import replace
from typing import Any

import pytest

from app.models.enums import CaseKind, PartyRole
from app.reports import AcknowledgementFacts, Addressee, default_letterhead, render_acknowledgement
from app.reports.jurisdictions import for_jurisdiction, load_jurisdictions
from app.reports.letters import render_letter
from tests.reports.pdf_reading import read_pdf, squash
from tests.reports.samples import SAMPLES

COMPLAINT_LETTERS = (
    "identity_request",
    "clarification_request",
    "extension_notice",
    "access_response",
    "refusal",
    "partial_refusal",
    "complaint_response",
)
# The samples' free text written for a rights request, rewritten as a complainant's case.
COMPLAINT_FREE_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "extension_notice": {"reasons": ("您反映的情况涉及八年的工单和通话录音，需要逐一核查。",)},
    "complaint_response": {
        "findings": ("您于2026年9月提出的删除要求因工单转派错误未能按时处理。",)
    },
}
ADDRESSEES = (None, *PartyRole)


def _text(data: bytes) -> str:
    return squash("".join(read_pdf(data)[0]))


def _statute(jurisdiction: str, language: str) -> tuple[str, ...]:
    """The texts of jurisdictions.toml a letter may quote, whitespace removed."""
    table, _sha256 = load_jurisdictions(language)
    law = for_jurisdiction(table, jurisdiction)
    quoted = (law.judicial_remedy, law.rights, law.extension_basis or "", *law.grounds.values())
    return tuple(squash(text) for text in quoted if text)


def _without_statute(text: str, jurisdiction: str, language: str) -> str:
    for quoted in _statute(jurisdiction, language):
        text = text.replace(quoted, "")
    return text


def _complaint(key: str, role: PartyRole | None) -> tuple[Any, Any]:
    kind, facts = SAMPLES[key]
    addressee = Addressee("李四", role) if role else None
    case = replace(facts.case, kind=CaseKind.COMPLAINT, addressee=addressee)
    return kind, replace(facts, case=case, **COMPLAINT_FREE_TEXT.get(key, {}))


def _requests_named(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in ("请求", "request") if word in lowered]


@pytest.mark.parametrize("role", ADDRESSEES, ids=lambda role: getattr(role, "value", "subject"))
@pytest.mark.parametrize("key", COMPLAINT_LETTERS)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_letter_to_a_complainant_calls_the_complaint_a_request(
    key: str, language: str, role: PartyRole | None
) -> None:
    kind, facts = _complaint(key, role)
    data = render_letter(kind, facts, language, default_letterhead())
    text = _without_statute(_text(data), facts.case.jurisdiction, language)
    assert _requests_named(text) == []
    assert ("投诉举报" if language == "zh" else "complaint") in text


@pytest.mark.parametrize(
    ("language", "dated", "undated"),
    [
        ("zh", "并在上述期限内将核查和处理结果", "并尽快将核查和处理结果"),
        ("en", "what we have done by the date above", "what we have done as soon as we can"),
    ],
)
def test_a_complaint_without_a_deadline_is_promised_no_date_above(
    facts: AcknowledgementFacts, language: str, dated: str, undated: str
) -> None:
    complaint = replace(facts, kind=CaseKind.COMPLAINT)
    with_date = _text(render_acknowledgement(complaint, language, default_letterhead()))
    assert squash(dated) in with_date and squash(undated) not in with_date
    undated_complaint = replace(complaint, due_date=None)  # e.g. an EU complaint: no statute
    without = _text(render_acknowledgement(undated_complaint, language, default_letterhead()))
    assert squash(undated) in without and squash(dated) not in without


@pytest.mark.parametrize(
    ("language", "label", "kind"),
    [("zh", "事项类型", "投诉举报"), ("en", "Type of matter", "Complaint or report")],
)
def test_a_complaint_acknowledgement_names_no_request(
    facts: AcknowledgementFacts, language: str, label: str, kind: str
) -> None:
    complaint = replace(facts, kind=CaseKind.COMPLAINT)
    text = _text(render_acknowledgement(complaint, language, default_letterhead()))
    assert squash(f"{label}{kind}") in text
    assert _requests_named(text) == []


@pytest.mark.parametrize(
    ("language", "label", "kind"),
    [
        ("zh", "请求类型", "删除"),
        ("en", "Type of request", "Deletion of your personal information"),
    ],
)
def test_a_rights_request_acknowledgement_keeps_its_kind_of_request(
    facts: AcknowledgementFacts, language: str, label: str, kind: str
) -> None:
    text = _text(render_acknowledgement(facts, language, default_letterhead()))
    assert squash(f"{label}{kind}") in text


# Sentences of the samples (all rights requests) that must keep saying request.
RIGHTS_WORDING = {
    "identity_request": (
        "您好！我们已于2026年10月8日收到您就个人信息提出的查阅请求，并依照《中华人民共和国个人信息"
        "保护法》第四章（个人在个人信息处理活动中的权利）予以处理。",
        "Thank you for your request about your personal information (Access to your personal "
        "information), which we received on 8 October 2026 and are dealing with under Chapter "
        "IV (Rights of Individuals in Personal Information Handling Activities) of the Personal "
        "Information Protection Law of the People's Republic of China.",
    ),
    "clarification_request": (
        "为了准确、完整地处理您的请求，请您就以下事项作出说明：",
        "Thank you for your request about your personal information (Access to your personal "
        "information), which we received on 8 October 2026 and are dealing with under Chapter "
        "IV (Rights of Individuals in Personal Information Handling Activities) of the Personal "
        "Information Protection Law of the People's Republic of China.",
    ),
    "extension_notice": (
        "收到您就个人信息提出的查阅请求。",
        "We will deal with your request as quickly as we can",
    ),
    "refusal": (
        "经审查，我们决定不予办理该请求，理由如下：",
        "we have decided not to act on your request, for the following reasons:",
    ),
    "partial_refusal": (
        "经审查，我们已办理该请求的一部分，对其余部分决定不予办理。",
        "We received your request (Access to your personal information) on 8 October 2026.",
    ),
    "access_response": (
        "您好！我们已于2026年10月8日收到您的查阅请求，并已核验身份。",
        "We received your request (Access to your personal information) on 8 October 2026",
    ),
}


@pytest.mark.parametrize("key", sorted(RIGHTS_WORDING))
def test_a_rights_request_keeps_its_request_wording(key: str) -> None:
    kind, facts = SAMPLES[key]
    assert facts.case.kind is not CaseKind.COMPLAINT
    for language, sentence in zip(("zh", "en"), RIGHTS_WORDING[key], strict=True):
        text = _text(render_letter(kind, facts, language, default_letterhead()))
        label = "请求类型" if language == "zh" else "Typeofrequest"
        assert squash(sentence) in text and label in text


@pytest.mark.parametrize(
    ("role", "zh", "en"),
    [
        (PartyRole.GUARDIAN, "监护人身份代其提出本请求", "You made this request on behalf of"),
        (PartyRole.AUTHORISED_AGENT, "授权代理人身份代其提出本请求", "as their authorised agent"),
    ],
)
def test_a_rights_request_made_for_someone_else_stays_a_request(
    role: PartyRole, zh: str, en: str
) -> None:
    kind, facts = SAMPLES["refusal"]
    facts = replace(facts, case=replace(facts.case, addressee=Addressee("李四", role)))
    zh_text = _text(render_letter(kind, facts, "zh", default_letterhead()))
    en_text = _text(render_letter(kind, facts, "en", default_letterhead()))
    assert zh in zh_text and "提出本投诉举报" not in zh_text
    assert squash(en) in en_text and "Youmadethiscomplaint" not in en_text
