"""Storage: the encrypted SQLCipher database, its keys, engine, sessions and migrations.

The names below load with their module when first taken (PEP 562): the window paints its case
list through a plain SQLCipher connection (``app.store.first_look``) before SQLAlchemy, which
``Database`` needs, is imported (README "Speed").
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.database import Database, open_database
    from app.store.keys import Passphrase, RawKey, passphrase_from_environment
    from app.store.location import data_dir, default_database_path
    from app.store.secrets import MemorySecretStore, SecretStore, system_secret_store
    from app.store.unlock import needs_passphrase, unlock

_HOMES = {
    "Database": "database",
    "open_database": "database",
    "Passphrase": "keys",
    "RawKey": "keys",
    "data_dir": "location",
    "default_database_path": "location",
    "MemorySecretStore": "secrets",
    "SecretStore": "secrets",
    "system_secret_store": "secrets",
    "needs_passphrase": "unlock",
    "passphrase_from_environment": "keys",
    "unlock": "unlock",
}

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


def __getattr__(name: str) -> Any:
    """Import the module defining ``name`` and return it from there.

    Raises:
        AttributeError: ``name`` is not one of this package's names.
    """
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
