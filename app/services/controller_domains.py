"""The mail domains of the controller itself: whose staff and support mailboxes forward a
requester's mail to the privacy team.

The app knows the controller by its letterhead (Settings › Letterhead, else the shipped
``resources/letterhead.toml``): the domains are those of the privacy contact's and the
complaint channel's e-mail addresses and of the website's host, without a leading ``www.``.
A sender is the controller's when its domain is one of these or below one
(``support.xuyun.example`` under ``xuyun.example``). A URL with a user name or password
before its host (``https://user:pw@evil.com``, ``https://xuyun.example@evil.com``) gives no
domain at all: which part is the host is exactly what such a URL is written to blur, and a
wrong guess would make a stranger's forward read as a colleague's (QA round 17, F8).
"""

import re
import tomllib
from collections.abc import Iterable
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.resources import resource_path
from app.services.settings_letterhead import stored_letterhead

_ADDRESS_DOMAIN = re.compile(r"[^\s@<>()\[\],;:\"]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_WEBSITE = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?=[/:\s]|$)", re.I)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"']*")
_CONTACT_FIELDS = ("privacy_contact", "complaint_channel", "website")


def controller_domains(session: Session) -> frozenset[str]:
    """Return the controller's own mail domains, lower-case (see the module docstring).

    Args:
        session: an open session (the stored letterhead is read).

    Returns:
        The domains; empty when the letterhead names no address or website (an unreadable
        shipped letterhead gives none too: nothing is then taken for the controller's).
    """
    stored = stored_letterhead(session)
    texts = stored.texts() if stored is not None else _shipped_texts()
    return domains_in(texts.get(name) or "" for name in _CONTACT_FIELDS)


def domains_in(texts: Iterable[str]) -> frozenset[str]:
    """Return the domains of the e-mail addresses and web addresses in ``texts``
    (lower-case, a leading ``www.`` dropped); URLs with user info give none."""
    domains: set[str] = set()
    for written in texts:
        text = _URL.sub(_without_user_info, written)
        domains.update(match.lower() for match in _ADDRESS_DOMAIN.findall(text))
        without_addresses = _ADDRESS_DOMAIN.sub(" ", text)
        for site in _WEBSITE.findall(without_addresses):
            host = urlsplit(site if "//" in site else f"//{site}").hostname or ""
            domains.add(host.lower().removeprefix("www."))
    return frozenset(domain for domain in domains if "." in domain)


def _without_user_info(url: re.Match[str]) -> str:
    """Return the URL matched, or a space for one with user info or none readable."""
    try:
        netloc = urlsplit(url.group()).netloc
    except ValueError:  # a malformed IPv6 host: nothing is read from it
        return " "
    return " " if "@" in netloc else url.group()


def is_controller_address(address: str, domains: frozenset[str]) -> bool:
    """Return whether ``address``'s domain is one of ``domains`` or a subdomain of one."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    return any(domain == own or domain.endswith(f".{own}") for own in domains)


def _shipped_texts() -> dict[str, str | None]:
    try:
        text = resource_path("letterhead.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text).get("letterhead", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {name: str(table.get(name) or "") for name in _CONTACT_FIELDS}
