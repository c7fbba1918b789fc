"""Letters for a case: maps the services' ``LetterContext`` to each template's facts.

This is the ``LetterRenderer`` the CLI and the GUI hand to ``app.services.letters``. It covers
every letter kind: those whose content the case record holds (acknowledgement, extension
notice, deletion done, account-cancellation confirmation, refusal, partial refusal) here,
those that ask for proof or report an answer (identity or clarification request, access
response, correction done, complaint response) in ``case_answer_letters``, and the consent
withdrawal, objection and explanation letters in ``outcome_letters``.
"""

from collections.abc import Callable
from typing import Any

from app.errors import LetterError, TemplateError
from app.models.enums import CategoryActionKind
from app.reports.acknowledgement import (
    AcknowledgementFacts,
    acknowledgement_version,
    render_acknowledgement,
)
from app.reports.case_answer_letters import ANSWER_BUILDERS
from app.reports.case_letter_facts import case_facts, category_name
from app.reports.case_letter_keys import CASE_TEMPLATES as CASE_TEMPLATES  # re-exported
from app.reports.facts import (
    CancellationFacts,
    DeletionDoneFacts,
    ExtensionNoticeFacts,
    RefusalFacts,
)
from app.reports.letter_kinds import (
    CANCELLATION_CONFIRMATION,
    DELETION_DONE,
    EXTENSION_NOTICE,
    PARTIAL_REFUSAL,
    REFUSAL,
)
from app.reports.letter_rows import HeldCategory, RefusalGround
from app.reports.letters import letter_version, render_letter
from app.reports.outcome_letters import (
    CONSENT_WITHDRAWN,
    EXPLANATION_GIVEN,
    OBJECTION_GRANTED,
    consent_withdrawn,
    explanation_given,
    objection_granted,
)
from app.reports.printable_names import printable_name
from app.reports.settings_letterhead import letterhead_for
from app.reports.wording_context import LetterKind
from app.services.letters import LetterContext, RenderedLetter

ERASED = frozenset({CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE})


def _erased(context: LetterContext, language: str) -> tuple[str, ...]:
    """The categories recorded as deleted or anonymised: a planned erasure not yet carried out
    is not stated as done (letter_fit lets the letter go once one erasure is done)."""
    return tuple(
        category_name(c, language) for c in context.categories if c.action in ERASED and c.done
    )


def _held(context: LetterContext, language: str) -> tuple[HeldCategory, ...]:
    """Every category on legal hold, with the rule that states its legal basis.

    Raises:
        LetterError: a hold whose rule the team's inventory no longer has.
    """
    held = [c for c in context.categories if c.action == CategoryActionKind.LEGAL_HOLD]
    if any(c.hold_rule is None or c.hold_until is None for c in held):
        raise LetterError(
            "A data category is held under a retention rule the data inventory no longer "
            "has: plan that category again before writing the letter."
        )
    return tuple(
        HeldCategory(category_name(c, language), "", c.hold_until, c.hold_rule)
        for c in held
        if c.hold_until is not None
    )


def _extension(context: LetterContext, _language: str) -> ExtensionNoticeFacts:
    if not (context.extension_reason and context.original_due_date and context.due_date):
        raise LetterError("The case has no extension to notify: extend its deadline first.")
    return ExtensionNoticeFacts(
        case_facts(context),
        (context.extension_reason,),
        context.original_due_date,
        context.due_date,
    )


def _deletion(context: LetterContext, language: str) -> DeletionDoneFacts:
    completed = context.responded_date or context.issued_date
    return DeletionDoneFacts(
        case_facts(context), _erased(context, language), _held(context, language), completed
    )


def _cancellation(context: LetterContext, language: str) -> CancellationFacts:
    cancelled = context.responded_date or context.issued_date
    return CancellationFacts(
        case_facts(context),
        cancelled,
        _erased(context, language),
        context.hold_months,
        _held(context, language),
    )


def _refusal(context: LetterContext, language: str) -> RefusalFacts:
    grounds = tuple(RefusalGround(code, detail or None) for code, detail in context.refusal_grounds)
    if not grounds:
        raise LetterError("Record the refusal grounds on the case first.")
    fulfilled = tuple(
        category_name(c, language) for c in context.categories if c.done and c.action in ERASED
    )
    return RefusalFacts(case_facts(context), grounds, fulfilled)


FactsBuilder = Callable[[LetterContext, str], Any]
_RECORD_BUILDERS: dict[str, tuple[LetterKind[Any], FactsBuilder]] = {
    EXTENSION_NOTICE.spec.key: (EXTENSION_NOTICE, _extension),
    DELETION_DONE.spec.key: (DELETION_DONE, _deletion),
    CANCELLATION_CONFIRMATION.spec.key: (CANCELLATION_CONFIRMATION, _cancellation),
    REFUSAL.spec.key: (REFUSAL, _refusal),
    PARTIAL_REFUSAL.spec.key: (PARTIAL_REFUSAL, _refusal),
    CONSENT_WITHDRAWN.spec.key: (CONSENT_WITHDRAWN, consent_withdrawn),
    OBJECTION_GRANTED.spec.key: (OBJECTION_GRANTED, objection_granted),
    EXPLANATION_GIVEN.spec.key: (EXPLANATION_GIVEN, explanation_given),
}
_ALL_BUILDERS = _RECORD_BUILDERS | ANSWER_BUILDERS
# In the Case menu's order (``CASE_TEMPLATES``, after the acknowledgement).
BUILDERS: dict[str, tuple[LetterKind[Any], FactsBuilder]] = {
    key: _ALL_BUILDERS[key] for key in CASE_TEMPLATES if key != "acknowledgement"
}


def render_case_letter(template_key: str, language: str, context: LetterContext) -> RenderedLetter:
    """Render the letter ``template_key`` in ``language`` (``zh``, ``en`` or ``zh+en``) for the
    case in ``context``.

    Returns:
        The PDF and the SHA-256 of the template text it came from.

    Raises:
        TemplateError: unknown template or a malformed template file.
        LetterError: the case lacks what the letter states (e.g. no extension to notify), or
            characters the font lacks (listed by code point).
    """
    if template_key == "acknowledgement":
        return _acknowledgement(language, context)
    if template_key not in BUILDERS:
        raise TemplateError(f"There is no letter template '{template_key}'.")
    kind, build = BUILDERS[template_key]
    pdf = render_letter(
        kind, build(context, language), language, letterhead_for(context.letterhead)
    )
    return RenderedLetter(pdf=pdf, template_version=letter_version(kind, language).sha256)


def _acknowledgement(language: str, context: LetterContext) -> RenderedLetter:
    facts = AcknowledgementFacts(
        reference=context.reference,
        kind=context.kind,
        requester_name=printable_name(context.addressee_name or context.requester_name),
        received_date=context.received_date,
        due_date=context.due_date,
        due_provisional=context.due_provisional,
        issued_date=context.issued_date,
        jurisdiction=context.jurisdiction,
    )
    pdf = render_acknowledgement(facts, language, letterhead_for(context.letterhead))
    return RenderedLetter(pdf=pdf, template_version=acknowledgement_version(language).sha256)
