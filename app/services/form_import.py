"""Importing the rows of a web-form export as cases: one row, one transaction, one result.

Each row becomes a case of channel ``web_form`` whose original is the row itself, kept as an
attachment (the header line and the row as UTF-8 CSV for CSV exports, a JSON object for
XLSX). That attachment's SHA-256 is the row's identity: importing the same row of the same form
again (same header set, same cells — also from a later, overlapping export under another file
name, or from the GBK and the UTF-8 export of the same rows) finds the case it already is.

What a row becomes (its kind, triage, data subject and receipt instant) is in
``app.services.form_row_case``.
"""

import csv
import hashlib
import io
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import PurePath

from app.errors import PrivacyDeskError
from app.models import Attachment
from app.models.enums import AttachmentKind
from app.services.audit import SYSTEM_ACTOR
from app.services.deadlines import RuleBook
from app.services.form_row_case import import_form_row
from app.services.import_results import FileResult, ImportOutcome, ImportReport, SessionSource
from app.services.intake import (
    ColumnMapping,
    FormExport,
    FormRequest,
    FormRowProblem,
    rows_to_requests,
)
from app.services.intake.form_rows import DEFAULT_FORM_ZONE
from app.services.intake.forms import FormValue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FormSource:
    """Where the rows come from and when, for names and the receipt fallback.

    Attributes:
        name: the export's file name (shown in the report, part of attachment names).
        file_time: the export file's modification time (aware UTC), ``None`` if unknown. A row
            existed when it was exported, so this bounds its submission time from above and is
            an earlier, safer deadline start than the import time.
    """

    name: str
    file_time: datetime | None = None


def import_form_requests(
    sessions: SessionSource,
    export: FormExport,
    mapping: ColumnMapping,
    rule_book: RuleBook,
    *,
    source_name: str,
    actor: str = SYSTEM_ACTOR,
    file_time: datetime | None = None,
    source_zone: tzinfo = DEFAULT_FORM_ZONE,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Import every row of a web-form export, each in its own transaction.

    Args:
        sessions: opens a session in a transaction (``Database.session``).
        export: the export as ``read_form_export`` read it.
        mapping: which header holds which field (the user's choice in the preview).
        rule_book: deadline rules.
        source_name: the export's file name, used in the report (``"<name> row <n>"``).
        actor: recorded in the audit trail.
        file_time: the export file's modification time (aware UTC), the receipt fallback for
            rows without a usable submission time; the import time when ``None``.
        source_zone: the zone of submission times written without an offset.
        progress: called with (rows done, rows in all) after each row.
        should_cancel: polled before each row; the batch stops cleanly when it returns true.

    Returns:
        The ``ImportReport``, one result per data row; empty rows are SKIPPED; failures are in
        it, never raised.
    """
    requests = rows_to_requests(export, mapping, source_zone=source_zone)
    source = FormSource(source_name, file_time)
    results: list[FileResult] = []
    for done, request in enumerate(requests):
        if should_cancel is not None and should_cancel():
            return ImportReport(tuple(results), cancelled=True)
        results.append(_import_row(sessions, export, request, mapping, rule_book, source, actor))
        if progress is not None:
            progress(done + 1, len(requests))
    return ImportReport(tuple(results))


def _import_row(
    sessions: SessionSource,
    export: FormExport,
    request: FormRequest,
    mapping: ColumnMapping,
    rule_book: RuleBook,
    source: FormSource,
    actor: str,
) -> FileResult:
    label = f"{source.name} row {request.row_number}"
    row = export.rows[request.row_number - export.first_row_number]
    if FormRowProblem.EMPTY_ROW in request.problems:
        return FileResult(label, ImportOutcome.SKIPPED, problem="empty row")
    try:
        with sessions() as session:
            original = original_row(export, row, source.name, request.row_number)
            return import_form_row(
                session, request, original, mapping, rule_book, label=label, actor=actor,
                file_time=source.file_time,
            )  # fmt: skip
    except PrivacyDeskError as error:
        return FileResult(label, ImportOutcome.FAILED, problem=str(error))
    except Exception as error:  # a bug: keep the batch going; log the type only, since an
        # exception's text can quote the row (personal data)
        log.error("unexpected %s while importing a form row", type(error).__name__)
        return FileResult(label, ImportOutcome.FAILED, problem="unexpected error (a bug)")


def original_row(
    export: FormExport, row: tuple[FormValue, ...], source_name: str, row_number: int
) -> Attachment:
    """Return the row as the attachment that keeps it (not yet added to a case).

    CSV rows are kept as the header line and the row, re-encoded as UTF-8 (``text/csv``), so
    the same row hashes alike whatever encoding the export had; XLSX rows as a JSON object
    from header to cell (``application/json``; date cells as ISO 8601 text).

    Args:
        export: the export the row is from.
        row: the row's cells as read.
        source_name: the export's file name; the attachment is named after it and the row.
        row_number: the row's 1-based number in the file.
    """
    cells = [value.isoformat(sep=" ") if isinstance(value, datetime) else value for value in row]
    if export.file_format == "csv":
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows([export.headers, cells])
        content, media_type, suffix = buffer.getvalue().encode("utf-8"), "text/csv", ".csv"
    else:
        document = dict(zip(export.headers, cells, strict=True))
        content = json.dumps(document, ensure_ascii=False, sort_keys=True).encode("utf-8")
        media_type, suffix = "application/json", ".json"
    stem = PurePath(source_name).stem[: 255 - 20]
    return Attachment(
        kind=AttachmentKind.ORIGINAL_MESSAGE,
        file_name=f"{stem}-row{row_number}{suffix}",
        media_type=media_type,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
