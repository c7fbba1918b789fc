"""Whether a receipt instant read from a message or a form row can be the legal receipt: one
rule for mail and web-form imports."""

from datetime import datetime, timedelta

# A Date: more than a day ahead of the import, or before this year, is not a receipt instant.
PLAUSIBLE_CLOCK_SKEW = timedelta(days=1)
EARLIEST_YEAR = 2000


def implausible_receipt(received_at: datetime, now: datetime) -> bool:
    """Whether a receipt instant read from a message or a form row cannot be the legal receipt:
    more than ``PLAUSIBLE_CLOCK_SKEW`` ahead of ``now`` or before ``EARLIEST_YEAR`` (both
    aware UTC). Such a case is flagged ``implausible_date``: no letter states the date and no
    deadline counts from it until a person confirms the receipt."""
    return received_at > now + PLAUSIBLE_CLOCK_SKEW or received_at.year < EARLIEST_YEAR
