"""Today's date where the controller answers its requests: the list's days left, the case
header's, the overdue view and the dashboard all count from it, so that they agree."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# The controller (须云) answers from China: its CN rule set counts in Asia/Shanghai, and the
# dashboard states its figures for that day. A case under another law still has its due date
# computed in its own rule's zone (``app.services.clock_adjustments.receipt_zone``).
COMPANY_ZONE = ZoneInfo("Asia/Shanghai")


def company_today(instant: datetime | None = None) -> date:
    """Return the date of ``instant`` (aware; default now) in the controller's zone
    ``COMPANY_ZONE``: the day the list, the case header and the dashboard count days left
    from. Around midnight it differs from the computer's date for staff outside UTC+8, and the
    list must not call a case overdue that the dashboard still counts as due today."""
    return (instant or datetime.now(UTC)).astimezone(COMPANY_ZONE).date()
