"""Enumerations of the domain model (DESIGN.md §2). Values are stored as their text."""

from enum import StrEnum


class CaseKind(StrEnum):
    """What the data subject asks for.

    ``not_a_request`` is the triage classification of mail that asks for nothing under data
    protection law (it is kept as a case so that a person confirms it; DESIGN.md lists it as an
    outcome, and the case closes with that outcome once confirmed). ``reminder`` holds a
    follow-up whose original request was not found, flagged for a person to link.
    """

    ACCESS = "access"
    COPY = "copy"
    CORRECTION = "correction"
    DELETION = "deletion"
    ACCOUNT_CANCELLATION = "account_cancellation"
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    OBJECTION = "objection"
    EXPLANATION = "explanation"
    COMPLAINT = "complaint"
    REGULATOR_INQUIRY = "regulator_inquiry"
    REMINDER = "reminder"
    NOT_A_REQUEST = "not_a_request"
    OTHER = "other"


class CaseStatus(StrEnum):
    """Where a case is in its lifecycle (kept apart from its outcome)."""

    NEW = "new"
    TRIAGED = "triaged"
    AWAITING_REQUESTER = "awaiting_requester"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    RESPONDED = "responded"
    IN_RETENTION = "in_retention"
    CLOSED = "closed"


class CaseOutcome(StrEnum):
    """The result of a case, set when it is answered."""

    FULFILLED = "fulfilled"
    PARTIALLY_FULFILLED = "partially_fulfilled"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    UNVERIFIABLE = "unverifiable"
    NOT_A_REQUEST = "not_a_request"
    DUPLICATE = "duplicate"
    REDIRECTED_TO_SELF_SERVICE = "redirected_to_self_service"


class Channel(StrEnum):
    """How the request reached the controller."""

    EMAIL = "email"
    WEB_FORM = "web_form"
    PHONE = "phone"
    LETTER = "letter"
    IN_PERSON = "in_person"


class ReviewFlag(StrEnum):
    """Why a case needs a person's attention before it is worked."""

    MISSING_DATE = "missing_date"
    UNPARSABLE_DATE = "unparsable_date"
    NOT_A_REQUEST = "not_a_request"
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_REQUESTER = "unknown_requester"
    RAW_TEMPLATE_MARKUP = "raw_template_markup"
    UNLINKED_REMINDER = "unlinked_reminder"
    PROVISIONAL_DEADLINE = "provisional_deadline"
    POSSIBLE_DUPLICATE = "possible_duplicate"
    IMPLAUSIBLE_DATE = "implausible_date"
    # A phone number or account ID quoted in a message is held by another data subject: a
    # claim for identity verification to check (GB/T 35273-2020 §8.7, PIPL Art. 50), never
    # a reason to file the case under that subject.
    QUOTED_ID_OF_OTHER_SUBJECT = "quoted_id_of_other_subject"
    # A text mail with a few NUL or other control bytes (a broken mail client or gateway) was
    # imported with them removed: someone should read the original to be sure nothing else
    # was damaged.
    STRAY_NUL_BYTES = "stray_nul_bytes"
    # The letter's language was guessed on weak or mixed evidence (few stopwords, no writing
    # system holding half its words): it decides the letter's language and, failing a named
    # law, the jurisdiction, so a person confirms it.
    LANGUAGE_UNCERTAIN = "language_uncertain"
    # The MIME structure is damaged (invalid base64, a missing closing boundary, a truncated
    # part): the text was recovered as far as it goes; read the original.
    DAMAGED_MESSAGE = "damaged_message"
    # The sender's name was longer than a name field holds (200 characters) and was shortened:
    # the original message keeps it whole, the audit trail its length.
    NAME_SHORTENED = "name_shortened"
    # The Date: header has a date and time but no usable zone (none, "-0000" or an unknown
    # name; RFC 5322 §3.3 requires one): the time was read as UTC, which can shift the receipt
    # day by one. A person confirms the receipt date.
    DATE_WITHOUT_ZONE = "date_without_zone"
    # The Date: names its zone by an abbreviation with several meanings ("CST": China +0800,
    # US Central -0600 (RFC 5322 §4.3) or Cuba; "IST": India, Ireland or Israel): it was read
    # by the meaning giving the earliest receipt, so that no deadline is late. A person
    # confirms the receipt date.
    DATE_ZONE_AMBIGUOUS = "date_zone_ambiguous"
    # The text did not decode strictly in the charset its part declares (e.g. Big5 bytes
    # labelled gb2312): it was decoded by detection (charset-normalizer); read the original.
    CHARSET_MISMATCH = "charset_mismatch"
    # A regulator's inquiry: no statute sets its deadline; the date the letter states (if any)
    # was taken as the deadline and must be confirmed against the letter.
    REGULATOR_INQUIRY = "regulator_inquiry"
    # No deadline could be computed (no rule for the kind in the case's jurisdiction and no
    # time limit stated in the letter): a person sets or confirms one.
    NO_DEADLINE = "no_deadline"
    # From: names several addresses (RFC 5322 §3.6.2 allows several authors): the first was
    # taken as the requester; a person checks who is asking.
    SEVERAL_SENDERS = "several_senders"
    # The sender's address held invisible characters (zero-width space, bidi marks, BOM),
    # removed from the address kept: a person checks it is the one the requester uses.
    ADDRESS_INVISIBLES = "address_invisibles"
    # The message forwards another person's message (attached, or quoted inline below a
    # "Forwarded message" line): the data subject may be its sender, not the forwarder. The
    # triage reasons name that sender; a forward from the company's own domain was filed
    # under it. A person checks who the subject is and whether the forwarder acts for them.
    FORWARDED = "forwarded"
    # The MIME parts or a header's comments nest deeper than mail ever does (64 levels): the
    # headers and the text above that depth were read; the rest is only in the original.
    DEEPLY_NESTED = "deeply_nested"
    # The sender's display name held invisible characters (zero-width joiners beside Latin or
    # Han letters, bidi controls, BOM), removed from the name kept: a person checks the name.
    NAME_INVISIBLES = "name_invisibles"
    # The sender's display name lost characters in decoding (an RFC 2047 encoded word cut
    # inside a character, as some clients cut long names; bytes no charset reads): what its
    # declared charset reads was kept, the lost character left out. A person checks the name
    # against the original before a letter addresses the requester by it.
    NAME_DAMAGED = "name_damaged"
    # The phone number the letter gives is not a valid number of its country (too short, too
    # long, an unassigned range: ``phone_region.phone_not_valid``). Kept as written; a person
    # checks it against the letter.
    PHONE_NOT_VALID = "phone_not_valid"
    # Triaged as a regulator's inquiry, but not from a listed regulator's mail domain
    # (resources/triage/regulators.toml): from another public body's domain ("….gov.cn") or a
    # private one. A person confirms that an authority writes before it is answered as one.
    UNLISTED_REGULATOR_SENDER = "unlisted_regulator_sender"
    # The sender's mail domain imitates a public body's or regulator's ("gov.cn.example.com",
    # "gov-cn.com", Cyrillic or fullwidth letters): possible spoofing; it counted as neither.
    LOOKALIKE_SENDER_DOMAIN = "lookalike_sender_domain"
    # Migration 0016 removed invisible characters from a stored address that another data
    # subject record already holds: the two records were not merged; both are found by it. A
    # person checks whether they are one person (and merges them) or two.
    ADDRESS_OF_OTHER_SUBJECT = "address_of_other_subject"
    # A due date set by hand was dropped without a person asking: the statutory deadline,
    # counted again (a corrected receipt, another jurisdiction or kind, a changed calendar),
    # fell before it. A person checks the new date and what was promised to the requester.
    DUE_DATE_RELEASED = "due_date_released"
    # From: named no mailbox (an empty group such as "undisclosed-recipients:;", or a name
    # alone): the requester's address was taken from Sender: or Reply-To: (RFC 5322 §3.6.2),
    # which may be an agent's or a mailing system's. A person checks who is asking.
    SENDER_NOT_IN_FROM = "sender_not_in_from"
    # A regulator's letter states several time limits (a reply within days, remediation by a
    # later date): the earliest was taken as the due date; a person diaries the later ones.
    SEVERAL_STATED_LIMITS = "several_stated_limits"
    # A colleague forwarded a request that had first reached another of the company's own
    # mailboxes (its To:/Cc: on the company's domains): the statutory clock runs from that
    # first receipt (PIPL Art. 50, GDPR Art. 12(3): receipt by the controller), so the case's
    # receipt is the forwarded message's own date; the triage evidence and the case's first
    # event name it and the forward's. A person checks the date against the original.
    RECEIVED_EARLIER_BY_COMPANY = "received_earlier_by_company"
    # Such a forwarded request's own date could not be used (none, unreadable, day and month
    # ambiguous, later than the forward or in the future, or more than 92 days before it): the
    # forward's date stands, probably later than the company's first receipt. A person
    # confirms the receipt date (Clock › Confirm receipt date).
    ORIGINAL_DATE_NOT_USED = "original_date_not_used"


class ReceivedAtSource(StrEnum):
    """Where the legal receipt instant of a message was taken from."""

    DATE_HEADER = "date_header"
    RECEIVED_HEADER = "received_header"
    FILE_TIME = "file_time"
    IMPORT_TIME = "import_time"
    ENTERED = "entered"


class AttachmentKind(StrEnum):
    """What an attachment is, which decides its retention."""

    ORIGINAL_MESSAGE = "original_message"
    CORRESPONDENCE = "correspondence"
    ID_DOCUMENT = "id_document"
    EVIDENCE = "evidence"


class PauseReason(StrEnum):
    """Why a case's clock is stopped (where the rule lets a pause stop it)."""

    IDENTITY_VERIFICATION = "identity_verification"
    CLARIFICATION = "clarification"
    FEE = "fee"
    OTHER = "other"


class StaffRole(StrEnum):
    """What a staff member may do (DESIGN.md §2)."""

    HANDLER = "handler"
    REVIEWER = "reviewer"
    MANAGER = "manager"
    AUDITOR = "auditor"
    ADMIN = "admin"


class VerificationMethod(StrEnum):
    """How a requester's identity was checked (PIPL Art. 50; GB/T 35273-2020 §8.7)."""

    ACCOUNT_LOGIN = "account_login"
    SMS_CODE = "sms_code"
    ID_DOCUMENT = "id_document"
    FACE_VERIFICATION = "face_verification"
    KNOWN_CORRESPONDENCE = "known_correspondence"
    OTHER = "other"


class ReviewSubject(StrEnum):
    """What a second person signs off (four-eyes): a deletion, a refusal, an outgoing letter."""

    DELETION = "deletion"
    REFUSAL = "refusal"
    LETTER = "letter"


class ReviewDecision(StrEnum):
    """A reviewer's decision."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class CategoryActionKind(StrEnum):
    """What is done to one data category of the inventory for a case."""

    DELETE = "delete"
    ANONYMISE = "anonymise"
    CORRECT = "correct"
    EXPORT = "export"
    LEGAL_HOLD = "legal_hold"
    NONE_HELD = "none_held"


class PartyRole(StrEnum):
    """Who acts for the data subject."""

    GUARDIAN = "guardian"  # of a minor under 14 (PIPL Art. 31)
    CLOSE_RELATIVE = "close_relative"  # of a deceased person (PIPL Art. 49)
    AUTHORISED_AGENT = "authorised_agent"


class MessageDirection(StrEnum):
    """A message to or from the requester."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"
