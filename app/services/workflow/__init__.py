"""Case workflow (DESIGN.md §2): lifecycle with guards, waiting for the requester, identity
verification, four-eyes review, per-category actions, retention and purge, parties, notes and
messages, duplicates and reminders. Every change is an audit event."""

from app.services.workflow.availability import CaseActionState, action_state
from app.services.workflow.categories import complete_action, plan_deletion, set_action
from app.services.workflow.correspondence import add_note, record_message
from app.services.workflow.gates import unsettled_categories
from app.services.workflow.grounds import grounds_for, record_grounds, recorded_grounds
from app.services.workflow.inventory import Inventory, current_inventory, load_inventory
from app.services.workflow.lifecycle import close, respond, start_work, triage
from app.services.workflow.linking import link_new_case
from app.services.workflow.parties import add_party, addressee
from app.services.workflow.requester import ask_requester, log_reply, record_verification
from app.services.workflow.requester_details import (
    RequesterChange,
    RequesterDetails,
    correct_requester,
    requester_details,
)
from app.services.workflow.retention import PurgeCertificate, due_for_purge, purge
from app.services.workflow.reviews import (
    decide_review,
    has_approved_review,
    refusal_signed_off,
    request_review,
)
from app.services.workflow.transitions import ALLOWED, move

__all__ = [
    "ALLOWED",
    "CaseActionState",
    "Inventory",
    "PurgeCertificate",
    "RequesterChange",
    "RequesterDetails",
    "action_state",
    "add_note",
    "add_party",
    "addressee",
    "ask_requester",
    "close",
    "complete_action",
    "correct_requester",
    "current_inventory",
    "decide_review",
    "due_for_purge",
    "grounds_for",
    "has_approved_review",
    "link_new_case",
    "load_inventory",
    "log_reply",
    "move",
    "plan_deletion",
    "purge",
    "record_grounds",
    "record_message",
    "record_verification",
    "recorded_grounds",
    "refusal_signed_off",
    "request_review",
    "requester_details",
    "respond",
    "set_action",
    "start_work",
    "triage",
    "unsettled_categories",
]
