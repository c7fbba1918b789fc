"""The mail import and triage were split by concern; every name imported from their old homes
is still the same object there (the UI, the CLI and the demo import them from there)."""

import importlib

from app.services import import_results, importing, message_import, receipt_checks
from app.services.intake import reasons, requester, triage_kind

# The package's attribute ``triage`` is the function; the module is found by its name.
triage_module = importlib.import_module("app.services.intake.triage")


def test_importing_still_offers_its_public_names() -> None:
    assert importing.FileResult is import_results.FileResult
    assert importing.ImportOutcome is import_results.ImportOutcome
    assert importing.ImportReport is import_results.ImportReport
    assert importing.SessionSource is import_results.SessionSource
    assert importing.import_message_file is message_import.import_message_file
    assert importing.implausible_receipt is receipt_checks.implausible_receipt
    assert sorted(importing.MESSAGE_SUFFIXES) == [".eml", ".msg"]


def test_triage_still_offers_its_public_names() -> None:
    assert triage_module.TriageReason is reasons.TriageReason
    assert triage_module.labelled_identifiers is requester.labelled_identifiers
    assert triage_kind.TriageReason is reasons.TriageReason
