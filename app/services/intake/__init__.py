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

import importlib
from typing import TYPE_CHECKING

# Imported now: the function ``triage`` must win over the submodule of the same name, which
# the import system binds to this package's attribute when the submodule is first imported.
from app.services.intake.triage import TriageProposal, TriageReason, triage

if TYPE_CHECKING:
    from app.services.intake.files import parse_incoming, read_message_file
    from app.services.intake.form_mapping import ColumnMapping, propose_mapping, request_kind
    from app.services.intake.form_rows import FormRequest, FormRowProblem, rows_to_requests
    from app.services.intake.forms import FormExport, read_form_export
    from app.services.intake.message import IncomingMessage, parse_message
    from app.services.intake.outlook import parse_outlook_message
    from app.services.intake.receipt import receipt_instant

# Imported on first use (PEP 562), not with the package: the Outlook, spreadsheet and HTML
# readers pull in extract_msg, openpyxl and html2text, which the case list and the app's start
# never need (benchmarks/case_list.py measures the start).
_HOMES = {
    "parse_incoming": "files",
    "read_message_file": "files",
    "ColumnMapping": "form_mapping",
    "propose_mapping": "form_mapping",
    "request_kind": "form_mapping",
    "FormRequest": "form_rows",
    "FormRowProblem": "form_rows",
    "rows_to_requests": "form_rows",
    "FormExport": "forms",
    "read_form_export": "forms",
    "IncomingMessage": "message",
    "parse_message": "message",
    "receipt_instant": "receipt",
    "parse_outlook_message": "outlook",
}


def __getattr__(name: str) -> object:
    """Import the public name ``name`` from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


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
