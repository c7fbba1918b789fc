"""When a message was received: its Date: header read (an ``.eml`` file's or the internet
headers an Outlook item keeps), and the legal receipt instant taken from it or its fallbacks."""

from datetime import UTC, datetime
from email.message import Message
from typing import TYPE_CHECKING

from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.intake.headers import raw_header
from app.services.intake.mail_dates import read_mail_date_zone

if TYPE_CHECKING:
    from app.services.intake.message import IncomingMessage


def header_date(parsed: Message) -> tuple[datetime | None, ReviewFlag | None]:
    """Read the Date: of a message's headers (an ``.eml`` file's or the internet headers an
    Outlook ``.msg`` keeps), the one rule for both.

    Args:
        parsed: the message, or its headers alone.

    Returns:
        ``(sent_at, date_problem)``: the instant in UTC (``None`` when missing or unreadable)
        and ``MISSING_DATE`` (no or a blank Date:), ``UNPARSABLE_DATE`` (unreadable),
        ``DATE_WITHOUT_ZONE`` (a date and time without a known zone: none, ``-0000`` or an
        unknown zone name, RFC 5322 §3.3; the time is then read as UTC),
        ``DATE_ZONE_AMBIGUOUS`` (a zone name with several meanings, such as "CST": China
        +0800 or US Central −0600; read by the one giving the earliest instant, so that the
        deadline is never late), or ``None``.
    """
    value = raw_header(parsed, "Date")
    if value is None or not value.strip():
        return None, ReviewFlag.MISSING_DATE
    read = read_mail_date_zone(value)
    instant = read.instant
    if instant is None:
        return None, ReviewFlag.UNPARSABLE_DATE
    # Without a zone the receipt day itself is uncertain (23:30 UTC is 07:30 next day in
    # Beijing). The time is read as UTC, as RFC 5322 §3.3 reads "-0000" (a time whose local
    # zone is unknown), not in the controller's zone: the sender may write from anywhere, and
    # the Date: is the sender's clock, not the controller's. The flag says so, and a person
    # confirms the receipt date (Clock › Confirm receipt date).
    if not read.zone_known:
        return instant, ReviewFlag.DATE_WITHOUT_ZONE
    return instant, (ReviewFlag.DATE_ZONE_AMBIGUOUS if read.zone_ambiguous else None)


def receipt_instant(
    msg: "IncomingMessage", *, file_time: datetime | None, import_time: datetime
) -> tuple[datetime, ReceivedAtSource]:
    """Legal receipt instant: Date: header, else newest Received: header, else file time, else
    import time.

    The corpus convention (shared/corpus/README.md) takes the Date: header as the receipt
    instant; the fallbacks follow in order of how close they are to actual delivery.

    Args:
        msg: the parsed message.
        file_time: the file's modification time (aware), or ``None`` when unknown.
        import_time: when the import runs (aware).

    Returns:
        ``(instant in UTC, where it came from)``.

    Raises:
        ValueError: ``file_time`` or ``import_time`` is naive.
    """
    if msg.sent_at is not None:
        return msg.sent_at, ReceivedAtSource.DATE_HEADER
    if msg.received_header_times:
        return msg.received_header_times[0], ReceivedAtSource.RECEIVED_HEADER
    if file_time is not None:
        return _as_utc(file_time, "file_time"), ReceivedAtSource.FILE_TIME
    return _as_utc(import_time, "import_time"), ReceivedAtSource.IMPORT_TIME


def _as_utc(instant: datetime, name: str) -> datetime:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")
    return instant.astimezone(UTC)
