"""The words of the case timeline's details column: payload keys by name, the fixed values
sources, causes and flags take, and enum values read as parts of a sentence.

Split from ``case_timeline_details`` (which composes the column) so each stays a readable size;
the tables are QT_TRANSLATE_NOOP markers in the ``TimelineDetail`` context.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import CategoryActionKind, MessageDirection, PartyRole

_KEY = {
    "kind": QT_TRANSLATE_NOOP("TimelineDetail", "Kind"),
    "source": QT_TRANSLATE_NOOP("TimelineDetail", "Source"),
    "channel": QT_TRANSLATE_NOOP("TimelineDetail", "Channel"),
    "reply": QT_TRANSLATE_NOOP("TimelineDetail", "Reply by"),
    "jurisdiction": QT_TRANSLATE_NOOP("TimelineDetail", "Jurisdiction"),
    "assignee": QT_TRANSLATE_NOOP("TimelineDetail", "Handler"),
    "received_at": QT_TRANSLATE_NOOP("TimelineDetail", "Received"),
    "new_subject": QT_TRANSLATE_NOOP("TimelineDetail", "New data subject"),
    "original_sha256": QT_TRANSLATE_NOOP("TimelineDetail", "Original message SHA-256"),
    "sha256": QT_TRANSLATE_NOOP("TimelineDetail", "SHA-256"),
    "evidence_sha256": QT_TRANSLATE_NOOP("TimelineDetail", "Evidence SHA-256"),
    "reason_sha256": QT_TRANSLATE_NOOP("TimelineDetail", "Reason SHA-256"),
    "text_sha256": QT_TRANSLATE_NOOP("TimelineDetail", "Text SHA-256"),
    "row": QT_TRANSLATE_NOOP("TimelineDetail", "Form row"),
    "problems": QT_TRANSLATE_NOOP("TimelineDetail", "Problems"),
    "cause": QT_TRANSLATE_NOOP("TimelineDetail", "Cause"),
    "start_date": QT_TRANSLATE_NOOP("TimelineDetail", "From"),
    "end_date": QT_TRANSLATE_NOOP("TimelineDetail", "Until"),
    "from": QT_TRANSLATE_NOOP("TimelineDetail", "From"),
    "to": QT_TRANSLATE_NOOP("TimelineDetail", "To"),
    "for": QT_TRANSLATE_NOOP("TimelineDetail", "Waiting for"),
    "reason": QT_TRANSLATE_NOOP("TimelineDetail", "Reason"),
    "outcome": QT_TRANSLATE_NOOP("TimelineDetail", "Outcome"),
    "template": QT_TRANSLATE_NOOP("TimelineDetail", "Letter"),
    "language": QT_TRANSLATE_NOOP("TimelineDetail", "Language"),
    "version": QT_TRANSLATE_NOOP("TimelineDetail", "Version"),
    "letter_id": QT_TRANSLATE_NOOP("TimelineDetail", "Letter no."),
    "note_id": QT_TRANSLATE_NOOP("TimelineDetail", "Note no."),
    "attachment_id": QT_TRANSLATE_NOOP("TimelineDetail", "Attachment no."),
    "category": QT_TRANSLATE_NOOP("TimelineDetail", "Data category"),
    "action": QT_TRANSLATE_NOOP("TimelineDetail", "Action"),
    "hold_until": QT_TRANSLATE_NOOP("TimelineDetail", "Kept until"),
    "hold_rule": QT_TRANSLATE_NOOP("TimelineDetail", "Legal basis of the hold"),
    "method": QT_TRANSLATE_NOOP("TimelineDetail", "Method"),
    "verified": QT_TRANSLATE_NOOP("TimelineDetail", "Verified"),
    "subject": QT_TRANSLATE_NOOP("TimelineDetail", "Sign off"),
    "decision": QT_TRANSLATE_NOOP("TimelineDetail", "Decision"),
    "direction": QT_TRANSLATE_NOOP("TimelineDetail", "Direction"),
    "role": QT_TRANSLATE_NOOP("TimelineDetail", "Role"),
    "proof_type": QT_TRANSLATE_NOOP("TimelineDetail", "Proof"),
    "proof_expiry": QT_TRANSLATE_NOOP("TimelineDetail", "Proof valid until"),
    "reminder": QT_TRANSLATE_NOOP("TimelineDetail", "Reminder"),
    "count": QT_TRANSLATE_NOOP("TimelineDetail", "Count"),
    "attachments": QT_TRANSLATE_NOOP("TimelineDetail", "Attachments"),
    "identifiers": QT_TRANSLATE_NOOP("TimelineDetail", "Identifiers"),
    "notes": QT_TRANSLATE_NOOP("TimelineDetail", "Notes"),
    "messages": QT_TRANSLATE_NOOP("TimelineDetail", "Messages"),
    "letters": QT_TRANSLATE_NOOP("TimelineDetail", "Letters"),
    "parties": QT_TRANSLATE_NOOP("TimelineDetail", "Parties"),
    "subject_unlinked": QT_TRANSLATE_NOOP("TimelineDetail", "Data subject unlinked"),
    "policy_months": QT_TRANSLATE_NOOP("TimelineDetail", "Retention (months)"),
    # The due date in force: a rule's, a regulator's letter's or one set by hand ("source").
    "due_date": QT_TRANSLATE_NOOP("TimelineDetail", "Due date"),
    "ack_due_date": QT_TRANSLATE_NOOP("TimelineDetail", "Acknowledgement due"),
    "extension_notice_due_date": QT_TRANSLATE_NOOP("TimelineDetail", "Extension notice due"),
    "extended_due_date": QT_TRANSLATE_NOOP("TimelineDetail", "Extended deadline"),
    "internal_target_date": QT_TRANSLATE_NOOP("TimelineDetail", "Internal target"),
    "due_provisional": QT_TRANSLATE_NOOP("TimelineDetail", "Provisional"),
    "rule_ref": QT_TRANSLATE_NOOP("TimelineDetail", "Rule"),
    "purge_date": QT_TRANSLATE_NOOP("TimelineDetail", "Purge date"),
    "still_held": QT_TRANSLATE_NOOP("TimelineDetail", "Data categories still held"),
    "duplicate_of": QT_TRANSLATE_NOOP("TimelineDetail", "Possible duplicate of"),
    "fields": QT_TRANSLATE_NOOP("TimelineDetail", "Fields corrected"),
    "other_cases": QT_TRANSLATE_NOOP("TimelineDetail", "Other cases of the requester"),
    "name_length": QT_TRANSLATE_NOOP("TimelineDetail", "Name length (characters)"),
    "kept_length": QT_TRANSLATE_NOOP("TimelineDetail", "Characters kept"),
    "grounds": QT_TRANSLATE_NOOP("TimelineDetail", "Refusal grounds"),
    "n": QT_TRANSLATE_NOOP("TimelineDetail", "Time limit stated"),
    "unit": QT_TRANSLATE_NOOP("TimelineDetail", "Counted in"),
    # The state whose authority wrote, on whose holidays its period was counted (EU: "PL").
    "region": QT_TRANSLATE_NOOP("TimelineDetail", "Member state"),
    "calendar": QT_TRANSLATE_NOOP("TimelineDetail", "Holiday calendar"),
    "before": QT_TRANSLATE_NOOP("TimelineDetail", "Before"),
    # A colleague's forward of a request that first reached another company mailbox.
    "first_received_at": QT_TRANSLATE_NOOP("TimelineDetail", "First received by the company"),
    "forwarded_at": QT_TRANSLATE_NOOP("TimelineDetail", "Forwarded to the privacy team"),
    "zone_assumed": QT_TRANSLATE_NOOP("TimelineDetail", "Time zone taken from the forward"),
    "original_date": QT_TRANSLATE_NOOP("TimelineDetail", "The original's date not used"),
}
_WORD = {
    # sources of a new case, causes of a clock recomputation (app/services/clock.py)
    "manual": QT_TRANSLATE_NOOP("TimelineDetail", "entered by hand"),
    "import": QT_TRANSLATE_NOOP("TimelineDetail", "imported e-mail"),
    "form_import": QT_TRANSLATE_NOOP("TimelineDetail", "imported web form"),
    "case_created": QT_TRANSLATE_NOOP("TimelineDetail", "case created"),
    "triaged": QT_TRANSLATE_NOOP("TimelineDetail", "triage"),
    "triage_reverted": QT_TRANSLATE_NOOP("TimelineDetail", "triage undone"),
    "paused": QT_TRANSLATE_NOOP("TimelineDetail", "clock stopped"),
    "resumed": QT_TRANSLATE_NOOP("TimelineDetail", "clock restarted"),
    "extended": QT_TRANSLATE_NOOP("TimelineDetail", "deadline extended"),
    "identity_verified": QT_TRANSLATE_NOOP("TimelineDetail", "identity verified"),
    "receipt_confirmed": QT_TRANSLATE_NOOP("TimelineDetail", "receipt date confirmed"),
    "rule_changed": QT_TRANSLATE_NOOP("TimelineDetail", "rule changed"),
    "calendar_override": QT_TRANSLATE_NOOP("TimelineDetail", "holiday calendar changed"),
    "demo_today": QT_TRANSLATE_NOOP("TimelineDetail", "demo date"),
    "due_date_released": QT_TRANSLATE_NOOP("TimelineDetail", "handed back to its rule"),
    # why a date set by hand was released without a person asking (app.services.clock)
    "statutory_earlier": QT_TRANSLATE_NOOP(
        "TimelineDetail", "the statutory deadline now falls before the date set by hand"
    ),
    # where a due date no rule computed comes from (app.services.clock.DueDateSource)
    "stated:regulator_letter": QT_TRANSLATE_NOOP("TimelineDetail", "the regulator's letter"),
    "stated:by_hand": QT_TRANSLATE_NOOP("TimelineDetail", "by hand"),
    "true": QT_TRANSLATE_NOOP("TimelineDetail", "yes"),
    "false": QT_TRANSLATE_NOOP("TimelineDetail", "no"),
    "null": QT_TRANSLATE_NOOP("TimelineDetail", "—"),
    "in_person": QT_TRANSLATE_NOOP("TimelineDetail", "in person"),
    "working_days": QT_TRANSLATE_NOOP("TimelineDetail", "working days"),
    # Werktage, jours ouvrables, giorni feriali: every day but Sundays and public holidays
    "working_days_mon_sat": QT_TRANSLATE_NOOP("TimelineDetail", "working days, Monday to Saturday"),
    "calendar_days": QT_TRANSLATE_NOOP("TimelineDetail", "calendar days"),
    "months": QT_TRANSLATE_NOOP("TimelineDetail", "months"),
    # a regulator's letter that names the day itself (app.services.intake.stated_limit)
    "date": QT_TRANSLATE_NOOP("TimelineDetail", "the date stated in the letter"),
    # why a forwarded original's date was not used (app.services.intake.first_receipt)
    "original:missing": QT_TRANSLATE_NOOP("TimelineDetail", "none given"),
    "original:unreadable": QT_TRANSLATE_NOOP("TimelineDetail", "unreadable"),
    "original:ambiguous": QT_TRANSLATE_NOOP("TimelineDetail", "day and month could be swapped"),
    "original:later_than_forward": QT_TRANSLATE_NOOP("TimelineDetail", "later than the forward"),
    "original:future": QT_TRANSLATE_NOOP("TimelineDetail", "in the future"),
    "original:too_old": QT_TRANSLATE_NOOP("TimelineDetail", "more than 92 days before the forward"),
}

_ENUM_PARTS = {
    MessageDirection.INCOMING: QT_TRANSLATE_NOOP("TimelineDetail", "from the requester"),
    MessageDirection.OUTGOING: QT_TRANSLATE_NOOP("TimelineDetail", "to the requester"),
    PartyRole.GUARDIAN: QT_TRANSLATE_NOOP("TimelineDetail", "guardian"),
    PartyRole.CLOSE_RELATIVE: QT_TRANSLATE_NOOP("TimelineDetail", "close relative"),
    PartyRole.AUTHORISED_AGENT: QT_TRANSLATE_NOOP("TimelineDetail", "authorised agent"),
    CategoryActionKind.DELETE: QT_TRANSLATE_NOOP("TimelineDetail", "delete"),
    CategoryActionKind.ANONYMISE: QT_TRANSLATE_NOOP("TimelineDetail", "anonymise"),
    CategoryActionKind.CORRECT: QT_TRANSLATE_NOOP("TimelineDetail", "correct"),
    CategoryActionKind.EXPORT: QT_TRANSLATE_NOOP("TimelineDetail", "export"),
    CategoryActionKind.LEGAL_HOLD: QT_TRANSLATE_NOOP("TimelineDetail", "keep (legal hold)"),
    CategoryActionKind.NONE_HELD: QT_TRANSLATE_NOOP("TimelineDetail", "none held"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineDetail", text)


def enum_part(value: str) -> str:
    """Return an enum value (direction, party role, category action) as words in the UI
    language, or ``value`` unchanged when no table lists it."""
    for member, marker in _ENUM_PARTS.items():
        if member.value == value:
            return _tr(str(marker))
    return value


def key_label(key: str) -> str:
    """Return the translated name of a payload key (the key itself if not listed)."""
    marker = _KEY.get(key)
    return _tr(str(marker)) if marker else key


def word(value: str) -> str | None:
    """Return the translated word for a fixed payload value (a source, a cause, ``true``…),
    or ``None`` when ``value`` is none of them."""
    marker = _WORD.get(value)
    return _tr(str(marker)) if marker else None
