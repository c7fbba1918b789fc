"""Whether a receipt instant read from a message or a form row can be the legal receipt: one
rule for mail and web-form imports; and whether a case's recorded receipt is still in doubt."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from app.models.enums import ReviewFlag

# What makes a case's receipt instant uncertain until a person confirms it: no usable Date:
# (none, or unreadable: the instant came from a Received: header, the file or the import), a
# Date: without a zone (read as UTC: the receipt day may be off by one) or with a zone name
# of several meanings (read by the earliest), one in the future
# or long past, or a colleague's forward of a request sent to the company whose own date
# could not be used (the forward's date stands, probably later than the company's receipt).
RECEIPT_FLAGS = frozenset(
    {
        ReviewFlag.MISSING_DATE,
        ReviewFlag.UNPARSABLE_DATE,
        ReviewFlag.DATE_WITHOUT_ZONE,
        ReviewFlag.DATE_ZONE_AMBIGUOUS,
        ReviewFlag.IMPLAUSIBLE_DATE,
        ReviewFlag.ORIGINAL_DATE_NOT_USED,
    }
)
# A Date: more than a day ahead of the import, or before this year, is not a receipt instant.
PLAUSIBLE_CLOCK_SKEW = timedelta(days=1)
EARLIEST_YEAR = 2000


def implausible_receipt(received_at: datetime, now: datetime) -> bool:
    """Whether a receipt instant read from a message or a form row cannot be the legal receipt:
    more than ``PLAUSIBLE_CLOCK_SKEW`` ahead of ``now`` or before ``EARLIEST_YEAR`` (both
    aware UTC). Such a case is flagged ``implausible_date``: no letter states the date and no
    deadline counts from it until a person confirms the receipt."""
    return received_at > now + PLAUSIBLE_CLOCK_SKEW or received_at.year < EARLIEST_YEAR


def receipt_doubts(review_flags: Iterable[str]) -> frozenset[ReviewFlag]:
    """Return the flags among a case's ``review_flags`` (their stored text) that put its
    receipt instant in doubt (``RECEIPT_FLAGS``); empty when the receipt is as recorded."""
    return frozenset(flag for flag in RECEIPT_FLAGS if flag.value in set(review_flags))
