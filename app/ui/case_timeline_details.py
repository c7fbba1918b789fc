"""The details column of the case timeline: an event's payload in words.

Payloads are (key, text) pairs with nested values as JSON (``case_queries._details``). Known keys
get translated names and their values go through the enum labels; data categories and retention
rules show by their names in the data inventory (``resources/workflow/inventory.toml``) in the
UI's language; ISO timestamps show in this computer's zone (``app.ui.local_times``), hashes
shortened; keys not listed here show as recorded, so a new payload field is never hidden. Text
shown as recorded (a handler's name, a reference, a value no table knows) is isolated
(``app.ui.bidi.isolate``): an Arabic or Hebrew value does not reorder the sentence around it.
The words themselves are in ``case_timeline_words``. In a Chinese UI the punctuation
is Chinese (``数据类别：账号信息；清除日期：2027-05-30``).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    Channel,
    PauseReason,
    ReviewDecision,
    ReviewSubject,
    VerificationMethod,
)
from app.services.workflow.inventory import Inventory, load_inventory
from app.ui.bidi import isolate
from app.ui.calendar_names import calendar_label, region_name
from app.ui.case_header import channel_label
from app.ui.case_timeline_words import enum_part, key_label, word
from app.ui.labels import (
    kind_label,
    language_name,
    letter_template_label,
    pause_reason_label,
    status_label,
    ui_language,
)
from app.ui.labels_workflow import method_label, outcome_label, review_label
from app.ui.local_times import local_minute

# Keys whose values are keys of the data inventory: categories, and retention rules.
CATEGORY_KEYS = frozenset({"category", "still_held"})
RULE_KEYS = frozenset({"hold_rule"})


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
    "calendar": calendar_label,
    "region": region_name,
    "language": lambda v: " + ".join(language_name(code) for code in v.split("+")),
    "direction": enum_part,
    "role": enum_part,
    "action": enum_part,
    "from": _status_or_time,
    "to": _status_or_time,
}


def value_text(key: str, value: str, inventory: Inventory | None = None) -> str:
    """Return ``value`` of payload field ``key`` in words: enum values through their labels,
    data categories and retention rules by their names in ``inventory`` (the shipped one when
    ``None``; a key it does not know as recorded), hashes shortened to 12 hex digits, ISO
    timestamps in this computer's zone (minutes); recorded text isolated (FSI … PDI)."""
    if key in CATEGORY_KEYS | RULE_KEYS:
        if value in ("null", ""):  # a category planned without a hold has no rule
            return "—"
        return _inventory_name(key, value, inventory or load_inventory())
    convert = _VALUE.get(key)
    if convert is not None and value not in ("null", ""):
        try:
            return convert(value)
        except (KeyError, ValueError):
            return isolate(value)
    if key.endswith("sha256") and len(value) == 64:
        return value[:12] + "…"
    return _plain(value)


def _inventory_name(key: str, value: str, inventory: Inventory) -> str:
    chinese = ui_language() == "zh"
    if key in RULE_KEYS:
        rule = inventory.rules.get(value)
        return rule.title("zh" if chinese else "en") if rule else isolate(value)
    category = inventory.categories.get(value)
    if category is None:
        return isolate(value)
    return (category.name_zh if chinese else category.name_en) or isolate(value)


def _plain(value: str) -> str:
    fixed = word(value)
    if fixed is not None:
        return fixed
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return isolate(value)  # recorded text (a name, a reference): kept in its own direction
    if "T" not in value or moment.tzinfo is None:
        return value  # a plain date reads as it is
    return local_minute(moment)


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
