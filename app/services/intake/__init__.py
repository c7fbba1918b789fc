"""Intake of incoming mail and web-form exports: decoding them and proposing their triage.

Public API:

- messages: ``parse_message`` (RFC 5322 bytes), ``parse_outlook_message`` (``.msg`` bytes),
  ``parse_incoming`` (either, by content), ``read_message_file`` (``.eml`` or ``.msg``),
  ``receipt_instant`` and ``IncomingMessage``;
- web forms: ``read_form_export``, ``FormExport``, ``ColumnMapping``, ``propose_mapping``,
  ``request_kind``, ``rows_to_requests``, ``FormRequest``, ``FormRowProblem``;
- triage: ``triage``, ``TriageProposal`` and ``TriageReason`` (kind, language, jurisdiction,
  requester and the earlier request a reminder chases).
"""

from app.services.intake.files import parse_incoming, read_message_file
from app.services.intake.form_mapping import ColumnMapping, propose_mapping, request_kind
from app.services.intake.form_rows import FormRequest, FormRowProblem, rows_to_requests
from app.services.intake.forms import FormExport, read_form_export
from app.services.intake.message import IncomingMessage, parse_message, receipt_instant
from app.services.intake.outlook import parse_outlook_message
from app.services.intake.triage import TriageProposal, TriageReason, triage

__all__ = [
    "ColumnMapping",
    "FormExport",
    "FormRequest",
    "FormRowProblem",
    "IncomingMessage",
    "TriageProposal",
    "TriageReason",
    "parse_incoming",
    "parse_message",
    "parse_outlook_message",
    "propose_mapping",
    "read_form_export",
    "read_message_file",
    "receipt_instant",
    "request_kind",
    "rows_to_requests",
    "triage",
]
