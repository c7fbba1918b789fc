"""What every case letter states about its case, from the services' ``LetterContext``.

Shared by ``case_letters`` (letters whose content the record holds) and
``case_answer_letters`` (letters that ask for proof or report an answer).
"""

from app.reports.facts import Addressee, CaseFacts
from app.reports.printable_names import printable_name
from app.services.letter_languages import SINGLE, is_chinese
from app.services.letters import CategoryLine, LetterContext


def case_facts(context: LetterContext) -> CaseFacts:
    """Return the ``CaseFacts`` of ``context`` (the addressee when a party acts for the
    subject); names without the pictographs no font can print (``printable_name``)."""
    addressee = (
        Addressee(printable_name(context.addressee_name), context.addressee_role)
        if context.addressee_role is not None
        else None
    )
    return CaseFacts(
        reference=context.reference,
        kind=context.kind,
        jurisdiction=context.jurisdiction,
        subject_name=printable_name(context.requester_name),
        received_date=context.received_date,
        issued_date=context.issued_date,
        addressee=addressee,
    )


def category_name(line: CategoryLine, language: str) -> str:
    """Return the category's name in ``language`` (``"zh"``, ``"en"``; both for ``"zh+en"``)."""
    if language in SINGLE and is_chinese(language):
        return line.name_zh
    if language == "en":
        return line.name_en
    return f"{line.name_zh} / {line.name_en}"
