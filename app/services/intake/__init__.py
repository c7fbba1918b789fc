"""Intake of incoming mail: decoding messages and proposing their triage.

Public API: ``parse_message``, ``read_message_file``, ``receipt_instant`` and
``IncomingMessage`` (message decoding); ``triage``, ``TriageProposal`` and ``TriageReason``
(kind, language, jurisdiction and requester proposals).
"""

from app.services.intake.message import (
    IncomingMessage,
    parse_message,
    read_message_file,
    receipt_instant,
)
from app.services.intake.triage import TriageProposal, TriageReason, triage

__all__ = [
    "IncomingMessage",
    "TriageProposal",
    "TriageReason",
    "parse_message",
    "read_message_file",
    "receipt_instant",
    "triage",
]
