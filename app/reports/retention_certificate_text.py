"""The wording of the retention certificates (``app.reports.retention_certificate``) in Chinese
and English: their titles, facts, introductions (PIPL Art. 47; GB/T 35273-2020 §8.5) and table
columns. Plain data; the certificates' layout is the other module's.
"""

LANGUAGES = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
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


COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
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


def certificate_text(language: str) -> dict[str, str]:
    """Return the certificates' texts in ``language`` (``zh`` or ``en``).

    Raises:
        ValueError: another language.
    """
    if language not in LANGUAGES:
        raise ValueError(f"a certificate is in Chinese or English, not {language!r}")
    return TEXT[language]
