"""Only an OS keyring holds database keys: a file store such as keyrings.alt's is refused."""

import keyring
import pytest
from keyring.backends import chainer

from app.store.secrets import SERVICE_NAME, system_secret_store
from tests.conftest import InMemoryKeyring


class FileStore(InMemoryKeyring):
    """Stands for keyrings.alt's PlaintextKeyring (priority 0.5): not an OS keyring."""

    priority = 0.5  # type: ignore[assignment]


def test_a_file_store_alone_is_refused_and_the_passphrase_is_used() -> None:
    keyring.set_keyring(FileStore())
    assert system_secret_store() is None


def test_an_os_keyring_is_used(memory_keyring: InMemoryKeyring) -> None:
    store = system_secret_store()
    assert store is not None
    store.set("database-key:x", "00ff")
    assert memory_keyring.passwords[(SERVICE_NAME, "database-key:x")] == "00ff"


def test_in_a_chain_the_file_store_is_never_read_or_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    os_keyring, file_store = InMemoryKeyring(), FileStore()
    file_store.set_password(SERVICE_NAME, "database-key:old", "planted")
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [os_keyring, file_store])
    keyring.set_keyring(chainer.ChainerBackend())
    store = system_secret_store()
    assert store is not None
    assert store.get("database-key:old") is None  # the chain itself would return "planted"
    store.set("database-key:y", "abcd")
    assert os_keyring.passwords == {(SERVICE_NAME, "database-key:y"): "abcd"}
