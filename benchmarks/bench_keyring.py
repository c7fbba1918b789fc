"""A stand-in for the OS keyring in ``make bench`` only (this machine has none).

The benchmark starts the app on a copy of its invented database keyed with a raw key, the way a
desktop with a keyring opens it (no passphrase, so no PBKDF2). The child process selects this
backend with ``PYTHON_KEYRING_BACKEND=benchmarks.bench_keyring.BenchmarkKeyring``; it reads
the keys from the JSON file named by ``$PRIVACY_DESK_BENCH_KEYS`` (keys of benchmark data,
nothing real). Never installed as a plugin: the app only meets it when told to.
"""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

KEYS_ENV = "PRIVACY_DESK_BENCH_KEYS"


class BenchmarkKeyring(KeyringBackend):
    """Secrets from a JSON file ``{"service/name": "secret"}`` (see the module docstring)."""

    priority = 1  # type: ignore[assignment]  # stands for an OS keyring in the benchmark

    def _path(self) -> Path:
        return Path(os.environ[KEYS_ENV])

    def _read(self) -> dict[str, str]:
        path = self._path()
        return dict(json.loads(path.read_text())) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        """Return the stored secret, or ``None``."""
        return self._read().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store the secret in the JSON file."""
        secrets = self._read() | {f"{service}/{username}": password}
        self._path().write_text(json.dumps(secrets))

    def delete_password(self, service: str, username: str) -> None:
        """Forget the secret."""
        secrets = self._read()
        secrets.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(secrets))
