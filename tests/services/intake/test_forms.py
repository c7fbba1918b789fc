"""Web-form exports: encodings sniffed, headers mapped, rows read with per-row problems."""

import codecs
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from app.errors import FormExportError
from app.models.enums import CaseKind
from app.services.intake import (
    ColumnMapping,
    FormRowProblem,
    propose_mapping,
    read_form_export,
    request_kind,
    rows_to_requests,
)

CSV_TEXT = (
    "姓名, 邮箱 ,手机,账号ID,请求类型,说明,提交时间\r\n"
    "张三,zhang.san@Example.COM,138 0013 8000,uid-10001,删除,请删除我的信息,2026-03-02 09:30:00\r\n"
    "王镕喆,not-an-address,,,注销账号,,2026年3月3日 14:05\r\n"
    ",,,,,,\r\n"
    "Ana,ana@example.com,,,Account cancellation,,yesterday\r\n"
)
EXPECTED_MAPPING = ColumnMapping(
    name="姓名",
    email="邮箱",
    phone="手机",
    account_id="账号ID",
    request_type="请求类型",
    details="说明",
    received_at="提交时间",
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (CSV_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8"), "utf-8-sig"),
        (CSV_TEXT.replace("王镕喆", "王镕").encode("gbk"), "gb18030"),
        (CSV_TEXT.encode("gb18030"), "gb18030"),
    ],
)
def test_csv_encodings_are_sniffed_and_headers_cleaned(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    path = tmp_path / "form.csv"
    path.write_bytes(data)
    export = read_form_export(path)
    assert export.encoding == encoding
    assert export.headers == ("姓名", "邮箱", "手机", "账号ID", "请求类型", "说明", "提交时间")
    assert propose_mapping(export.headers) == EXPECTED_MAPPING
    assert export.rows[0][0] == "张三"


def test_rows_become_requests_with_problems(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_bytes(codecs.BOM_UTF8 + CSV_TEXT.encode("utf-8"))
    export = read_form_export(path)
    first, second, empty, third = rows_to_requests(export, propose_mapping(export.headers))
    assert (first.row_number, first.name, first.email, first.phone) == (
        2,
        "张三",
        "zhang.san@example.com",
        "13800138000",
    )
    assert (first.account_id, first.kind, first.details) == (
        "uid-10001",
        CaseKind.DELETION,
        "请删除我的信息",
    )
    # 09:30 Beijing time (UTC+8, no daylight saving) is 01:30 UTC.
    assert first.received_at == datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    assert first.problems == ()
    assert second.kind is CaseKind.ACCOUNT_CANCELLATION
    assert second.email is None
    assert second.received_at == datetime(2026, 3, 3, 6, 5, tzinfo=UTC)
    assert second.problems == (FormRowProblem.BAD_EMAIL, FormRowProblem.NO_CONTACT)
    assert (empty.row_number, empty.problems) == (4, (FormRowProblem.EMPTY_ROW,))
    assert third.kind is CaseKind.ACCOUNT_CANCELLATION
    assert third.problems == (FormRowProblem.UNPARSABLE_TIME,)


def test_semicolon_csv_with_english_headers(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text(
        "Full name;E-mail address;Type of request;Submitted at\n"
        "Max O'Brien;max@example.org;Right of access;2026-03-02T10:00:00+01:00\n",
        "utf-8",
    )
    export = read_form_export(path)
    mapping = propose_mapping(export.headers)
    assert mapping == ColumnMapping(
        name="Full name",
        email="E-mail address",
        request_type="Type of request",
        received_at="Submitted at",
    )
    (request,) = rows_to_requests(export, mapping)
    assert request.kind is CaseKind.ACCESS
    assert request.received_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert request.problems == ()


def test_xlsx_with_date_cells_and_numeric_phone(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["\ufeff姓名 ", "电子邮箱", "联系电话", "申请类型", "提交时间"])
    sheet.append(["李四", "li.si@example.cn", 13900139000, "撤回同意", datetime(2026, 3, 2, 8, 0)])  # noqa: DTZ001
    sheet.append([None, None, None, None, None])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    export = read_form_export(path)
    assert (export.file_format, export.encoding) == ("xlsx", None)
    assert export.headers == ("姓名", "电子邮箱", "联系电话", "申请类型", "提交时间")
    requests = rows_to_requests(export, propose_mapping(export.headers))
    assert requests[0].phone == "13900139000"
    assert requests[0].kind is CaseKind.CONSENT_WITHDRAWAL
    assert requests[0].received_at == datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    assert requests[1].problems == (FormRowProblem.EMPTY_ROW,)


@pytest.mark.parametrize(
    ("cell", "kind"),
    [
        ("删除", CaseKind.DELETION),
        ("注销账号", CaseKind.ACCOUNT_CANCELLATION),
        ("注销账号并删除数据", CaseKind.ACCOUNT_CANCELLATION),
        ("Delete account", CaseKind.ACCOUNT_CANCELLATION),
        ("Erasure", CaseKind.DELETION),
        ("查阅、复制", CaseKind.ACCESS),
        ("更正", CaseKind.CORRECTION),
        ("投诉", CaseKind.COMPLAINT),
        ("???", None),
    ],
)
def test_request_type_cells(cell: str, kind: CaseKind | None) -> None:
    assert request_kind(cell) is kind


@pytest.mark.parametrize(
    "data", [b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"PK\x03\x04broken zip", b"\x81\x30\xff\xff"]
)
def test_unreadable_exports_raise_form_export_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(FormExportError, match=r"bad\.csv"):
        read_form_export(path)


def test_name_cells_lose_control_and_bidi_characters(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text(
        "姓名,邮箱,请求类型\n\u202e张\u0007三\u202c ,zhang.san@example.com,删除\n", "utf-8"
    )
    export = read_form_export(path)
    (request,) = rows_to_requests(export, propose_mapping(export.headers))
    assert request.name == "张三"
