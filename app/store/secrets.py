"""A small interface to the OS secret store (STYLE.md §9), so tests never touch the real one."""

from typing import Protocol

import keyring
import keyring.errors
from keyring.backends import chainer, fail

SERVICE_NAME = "Privacy Desk"


class SecretStore(Protocol):
    """Keeps short secrets (database keys) under a name."""

    def get(self, name: str) -> str | None:
        """Return the secret stored under ``name``, or ``None``."""
        ...

    def set(self, name: str, secret: str) -> None:
        """Store ``secret`` under ``name``, replacing any earlier one."""
        ...


class KeyringSecretStore:
    """``SecretStore`` over the ``keyring`` package (Secret Service, macOS Keychain, Windows
    Credential Locker)."""

    def get(self, name: str) -> str | None:
        """Return the secret stored under ``name``, or ``None``."""
        value: str | None = keyring.get_password(SERVICE_NAME, name)
        return value

    def set(self, name: str, secret: str) -> None:
        """Store ``secret`` under ``name``.

        Raises:
            keyring.errors.KeyringError: the backend refused (locked, no permission).
        """
        keyring.set_password(SERVICE_NAME, name, secret)


class MemorySecretStore:
    """``SecretStore`` held in memory, for tests and for a session without a keyring."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        """Return the secret stored under ``name``, or ``None``."""
        return self._secrets.get(name)

    def set(self, name: str, secret: str) -> None:
        """Store ``secret`` under ``name``."""
        self._secrets[name] = secret


def system_secret_store() -> KeyringSecretStore | None:
    """Return the OS keyring store, or ``None`` where no usable backend exists (a headless Linux
    box without Secret Service), in which case the caller falls back to a passphrase."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return KeyringSecretStore()
