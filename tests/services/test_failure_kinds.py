"""Each failure kind of shared/reference/failure-modes.md that reaches intake, end to end into a
real encrypted database (messages through ``import_paths``, CSV through the form import), and a
bounded fuzz of mutated corpus messages: nothing escapes, every input is accounted for."""

import base64
import codecs
import hashlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.models import Case
from app.models.enums import CaseKind, Channel, ReceivedAtSource, ReviewFlag
from app.models.subject import IdentifierKind
from app.services.deadlines import RuleBook, load_rule_book
from app.services.form_import import import_form_requests
from app.services.importing import FileResult, ImportOutcome, import_paths
from app.services.intake import ColumnMapping, propose_mapping, read_form_export
from app.store import Database
from tests.conftest import CORPUS_INBOX

# 镕 and 喆 are in GBK but not in GB2312: a gb2312 label must be read as gb18030.
SUBJECT = "关于删除个人信息的申请——镕喆"
DELETION_BODY = (
    "您好：\r\n根据《个人信息保护法》第四十七条，请删除我在贵公司的全部个人信息。\r\n王镕喆"
)
# Mon 2 March 2026 09:30 at +0800 is 01:30 UTC; the CN deletion rule gives 15 working days
# after the day of receipt: 3-6, 9-13, 16-20 March (14 days, no holiday) and Mon 23 March.
SENT = "Mon, 02 Mar 2026 09:30:00 +0800"
SENT_UTC = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
DUE = date(2026, 3, 23)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _b64_words(text: str, label: str, cut: int) -> str:
    """``text`` in GB18030 as two encoded words labelled ``label``, split at byte ``cut``."""
    data = text.encode("gb18030")
    words = [base64.b64encode(part).decode() for part in (data[:cut], data[cut:])]
    return f"=?{label}?B?{words[0]}?=\r\n =?{label.upper()}?B?{words[1]}?="


def _message(headers: list[str], body: bytes, content_type: str) -> bytes:
    head = "\r\n".join([*headers, "MIME-Version: 1.0", f"Content-Type: {content_type}"])
    return (
        head.encode("utf-8")  # RFC 6532 allows raw UTF-8 headers
        + b"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + (base64.encodebytes(body))
    )


@pytest.fixture
def import_one(database: Database, rule_book: RuleBook) -> Callable[[Path, bytes], Case]:
    """Write ``raw`` to ``path``, import it, and return its case (loaded, then detached)."""

    def run(path: Path, raw: bytes) -> Case:
        path.write_bytes(raw)
        (result,) = import_paths(database.session, [path], rule_book).results
        assert result.outcome == ImportOutcome.IMPORTED, result.problem
        with database.session() as session:
            session.expire_on_commit = False
            case = session.scalar(
                select(Case)
                .where(Case.reference == result.reference)
                .options(selectinload(Case.attachments), selectinload(Case.subject))
            )
            assert case is not None
            if case.subject is not None:
                _ = case.subject.identifiers  # loaded now: read after the session ends
        return case

    return run


def test_split_rfc2047_word_gbk_characters_in_gb2312_label(
    import_one: Callable[[Path, bytes], Case], tmp_path: Path
) -> None:
    cut = len("关于删除个人信息的申请——".encode("gb18030")) + 1  # inside 镕
    raw = _message(
        [
            f"From: {_b64_words('王镕喆', 'gb2312', 3)} <Wang.RZ@Example.CN>",
            "To: privacy@example.com",
            f"Subject: {_b64_words(SUBJECT, 'gb2312', cut)}",
            f"Date: {SENT}",
            "Message-ID: <split-word@example.cn>",
        ],
        DELETION_BODY.encode("gb18030"),
        "text/plain; charset=gb2312",
    )
    case = import_one(tmp_path / "split.eml", raw)
    assert case.subject_line == SUBJECT
    assert case.kind == CaseKind.DELETION
    assert case.jurisdiction == "CN"
    assert case.received_at == SENT_UTC
    assert case.due_date == DUE
    assert case.review_flags == []
    assert case.subject is not None
    assert case.subject.display_name == "王镕喆"
    assert (
        case.subject.identifier(IdentifierKind.EMAIL) == "wang.rz@example.cn"
    )  # stored lower-cased
    assert case.attachments[0].content == raw


def test_trailing_comma_in_cc_changes_nothing(
    import_one: Callable[[Path, bytes], Case], tmp_path: Path
) -> None:
    raw = _message(
        [
            "From: Ana Costa <ana.costa@example.pt>",
            "To: privacy@example.com,",
            "Cc: dpo@example.com, legal@example.com,",
            "Subject: Request for erasure (Art. 17 GDPR)",
            "Date: Tue, 03 Mar 2026 10:00:00 +0100",
        ],
        b"I ask you to erase all personal data you hold about me under Art. 17 GDPR.",
        "text/plain; charset=utf-8",
    )
    case = import_one(tmp_path / "cc.eml", raw)
    assert case.kind == CaseKind.DELETION
    assert case.jurisdiction == "EU"
    assert case.received_at == datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    assert case.review_flags == []
    assert case.subject is not None
    assert case.subject.identifier(IdentifierKind.EMAIL) == "ana.costa@example.pt"
    assert case.subject.display_name == "Ana Costa"


def test_empty_date_falls_back_to_the_newest_received_header_and_is_flagged(
    import_one: Callable[[Path, bytes], Case], tmp_path: Path
) -> None:
    raw = _message(
        [
            "Received: from mx2 by inbox.example.com; Tue, 03 Mar 2026 10:15:00 +0800",
            "Received: from client by mx2; Tue, 03 Mar 2026 10:14:00 +0800",
            "From: zhang.san@example.com",
            "Subject: 注销账号申请",
            "Date: ",
        ],
        "我申请注销我的账号。".encode(),
        "text/plain; charset=utf-8",
    )
    case = import_one(tmp_path / "no-date.eml", raw)
    assert case.kind == CaseKind.ACCOUNT_CANCELLATION
    assert case.received_at == datetime(2026, 3, 3, 2, 15, tzinfo=UTC)
    assert case.received_at_source == ReceivedAtSource.RECEIVED_HEADER
    assert case.review_flags == [ReviewFlag.MISSING_DATE.value]


def test_html_only_body_is_triaged_as_text_and_kept_as_received(
    import_one: Callable[[Path, bytes], Case], tmp_path: Path
) -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body><p>Dear Sir or Madam,</p>"
        "<p>I hereby request <b>erasure</b> of my personal data under "
        "<a href='https://gdpr.eu/article-17'>Art.&nbsp;17 GDPR</a>.</p></body></html>"
    )
    raw = _message(
        ["From: Jan de Vries <jan@example.nl>", "Subject: Request", f"Date: {SENT}"],
        html.encode(),
        "text/html; charset=utf-8",
    )
    case = import_one(tmp_path / "html.eml", raw)
    assert case.kind == CaseKind.DELETION
    assert case.jurisdiction == "EU"
    assert {"field": "kind", "signal": "statute_citation", "evidence": "Art. 17 GDPR"} in (
        case.triage_reasons
    )
    assert all("<" not in reason["evidence"] for reason in case.triage_reasons)
    assert case.attachments[0].content == raw
    assert case.attachments[0].sha256 == hashlib.sha256(raw).hexdigest()


CSV_TRIGGER = "姓名,邮箱,请求类型\n张三,zhang.san@example.com,删除\n"
EXPORTED_AT = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + CSV_TRIGGER.encode("utf-8"), "utf-8-sig"),
        (CSV_TRIGGER.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8-with-bom", "gbk"],
)
def test_bom_and_gbk_csv_exports(
    database: Database, rule_book: RuleBook, tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    export = read_form_export(path)
    assert export.encoding == encoding
    assert export.headers == ("姓名", "邮箱", "请求类型")
    mapping = propose_mapping(export.headers)
    assert mapping == ColumnMapping(name="姓名", email="邮箱", request_type="请求类型")
    report = import_form_requests(
        database.session,
        export,
        mapping,
        rule_book,
        source_name=path.name,
        file_time=EXPORTED_AT,
    )
    (result,) = report.results
    assert result.outcome == ImportOutcome.IMPORTED
    assert result.kind == CaseKind.DELETION
    assert result.flags == (ReviewFlag.MISSING_DATE,)  # the export has no submission time
    with database.session() as session:
        case = session.scalar(select(Case).where(Case.reference == result.reference))
        assert case is not None and case.subject is not None
        assert case.channel == Channel.WEB_FORM
        assert case.received_at == EXPORTED_AT
        assert case.received_at_source == ReceivedAtSource.FILE_TIME
        assert case.subject.display_name == "张三"
        assert case.subject.identifier(IdentifierKind.EMAIL) == "zhang.san@example.com"
        assert case.attachments[0].content == CSV_TRIGGER.replace("\n", "\r\n").encode("utf-8")


# --- fuzz: mutated corpus messages through the importer -----------------------------------

CORPUS = sorted(p for p in CORPUS_INBOX.iterdir() if p.suffix == ".eml")
_FLIP = st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255))
_MUTATION = st.one_of(
    st.tuples(st.just("flip"), _FLIP),
    st.tuples(st.just("truncate"), st.integers(min_value=0)),
    st.tuples(st.just("duplicate_header"), st.tuples(st.integers(min_value=0), st.integers(1, 5))),
)


def _mutate(raw: bytes, mutations: list[tuple[str, tuple[int, int] | int]]) -> bytes:
    data = bytearray(raw)
    for name, argument in mutations:
        if not data:
            break
        if name == "flip" and isinstance(argument, tuple):
            data[argument[0] % len(data)] ^= argument[1]
        elif name == "truncate" and isinstance(argument, int):
            del data[argument % len(data) :]
        elif isinstance(argument, tuple):
            data = bytearray(_duplicate_header(bytes(data), *argument))
    return bytes(data)


def _duplicate_header(raw: bytes, which: int, times: int) -> bytes:
    head, separator, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    line = lines[which % len(lines)]
    lines[which % len(lines) : which % len(lines)] = [line] * times
    return b"\r\n".join(lines) + separator + body


def _accounted_for(result: FileResult, references: set[str]) -> bool:
    if result.outcome == ImportOutcome.FAILED:
        return bool(result.problem)
    return result.outcome in (ImportOutcome.IMPORTED, ImportOutcome.DUPLICATE) and (
        result.reference in references
    )


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    source=st.sampled_from(CORPUS),
    mutations=st.lists(_MUTATION, min_size=1, max_size=4),
)
def test_mutated_messages_end_as_a_case_a_duplicate_or_a_failure_with_a_reason(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    source: Path,
    mutations: list[tuple[str, tuple[int, int] | int]],
) -> None:
    mutated = _mutate(source.read_bytes(), mutations)
    digest = hashlib.sha256(mutated).hexdigest()[:16]
    path = tmp_path / f"fuzz-{digest}{source.suffix}"
    path.write_bytes(mutated)
    report = import_paths(database.session, [path], rule_book)  # must not raise
    (result,) = report.results
    with database.session() as session:
        references = set(session.scalars(select(Case.reference)))
        assert session.scalar(select(func.count(Case.id))) == len(references)
    assert _accounted_for(result, references), result
