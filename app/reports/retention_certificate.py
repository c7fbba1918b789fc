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
from app.reports.retention_certificate_text import COLUMNS, certificate_text
from app.reports.terms import load_terms
from app.services.case_retention import AnonymisationCertificate, AnonymisedCase, IdDocumentsDue
from app.services.workflow.inventory import load_inventory
from app.services.workflow.retention import PurgeCertificate


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
    text = certificate_text(language)
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
    text = certificate_text(language)
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
    return TableBlock(COLUMNS[language]["case"], rows, (2.0, 1.4, 1.35, 1.35, 2.6, 1.6))


def _erased_counts(row: AnonymisedCase, text: dict[str, str]) -> str:
    e = row.erasure
    counts = text["erased"].format(
        a=e.attachments, i=e.identifiers, n=e.notes, m=e.messages, l=e.letters, p=e.parties
    )
    return counts + (text["shared"] if e.subject_shared else "")


def _documents_table(documents: Sequence[IdDocumentsDue], language: str) -> TableBlock:
    rows = tuple((d.reference, str(d.documents), _date(d.due_on, language)) for d in documents)
    return TableBlock(COLUMNS[language]["doc"], rows, (2, 1, 1.5))


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
    return TableBlock(COLUMNS[language]["held"], tuple(rows), (1.6, 1.1, 3.3))


def _content(
    language: str,
    title: str,
    number: str,
    issued: datetime,
    facts: tuple[tuple[str, str], ...],
) -> LetterContent:
    text = certificate_text(language)
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
