"""A mail file from one requester with a given Date: header, for the linking tests: whether a
reminder or a second request links to another case depends on the order of receipt."""

from email.message import EmailMessage
from pathlib import Path


def dated_eml(folder: Path, name: str, date_header: str, subject: str, body: str) -> Path:
    """Write ``folder/name``, a message from Erika Mustermann <erika@example.net> (the same
    sender in every file, so all are filed under one data subject), and return its path."""
    message = EmailMessage()
    message["From"] = "Erika Mustermann <erika@example.net>"
    message["Subject"] = subject
    message["Date"] = date_header
    message["Message-ID"] = f"<{name}@example.net>"
    message.set_content(body)
    path = folder / name
    path.write_bytes(bytes(message))
    return path
