"""Exports of web forms, read as a header row and data rows: CSV in the encodings Excel and
Chinese form systems write (UTF-8, UTF-8 with BOM, GBK/GB18030 without BOM) and XLSX.

Excel's "CSV UTF-8" starts with a BOM and Chinese Excel's plain "CSV" is GBK, so the encoding
is sniffed in a fixed order (BOM → strict UTF-8 → GB18030) and reported for the import preview
(shared/reference/failure-modes.md, "CSV from Excel").
"""

import codecs
import csv
import io
import warnings
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import FormExportError

FormValue = str | datetime
_ZIP_SIGNATURE = b"PK\x03\x04"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DELIMITERS = ",;\t"
_SNIFF_CHARS = 8192


@dataclass(frozen=True)
class FormExport:
    """A web-form export as read from its file.

    Attributes:
        file_format: ``"csv"`` or ``"xlsx"``.
        encoding: how a CSV was decoded (``"utf-8-sig"`` with a BOM, ``"utf-8"``,
            ``"gb18030"``, ``"utf-16"``); ``None`` for XLSX.
        headers: the first non-empty row, each cell stripped of BOM and white space.
        rows: the data rows after it, each padded or cut to the number of headers; a cell is
            text, or an ``datetime`` (naive, as the sheet holds it) for XLSX date cells.
        first_row_number: the 1-based file row of ``rows[0]`` (as the spreadsheet numbers it).
    """

    file_format: str
    encoding: str | None
    headers: tuple[str, ...]
    rows: tuple[tuple[FormValue, ...], ...]
    first_row_number: int


def read_form_export(path: Path) -> FormExport:
    """Read a CSV or XLSX export of a web form (told apart by content, not by name).

    Args:
        path: the file.

    Returns:
        The export with its header row, data rows and detected encoding.

    Raises:
        FormExportError: the file cannot be read, is neither XLSX nor text in UTF-8/GB18030,
            or has no header row; the message names the file only.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FormExportError(f"{path.name}: cannot be read ({error.strerror})") from error
    try:
        if data.startswith(_ZIP_SIGNATURE):
            return _xlsx(data)
        return _csv(data)
    except FormExportError as error:
        raise FormExportError(f"{path.name}: {error}") from error


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: a BOM decides, else strict UTF-8, else strict GB18030.

    Args:
        data: the file's bytes.

    Returns:
        ``(text without BOM, codec name)``.

    Raises:
        FormExportError: the bytes are valid in none of these encodings.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec), codec
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise FormExportError("the text is neither UTF-8 nor GB18030")


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise FormExportError(f"the text is not valid {codec} despite its BOM") from error


def _csv(data: bytes) -> FormExport:
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FormExportError("the file is neither CSV text nor an XLSX workbook")
    text, encoding = decode_csv_bytes(data)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    try:
        rows: list[list[FormValue]] = [list(row) for row in reader]
    except csv.Error as error:
        raise FormExportError(f"the CSV text is malformed ({error})") from error
    return _export("csv", encoding, rows)


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel writes ";" in locales with a decimal comma and tabs for "Unicode text"."""
    try:
        return csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel


def _xlsx(data: bytes) -> FormExport:
    # Imported here: openpyxl takes a noticeable share of the app's start, for spreadsheets only.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it does not read; irrelevant here.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise FormExportError(f"the workbook cannot be read ({type(error).__name__})") from error
    try:
        sheet = workbook.worksheets[0]
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _export("xlsx", None, rows)


def _cell(value: object) -> FormValue:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone numbers and IDs stored as numbers: no ".0"
    return str(value)


def _export(file_format: str, encoding: str | None, rows: list[list[FormValue]]) -> FormExport:
    header_index = next((i for i, row in enumerate(rows) if any(_text(v) for v in row)), None)
    if header_index is None:
        raise FormExportError("the export has no header row")
    headers = [_text(value).lstrip("\ufeff").strip() for value in rows[header_index]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    body = rows[header_index + 1 :]
    return FormExport(
        file_format=file_format,
        encoding=encoding,
        headers=tuple(headers),
        rows=tuple(tuple((list(row) + [""] * width)[:width]) for row in body),
        first_row_number=header_index + 2,
    )


def _text(value: FormValue) -> str:
    return value.isoformat(sep=" ") if isinstance(value, datetime) else value.strip()
