"""The letterhead a letter prints: the one stored in settings, else the shipped default."""

from app.reports.letterhead import Letterhead, default_letterhead
from app.services.settings_letterhead import LetterheadFields


def letterhead_for(fields: LetterheadFields | None) -> Letterhead:
    """Return the ``Letterhead`` for the stored ``fields``, or ``resources/letterhead.toml``
    when nothing is stored (``None``).

    Raises:
        LetterheadImageError: a stored image is damaged or not PNG/JPEG.
        TemplateFieldError: the shipped default file is malformed (only when ``fields`` is None).
    """
    if fields is None:
        return default_letterhead()
    return Letterhead(
        company_name=fields.company_name,
        address=fields.address,
        privacy_contact=fields.privacy_contact,
        company_name_en=fields.company_name_en,
        address_en=fields.address_en,
        website=fields.website,
        complaint_channel=fields.complaint_channel,
        logo=fields.logo,
        signature_image=fields.signature_image,
    )
