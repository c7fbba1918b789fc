"""The country in which a letter's phone number written without a country code is dialled,
when the letter says so unambiguously, and that number in its international form.

A requester writes a number the way it is dialled at home: "06 12 34 56 78" in France,
"030 1234567" in Berlin, "07400 123456" in Britain. Read with its country (ITU-T E.164,
via Google's libphonenumber metadata in ``phonenumbers``) it is stored as +33612345678, the
same value as the person's "+33 6 12 34 56 78" in another letter. The country is taken from
what the message gives: the country-code domain of the sender's address, when the rule set
lists it as a country's (``[contact_country.domains]``: "example.fr", not a ".io" or ".co"
name), and the country of a language written in one country only (Japanese, Korean, Thai).
When these name two countries, or none, the number is kept as written.
"""

from functools import cache

from app.services.intake.vocabulary import TriageRules

# Country-code domains that are not their region's ISO 3166 code (IANA: "uk" for GB).
_DOMAIN_REGIONS = {"uk": "GB"}
# Mainland Chinese numbers are stored in their national form, the form staff type and search
# by prefix (``app.services.contact_points.normalise_phone``): not rewritten here.
_NATIONAL_FORM_REGIONS = frozenset({"CN"})


def phone_region(address: str | None, language: str | None, rules: TriageRules) -> str | None:
    """Return the one country (ISO 3166-1 alpha-2, as ``phonenumbers`` names regions) that the
    message gives for dialling a number written without a country code.

    Args:
        address: the sender's addr-spec, or ``None``.
        language: the letter's language (ISO 639-1) when detected with certainty, else ``None``.
        rules: the triage rules (country-code domains, languages and their jurisdictions).

    Returns:
        The region when the sender's listed country-code domain and the language's single
        country name one and the same (or only one of them names any), else ``None``.
    """
    domain = (address or "").rpartition("@")[2].strip().rstrip(".").casefold()
    top = domain.rpartition(".")[2] if "." in domain else ""
    regions = set()
    if top in rules.country_domains:
        regions.add(_DOMAIN_REGIONS.get(top, top.upper()))
    vocabulary = rules.languages.get(language or "")
    if vocabulary is not None and vocabulary.jurisdiction is not None:
        regions.add(vocabulary.jurisdiction)
    regions &= _supported_regions()  # "EU" is no dialling region
    return regions.pop() if len(regions) == 1 else None


def international_phone(phone: str, region: str | None) -> str:
    """Return the normalised ``phone`` (``contact_points.normalise_phone``) in its E.164 form
    when it is written without a country code and is a valid number of ``region``.

    Args:
        phone: a normalised phone number: digits, "+" and digits for one with a country code.
        region: the region from ``phone_region``, or ``None``.

    Returns:
        "+33612345678" for "0612345678" in FR; ``phone`` unchanged for a number with a
        country code, without a region, in a region whose numbers are stored nationally (CN),
        or not valid there (too short, an unassigned range).
    """
    if region is None or phone.startswith("+") or region in _NATIONAL_FORM_REGIONS:
        return phone
    import phonenumbers  # its region metadata loads at the first number read

    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_valid_number(number):
        return phone
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@cache
def _supported_regions() -> frozenset[str]:
    """The regions ``phonenumbers`` has numbering plans for."""
    import phonenumbers  # see international_phone

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def phone_not_valid(phone: str, region: str | None) -> bool:
    """Whether ``phone`` is known not to be a valid number (ITU-T E.164 numbering plans, via
    ``phonenumbers.is_valid_number``): too short or too long for its country, or in a range
    not assigned there ("06 12 34 56 7", nine digits where French numbers have ten).

    The number is kept as written all the same: it is what the person wrote, what their other
    letters may repeat and what staff search for; a person checks it against the letter.

    Args:
        phone: a normalised phone number (``contact_points.normalise_phone``).
        region: the region from ``phone_region``, or ``None``.

    Returns:
        ``True`` for a number with a country code, or one without in ``region``, that is not
        valid there; ``False`` when valid, or when nothing tells its country (no "+", no
        region): a number that cannot be judged is not doubted.
    """
    if not phone.startswith("+") and region is None:
        return False
    import phonenumbers  # see international_phone

    try:
        number = phonenumbers.parse(phone, None if phone.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return True
    return not phonenumbers.is_valid_number(number)
