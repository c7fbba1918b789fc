"""Today's date where the staff member sits: letters carry it, days left count from it."""

from datetime import UTC, date, datetime


def local_today() -> date:
    """Return today's date in this computer's local time zone."""
    return datetime.now(UTC).astimezone().date()
