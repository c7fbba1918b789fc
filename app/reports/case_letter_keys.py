"""The letters made from a case's own record (``app.reports.case_letters``), by template key.

Plain keys, so the Case menu can list them without loading ReportLab and the letter kinds
(about 9 MiB) before the first letter is made; tests/reports/test_case_letters.py checks they
are the keys ``case_letters`` renders, in its order.
"""

CASE_TEMPLATES = (
    "acknowledgement",
    "identity_request",
    "clarification_request",
    "extension_notice",
    "access_response",
    "correction_done",
    "deletion_done",
    "cancellation_confirmation",
    "consent_withdrawn",
    "objection_granted",
    "explanation_given",
    "complaint_response",
    "refusal",
    "partial_refusal",
)
