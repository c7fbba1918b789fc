"""What each response letter states, as plain frozen values (no ORM objects, no markup).

Every letter's facts carry a ``CaseFacts`` (who, which case, which law); the rest is specific to
the letter. Lists of text are printed one item per line; free text is printed literally; the
rows a letter lists item by item (annex rows, corrections, held categories, refusal grounds)
are in ``app.reports.letter_rows``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.models.enums import CaseKind, PartyRole
from app.reports.letter_rows import (
    CategoryNames,
    Correction,
    DataCopyRow,
    HeldCategory,
    RefusalGround,
)


@dataclass(frozen=True)
class Addressee:
    """A party the letter is addressed to instead of the data subject.

    Attributes:
        name: the party's name as written, or ``None`` (a neutral salutation is used).
        role: the capacity in which they act.
    """

    name: str | None
    role: PartyRole


@dataclass(frozen=True)
class CaseFacts:
    """What every letter states about its case.

    Attributes:
        reference: the case reference, e.g. ``"PD-2026-000123"``.
        kind: what was asked for.
        jurisdiction: rule-set code (``"CN"``, ``"EU"``, ``"UK"``, ``"US-CA"``, ...); picks the
            legal basis, the regulator, the judicial remedy and the refusal grounds.
        subject_name: the data subject's name, or ``None``.
        received_date: the legal receipt date in the rule's time zone.
        issued_date: the letter's date.
        addressee: a guardian, close relative or agent the letter goes to, or ``None`` when it
            goes to the subject.
        regulator: the supervisory authority to name instead of the jurisdiction's default
            (e.g. the EU lead supervisory authority when it is not Ireland's DPC), or ``None``.
    """

    reference: str
    kind: CaseKind
    jurisdiction: str
    subject_name: str | None
    received_date: date
    issued_date: date
    addressee: Addressee | None = None
    regulator: str | None = None


@dataclass(frozen=True)
class IdentityRequestFacts:
    """An identity-proof request (PIPL Art. 50 / GB/T 35273 §8.7; GDPR Art. 12(6); CCPA §7060).

    Attributes:
        case: the case. proofs: each proof asked for, one per line (e.g. "身份证正反面复印件").
        secure_channel: how to send it securely (an upload link, an encrypted mailbox).
        clock_paused: the rule stops the clock until the proof arrives (GB/T 35273 §8.7: the
            period runs from verification; UK GDPR as amended by DUAA 2025). ``False`` where
            it keeps running (CCPA 11 CCR §7021(b)).
        reply_by_date: the date by which the proof is asked for, or ``None``.
        due_date: the response date when the clock keeps running, or ``None``.
        stops_from_letter: the clock runs now, but the rule stops it from this letter until
            the reply (GDPR Art. 12(6) as the EU rule set reads it); the letter says so.
        due_date_by_hand: the company's own due date, set by hand before the statutory one, or
            ``None``. It does not move while the statutory clock waits, so a letter whose
            clock is paused or stops still promises it (``due_date`` then gives none).
        statutory_due_date: the statutory due date the rule counts under a hand date (PIPL
            Art. 50; GDPR Art. 12(3); CCPA §1798.130), or ``None`` when not known. Where the
            clock runs on, the letter states it as the legal limit and the hand date
            separately as the company's own commitment, never the hand date as the law's.
    """

    case: CaseFacts
    proofs: tuple[str, ...]
    secure_channel: str
    clock_paused: bool
    reply_by_date: date | None = None
    due_date: date | None = None
    stops_from_letter: bool = False
    due_date_by_hand: date | None = None
    statutory_due_date: date | None = None


@dataclass(frozen=True)
class ClarificationRequestFacts:
    """A request to clarify what the requester asks for.

    Attributes:
        case: the case. questions: each question, one per line.
        clock_paused: the rule stops the clock until the answer arrives (UK GDPR after DUAA
            2025; EU practice). reply_by_date, due_date, due_date_by_hand,
            statutory_due_date: as in ``IdentityRequestFacts``.
            (No rule set's pause is read as stopping the clock for a clarification from the
            letter on: EU and CN pauses are for identity, eu.toml/cn.toml; the letter states the
            due date while no pause is recorded.)
    """

    case: CaseFacts
    questions: tuple[str, ...]
    clock_paused: bool
    reply_by_date: date | None = None
    due_date: date | None = None
    due_date_by_hand: date | None = None
    statutory_due_date: date | None = None


@dataclass(frozen=True)
class ExtensionNoticeFacts:
    """Notice that the response period is extended (GDPR/UK GDPR Art. 12(3); CCPA §1798.130).

    Attributes:
        case: the case. reasons: each reason, one per line (complexity, number of requests).
        original_due_date: the date the notice must precede. extended_due_date: the new date.
    """

    case: CaseFacts
    reasons: tuple[str, ...]
    original_due_date: date
    extended_due_date: date


@dataclass(frozen=True)
class AccessResponseFacts:
    """An access response (PIPL Art. 45; GDPR Art. 15(1)-(3); CCPA §1798.110).

    Attributes:
        case: the case. purposes, categories, recipients, retention, sources: one entry per
            line (an empty ``recipients`` prints the template's "none" line).
        data_copy: the annex rows with the copy of the data.
        category_names: the categories held by their names in both languages, printed in
            each half's language after ``categories``.
    """

    case: CaseFacts
    purposes: tuple[str, ...]
    categories: tuple[str, ...]
    recipients: tuple[str, ...]
    retention: tuple[str, ...]
    sources: tuple[str, ...]
    data_copy: tuple[DataCopyRow, ...]
    category_names: tuple[CategoryNames, ...] = ()


@dataclass(frozen=True)
class CorrectionDoneFacts:
    """Confirmation that the personal information was corrected or completed.

    Attributes:
        case: the case. corrections: what was changed. completed_date: when.
        recipients_notified: recipients were told of the correction (GDPR Art. 19).
    """

    case: CaseFacts
    corrections: tuple[Correction, ...]
    completed_date: date
    recipients_notified: bool = False


@dataclass(frozen=True)
class DeletionDoneFacts:
    """Confirmation of a deletion: what was deleted and what was kept, why and until when.

    Attributes:
        case: the case. deleted: categories deleted or anonymised. held: categories kept.
        completed_date: when the deletion was done.
    """

    case: CaseFacts
    deleted: tuple[str, ...]
    held: tuple[HeldCategory, ...]
    completed_date: date


@dataclass(frozen=True)
class CancellationFacts:
    """Account-cancellation confirmation (PIPL Art. 47 ¶1(3) and ¶2; the company's privacy
    policy keeps the request's records ``account_cancellation`` months after cancellation).

    Attributes:
        case: the case. cancellation_date: the day the account was cancelled.
        deleted_now: categories recorded as deleted or anonymised.
        hold_months: months of the retention rules (rule key → months) from the team's
            inventory in settings; ``None`` for the shipped inventory's.
        held: the categories kept under a retention rule, each until its own date.
    """

    case: CaseFacts
    cancellation_date: date
    deleted_now: tuple[str, ...]
    hold_months: Mapping[str, int] | None = None
    held: tuple[HeldCategory, ...] = ()


@dataclass(frozen=True)
class RefusalFacts:
    """A refusal or partial refusal (PIPL Art. 50; GDPR Art. 12(4); CCPA §1798.105, §7022).

    Attributes:
        case: the case. grounds: at least one. fulfilled: what was done (partial refusal).
    """

    case: CaseFacts
    grounds: tuple[RefusalGround, ...]
    fulfilled: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComplaintResponseFacts:
    """The answer to a complaint (认定方法 2019: handled within 15 working days).

    Attributes:
        case: the case. findings: what was found. actions: what was done or will be done.
        upheld: whether the complaint was found justified.
    """

    case: CaseFacts
    findings: tuple[str, ...]
    actions: tuple[str, ...]
    upheld: bool
