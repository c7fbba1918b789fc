"""What each response letter states, as plain frozen values (no ORM objects, no markup).

Every letter's facts carry a ``CaseFacts`` (who, which case, which law); the rest is specific to
the letter. Lists of text are printed one item per line; free text is printed literally.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.models.enums import CaseKind, CategoryActionKind, PartyRole
from app.services.letter_languages import is_chinese
from app.services.workflow.inventory import RetentionRule


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
class CategoryNames:
    """A data category's name in each letter language (the data inventory's)."""

    zh: str
    en: str

    def in_language(self, language: str) -> str:
        """Return the name in ``language`` (Chinese for ``"zh"`` and ``"zh-Hant"``: the
        inventory's names are the company's own, kept as written; anything else: English)."""
        return self.zh if is_chinese(language) else self.en


@dataclass(frozen=True)
class DataCopyRow:
    """One row of the annex to an access response: the copy of the personal information.

    Attributes:
        category: e.g. "账号信息". items: the data items with their values (may be long).
        source: where it came from. retention: how long it is kept. An empty ``items``,
            ``source`` or ``retention`` is worded from what the record holds instead
            (``app.reports.annex_cells``: the export and its date, the letter's section on
            sources, the inventory's deletion).
        rule: the inventory's retention rule the category is held under; the letter then
            states that rule's legal basis in its own language instead of ``retention``.
        names: the category's names, printed in the letter's language instead of ``category``.
        exported_date: the day the copy of this category was made (the export recorded done).
        held: ``False`` where the company holds no information in the category.
        on_deletion: what the inventory does to the category on a deletion.
        refused: not in the copy because the request was met only in part (the partial
            refusal gives the grounds, PIPL Art. 50); a held row neither exported nor refused
            nor worded by the handler is refused by the letter (``CopyLeftOutError``).
    """

    category: str
    items: str
    source: str
    retention: str
    rule: RetentionRule | None = None
    names: CategoryNames | None = None
    exported_date: date | None = None
    held: bool = True
    on_deletion: CategoryActionKind | None = None
    refused: bool = False


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
class Correction:
    """One corrected or completed item (PIPL Art. 46; GDPR Art. 16): the item and its new value.

    ``names``: the category's names, printed in the letter's language instead of ``item``;
    ``corrected_date``: the day it was corrected. An empty ``corrected_value`` is worded from
    the date (``app.reports.annex_cells``).
    """

    item: str
    corrected_value: str
    names: CategoryNames | None = None
    corrected_date: date | None = None


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
class HeldCategory:
    """A category kept after a deletion or cancellation, and why (PIPL Art. 47 ¶2; GDPR
    Art. 17(3)(b)).

    Attributes:
        category: e.g. "订单与交易记录".
        legal_basis: the law that requires keeping it, printed as written when ``rule`` is
            ``None`` (a basis the handler words).
        held_until: the date after which it is deleted or anonymised.
        rule: the inventory's retention rule it is held under; the letter then states that
            rule's legal basis in its own language (``retention_basis`` of ``terms.toml``).
    """

    category: str
    legal_basis: str
    held_until: date
    rule: RetentionRule | None = None


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
class RefusalGround:
    """One ground of a refusal, from the jurisdiction's list, with an optional case detail.

    Attributes:
        key: the ground's key in ``jurisdictions.toml`` (e.g. ``"trade_secret"``).
        detail: what it means in this case (printed after the ground), or ``None``.
    """

    key: str
    detail: str | None = None


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
