"""The details column of the case timeline: an event's payload in words.

Payloads are (key, text) pairs with nested values as JSON (``case_queries._details``). Known keys
get translated names and their values go through the enum labels; data categories and retention
rules show by their names in the data inventory (``resources/workflow/inventory.toml``) in the
UI's language; ISO timestamps show in this computer's zone, hashes shortened; keys not listed
here show as recorded, so a new payload field is never hidden. In a Chinese UI the punctuation
is Chinese (``数据类别：账号信息；清除日期：2027-05-30``).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    CategoryActionKind,
    Channel,
    MessageDirection,
    PartyRole,
    PauseReason,
    ReviewDecision,
    ReviewSubject,
    VerificationMethod,
)
from app.services.workflow.inventory import Inventory, load_inventory
from app.ui.case_header import channel_label
from app.ui.labels import (
    kind_label,
    language_name,
    letter_template_label,
    pause_reason_label,
    status_label,
    ui_language,
)
from app.ui.labels_workflow import method_label, outcome_label, review_label

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
    "due_date": QT_TRANSLATE_NOOP("TimelineDetail", "Statutory deadline"),
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
}
# Keys whose values are keys of the data inventory: categories, and retention rules.
CATEGORY_KEYS = frozenset({"category", "still_held"})
RULE_KEYS = frozenset({"hold_rule"})

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
    "true": QT_TRANSLATE_NOOP("TimelineDetail", "yes"),
    "false": QT_TRANSLATE_NOOP("TimelineDetail", "no"),
    "null": QT_TRANSLATE_NOOP("TimelineDetail", "—"),
    "in_person": QT_TRANSLATE_NOOP("TimelineDetail", "in person"),
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


def _enum_part(value: str) -> str:
    for member, marker in _ENUM_PARTS.items():
        if member.value == value:
            return _tr(str(marker))
    return value


def _status_or_time(value: str) -> str:
    if value in CaseStatus._value2member_map_:
        return status_label(CaseStatus(value))
    return _plain(value)


# Which label names the value of a key; a value the enum does not know shows as recorded.
_VALUE: dict[str, Callable[[str], str]] = {
    "kind": lambda v: kind_label(CaseKind(v)),
    "channel": lambda v: channel_label(Channel(v)),
    "reply": lambda v: channel_label(Channel(v)),
    "reason": lambda v: pause_reason_label(PauseReason(v)),
    "for": lambda v: pause_reason_label(PauseReason(v)),
    "outcome": lambda v: outcome_label(CaseOutcome(v)),
    "method": lambda v: method_label(VerificationMethod(v)),
    "subject": lambda v: review_label(ReviewSubject(v)),
    "decision": lambda v: review_label(ReviewDecision(v)),
    "template": letter_template_label,
    "language": lambda v: " + ".join(language_name(code) for code in v.split("+")),
    "direction": _enum_part,
    "role": _enum_part,
    "action": _enum_part,
    "from": _status_or_time,
    "to": _status_or_time,
}


def key_label(key: str) -> str:
    """Return the translated name of a payload key (the key itself if not listed)."""
    marker = _KEY.get(key)
    return _tr(str(marker)) if marker else key


def value_text(key: str, value: str, inventory: Inventory | None = None) -> str:
    """Return ``value`` of payload field ``key`` in words: enum values through their labels,
    data categories and retention rules by their names in ``inventory`` (the shipped one when
    ``None``; a key it does not know as recorded), hashes shortened to 12 hex digits, ISO
    timestamps in this computer's zone (minutes)."""
    if key in CATEGORY_KEYS | RULE_KEYS:
        return _inventory_name(key, value, inventory or load_inventory())
    convert = _VALUE.get(key)
    if convert is not None and value not in ("null", ""):
        try:
            return convert(value)
        except (KeyError, ValueError):
            return value
    if key.endswith("sha256") and len(value) == 64:
        return value[:12] + "…"
    return _plain(value)


def _inventory_name(key: str, value: str, inventory: Inventory) -> str:
    chinese = ui_language() == "zh"
    if key in RULE_KEYS:
        rule = inventory.rules.get(value)
        return rule.title("zh" if chinese else "en") if rule else value
    category = inventory.categories.get(value)
    if category is None:
        return value
    return (category.name_zh if chinese else category.name_en) or value


def _plain(value: str) -> str:
    if value in _WORD:
        return _tr(str(_WORD[value]))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if "T" not in value or moment.tzinfo is None:
        return value  # a plain date (or a naive text) reads as it is
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def details_text(details: tuple[tuple[str, str], ...], inventory: Inventory | None = None) -> str:
    """Return an event's payload pairs as ``Key: value; …`` in the UI language (Chinese
    punctuation in a Chinese UI: ``键：值；…``); a clock recomputation shows only the dates that
    changed (``before`` → ``after``), a triage each changed field and a status change its
    statuses as ``old → new``.

    Args:
        details: the payload's (key, text) pairs (``EventRow.details``).
        inventory: the team's data inventory, naming categories and retention rules; the
            shipped one when ``None``.
    """
    marks = _marks()
    before = after = None
    parts: list[str] = []
    pairs = dict(details)
    if "from" in pairs and "to" in pairs:  # a status change or a corrected receipt time
        parts.append(f"{value_text('from', pairs['from'])} → {value_text('to', pairs['to'])}")
        details = tuple((k, v) for k, v in details if k not in ("from", "to"))
    for key, value in details:
        nested = _json(value)
        if key == "before" and isinstance(nested, dict):
            before = nested
        elif key == "after" and isinstance(nested, dict):
            after = nested
        elif isinstance(nested, dict) and set(nested) <= {"from", "to"}:
            parts.append(_change(key, nested.get("from"), nested.get("to"), marks))
        elif isinstance(nested, list):
            items = [value_text(key, _scalar(item), inventory) for item in nested]
            parts.append(f"{key_label(key)}{marks.colon}{marks.comma.join(items) or '—'}")
        else:
            parts.append(f"{key_label(key)}{marks.colon}{value_text(key, value, inventory)}")
    if after is not None:
        parts.extend(_clock_changes(before or {}, after, marks))
    return marks.semicolon.join(parts)


@dataclass(frozen=True)
class _Marks:
    """The punctuation between a key and its value, between fields and between list items."""

    colon: str
    semicolon: str
    comma: str


def _marks() -> _Marks:
    # Chinese text takes full-width punctuation (GB/T 15834-2011 标点符号用法), and lists the
    # enumeration comma 、; the English UI keeps ASCII.
    if ui_language() == "zh":
        return _Marks("：", "；", "、")
    return _Marks(": ", "; ", ", ")


def _clock_changes(before: dict[str, Any], after: dict[str, Any], marks: _Marks) -> list[str]:
    keys = [k for k in after if after.get(k) != before.get(k)]
    return [_change(key, before.get(key), after.get(key), marks) for key in keys]


def _change(key: str, old: Any, new: Any, marks: _Marks) -> str:
    old_text = value_text(key, _scalar(old))
    new_text = value_text(key, _scalar(new))
    return f"{key_label(key)}{marks.colon}{old_text} → {new_text}"


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json(value: str) -> Any:
    if not value.startswith(("{", "[")):
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None
