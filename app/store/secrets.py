"""A small interface to the OS secret store (STYLE.md §9), so tests never touch the real one."""

from typing import Protocol

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
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
    """``SecretStore`` over a ``keyring`` backend (Secret Service, macOS Keychain, Windows
    Credential Locker).

    Args:
        backend: the backend to use; ``None``: the one ``keyring`` chose.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()

    def get(self, name: str) -> str | None:
        """Return the secret stored under ``name``, or ``None``."""
        value: str | None = self._backend.get_password(SERVICE_NAME, name)
        return value

    def set(self, name: str, secret: str) -> None:
        """Store ``secret`` under ``name``.

        Raises:
            keyring.errors.KeyringError: the backend refused (locked, no permission).
        """
        self._backend.set_password(SERVICE_NAME, name, secret)


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
    """Return the OS keyring store, or ``None`` where no OS keyring exists (a headless Linux box
    without Secret Service, or only a file store such as ``keyrings.alt``), in which case the
    caller falls back to a passphrase."""
    backend = keyring.get_keyring()
    candidates = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    secure = [found for found in candidates if _is_os_keyring(found)]
    if not secure:
        return None
    if len(secure) == len(candidates):
        return KeyringSecretStore(backend)
    # A chain with a file store in it would write there when the OS keyring refuses: use the
    # OS keyring alone.
    return KeyringSecretStore(secure[0])


def _is_os_keyring(backend: KeyringBackend) -> bool:
    """Whether ``backend`` keeps secrets in an OS keyring. ``keyring`` rates such backends at
    priority 1 or more; the file stores of ``keyrings.alt`` (a plain-text or weakly encrypted
    file beside the user's data, often installed on Linux) rate below 1 and are refused: the
    database key would lie in a file next to the database it opens."""
    return not isinstance(backend, fail.Keyring) and backend.priority >= 1
