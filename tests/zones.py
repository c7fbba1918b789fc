"""Tests that run as on a computer set to another time zone (``$TZ``, as the app reads it)."""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def computer_zone(name: str) -> Iterator[None]:
    """Run the block with ``$TZ`` set to the IANA zone ``name``, then restore it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
