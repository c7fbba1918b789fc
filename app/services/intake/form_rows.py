"""Rows of a web-form export turned into requests, each with the problems a person must look at;
one bad row never stops the others."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.models.enums import CaseKind
from app.services.contact_points import normalise_email, normalise_phone
from app.services.intake.form_mapping import (
    ColumnMapping,
    FormVocabulary,
    default_form_vocabulary,
    request_kind,
)
from app.services.intake.forms import FormExport, FormValue
from app.services.intake.header_text import visible_text

# Form systems of a Chinese controller stamp submissions in Beijing time when they give no zone.
DEFAULT_FORM_ZONE = ZoneInfo("Asia/Shanghai")
# A plain addr-spec: one "@", a dotted domain, no white space or brackets. Stricter RFC 5322
# validation would reject addresses people really use.
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_CHINESE_DATE = re.compile(
    r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$"
)
_NUMERIC_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
)


class FormRowProblem(StrEnum):
    """Why a form row needs a person before it becomes a case."""

    EMPTY_ROW = "empty_row"
    BAD_EMAIL = "bad_email"
    BAD_PHONE = "bad_phone"
    UNPARSABLE_TIME = "unparsable_time"
    MISSING_TIME = "missing_time"
    UNKNOWN_REQUEST_TYPE = "unknown_request_type"
    NO_CONTACT = "no_contact"


@dataclass(frozen=True)
class FormRequest:
    """One row of a web-form export, read through a column mapping.

    Attributes:
        row_number: the row's 1-based number in the file (the header row counts).
        name, email, phone, account_id, details: the cells, stripped; ``None`` when empty, not
            mapped or (e-mail, phone) invalid. E-mail domains are lower-cased; phones keep
            digits and a leading "+". The name has no control, bidi override or invisible
            characters and single spaces.
        request_type: the request-type cell as written; ``kind`` the kind it names.
        received_at: the submission time as an aware UTC instant, ``None`` if absent or bad.
        problems: what is wrong with the row, in a fixed order; empty when nothing is.
    """

    row_number: int
    name: str | None
    email: str | None
    phone: str | None
    account_id: str | None
    request_type: str | None
    kind: CaseKind | None
    details: str | None
    received_at: datetime | None
    problems: tuple[FormRowProblem, ...]


def rows_to_requests(
    export: FormExport,
    mapping: ColumnMapping,
    *,
    source_zone: tzinfo = DEFAULT_FORM_ZONE,
    vocabulary: FormVocabulary | None = None,
) -> list[FormRequest]:
    """Read every data row of ``export`` through ``mapping``; never raises for a bad row.

    Args:
        export: the export.
        mapping: which header holds which field (headers not in the export are ignored).
        source_zone: the zone of submission times written without an offset.
        vocabulary: request-type names; the shipped ones when ``None``.

    Returns:
        One request per data row, in file order, empty rows included (flagged ``EMPTY_ROW``).
    """
    vocabulary = vocabulary or default_form_vocabulary()
    return [
        _request(export, mapping, index, row, source_zone, vocabulary)
        for index, row in enumerate(export.rows)
    ]


def _request(
    export: FormExport,
    mapping: ColumnMapping,
    index: int,
    row: tuple[FormValue, ...],
    zone: tzinfo,
    vocabulary: FormVocabulary,
) -> FormRequest:
    def cell(header: str | None) -> FormValue | None:
        if header is None or header not in export.headers:
            return None
        value = row[export.headers.index(header)]
        return value if isinstance(value, datetime) else (value.strip() or None)

    row_number = export.first_row_number + index
    if all(cell(header) is None for header in export.headers):
        return _empty_row(row_number)
    problems: list[FormRowProblem] = []
    email = _checked(
        _text(cell(mapping.email)), normalise_email, FormRowProblem.BAD_EMAIL, problems
    )
    phone = _checked(
        _text(cell(mapping.phone)), normalise_phone, FormRowProblem.BAD_PHONE, problems
    )
    received_at = _received_at(cell(mapping.received_at), zone, problems)
    request_type = _text(cell(mapping.request_type))
    kind = request_kind(request_type, vocabulary) if request_type else None
    if kind is None:
        problems.append(FormRowProblem.UNKNOWN_REQUEST_TYPE)
    account_id = _text(cell(mapping.account_id))
    if email is None and phone is None and account_id is None:
        problems.append(FormRowProblem.NO_CONTACT)
    return FormRequest(
        row_number=row_number,
        name=_display_name(_text(cell(mapping.name))),
        email=email,
        phone=phone,
        account_id=account_id,
        request_type=request_type,
        kind=kind,
        details=_text(cell(mapping.details)),
        received_at=received_at,
        problems=tuple(sorted(set(problems), key=list(FormRowProblem).index)),
    )


def _empty_row(row_number: int) -> FormRequest:
    return FormRequest(
        row_number, None, None, None, None, None, None, None, None, (FormRowProblem.EMPTY_ROW,)
    )


def _text(value: FormValue | None) -> str | None:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return value


def _display_name(text: str | None) -> str | None:
    """A name cell as shown to staff: no control, bidi override or invisible characters."""
    cleaned = " ".join(visible_text(text).split()) if text else ""
    return cleaned or None


def _checked(
    value: str | None,
    normalise: Callable[[str], str | None],
    problem: FormRowProblem,
    problems: list[FormRowProblem],
) -> str | None:
    if value is None:
        return None
    normalised = normalise(value)
    if normalised is None:
        problems.append(problem)
    return normalised


def _received_at(
    value: FormValue | None, zone: tzinfo, problems: list[FormRowProblem]
) -> datetime | None:
    if value is None:
        problems.append(FormRowProblem.MISSING_TIME)
        return None
    instant = parse_form_time(value, zone)
    if instant is None:
        problems.append(FormRowProblem.UNPARSABLE_TIME)
    return instant


def parse_form_time(value: FormValue, zone: tzinfo) -> datetime | None:
    """Parse a submission time cell into an aware UTC instant.

    Accepts spreadsheet date cells, ISO 8601 (with or without offset), year-first numeric dates
    ("2026/3/2 9:30"), day-first dotted dates ("02.03.2026"), Chinese dates ("2026年3月2日
    09:30") and Unix epoch seconds or milliseconds. Slash dates with the year last are refused:
    "03/02/2026" is 2 March in Europe and 3 February in the US.

    Args:
        value: the cell.
        zone: the zone of times written without an offset.

    Returns:
        The instant in UTC, or ``None`` when the text is none of these.
    """
    local = value if isinstance(value, datetime) else _parse_text_time(value.strip())
    if local is None:
        return None
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


def _parse_text_time(text: str) -> datetime | None:
    text = unicodedata.normalize("NFKC", text)
    if _EPOCH.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    chinese = _CHINESE_DATE.match(text)
    if chinese:
        year, month, day, hour, minute, second = (int(part or 0) for part in chinese.groups())
        return _from_parts(year, month, day, hour, minute, second)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in _NUMERIC_FORMATS:
        try:
            return datetime.strptime(text, pattern)  # noqa: DTZ007 - zone added by the caller
        except ValueError:
            continue
    return None


def _from_parts(
    year: int, month: int, day: int, hour: int, minute: int, second: int
) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second)  # noqa: DTZ001 - zone added later
    except ValueError:
        return None
