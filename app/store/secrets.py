"""A small interface to the OS secret store (STYLE.md §9), so tests never touch the real one."""

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # keyring is imported only where a keyring can exist (``keyring_may_exist``)
    from keyring.backend import KeyringBackend

SERVICE_NAME = "Privacy Desk"

# Where keyring's backends all speak D-Bus (Secret Service, KWallet, libsecret): sys.platform's
# Linux and BSD names. Windows and macOS have a keyring without D-Bus and are always asked.
_DBUS_KEYRING_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring.core.load_env


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

    def __init__(self, backend: "KeyringBackend | None" = None) -> None:
        import keyring

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
    without a D-Bus session or without Secret Service, or only a file store such as
    ``keyrings.alt``), in which case the caller falls back to a passphrase."""
    if not keyring_may_exist():
        return None
    import keyring
    from keyring.backends import chainer

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


def _is_os_keyring(backend: "KeyringBackend") -> bool:
    """Whether ``backend`` keeps secrets in an OS keyring. ``keyring`` rates such backends at
    priority 1 or more; the file stores of ``keyrings.alt`` (a plain-text or weakly encrypted
    file beside the user's data, often installed on Linux) rate below 1 and are refused: the
    database key would lie in a file next to the database it opens."""
    from keyring.backends import fail

    return not isinstance(backend, fail.Keyring) and backend.priority >= 1


def keyring_may_exist() -> bool:
    """Whether asking ``keyring`` for a backend can find an OS keyring here: it is already
    loaded in this process (a backend may have been set with ``keyring.set_keyring``; asking
    costs nothing more then), ``keyring_reachable`` for this environment, or a backend
    plugin is installed (``keyring_plugin_installed``)."""
    return (
        "keyring" in sys.modules
        or keyring_reachable(os.environ, sys.platform)
        or keyring_plugin_installed(sys.path)
    )


def keyring_reachable(environ: Mapping[str, str], platform: str) -> bool:
    """Whether ``keyring`` can find an OS keyring on ``platform`` in ``environ``.

    On Linux and the BSDs every OS keyring ``keyring`` knows is reached over the D-Bus session
    bus; without one, ``keyring`` still imports its backends (secretstorage, jeepney,
    cryptography's Rust library, importlib_metadata, ssl: 10 MiB at the list's peak and
    0.15-0.2 s of the start, issue 6) only to find none, and the caller falls back to the
    passphrase. So it is asked there only where it can answer otherwise: a session bus is
    there, or ``keyring`` is told which backend to use (``$PYTHON_KEYRING_BACKEND``, or its
    ``keyringrc.cfg``, which may name a backend without D-Bus). Windows, macOS and other
    platforms: always.

    Args:
        environ: the environment (``os.environ``).
        platform: ``sys.platform``.

    Returns:
        ``False`` only where ``keyring`` would find no OS keyring.
    """
    if not platform.startswith(_DBUS_KEYRING_PLATFORMS):
        return True
    return (
        session_bus_present(environ)
        or BACKEND_ENV in environ
        or keyring_config_path(environ).exists()
    )


def keyring_plugin_installed(folders: Sequence[str]) -> bool:
    """Whether a distribution other than ``keyring`` in ``folders`` (``sys.path``) registers a
    backend in the entry-point group ``keyring.backends`` (keyring-pass, keyrings.alt...): it
    may need no D-Bus, and ``keyring`` would load it.

    Read from the distributions' ``entry_points.txt`` directly (3 ms): ``importlib.metadata``,
    which ``keyring`` uses, imports email, zipfile and csv first (4.7 MiB, 90 ms).
    """
    for folder in folders:
        for listing in Path(folder or ".").glob("*.*-info/entry_points.txt"):
            if listing.parent.name.lower().startswith("keyring-"):
                continue  # keyring's own backends: all D-Bus ones here
            try:
                text = listing.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if "[keyring.backends]" in text:
                return True
    return False


def session_bus_present(environ: Mapping[str, str]) -> bool:
    """Whether a D-Bus session bus can be reached: ``$DBUS_SESSION_BUS_ADDRESS`` is set, or the
    systemd user bus socket ``$XDG_RUNTIME_DIR/bus`` exists (D-Bus specification, "Well-known
    Message Bus Instances"; libdbus falls back to it)."""
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = environ.get("XDG_RUNTIME_DIR")
    return runtime is not None and runtime != "" and Path(runtime, "bus").exists()


def keyring_config_path(environ: Mapping[str, str]) -> Path:
    """Return the ``keyringrc.cfg`` that ``keyring`` reads on Linux and the BSDs:
    ``$XDG_CONFIG_HOME/python_keyring/keyringrc.cfg``, or under ``~/.config`` when that is unset
    or empty (``keyring.util.platform_.config_root``; repeated here so that finding out needs
    no import of ``keyring``)."""
    root = environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(root, "python_keyring", "keyringrc.cfg")
