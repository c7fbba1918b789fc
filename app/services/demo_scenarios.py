"""The cases of the demo database: who writes, about what, how long ago, and how far each case
has got (the staff who handle them: ``app.services.demo_staff``). Every name is a textbook
placeholder (张三, 李四, 小明, Jane Doe, Erika Mustermann…) and every address is under the
reserved example domains (RFC 2606), so nobody can mistake a demo case for a real request.

Each scenario names the workflow steps ``app.services.demo_data`` runs on the imported
message, in order; ``letter:<template>:<stage>`` generates a letter and takes it to
``generated``, ``approved`` or ``sent``; ``step@N`` happens ``N`` days after receipt (see
``app.services.demo_steps``).

The answered cases make a plausible history for the managers' dashboard: eleven answers,
nine on time and two late (CN, answered 34 and 36 days after receipt where 15 working days
run out after 18 to 28 days), one of them after a UK GDPR extension; days to respond
6, 8, 10, 12, 13, 14, 16, 21, 34, 36 and 52 (median 14). ``ANSWER_DAYS`` checks the table
against that; every answer lies within the dashboard's 90-day window.
"""

from dataclasses import dataclass

from app.errors import DemoDataError
from app.models.enums import CaseKind


@dataclass(frozen=True)
class Scenario:
    """One demo case.

    Attributes:
        name: the requester's display name (a placeholder).
        email: the requester's address (example domains only).
        kind: the kind staff confirm at triage (the importer proposes its own first).
        jurisdiction: the rule set code, e.g. ``CN``.
        days_ago: days between receipt and the day the demo is made.
        subject: the mail's Subject.
        body: the mail's text.
        steps: workflow steps, see the module docstring.
        note: an internal note, added by the ``note`` step.
    """

    name: str
    email: str
    kind: CaseKind
    jurisdiction: str
    days_ago: int
    subject: str
    body: str
    steps: tuple[str, ...] = ()
    note: str = ""

    @property
    def language(self) -> str:
        """``zh`` when the mail is written in Chinese, else ``en`` (the letters' language)."""
        return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in self.subject + self.body) else "en"


def step_day(step: str) -> tuple[str, int | None]:
    """Split ``name@N`` into the step's name and its day after receipt (``None`` without one).

    Raises:
        DemoDataError: a day that is not a whole number of days, or negative.
    """
    name, _, day = step.partition("@")
    if not day:
        return name, None
    if not day.isdigit():
        raise DemoDataError(f"Demo step '{step}' has no valid day.")
    return name, int(day)


K = CaseKind
WORK = ("triage", "start")
# Categories settled a week after receipt, the deletion signed off two days later.
ERASE = (*WORK, "verify", "plan", "settle@7", "review_deletion@9")

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "张三", "zhang.san@example.cn", K.DELETION, "CN", 1, "申请删除我的个人信息",
        "您好：\n根据《个人信息保护法》第四十七条，我已停止使用贵司云服务，请删除我的个人信息，"
        "包括账号资料和访问日志。\n张三",
    ),
    Scenario(
        "李四", "li.si@example.cn", K.ACCESS, "CN", 0, "查阅个人信息申请",
        "你好，我想查阅贵公司处理的我的个人信息，请告知收集了哪些信息以及用途。依据个人信息保护法"
        "第四十五条。\n李四",
    ),
    Scenario(
        "Jane Doe", "jane.doe@example.com", K.ACCESS, "EU", 2, "Subject access request",
        "Dear privacy team,\nunder Article 15 GDPR I request access to the personal data you "
        "hold about me and a copy of it.\nRegards,\nJane Doe",
    ),
    Scenario(
        "王五", "wang.wu@example.cn", K.CORRECTION, "CN", 3, "更正个人信息",
        "我的账号实名信息中手机号码有误，请依照个人信息保护法第四十六条予以更正。\n王五",
        WORK[:1],
    ),
    Scenario(
        "林小红", "lin.xiaohong@example.cn", K.EXPLANATION, "CN", 4, "请解释个人信息处理规则",
        "请向我解释贵司对我的个人信息的处理规则，特别是人脸识别信息的用途（个人信息保护法第"
        "四十八条）。\n林小红",
        WORK[:1],
    ),
    Scenario(
        "Max Mustermann", "max.mustermann@example.org", K.OTHER, "EU", 2,
        "Question about your privacy notice",
        "Hello, which of your subprocessors receive my data? This is a question, not a formal "
        "request yet.\nMax Mustermann",
        WORK[:1],
    ),
    Scenario(
        "赵六", "zhao.liu@example.cn", K.DELETION, "CN", 9, "请删除我的数据",
        "请删除我在贵司平台上的全部个人信息。\n赵六",
        (*WORK, "ask_clarification@2"),
    ),
    Scenario(
        "孙七", "sun.qi@example.cn", K.ACCOUNT_CANCELLATION, "CN", 6, "申请注销账号",
        "我申请注销我的云服务账号并删除相关个人信息。\n孙七",
        (*WORK, "ask_identity@2"),
    ),
    Scenario(
        "John Doe", "john.doe@example.com", K.DELETION, "UK", 8, "Erasure request",
        "Please erase all personal data you hold about me under Article 17 UK GDPR.\nJohn Doe",
        (*WORK, "ask_identity@2"),
    ),
    Scenario(
        "周八", "zhou.ba@example.cn", K.DELETION, "CN", 18, "删除个人信息（订单除外）",
        "请删除我的个人信息。我知道订单记录需要依法保存。\n周八",
        (*WORK, "verify", "plan", "note", "letter:acknowledgement:sent"),
        "订单记录依《电子商务法》第三十一条保存三年，其余类别可删除。",
    ),
    Scenario(
        "吴九", "wu.jiu@example.cn", K.COPY, "CN", 35, "复制个人信息申请",
        "请将我的个人信息复制给我，导出为电子表格即可（个人信息保护法第四十五条）。\n吴九",
        (*WORK, "verify", "note"),
        "导出任务卡在账单系统，已联系财务部门。已超期，请优先处理。",
    ),
    Scenario(
        "郑十", "zheng.shi@example.cn", K.COMPLAINT, "CN", 10, "投诉：删除请求未处理",
        "我上月提出的删除请求至今没有答复，现就此投诉举报，请尽快处理。\n郑十",
        (*WORK, "note"),
        "投诉涉及旧工单，已调取客服录音核对。",
    ),
    Scenario(
        "王大明", "wang.daming@example.cn", K.DELETION, "CN", 5, "为未成年子女申请删除信息",
        "我是小明的父亲（监护人），小明今年十二岁。请删除我孩子在贵司平台注册时留下的个人信息。"
        "\n王大明",
        (*WORK, "guardian", "note"),
        "监护人已提供户口簿，主体为不满十四周岁的未成年人。",
    ),
    Scenario(
        "何五", "he.wu@example.cn", K.OBJECTION, "CN", 14, "拒绝个性化推荐",
        "我拒绝贵司利用我的个人信息进行个性化推荐和营销，请限制处理。\n何五",
        (*WORK, "letter:acknowledgement:approved@2"),
    ),
    Scenario(
        "Erika Mustermann", "erika.mustermann@example.org", K.ACCESS, "EU", 20,
        "Request for access to my data",
        "Under Article 15 GDPR please give me access to all data about me, including the "
        "support call recordings.\nErika Mustermann",
        (*WORK, "verify", "extend@10", "letter:extension_notice:sent"),
    ),
    Scenario(
        "Juan Pérez", "juan.perez@example.net", K.CORRECTION, "BR", 12, "Correção de dados",
        "Please correct the postal address on my account (LGPD Art. 18).\nJuan Pérez",
        WORK,
    ),
    Scenario(
        "Taro Yamada", "taro.yamada@example.jp", K.ACCESS, "JP", 30, "Disclosure request",
        "I request disclosure of the personal data you hold about me (APPI Art. 33).\n"
        "Taro Yamada",
        (*WORK, "note"),
        "Waiting for the Tokyo region team; overdue.",
    ),
    Scenario(
        "黄四", "huang.si@example.cn", K.DELETION, "CN", 12, "删除账号资料",
        "请删除我的账号资料和地址信息。\n黄四",
        (*ERASE[:-1], "request_deletion_review"),
    ),
    Scenario(
        "Alex Example", "alex@example.com", K.ACCESS, "US-CA", 15, "CCPA request to know",
        "I am a California resident. Please tell me what personal information you collected "
        "about me in the last 12 months.\nAlex Example",
        (*WORK, "request_refusal_review"),
    ),
    Scenario(
        "刘二", "liu.er@example.cn", K.ACCESS, "CN", 40, "查阅我的信息",
        "请告诉我贵司保存了我哪些个人信息。\n刘二",
        # Answered in full once the copy is recorded (``copy_record``: QA13 M3).
        (
            *WORK, "verify", "letter:acknowledgement:sent", "plan_copy@8", "settle@10",
            "respond_fulfilled@12",
        ),
    ),
    Scenario(
        "高八", "gao.ba@example.cn", K.CONSENT_WITHDRAWAL, "CN", 25, "撤回同意",
        "我撤回对营销短信和个性化推荐的同意。\n高八",
        (*WORK, "respond_fulfilled@6"),
    ),
    Scenario(
        "陈一", "chen.yi@example.cn", K.ACCOUNT_CANCELLATION, "CN", 60, "注销账号申请",
        "请注销我的账号。\n陈一",
        (*ERASE, "respond_fulfilled@14", "letter:cancellation_confirmation:sent"),
    ),
    Scenario(
        "Jane Roe", "jane.roe@example.com", K.ACCOUNT_CANCELLATION, "CN", 45,
        "Please cancel my account",
        "Please cancel my console account and delete my personal information.\nJane Roe",
        (*ERASE, "respond_fulfilled@10", "letter:cancellation_confirmation:approved"),
    ),
    Scenario(
        "杨三", "yang.san@example.cn", K.DELETION, "CN", 50, "删除个人信息",
        "请删除我的全部个人信息。\n杨三",
        (*ERASE, "review_refusal@11", "respond_partial@13", "letter:partial_refusal:sent",
         "close@20"),
    ),
    Scenario(
        "Erik Example", "erik@example.org", K.DELETION, "EU", 48, "Right to erasure",
        "Please delete my personal data (Article 17 GDPR).\nErik Example",
        (*ERASE, "respond_fulfilled@16", "letter:deletion_done:sent", "close@22"),
    ),
    Scenario(
        "Mario Rossi", "mario.rossi@example.it", K.OBJECTION, "EU", 70,
        "Objection to processing",
        "I object to the processing of my data for analytics (Article 21 GDPR).\nMario Rossi",
        (*WORK, "review_refusal@18", "respond_refused@21", "letter:refusal:sent", "close@28"),
    ),
    Scenario(
        "李雷", "li.lei@example.cn", K.ACCESS, "CN", 80, "查阅个人信息",
        "请告诉我贵司处理了我的哪些个人信息，并提供副本（个人信息保护法第四十五条）。\n李雷",
        (
            *WORK, "verify", "note", "plan_copy@30", "settle@34", "respond_fulfilled@36",
            "letter:access_response:sent", "close@40",
        ),
        "账单系统导出积压，答复已超期，已向主管说明。",
    ),
    Scenario(
        "Joe Bloggs", "joe.bloggs@example.com", K.ACCESS, "UK", 85, "Subject access request",
        "Please send me a copy of all personal data you hold about me, including call "
        "recordings (Article 15 UK GDPR).\nJoe Bloggs",
        (
            *WORK, "verify", "extend@20", "letter:extension_notice:sent", "plan_copy@44",
            "settle@50", "respond_fulfilled@52",
        ),
    ),
    Scenario(
        "韩梅梅", "han.meimei@example.cn", K.CORRECTION, "CN", 33, "更正收货地址",
        "我的账号中登记的收货地址有误，请予以更正（个人信息保护法第四十六条）。\n韩梅梅",
        (*WORK, "verify", "respond_fulfilled@8", "close@12"),
    ),
    Scenario(
        "Richard Roe", "richard.roe@example.com", K.EXPLANATION, "CN", 66,
        "How do you use face recognition data?",
        "Please explain how you process my face recognition data during real-name "
        "verification (PIPL Article 48).\nRichard Roe",
        (*WORK, "note", "respond_fulfilled@34"),
        "The product team took weeks to describe the face-verification flow; answered late.",
    ),
    Scenario(
        "示例文具店", "shop@example.cn", K.NOT_A_REQUEST, "CN", 7, "发票开具咨询",
        "请问上月的云服务器发票什么时候可以开具？谢谢。",
        ("close_not_request",),
    ),
    Scenario(
        "钱多多", "qian.duoduo@example.cn", K.ACCESS, "CN", 16, "查阅申请（已撤回）",
        "请提供我的个人信息副本。\n钱多多",
        (*WORK, "close_withdrawn@5"),
    ),
    Scenario(
        "网信办（示例）", "inquiry@example.gov.cn", K.REGULATOR_INQUIRY, "CN", 3,
        "关于用户投诉的问询函",
        "你公司：\n我办收到用户关于注销账号后仍收到营销短信的投诉举报，请于十五个工作日内书面说明"
        "情况。\n（示例问询函）",
        WORK,
    ),
    Scenario(
        "张某某", "zhang.moumou@example.cn", K.REMINDER, "CN", 0,
        "催办：编号 PD-2025-000999 的申请",
        "你好，我去年提交的申请（编号 PD-2025-000999）到现在还没有回复，请尽快处理。\n张某某",
    ),
)  # fmt: skip

# Days from receipt to the answer of each answered scenario (``respond_*@N``), in table order.
ANSWER_DAYS = tuple(
    day
    for scenario in SCENARIOS
    for name, day in map(step_day, scenario.steps)
    if name.startswith("respond_") and day is not None
)
