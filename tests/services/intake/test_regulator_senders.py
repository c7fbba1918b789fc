"""Regulators' inquiries from domains regulators.toml does not list: a public body's domain
(government_domains.toml) whose letter reads as an inquiry is one, flagged for a person to
confirm; a citizen naming the regulator stays a complaint; lookalike domains count as nothing
and are flagged. Domains and wording as authorities and requesters write them (zh, en, fr, de).
"""

import base64
import shutil
from email.header import Header
from pathlib import Path

import pytest

from app.errors import TriageVocabularyError
from app.models.enums import CaseKind, ReviewFlag
from app.resources import resource_path
from app.services.intake import TriageProposal, TriageReason, parse_message, triage
from app.services.intake.sender_domain import sender_authority
from app.services.intake.stated_limit import StatedLimit, find_stated_limit
from app.services.intake.vocabulary import default_rules, load_triage_rules

INQUIRY_FLAGS = {ReviewFlag.REGULATOR_INQUIRY, ReviewFlag.UNLISTED_REGULATOR_SENDER}
# A CAC-style transfer of a user's complaint (网信办 forwarding 投诉举报 to the company).
ZH_INQUIRY = (
    "你公司：\n我办收到用户关于注销账号后仍收到营销短信的投诉举报。请你公司核查处理，"
    "并于十个工作日内将处理情况书面报送我办。\n特此函告。"
)
EN_INQUIRY = (
    "Dear Sir or Madam,\nWe have received a complaint about your organisation from a data "
    "subject who says an access request went unanswered. Please provide us with your comments "
    "within 28 days.\nCase Officer"
)


def _triage(body: str, sender: str, subject: str = "") -> TriageProposal:
    """Triage a mail whose From: is written as 8-bit UTF-8 (RFC 6532), as an SMTPUTF8 mail
    carries it: a builder would encode a Cyrillic domain as an RFC 2047 word."""
    headers = (
        f"From: {sender}\r\nTo: privacy@xuyun.example\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    )
    encoded = base64.b64encode(body.encode("utf-8"))
    return triage(parse_message(headers.encode("utf-8") + encoded + b"\r\n"))


def _reason(proposal: TriageProposal, field: str) -> TriageReason:
    return next(reason for reason in proposal.reasons if reason.field == field)


# --- the sender's domain ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "regulator", "suffix", "lookalike"),
    [
        ("inquiry@example.gov.cn", None, "gov.cn", None),
        ("wxb@gd.gov.cn", None, "gov.cn", None),  # a provincial subdomain
        ("office@szwx.sz.gov.cn", None, "gov.cn", None),  # a city under a province
        ("jubao@cac.gov.cn", "cac", "gov.cn", None),
        ("JUBAO@CAC.GOV.CN.", "cac", "gov.cn", None),  # case and a root dot change nothing
        ("app@miit.gov.cn", "miit", "gov.cn", None),
        ("office@网信办.政务", None, "xn--zfr164b", None),  # CONAC's .政务
        ("enquiry@pcpd.org.hk", "pcpd_hk", None, None),
        ("officer@ogcio.gov.hk", None, "gov.hk", None),
        ("info@pdpc.gov.sg", "pdpc_sg", "gov.sg", None),
        ("casework@ico.org.uk", "ico", None, None),
        ("foi@dsit.gov.uk", None, "gov.uk", None),
        ("contact@prefecture.gouv.fr", None, "gouv.fr", None),
        ("imy@imy.se", "imy", None, None),
        ("dsb@dsb.gv.at", "dsb_at", "gv.at", None),
        ("edps@edps.europa.eu", "edps", "europa.eu", None),
        ("poststelle@lda.bayern.de", "de_by", None, None),
        ("kontakt@uodo.gov.pl", "uodo", "gov.pl", None),
        ("x@ftc.gov", None, "gov", None),
        ("x@dmv.ca.gov", None, "ca.gov", None),  # the longest suffix: California's
        ("zhangsan@gmail.com", None, None, None),
        ("a@lets-go.jp", None, None, None),  # "go-jp" is too short to be an imitation
        ("a@example.cn", None, None, None),
        # Lookalikes: the protected name outside its place, hyphenated, run together,
        # written in fullwidth or Cyrillic letters.
        ("x@gov.cn.example.com", None, None, "gov.cn"),
        ("x@gov-cn.com", None, None, "gov.cn"),
        ("x@cac-gov.cn", None, None, "cac.gov.cn"),
        ("x@cac.gov.cn.com", None, None, "cac.gov.cn"),
        ("x@govcn.net", None, None, "gov.cn"),
        ("x@cac.g\u043ev.cn", None, None, "cac.gov.cn"),  # Cyrillic о
        (
            "x@\uff43\uff41\uff43\uff0e\uff47\uff4f\uff56\uff0e\uff43\uff4e",
            None,
            None,
            "cac.gov.cn",
        ),
        ("x@cnil.fr.secure-login.net", None, None, "cnil.fr"),
        ("x@ico-org-uk.com", None, None, "ico.org.uk"),
        ("x@my-gov.uk", None, None, "gov.uk"),
    ],
)
def test_the_sender_domain_is_read_label_by_label(
    address: str, regulator: str | None, suffix: str | None, lookalike: str | None
) -> None:
    found = sender_authority(address, default_rules())
    assert (found.regulator.key if found.regulator else None) == regulator
    assert (found.government.suffix if found.government else None) == suffix
    assert found.lookalike == lookalike


def test_no_address_is_no_authority() -> None:
    found = sender_authority(None, default_rules())
    assert (found.regulator, found.government, found.lookalike, found.official) == (
        None,
        None,
        None,
        False,
    )


# --- a public body's domain that is not a listed regulator's -----------------------------------


@pytest.mark.parametrize(
    ("sender", "body", "subject", "jurisdiction", "limit"),
    [
        ("网信办 <inquiry@example.gov.cn>", ZH_INQUIRY, "关于用户投诉的函", "CN",
         StatedLimit(10, "working_days", "十个工作日内")),
        # A provincial CAC office: its own words, no 我办收到, its name as signature.
        ("<wxb@zj.gov.cn>", "你公司：\n近期群众反映你公司APP违规收集个人信息，责令你公司限期整改，"
         "并于15日内将整改情况报送。\n浙江省委网信办", "", "CN",
         StatedLimit(15, "calendar_days", "15日内")),
        # Traditional characters from a Hong Kong government address.
        ("<officer@ogcio.gov.hk>", "貴公司：\n我辦收到市民投訴，請你公司於十四日內書面說明情況。",
         "", "HK", StatedLimit(14, "calendar_days", "十四日內")),
        ("Case Officer <case@ogcio.gov.hk>", EN_INQUIRY, "", "HK",
         StatedLimit(28, "calendar_days", "within 28 days")),
        ("<data@dsit.gov.uk>", EN_INQUIRY, "Our ref: IC-123456", "UK",
         StatedLimit(28, "calendar_days", "within 28 days")),
        ("<enquiries@smartnation.gov.sg>", EN_INQUIRY, "", "SG",
         StatedLimit(28, "calendar_days", "within 28 days")),
        ("Préfecture <contact@prefecture.gouv.fr>",
         "Madame, Monsieur,\nNous avons été saisis d'une plainte concernant votre société. Nous "
         "vous prions de nous faire parvenir vos observations dans un délai d'un mois.", "", "EU",
         StatedLimit(1, "months", "dans un délai d'un mois")),
        ("<poststelle@bsi.bund.de>",
         "Sehr geehrte Damen und Herren,\nbei uns ist eine Beschwerde über Ihr Unternehmen "
         "eingegangen. Als zuständige Aufsichtsbehörde bitten wir Sie um Stellungnahme "
         "innerhalb von 14 Tagen.", "", "EU",
         StatedLimit(14, "calendar_days", "innerhalb von 14 Tagen")),
    ],
)  # fmt: skip
def test_a_government_letter_reading_as_an_inquiry_is_one_flagged_unlisted(
    sender: str, body: str, subject: str, jurisdiction: str, limit: StatedLimit
) -> None:
    proposal = _triage(body, sender, subject)
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, jurisdiction)
    assert proposal.flags >= INQUIRY_FLAGS
    assert ReviewFlag.LOOKALIKE_SENDER_DOMAIN not in proposal.flags
    assert proposal.stated_limit == limit
    domain = sender.rpartition("@")[2].rstrip(">")
    assert TriageReason("kind", "government_sender", domain) in proposal.reasons


@pytest.mark.parametrize(
    ("sender", "body", "jurisdiction"),
    [
        # Citing its own powers (PIPL art. 64: 约谈, 责令整改; GDPR art. 58(1)(a)): an inquiry.
        ("<office@xx.gov.cn>", "贵公司：\n根据《个人信息保护法》第六十四条，现要求贵公司"
         "就用户个人信息泄露事件作出书面说明。", "CN"),
        ("<info@dataprotection.gov.ie>", "Dear Sir or Madam,\nPursuant to Article 58(1)(a) GDPR, "
         "we request that you provide the following information.", "EU"),
        # Spanish and Italian authorities' own wording, from national government domains.
        ("<registro@mineco.gob.es>", "Se ha recibido en esta Agencia una reclamación contra su "
         "entidad. Le rogamos que nos remita sus alegaciones.", "EU"),
        ("<protocollo@agid.gov.it>", "È pervenuto un reclamo nei confronti di codesta società: si "
         "invita codesta società a fornire riscontro.", "EU"),
    ],
)  # fmt: skip
def test_a_government_letter_citing_or_in_other_languages_is_an_inquiry(
    sender: str, body: str, jurisdiction: str
) -> None:
    proposal = _triage(body, sender)
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, jurisdiction)
    assert proposal.flags >= INQUIRY_FLAGS


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("根据《个人信息保护法》第六十四条，请网信部门约谈这家公司，我要投诉！",
         CaseKind.COMPLAINT),
        ("I ask you to use your powers under Article 58 GDPR against this company; I lodge a "
         "complaint.", CaseKind.COMPLAINT),
    ],
)  # fmt: skip
def test_a_requester_citing_an_authoritys_powers_is_no_inquiry(body: str, kind: CaseKind) -> None:
    proposal = _triage(body, "<someone@qq.com>")
    assert proposal.kind is kind
    assert not proposal.flags & INQUIRY_FLAGS


def test_the_government_suffix_gives_the_jurisdiction() -> None:
    proposal = _triage(ZH_INQUIRY, "<office@gd.gov.cn>")
    assert _reason(proposal, "jurisdiction") == TriageReason(
        "jurisdiction", "domain_country", ".gov.cn"
    )


def test_a_us_government_inquiry_takes_no_jurisdiction_from_gov() -> None:
    # ".gov" names no rule set: the letter's law decides (here none: the default, CN).
    proposal = _triage(EN_INQUIRY, "<staff@ftc.gov>")
    assert proposal.kind is CaseKind.REGULATOR_INQUIRY
    assert proposal.flags >= INQUIRY_FLAGS
    assert proposal.jurisdiction == "CN"


@pytest.mark.parametrize(
    ("sender", "body", "kind"),
    [
        # Officials writing on their own behalf from work: their request, no inquiry.
        ("李四 <lisi@example.gov.cn>", "请删除我在你们平台的个人信息。", CaseKind.DELETION),
        ("<a.b@ofcom.gov.uk>", "I'd like a copy of my personal data. I work for the regulator.",
         CaseKind.COPY),
        ("<agent@prefecture.gouv.fr>", "Je demande l'effacement de mes données personnelles.",
         CaseKind.DELETION),
    ],
)  # fmt: skip
def test_a_government_sender_without_inquiry_wording_keeps_the_request_kind(
    sender: str, body: str, kind: CaseKind
) -> None:
    proposal = _triage(body, sender)
    assert proposal.kind is kind
    assert not proposal.flags & INQUIRY_FLAGS


def test_a_listed_regulator_is_not_flagged_unlisted() -> None:
    for sender in ("<jubao@cac.gov.cn>", "<registry@imy.se>", "<info@edps.europa.eu>"):
        proposal = _triage(ZH_INQUIRY, sender)
        assert proposal.kind is CaseKind.REGULATOR_INQUIRY, sender
        assert ReviewFlag.REGULATOR_INQUIRY in proposal.flags, sender
        assert ReviewFlag.UNLISTED_REGULATOR_SENDER not in proposal.flags, sender


@pytest.mark.parametrize(
    ("sender", "jurisdiction"),
    [
        ("<registry@imy.se>", "EU"),
        ("<dsb@dsb.gv.at>", "EU"),
        ("<postkasse@datatilsynet.no>", "EU"),
        ("<info@edps.europa.eu>", "EU"),
        ("<poststelle@datenschutz-berlin.de>", "EU"),
        ("<info@pdpc.gov.sg>", "SG"),
        ("<app@miit.gov.cn>", "CN"),
    ],
)
def test_newly_listed_regulators_mail_is_their_inquiry(sender: str, jurisdiction: str) -> None:
    proposal = _triage("We have received a complaint about your company.", sender)
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, jurisdiction)
    assert ReviewFlag.UNLISTED_REGULATOR_SENDER not in proposal.flags


# --- requesters who name the regulator ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "我要投诉你们泄露我的个人信息，我已经向网信办举报了你们。",
        "我已经向网信办举报了你们，监管部门会责令你们限期整改！我要投诉你们。",
        "我要投诉，你们被网信办约谈过还不改，网信部门已经限期整改过你们。",
        "投诉：你们不删除我的信息，我会去函网信办，请监管部门依法处理。",
    ],
)
def test_a_citizen_naming_the_cac_stays_a_complaint(body: str) -> None:
    proposal = _triage(body, "张三 <zhangsan@gmail.com>")
    assert proposal.kind is CaseKind.COMPLAINT
    assert not proposal.flags & INQUIRY_FLAGS


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("I am lodging a complaint about your organisation with the supervisory authority: you "
         "ignored my access request.", CaseKind.COMPLAINT),
        ("Please delete my personal data. The regulator will hear of any delay.",
         CaseKind.DELETION),
        ("Je dépose une plainte auprès de l'autorité de contrôle contre votre société.",
         CaseKind.COMPLAINT),
    ],
)  # fmt: skip
def test_a_citizen_naming_an_authority_keeps_the_kind(body: str, kind: CaseKind) -> None:
    proposal = _triage(body, "<someone@gmail.com>")
    assert proposal.kind is kind
    assert not proposal.flags & INQUIRY_FLAGS


def test_an_authoritys_own_words_from_a_private_domain_are_flagged_unlisted() -> None:
    # A regulator named next to its own wording, sent from a private address: an inquiry,
    # never silently (a person confirms who wrote it).
    proposal = _triage(
        "We have received a complaint about your company. The complainant says access was "
        "refused. Information Commissioner's Office",
        "officer@example.com",
    )
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.REGULATOR_INQUIRY, "UK")
    assert proposal.flags >= INQUIRY_FLAGS


# --- lookalike domains --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sender",
    [
        "网信办 <inquiry@gov.cn.example.com>",
        "cac.gov.cn <inquiry@gov-cn.com>",
        "<inquiry@cac-gov.cn>",
        "<inquiry@cac.g\u043ev.cn>",
        "<inquiry@ogcio.gov.hk.example.net>",
    ],
)
def test_a_lookalike_domain_counts_as_no_government_and_is_flagged(sender: str) -> None:
    proposal = _triage("你公司：\n我办收到多名用户投诉举报，请说明情况。", sender)
    assert proposal.kind is CaseKind.COMPLAINT
    assert ReviewFlag.LOOKALIKE_SENDER_DOMAIN in proposal.flags
    assert not any(reason.signal == "government_sender" for reason in proposal.reasons)


def test_a_government_name_in_the_display_name_proves_nothing() -> None:
    proposal = _triage("请删除我的个人信息。", "cac.gov.cn <someone@gmail.com>")
    assert proposal.kind is CaseKind.DELETION
    assert not proposal.flags & (INQUIRY_FLAGS | {ReviewFlag.LOOKALIKE_SENDER_DOMAIN})


# --- limits in weeks and months ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("请于一个月内书面答复", StatedLimit(1, "months", "一个月内")),
        ("請於兩個月內回覆", StatedLimit(2, "months", "兩個月內")),
        ("请在两周内反馈", StatedLimit(14, "calendar_days", "两周内")),
        ("三个星期内报送", StatedLimit(21, "calendar_days", "三个星期内")),
        ("三月内", None),  # March, or three months: not read
        ("comments within four weeks", StatedLimit(28, "calendar_days", "within four weeks")),
        ("within a month of this letter", StatedLimit(1, "months", "within a month")),
        ("within 2 months", StatedLimit(2, "months", "within 2 months")),
        ("innerhalb eines Monats", StatedLimit(1, "months", "innerhalb eines Monats")),
        ("binnen 2 Wochen", StatedLimit(14, "calendar_days", "binnen 2 Wochen")),
        ("dans un délai d'un mois", StatedLimit(1, "months", "dans un délai d'un mois")),
        ("dans un délai de 3 semaines", StatedLimit(21, "calendar_days",
                                                     "dans un délai de 3 semaines")),
        ("Merci de répondre sous huitaine", StatedLimit(8, "calendar_days", "sous huitaine")),
        ("sous quinzaine", StatedLimit(15, "calendar_days", "sous quinzaine")),
        ("within 13 months", None),
        ("within 60 weeks", None),
    ],
)  # fmt: skip
def test_limits_in_weeks_and_months(text: str, limit: StatedLimit | None) -> None:
    assert find_stated_limit(text) == limit


# --- the rule files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new", "field"),
    [
        ("government_domains.toml", 'suffix = "gov.cn"', 'suffix = "Gov.CN"',
         "government[0].suffix"),
        ("government_domains.toml", 'suffix = "gov.cn"', 'suffix = "cn"', "government[0].suffix"),
        ("government_domains.toml", 'suffix = "gov.cn"', 'suffix = "gov.cn."',
         "government[0].suffix"),
        ("government_domains.toml", 'jurisdiction = "CN"', 'jurisdiction = "PRC"',
         "government[0].jurisdiction"),
        ("regulators.toml", 'domains = ["cac.gov.cn"]', 'domains = ["cn"]', "regulator[0].domains"),
        ("regulators.toml", 'domains = ["cac.gov.cn"]', 'domains = ["cac .gov.cn"]',
         "regulator[0].domains"),
    ],
)  # fmt: skip
def test_a_bad_domain_in_the_rules_is_named(
    tmp_path: Path, file: str, old: str, new: str, field: str
) -> None:
    target = tmp_path / "triage"
    shutil.copytree(resource_path("triage"), target)
    text = (target / file).read_text("utf-8")
    assert old in text
    (target / file).write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(TriageVocabularyError) as raised:
        load_triage_rules(target)
    assert raised.value.file.endswith(file)
    assert raised.value.field == field
