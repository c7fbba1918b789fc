"""The letterhead a letter prints: the one stored in settings, else the shipped default."""

from app.errors import LetterError
from app.reports.letterhead import Letterhead, default_letterhead
from app.services.settings_letterhead import (
    LetterheadFields,
    is_web_address,
    privacy_contact_address,
)

CONTACT_NOT_AN_EMAIL = (
    "The privacy contact in Settings › Letterhead is not an e-mail address, and letters tell "
    "the requester to write to it: enter the address there, then make the letter again."
)


def letterhead_for(fields: LetterheadFields | None) -> Letterhead:
    """Return the ``Letterhead`` for the stored ``fields``, or ``resources/letterhead.toml``
    when nothing is stored (``None``).

    A letterhead stored before Settings checked the privacy contact and the website may hold
    others. A website that is not an http(s) address (``javascript:alert(1)``, ``ftp://x``) is
    left out: it is optional, and the letter is whole without it. A privacy contact that is no
    e-mail address refuses the letter: every letter tells the requester to write to it (PIPL
    Art. 52 contact), so a letter without it, or with "not an email" in it, would mislead.

    Raises:
        LetterError: the stored privacy contact is not an e-mail address (``CONTACT_NOT_AN_EMAIL``,
            naming Settings › Letterhead; never the value).
        LetterheadImageError: a stored image is damaged or not PNG/JPEG.
        TemplateFieldError: the shipped default file is malformed (only when ``fields`` is None).
    """
    if fields is None:
        return default_letterhead()
    contact = privacy_contact_address(fields.privacy_contact)
    if contact is None:
        raise LetterError(CONTACT_NOT_AN_EMAIL)
    website = fields.website if fields.website and is_web_address(fields.website) else None
    return Letterhead(
        company_name=fields.company_name,
        address=fields.address,
        privacy_contact=contact,
        company_name_en=fields.company_name_en,
        address_en=fields.address_en,
        company_name_hant=fields.company_name_hant,
        address_hant=fields.address_hant,
        website=website,
        complaint_channel=fields.complaint_channel,
        logo=fields.logo,
        signature_image=fields.signature_image,
    )
