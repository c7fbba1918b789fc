"""Why a letter cannot go yet, in the command line's English (``letter_fit.blocker_message``),
by ``LetterBlocker`` value; the UI words the enum itself (``app.ui.letter_menu``)."""

_CONFIRM_RECEIPT = (
    "Confirm the receipt date of this case first (Case › Clock › Confirm receipt date…, "
    "or python -m app clock confirm-receipt): "
)

BLOCKER_MESSAGES: dict[str, str] = {
    "receipt_implausible": _CONFIRM_RECEIPT
    + "the message is dated in the future or long past, and the letter would state that "
    "impossible date.",
    "receipt_unconfirmed": _CONFIRM_RECEIPT
    + "the letter would state a date the message itself does not prove.",
    "name_unconfirmed": (
        "Confirm or correct the requester's name first (Case › Workflow › Requester "
        "details…, or python -m app requester-name REFERENCE [--name NAME]): part of the "
        "name was lost in the mail, and the letter would greet the requester by what is left."
    ),
    "identity_unverified": (
        "Check the requester's identity first (Case › Workflow › Identity check…): this "
        "letter tells what was done with personal information, and goes only to the "
        "person it is about."
    ),
    "nothing_erased": (
        "Nothing has been recorded as deleted or anonymised on this case yet: plan the "
        "deletion over the inventory and mark the categories done before writing that it "
        "was done."
    ),
    "nothing_exported": (
        "Nothing has been recorded as exported on this case yet: plan the copy over the "
        "inventory (Case › Workflow › Plan the copy over the inventory) and mark each data "
        "category done (Case › Workflow › Data categories…) before writing that the copy is "
        "attached."
    ),
    "export_not_done": (
        "The copy is planned but not every data category is marked exported yet: mark each "
        "done (Case › Workflow › Data categories…) before writing that the copy is attached. "
        "A category under a legal hold goes into the copy too (the hold only keeps it from "
        "deletion): plan it as exported."
    ),
    "no_deadline": "The case has no deadline yet, so there is no due date to extend.",
    "not_extended": "The case has no extension to notify: extend its deadline first.",
    "extension_too_late": "an extension notice must be sent before the original due date",
    "no_refusal_grounds": "Record the refusal grounds on the case first.",
    "identity_verified": (
        "The requester's identity is already verified: there is no identity proof to ask for."
    ),
    "already_answered": (
        "The case is already answered: a letter acknowledging the request or asking the "
        "requester for information no longer fits."
    ),
    "closed_without_answer": (
        "The case is closed without an answer (withdrawn, a duplicate, not a request or "
        "unverifiable): no letter acknowledges it, asks the requester for anything or "
        "reports an answer."
    ),
    "no_requester": (
        "The case has no requester and no addressee: record who made the request "
        "(Case › Workflow › Requester details…) before writing to them."
    ),
    "not_answered": (
        "Record the answer first (Case › Workflow › Answer…): this letter reports the outcome."
    ),
    "request_refused": (
        "The request was refused: send the refusal letter, with its grounds, instead of a "
        "letter saying the request was met in whole or in part."
    ),
    "request_partly_granted": (
        "The request was met in part: send the partial refusal letter, saying what was done "
        "and the grounds for the rest, instead of a refusal."
    ),
    "request_granted": (
        "The request was met in full: a refusal letter does not fit it (where its kind has a "
        "letter reporting what was done, send that one)."
    ),
    "deadline_passed": (
        "The case's due date has passed: this letter would promise an answer by a day already "
        "gone. Answer the case instead."
    ),
}
# A refusal asked for on a request met in full, where its kind has a letter reporting what was
# done: ``{letter_kind}`` is that letter's template key (named in the UI language,
# ``app.error_text``).
MET_IN_FULL = (
    "The request was met in full: send the letter '{letter_kind}' reporting what was done "
    "instead of a refusal."
)
