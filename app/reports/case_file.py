"""The case file as a PDF (Chinese or English): summary, timeline, letters with their SHA-256,
identity checks and the evidence index. Pure: plain data in, PDF bytes out."""

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime

from reportlab.pdfbase.pdfmetrics import stringWidth

from app.models.enums import CaseKind
from app.reports.case_file_labels import printed_name, rule_wording
from app.reports.content import Block, Heading, LetterContent, TableBlock
from app.reports.fonts import FontStack, default_font_stack
from app.reports.layout import build_letter_pdf
from app.reports.letterhead import Letterhead
from app.reports.placeholders import record_with_placeholders
from app.reports.styles import FRAME_WIDTH
from app.reports.terms import load_terms
from app.services.case_file import CaseFile

_TEXT = {
    "zh": {
        "title": "个人信息权利请求案卷",
        "title_complaint": "个人信息投诉举报案卷",
        "title_regulator": "监管机构问询案卷",
        "ref": "编号：{ref}", "date": "导出日期：{date}",
        "kind": "请求类型", "kind_complaint": "案件类型",
        "kind_regulator": "案件类型", "requester_regulator": "监管机构", "jurisdiction": "适用法域",
        "status": "状态", "outcome": "处理结果",
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
        "title_complaint": "Case file of a complaint",
        "title_regulator": "Case file of a regulator's inquiry",
        "ref": "Reference: {ref}", "date": "Exported: {date}",
        "kind": "Kind of request", "kind_complaint": "Kind of case",
        "kind_regulator": "Kind of case", "requester_regulator": "Regulator",
        "jurisdiction": "Jurisdiction", "status": "Status",
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


# The table cells' size (styles.cell: body size less 1.5 pt; body 11 pt in Chinese, 10.5 pt in
# English; the larger is assumed) and side paddings (blocks.data_table), in points. A token
# longer than _WRAPPED_TOKEN characters (a SHA-256) may wrap; shorter ones (codes, names such
# as "Acknowledgement" or 中英双语) keep a column wide enough for them.
_CELL_SIZE = 9.5
_CELL_PADDING = 8.0
_WRAPPED_TOKEN = 24


def _token_width(fonts: FontStack, token: str, bold: bool) -> float:
    runs = [run for run in fonts.runs(token, bold=bold) if run is not None]
    return sum(float(stringWidth(text, face, _CELL_SIZE)) for face, text in runs)


def _need(fonts: FontStack, header: str, cells: list[str]) -> float:
    """Return the width in points the column's longest short token needs (header in bold)."""
    words = [(w, True) for w in header.split()] + [(w, False) for c in cells for w in c.split()]
    widths = [_token_width(fonts, w, bold) for w, bold in words if len(w) <= _WRAPPED_TOKEN]
    return max(widths, default=0.0) + _CELL_PADDING + 0.5


def _fitted(table: TableBlock, fonts: FontStack) -> TableBlock:
    """Return ``table`` with absolute widths (points) that give every column at least its
    longest short token, taken from the columns with room to spare in proportion."""
    weights = table.widths or tuple(1.0 for _ in table.columns)
    share = [FRAME_WIDTH * w / sum(weights) for w in weights]
    cells = [[row[i] for row in table.rows] for i in range(len(table.columns))]
    need = [_need(fonts, h, c) for h, c in zip(table.columns, cells, strict=True)]
    short = sum(max(n - s, 0.0) for n, s in zip(need, share, strict=True))
    spare = sum(max(s - n, 0.0) for n, s in zip(need, share, strict=True))
    if short == 0.0 or spare < short:
        return table  # nothing to fix, or no room: the proportions as designed
    widths = tuple(
        n if n >= s else s - (s - n) * short / spare for n, s in zip(need, share, strict=True)
    )
    return replace(table, widths=widths)


def _worded(record: CaseFile, text: Mapping[str, object], key: str) -> str:
    """Return the text ``key``, or its ``<key>_complaint`` / ``<key>_regulator`` variant
    where ``text`` has one for a complaint or a regulator's inquiry.

    A complaint (投诉举报) is not a request to exercise a right (PIPL Arts. 44-50): its file
    must neither be titled as one nor label its kind as a kind of request. Nor is a regulator's
    inquiry, whose sender is the authority (监管机构), not a data subject (个人信息主体).
    """
    variant = {
        CaseKind.COMPLAINT.value: f"{key}_complaint",
        CaseKind.REGULATOR_INQUIRY.value: f"{key}_regulator",
    }.get(record.kind, key)
    return str(text.get(variant, text[key]))


def _sent(moment: datetime | None, channel: str) -> str:
    return f"{_when(moment)} {channel}".strip() if moment else "—"


def case_file_pdf(record: CaseFile, language: str, letterhead: Letterhead, today: date) -> bytes:
    """Return the case file of ``record`` as an A4 PDF in ``language`` (``zh`` or ``en``).

    The case file is always produced: a character no font on this computer can draw (an
    emoji in a requester's name or a file name) prints as ``[U+XXXX]``, listed in a note under
    the title (``placeholders``).

    Args:
        record: the case's record (``app.services.case_file.case_file``). language: ``"zh"``
            or ``"en"``. letterhead: the controller. today: the export date (company calendar).

    Returns:
        PDF bytes with the fonts embedded as TrueType subsets.

    Raises:
        KeyError: an unknown language. FontLoadError: a shipped font is missing or damaged.
    """
    text: Mapping[str, object] = _TEXT[language]
    facts = tuple(
        (str(label), value)
        for label, value in (
            (_worded(record, text, "kind"), printed_name("kind", record.kind, language)),
            (text["jurisdiction"], record.jurisdiction),
            (text["status"], printed_name("status", record.status, language)),
            (text["outcome"], printed_name("outcome", record.outcome, language)),
            (_worded(record, text, "requester"), record.requester or "—"),
            (text["received"], _when(record.received_at)),
            (text["due"], _day(record.due_date)),
            (text["extended"], _day(record.extended_due_date)),
            (text["rule"], rule_wording(record.rule_ref, record.stated_period, language)),
            (text["responded"], _when(record.responded_at)),
            (text["closed"], _when(record.closed_at)),
            (text["chain"], str(text["ok"] if record.chain_verified else text["bad"])),
        )
    )
    content = LetterContent(
        language=language,
        title=_worded(record, text, "title"),
        reference_line=str(text["ref"]).format(ref=record.reference),
        date_line=str(text["date"]).format(date=today.isoformat()),
        salutation="",
        facts=facts,
        paragraphs=(),
        closing=(),
        signature=(),
        page_number=load_terms(language).page_number,
    )
    fonts = default_font_stack()
    # Shown before the columns are fitted, so they are fitted to what prints.
    content, letterhead = record_with_placeholders(
        replace(content, paragraphs=_blocks(record, text, language)), letterhead, fonts
    )
    fitted = tuple(
        _fitted(b, fonts) if isinstance(b, TableBlock) else b for b in content.paragraphs
    )
    return build_letter_pdf(replace(content, paragraphs=fitted), letterhead, fonts)


def _blocks(record: CaseFile, text: Mapping[str, object], language: str) -> tuple[Block, ...]:
    """Return the intro and the four tables; codes print as names in ``language``."""
    none = str(text["none"])

    def name(table: str, code: str | None) -> str:
        return printed_name(table, code, language)

    timeline = tuple(
        (_when(t.occurred_at), t.actor, name("action", t.action), t.event_hash[:16])
        for t in record.timeline
    )
    letters = tuple(
        (
            name("template", lt.template_key),
            name("letter_language", lt.language),
            str(lt.version),
            lt.sha256,
            lt.approved_by or "—",
            _sent(lt.sent_at, name("channel", lt.sent_channel) if lt.sent_channel else ""),
        )
        for lt in record.letters
    )
    checks = tuple(
        (
            name("method", c.method),
            str(text["verified" if c.verified else "failed"]),
            c.checked_by,
            _when(c.checked_at),
            (c.evidence_sha256 or "—")[:16],
        )
        for c in record.checks
    )
    evidence = tuple(
        (
            name("attachment", e.kind),
            e.file_name,
            e.sha256,
            str(e.size),
            str(text["purged" if e.purged else "kept"]),
        )
        for e in record.evidence
    )
    blocks: list[Block] = [str(text["intro"])]
    sections = (
        ("timeline", "t_cols", timeline, (1.5, 1.3, 2.1, 1.5)),
        ("letters", "l_cols", letters, (1.9, 1.1, 0.7, 4.2, 1.2, 1.0)),
        ("checks", "c_cols", checks, (1.3, 0.8, 1.2, 1.5, 1.5)),
        ("evidence", "e_cols", evidence, (1.2, 1.6, 3.0, 0.8, 0.8)),
    )
    for heading, columns, rows, widths in sections:
        blocks.append(Heading(str(text[heading])))
        cols = text[columns]
        assert isinstance(cols, tuple)
        blocks.append(TableBlock(cols, rows, widths) if rows else none)
    return tuple(blocks)
