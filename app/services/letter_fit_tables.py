"""Which letter answers which kind of request and which recorded outcome (``letter_fit``'s
tables, shared with the batch: ``app.services.letter_batch``)."""

from collections.abc import Mapping

from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind

# The data subject's requests (PIPL Arts. 44-48, and the like elsewhere): what is not one of
# them (a complaint, a regulator's inquiry, a reminder of an earlier request, mail that is no
# request) gets no refusal of a request and no acknowledgement of a new one.
REQUEST_KINDS = frozenset(
    {
        CaseKind.ACCESS,
        CaseKind.COPY,
        CaseKind.CORRECTION,
        CaseKind.DELETION,
        CaseKind.ACCOUNT_CANCELLATION,
        CaseKind.CONSENT_WITHDRAWAL,
        CaseKind.OBJECTION,
        CaseKind.EXPLANATION,
        CaseKind.OTHER,
    }
)
ERASING_KINDS = frozenset(
    {CaseKind.DELETION, CaseKind.CONSENT_WITHDRAWAL, CaseKind.ACCOUNT_CANCELLATION}
)
# A letter that reports an outcome answers one kind of request (PIPL Art. 47: deletion, also
# on withdrawn consent; a cancelled account is deleted too). A complaint is acknowledged (it
# may have no statutory deadline; the letter then says "as soon as we can") and answered by a
# complaint response. Letters not listed answer any kind.
KINDS_OF_LETTER: Mapping[str, frozenset[CaseKind]] = {
    "acknowledgement": REQUEST_KINDS | {CaseKind.COMPLAINT},
    "identity_request": REQUEST_KINDS | {CaseKind.COMPLAINT},
    "clarification_request": REQUEST_KINDS | {CaseKind.COMPLAINT},
    "deletion_done": ERASING_KINDS,
    "cancellation_confirmation": frozenset({CaseKind.ACCOUNT_CANCELLATION}),
    "correction_done": frozenset({CaseKind.CORRECTION}),
    "access_response": frozenset({CaseKind.ACCESS, CaseKind.COPY}),
    "complaint_response": frozenset({CaseKind.COMPLAINT}),
    "consent_withdrawn": frozenset({CaseKind.CONSENT_WITHDRAWAL}),
    "objection_granted": frozenset({CaseKind.OBJECTION}),
    "explanation_given": frozenset({CaseKind.EXPLANATION}),
    "refusal": REQUEST_KINDS,
    "partial_refusal": REQUEST_KINDS,
}
EXTENSION_NOTICE = "extension_notice"
ERASURE_LETTERS = frozenset({"deletion_done", "cancellation_confirmation"})
ERASING_ACTIONS = frozenset({CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE})
ACCESS_RESPONSE = "access_response"
# A letter that tells what was done with the person's data goes to the person it is about
# only: their identity is checked first (PIPL Art. 50; GB/T 35273-2020 §8.7 a)).
# A consent withdrawal recorded or an objection met tells only that processing stopped: like
# the withdrawal itself (PIPL Art. 15: an easy way to withdraw) it waits for no identity proof;
# nor does the explanation of the processing rules (Art. 48), the company's rules for everyone.
IDENTITY_FIRST = frozenset({*ERASURE_LETTERS, ACCESS_RESPONSE, "correction_done"})
REFUSALS = frozenset({"refusal", "partial_refusal"})
# The outcomes of an answered case (a complaint not upheld is refused).
ANSWERED_OUTCOMES = frozenset(
    {CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED, CaseOutcome.REFUSED}
)
# Letters that ask the requester for something: while the clock runs they promise the due date.
ASKING_LETTERS = frozenset({"identity_request", "clarification_request"})
# Letters sent before the answer: they ask the requester for something or acknowledge the
# request. None goes once the case is answered, closed or kept only for retention.
BEFORE_ANSWER_LETTERS = ASKING_LETTERS | {"acknowledgement"}
CLOSED_STATUSES = frozenset({CaseStatus.CLOSED, CaseStatus.IN_RETENTION})
GRANTED = frozenset({CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED})
# The recorded outcomes each letter reporting one can state (``None``: the letter may go before
# the answer is recorded, being the answer itself). The access response and correction done
# report the request met (PIPL Arts. 45, 46), in whole or in part; the refusal only a refusal,
# the partial refusal only a request partly met, each with its grounds (PIPL Art. 50); the
# complaint response any finding; deletion done and the cancellation confirmation erasure
# done (Art. 47), never on a refused request; the consent withdrawal recorded (Art. 15), the
# objection met (Art. 44; GDPR Art. 21) and the explanation given (Art. 48) a request met.
OUTCOMES_OF_LETTER: Mapping[str, frozenset[CaseOutcome | None]] = {
    ACCESS_RESPONSE: GRANTED,
    "correction_done": GRANTED,
    "complaint_response": ANSWERED_OUTCOMES,
    "refusal": frozenset({CaseOutcome.REFUSED}),
    "partial_refusal": frozenset({CaseOutcome.PARTIALLY_FULFILLED}),
    "deletion_done": GRANTED | {None},
    "cancellation_confirmation": GRANTED | {None},
    "consent_withdrawn": GRANTED,
    "objection_granted": GRANTED,
    "explanation_given": GRANTED,
}
# The letter that reports a request of each kind met (a refusal of such a request points to
# it). A request of kind ``other`` has none: its answer is written by hand.
OUTCOME_LETTERS: Mapping[CaseKind, str] = {
    CaseKind.ACCESS: ACCESS_RESPONSE,
    CaseKind.COPY: ACCESS_RESPONSE,
    CaseKind.CORRECTION: "correction_done",
    CaseKind.DELETION: "deletion_done",
    CaseKind.ACCOUNT_CANCELLATION: "cancellation_confirmation",
    CaseKind.CONSENT_WITHDRAWAL: "consent_withdrawn",
    CaseKind.OBJECTION: "objection_granted",
    CaseKind.EXPLANATION: "explanation_given",
}
