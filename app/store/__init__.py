"""Storage: the encrypted SQLCipher database, its keys, engine, sessions and migrations."""

from app.store.database import Database, open_database
from app.store.keys import Passphrase, RawKey
from app.store.location import data_dir, default_database_path
from app.store.secrets import MemorySecretStore, SecretStore, system_secret_store
from app.store.unlock import needs_passphrase, passphrase_from_environment, unlock

__all__ = [
    "Database",
    "MemorySecretStore",
    "Passphrase",
    "RawKey",
    "SecretStore",
    "data_dir",
    "default_database_path",
    "needs_passphrase",
    "open_database",
    "passphrase_from_environment",
    "system_secret_store",
    "unlock",
]
