"""The case file as a PDF (Chinese or English): summary, timeline, letters with their SHA-256,
identity checks and the evidence index. Pure: plain data in, PDF bytes out."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime

from app.reports.content import Block, Heading, LetterContent, TableBlock
from app.reports.fonts import default_font_stack
from app.reports.layout import build_letter_pdf
from app.reports.letterhead import Letterhead
from app.reports.terms import load_terms
from app.services.case_file import CaseFile

_TEXT = {
    "zh": {
        "title": "个人信息权利请求案卷",
        "ref": "编号：{ref}", "date": "导出日期：{date}",
        "kind": "请求类型", "jurisdiction": "适用法域", "status": "状态", "outcome": "处理结果",
        "requester": "个人信息主体", "received": "收到时间（UTC）", "due": "答复期限",
        "extended": "延长后的期限", "rule": "期限规则", "responded": "答复时间（UTC）",
        "closed": "结案时间（UTC）", "chain": "审计链", "ok": "校验通过", "bad": "校验未通过",
        "timeline": "处理记录", "letters": "函件（SHA-256）", "checks": "身份核验",
        "evidence": "材料（SHA-256）", "none": "无",
        "intro": "本案卷由隐私保护团队从加密案件库导出，供监管机构或法院查阅；每份函件和材料以其"
                 "SHA-256 哈希值标识，审计记录以哈希链保存，任何事后修改均可被发现。",
        "t_cols": ("时间（UTC）", "操作人", "事项", "哈希"),
        "l_cols": ("函件", "语言", "版本", "SHA-256", "审批", "发送"),
        "c_cols": ("方式", "结果", "核验人", "时间（UTC）", "材料哈希"),
        "e_cols": ("类型", "文件", "SHA-256", "大小", "状态"),
        "verified": "通过", "failed": "未通过", "purged": "已删除", "kept": "保存中",
    },
    "en": {
        "title": "Case file of a data-subject request",
        "ref": "Reference: {ref}", "date": "Exported: {date}",
        "kind": "Kind of request", "jurisdiction": "Jurisdiction", "status": "Status",
        "outcome": "Outcome", "requester": "Data subject", "received": "Received (UTC)",
        "due": "Due", "extended": "Extended to", "rule": "Deadline rule",
        "responded": "Answered (UTC)", "closed": "Closed (UTC)", "chain": "Audit chain",
        "ok": "verified", "bad": "does NOT verify", "timeline": "Timeline",
        "letters": "Letters (SHA-256)", "checks": "Identity checks",
        "evidence": "Evidence (SHA-256)", "none": "None",
        "intro": "Exported by the privacy team from the encrypted case register for a regulator "
                 "or a court. Every letter and piece of evidence is identified by its SHA-256; "
                 "the audit trail is hash-chained, so any later change to it can be detected.",
        "t_cols": ("Time (UTC)", "By", "Action", "Hash"),
        "l_cols": ("Letter", "Lang.", "Ver.", "SHA-256", "Approved", "Sent"),
        "c_cols": ("Method", "Result", "Checked by", "Time (UTC)", "Evidence hash"),
        "e_cols": ("Type", "File", "SHA-256", "Bytes", "State"),
        "verified": "verified", "failed": "failed", "purged": "erased", "kept": "kept",
    },
}  # fmt: skip


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


def _day(day: date | None) -> str:
    return day.isoformat() if day else "—"


def case_file_pdf(record: CaseFile, language: str, letterhead: Letterhead, today: date) -> bytes:
    """Return the case file of ``record`` as an A4 PDF in ``language`` (``zh`` or ``en``).

    Raises:
        KeyError: an unknown language. MissingGlyphsError, FontLoadError.
    """
    text: Mapping[str, object] = _TEXT[language]
    facts = tuple(
        (str(label), value)
        for label, value in (
            (text["kind"], record.kind.replace("_", " ")),
            (text["jurisdiction"], record.jurisdiction),
            (text["status"], record.status.replace("_", " ")),
            (text["outcome"], (record.outcome or "—").replace("_", " ")),
            (text["requester"], record.requester or "—"),
            (text["received"], _when(record.received_at)),
            (text["due"], _day(record.due_date)),
            (text["extended"], _day(record.extended_due_date)),
            (text["rule"], record.rule_ref or "—"),
            (text["responded"], _when(record.responded_at)),
            (text["closed"], _when(record.closed_at)),
            (text["chain"], str(text["ok"] if record.chain_verified else text["bad"])),
        )
    )
    content = LetterContent(
        language=language,
        title=str(text["title"]),
        reference_line=str(text["ref"]).format(ref=record.reference),
        date_line=str(text["date"]).format(date=today.isoformat()),
        salutation="",
        facts=facts,
        paragraphs=(),
        closing=(),
        signature=(),
        page_number=load_terms(language).page_number,
    )
    return build_letter_pdf(
        replace(content, paragraphs=_blocks(record, text)), letterhead, default_font_stack()
    )


def _blocks(record: CaseFile, text: Mapping[str, object]) -> tuple[Block, ...]:
    none = str(text["none"])
    timeline = tuple(
        (_when(t.occurred_at), t.actor, t.action, t.event_hash[:16]) for t in record.timeline
    )
    letters = tuple(
        (
            f"{lt.template_key}",
            lt.language,
            str(lt.version),
            lt.sha256,
            lt.approved_by or "—",
            f"{_when(lt.sent_at)} {lt.sent_channel or ''}".strip(),
        )
        for lt in record.letters
    )
    checks = tuple(
        (
            c.method.replace("_", " "),
            str(text["verified" if c.verified else "failed"]),
            c.checked_by,
            _when(c.checked_at),
            (c.evidence_sha256 or "—")[:16],
        )
        for c in record.checks
    )
    evidence = tuple(
        (
            e.kind.replace("_", " "),
            e.file_name,
            e.sha256,
            str(e.size),
            str(text["purged" if e.purged else "kept"]),
        )
        for e in record.evidence
    )
    blocks: list[Block] = [str(text["intro"])]
    sections = (
        ("timeline", "t_cols", timeline, (1.5, 1.3, 1.9, 1.5)),
        ("letters", "l_cols", letters, (1.5, 0.6, 0.5, 3.0, 1.0, 1.3)),
        ("checks", "c_cols", checks, (1.3, 0.8, 1.2, 1.5, 1.5)),
        ("evidence", "e_cols", evidence, (1.2, 1.6, 3.0, 0.8, 0.8)),
    )
    for heading, columns, rows, widths in sections:
        blocks.append(Heading(str(text[heading])))
        cols = text[columns]
        assert isinstance(cols, tuple)
        blocks.append(TableBlock(cols, rows, widths) if rows else none)
    return tuple(blocks)
