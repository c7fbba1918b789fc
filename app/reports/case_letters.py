"""Letters for a case: maps the services' ``LetterContext`` to a template's facts.

This is the ``LetterRenderer`` the CLI and the GUI hand to ``app.services.letters``.
"""

from app.errors import TemplateError
from app.reports.acknowledgement import (
    ACKNOWLEDGEMENT,
    AcknowledgementFacts,
    acknowledgement_version,
    render_acknowledgement,
)
from app.reports.letterhead import default_letterhead
from app.services.letters import LetterContext, RenderedLetter


def render_case_letter(template_key: str, language: str, context: LetterContext) -> RenderedLetter:
    """Render the letter ``template_key`` in ``language`` for the case in ``context``.

    Returns:
        The PDF and the SHA-256 of the template text it came from.

    Raises:
        TemplateError: unknown template or a malformed template file.
        LetterError: characters the font lacks (listed by code point).
    """
    if template_key != ACKNOWLEDGEMENT.key:
        raise TemplateError(f"There is no letter template '{template_key}'.")
    facts = AcknowledgementFacts(
        reference=context.reference,
        kind=context.kind,
        requester_name=context.requester_name,
        received_date=context.received_date,
        due_date=context.due_date,
        due_provisional=context.due_provisional,
        issued_date=context.issued_date,
        jurisdiction=context.jurisdiction,
    )
    pdf = render_acknowledgement(facts, language, default_letterhead())
    return RenderedLetter(pdf=pdf, template_version=acknowledgement_version(language).sha256)
