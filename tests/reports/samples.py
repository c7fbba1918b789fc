"""Sample facts for every letter kind: a CN cloud customer's case, invented personal data.

Dates: request received Thu 2026-10-08; letters dated 2026-10-20 unless said otherwise.
"""

from dataclasses import replace
from datetime import date
from typing import Any

from app.models.enums import CaseKind
from app.reports import (
    ACCESS_RESPONSE,
    CANCELLATION_CONFIRMATION,
    CLARIFICATION_REQUEST,
    COMPLAINT_RESPONSE,
    CORRECTION_DONE,
    DELETION_DONE,
    EXTENSION_NOTICE,
    IDENTITY_REQUEST,
    PARTIAL_REFUSAL,
    REFUSAL,
    AccessResponseFacts,
    CancellationFacts,
    CaseFacts,
    ClarificationRequestFacts,
    ComplaintResponseFacts,
    Correction,
    CorrectionDoneFacts,
    DataCopyRow,
    DeletionDoneFacts,
    ExtensionNoticeFacts,
    HeldCategory,
    IdentityRequestFacts,
    LetterKind,
    RefusalFacts,
    RefusalGround,
)
from app.services.workflow.inventory import load_inventory

RECEIVED = date(2026, 10, 8)
ISSUED = date(2026, 10, 20)


def case(kind: CaseKind, jurisdiction: str = "CN", **changes: Any) -> CaseFacts:
    """Return the sample case of ``kind`` in ``jurisdiction``."""
    facts = CaseFacts(
        reference="PD-2026-000123",
        kind=kind,
        jurisdiction=jurisdiction,
        subject_name="张三",
        received_date=RECEIVED,
        issued_date=ISSUED,
    )
    return replace(facts, **changes)


IDENTITY = IdentityRequestFacts(
    case=case(CaseKind.ACCESS),
    proofs=("居民身份证正反面复印件（可遮盖照片以外的无关信息）", "账号绑定手机号接收的验证码截图"),
    secure_channel="https://upload.xuyun.example/PD-2026-000123",
    clock_paused=True,
    reply_by_date=date(2026, 11, 5),
)
CLARIFICATION = ClarificationRequestFacts(
    case=case(CaseKind.ACCESS),
    questions=("您希望查阅哪一个账号的个人信息？", "您所说的“全部记录”是否包括工单通话录音？"),
    clock_paused=True,
    reply_by_date=date(2026, 11, 5),
)
EXTENSION = ExtensionNoticeFacts(
    case=case(CaseKind.ACCESS, "EU", issued_date=date(2026, 10, 30)),
    reasons=("Your request covers eight years of support tickets and call recordings.",),
    original_due_date=date(2026, 11, 9),
    extended_due_date=date(2027, 1, 8),
)
ACCESS = AccessResponseFacts(
    case=case(CaseKind.ACCESS),
    purposes=("提供云计算服务并履行服务合同", "账号安全与风险控制"),
    categories=("账号信息", "实名认证信息", "订单与交易记录", "访问日志"),
    recipients=("支付服务提供者：须付支付有限公司（仅限订单支付信息）",),
    retention=("账号信息：账号存续期间及注销后6个月", "订单与交易记录：交易完成后3年"),
    sources=("您在注册和使用服务时直接提供", "我们的系统在您使用服务时自动记录"),
    data_copy=(
        DataCopyRow(
            "账号信息", "账号ID：1234567890；邮箱：zhang.san@example.com", "您提供", "注销后6个月"
        ),
        DataCopyRow("访问日志", "2026-09-30 08:15 登录 203.0.113.7", "系统记录", "6个月"),
    ),
)
CORRECTION = CorrectionDoneFacts(
    case=case(CaseKind.CORRECTION),
    corrections=(Correction("联系地址", "浙江省杭州市西湖区文三路 100 号"),),
    completed_date=date(2026, 10, 19),
)
DELETION = DeletionDoneFacts(
    case=case(CaseKind.DELETION),
    deleted=("账号资料", "营销偏好", "人脸识别信息"),
    held=(
        HeldCategory(
            "订单与交易记录", "《中华人民共和国电子商务法》第三十一条", date(2029, 10, 19)
        ),
    ),
    completed_date=date(2026, 10, 19),
)
RULES = load_inventory().rules
# Cancelled Thu 2026-10-15, the holds planned from that day: logs 6 months, orders 36.
CANCELLATION = CancellationFacts(
    case=case(CaseKind.ACCOUNT_CANCELLATION),
    cancellation_date=date(2026, 10, 15),
    deleted_now=("人脸识别信息", "营销偏好"),
    held=(
        HeldCategory("访问日志", "", date(2027, 4, 15), RULES["csl_art23"]),
        HeldCategory("订单与交易记录", "", date(2029, 10, 15), RULES["ecommerce_art31"]),
    ),
)
REFUSAL_FACTS = RefusalFacts(
    case=case(CaseKind.DELETION),
    grounds=(
        RefusalGround("retention_period", "订单记录须保存至2029年10月15日。"),
        RefusalGround("trade_secret"),
    ),
)
PARTIAL = RefusalFacts(
    case=case(CaseKind.ACCESS),
    grounds=(RefusalGround("trade_secret", "风控模型的评分规则。"),),
    fulfilled=("已提供账号信息和订单记录的副本。",),
)
COMPLAINT = ComplaintResponseFacts(
    case=case(CaseKind.COMPLAINT),
    findings=("您于2026年9月提出的删除请求因工单转派错误未能按时处理。",),
    actions=("已于2026年10月19日完成删除。", "已调整工单转派规则。"),
    upheld=True,
)

SAMPLES: dict[str, tuple[LetterKind[Any], Any]] = {
    "identity_request": (IDENTITY_REQUEST, IDENTITY),
    "clarification_request": (CLARIFICATION_REQUEST, CLARIFICATION),
    "extension_notice": (EXTENSION_NOTICE, EXTENSION),
    "access_response": (ACCESS_RESPONSE, ACCESS),
    "correction_done": (CORRECTION_DONE, CORRECTION),
    "deletion_done": (DELETION_DONE, DELETION),
    "cancellation_confirmation": (CANCELLATION_CONFIRMATION, CANCELLATION),
    "refusal": (REFUSAL, REFUSAL_FACTS),
    "partial_refusal": (PARTIAL_REFUSAL, PARTIAL),
    "complaint_response": (COMPLAINT_RESPONSE, COMPLAINT),
}
