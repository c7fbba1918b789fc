"""Retention certificates as PDF: what a retention run anonymised, and what an account
purge erased and still holds. Pure: plain data in, PDF bytes out (no session, no Qt).

A certificate is the controller's record that personal information was deleted or anonymised
when its retention ended (PIPL Art. 47; GB/T 35273-2020 §8.5). It names cases only by their
reference and counts what was erased: it carries no personal data itself. It is laid out like a
letter (letterhead, embedded fonts, escaped text) in Chinese or English.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from app.reports.content import Block, Heading, LetterContent, TableBlock
from app.reports.fonts import FontStack, default_font_stack
from app.reports.layout import build_letter_pdf
from app.reports.letterhead import Letterhead
from app.reports.placeholders import record_with_placeholders
from app.reports.terms import load_terms
from app.services.case_retention import AnonymisationCertificate, AnonymisedCase, IdDocumentsDue
from app.services.workflow.inventory import load_inventory
from app.services.workflow.retention import PurgeCertificate

LANGUAGES = ("zh", "en")

_TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "anon_title": "个人信息匿名化处理证明",
        "purge_title": "账号注销个人信息删除证明",
        "number": "证明编号：{number}",
        "issued": "出具日期：{date}",
        "run_on": "适用日期",
        "performed": "执行时间（UTC）",
        "by": "执行人",
        "policy": "保存期限",
        "policy_value": "案件关闭后 {months} 个月；身份证件在核验完成后 {days} 日内清除",
        "cases": "已匿名化案件",
        "documents": "已清除身份证件",
        "chain": "审计链",
        "chain_ok": "校验通过，共 {events} 条事件，未修改任何事件",
        "chain_bad": "校验未通过（共校验 {events} 条事件），请立即检查",
        "head": "审计链末端哈希",
        "anon_intro": (
            "依据本公司个人信息保存期限规定，下列已关闭案件的保存期限已届满。本公司已删除其中的"
            "个人信息（姓名、联系方式、来信与附件内容、备注、函件正文等），仅保留案件编号、类型、"
            "日期、处理结果及文件哈希值，用于统计与证明；审计记录未作任何修改。"
        ),
        "none": "本次无到期案件。",
        "erased": "附件 {a}，标识 {i}，备注 {n}，往来 {m}，函件 {l}，代理人 {p}",
        "shared": "；该数据主体另有未到期案件，仅解除关联",
        "doc_heading": "身份证件清除",
        "source": "保存期限依据：{source}",
        "purge_intro": (
            "该账号注销后的保存期限已届满。本公司已删除或匿名化该案件中的个人信息，"
            "审计记录未作任何修改。依法仍须保存的类别列于下表，到期后删除。"
        ),
        "reference": "案件编号",
        "purged": "删除时间（UTC）",
        "attachments": "已删除附件",
        "identifiers": "已删除标识（邮箱、电话、账号）",
        "notes": "已删除备注",
        "event": "审计事件哈希",
        "held_heading": "依法继续保存的类别",
        "nothing_held": "无依法继续保存的类别。",
        "signature": "个人信息保护负责人",
    },
    "en": {
        "anon_title": "Certificate of anonymisation of closed cases",
        "purge_title": "Certificate of erasure after account cancellation",
        "number": "Certificate {number}",
        "issued": "Issued {date}",
        "run_on": "Policy applied on",
        "performed": "Performed at (UTC)",
        "by": "Performed by",
        "policy": "Retention period",
        "policy_value": (
            "{months} months after closing; ID documents purged {days} days after verification"
        ),
        "cases": "Cases anonymised",
        "documents": "ID documents purged",
        "chain": "Audit chain",
        "chain_ok": "verified: {events} events, none edited",
        "chain_bad": "NOT verified ({events} events checked before the break): investigate",
        "head": "Audit chain head",
        "anon_intro": (
            "Under the company's retention policy, the retention period of the closed cases "
            "below has ended. Their personal data (names, contact details, message and "
            "attachment content, notes, letter documents) has been erased. Only the case "
            "reference, kind, dates, outcome and file hashes are kept, for statistics and proof. "
            "No audit event was changed."
        ),
        "none": "No case was due on this date.",
        "erased": (
            "attachments {a}, identifiers {i}, notes {n}, messages {m}, letters {l}, parties {p}"
        ),
        "shared": "; the data subject has another case still in retention: unlinked only",
        "doc_heading": "ID documents purged",
        "source": "Retention policy: {source}",
        "purge_intro": (
            "The retention period after the account's cancellation has ended. The personal data "
            "of this case has been erased or anonymised; no audit event was changed. Categories "
            "that the law requires to be kept longer are listed below and erased when their "
            "period ends."
        ),
        "reference": "Case reference",
        "purged": "Erased at (UTC)",
        "attachments": "Attachments erased",
        "identifiers": "Identifiers erased (e-mail, phone, account)",
        "notes": "Notes erased",
        "event": "Audit event hash",
        "held_heading": "Categories still held by law",
        "nothing_held": "No category is held any longer.",
        "signature": "Person responsible for personal information protection",
    },
}


_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "case": ("案件编号", "类型", "关闭日期", "到期日期", "已删除内容", "审计事件"),
        "doc": ("案件编号", "证件数量", "到期日期"),
        "held": ("类别", "保存至", "依据"),
    },
    "en": {
        "case": ("Reference", "Kind", "Closed", "Due", "Erased", "Audit event"),
        "doc": ("Reference", "Documents", "Due"),
        "held": ("Category", "Held until", "Rule"),
    },
}


def anonymisation_certificate_pdf(
    certificate: AnonymisationCertificate,
    language: str,
    letterhead: Letterhead,
    fonts: FontStack | None = None,
) -> bytes:
    """Return the certificate of a retention run as an A4 PDF.

    Args:
        certificate: what the run did. language: ``"zh"`` or ``"en"``.
        letterhead: the controller. fonts: embedded faces (default: the shipped stack).

    Returns:
        PDF bytes.

    Raises:
        ValueError: an unknown language. FontLoadError, TemplateError.
    """
    text = _text(language)
    facts = _run_facts(certificate, text, language)
    blocks: list[Block] = [text["anon_intro"], _cases_table(certificate.cases, text, language)]
    if certificate.id_documents:
        blocks += [
            Heading(text["doc_heading"]),
            _documents_table(certificate.id_documents, language),
        ]
    blocks.append(text["source"].format(source=certificate.policy.source))
    number = _number("RC", certificate.performed_at, certificate.chain_head)
    content = _content(language, text["anon_title"], number, certificate.performed_at, facts)
    return _build(replace(content, paragraphs=tuple(blocks)), letterhead, fonts)


def purge_certificate_pdf(
    certificate: PurgeCertificate,
    language: str,
    letterhead: Letterhead,
    fonts: FontStack | None = None,
) -> bytes:
    """Return the certificate of one account-cancellation purge as an A4 PDF.

    Args:
        certificate: what the purge did. language: ``"zh"`` or ``"en"``.
        letterhead: the controller. fonts: embedded faces (default: the shipped stack).

    Returns:
        PDF bytes.

    Raises:
        ValueError: an unknown language. FontLoadError, InventoryError.
    """
    text = _text(language)
    facts = (
        (text["reference"], certificate.reference),
        (text["purged"], _instant(certificate.purged_at)),
        (text["by"], certificate.purged_by),
        (text["attachments"], str(certificate.attachments_erased)),
        (text["identifiers"], str(certificate.identifiers_erased)),
        (text["notes"], str(certificate.notes_erased)),
        (text["event"], certificate.event_hash),
    )
    blocks: list[Block] = [text["purge_intro"], Heading(text["held_heading"])]
    blocks.append(_held_table(certificate, text, language) or text["nothing_held"])
    number = _number("PC", certificate.purged_at, certificate.event_hash)
    content = _content(language, text["purge_title"], number, certificate.purged_at, facts)
    return _build(replace(content, paragraphs=tuple(blocks)), letterhead, fonts)


def _text(language: str) -> dict[str, str]:
    if language not in LANGUAGES:
        raise ValueError(f"a certificate is in Chinese or English, not {language!r}")
    return _TEXT[language]


def _run_facts(
    certificate: AnonymisationCertificate, text: dict[str, str], language: str
) -> tuple[tuple[str, str], ...]:
    policy = certificate.policy
    chain = text["chain_ok" if certificate.chain_ok else "chain_bad"]
    return (
        (text["run_on"], _date(certificate.run_on, language)),
        (text["performed"], _instant(certificate.performed_at)),
        (text["by"], certificate.performed_by),
        (
            text["policy"],
            text["policy_value"].format(
                months=policy.closed_case_months, days=policy.id_document_days
            ),
        ),
        (text["cases"], str(len(certificate.cases))),
        (text["documents"], str(sum(d.documents for d in certificate.id_documents))),
        (text["chain"], chain.format(events=certificate.chain_events)),
        (text["head"], certificate.chain_head or "—"),
    )


def _cases_table(
    cases: Sequence[AnonymisedCase], text: dict[str, str], language: str
) -> TableBlock | str:
    if not cases:
        return text["none"]
    # Tables use ISO dates and short kind names, so no cell breaks inside a date or a word.
    kinds = load_terms("zh").kinds if language == "zh" else {}
    rows = tuple(
        (
            e.reference,
            kinds.get(e.kind.value, e.kind.value.replace("_", " ")),
            e.closed_on.isoformat(),
            e.due_on.isoformat(),
            _erased_counts(row, text),
            row.event_hash[:12],
        )
        for row in cases
        for e in (row.erasure,)
    )
    return TableBlock(_COLUMNS[language]["case"], rows, (2.0, 1.4, 1.35, 1.35, 2.6, 1.6))


def _erased_counts(row: AnonymisedCase, text: dict[str, str]) -> str:
    e = row.erasure
    counts = text["erased"].format(
        a=e.attachments, i=e.identifiers, n=e.notes, m=e.messages, l=e.letters, p=e.parties
    )
    return counts + (text["shared"] if e.subject_shared else "")


def _documents_table(documents: Sequence[IdDocumentsDue], language: str) -> TableBlock:
    rows = tuple((d.reference, str(d.documents), _date(d.due_on, language)) for d in documents)
    return TableBlock(_COLUMNS[language]["doc"], rows, (2, 1, 1.5))


def _held_table(
    certificate: PurgeCertificate, text: dict[str, str], language: str
) -> TableBlock | None:
    if not certificate.still_held:
        return None
    inventory = load_inventory()
    rows = []
    for held in certificate.still_held:
        category = inventory.categories.get(held.category)
        name = (category.name_zh if language == "zh" else category.name_en) if category else None
        rule = inventory.rules.get(held.hold_rule)
        rows.append(
            (name or held.category, _date(held.hold_until, language), rule.source if rule else "")
        )
    return TableBlock(_COLUMNS[language]["held"], tuple(rows), (1.6, 1.1, 3.3))


def _content(
    language: str,
    title: str,
    number: str,
    issued: datetime,
    facts: tuple[tuple[str, str], ...],
) -> LetterContent:
    text = _text(language)
    return LetterContent(
        language=language,
        title=title,
        reference_line=text["number"].format(number=number),
        date_line=text["issued"].format(date=_date(issued.date(), language)),
        salutation="",
        facts=facts,
        paragraphs=(),
        closing=(),
        signature=(text["signature"],),
        page_number=load_terms(language).page_number,
    )


def _build(content: LetterContent, letterhead: Letterhead, fonts: FontStack | None) -> bytes:
    # The facts table is printed after the first paragraph (the introduction). A character
    # no font can draw prints as its code point (``placeholders``): the certificate is
    # evidence of what was erased and must always be produced.
    stack = fonts or default_font_stack()
    return build_letter_pdf(*record_with_placeholders(content, letterhead, stack), stack)


def _number(prefix: str, when: datetime, digest: str) -> str:
    """A certificate number from its date and the audit hash it rests on, e.g.
    ``RC-20290502-3F2A9C1B``: the same run always gets the same number."""
    tail = (digest or hashlib.sha256(when.isoformat().encode()).hexdigest())[:8].upper()
    return f"{prefix}-{when.strftime('%Y%m%d')}-{tail}"


def _date(day: date, language: str) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if language == "zh" else day.isoformat()


def _instant(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")
