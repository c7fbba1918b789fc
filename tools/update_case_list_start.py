"""Rewrite resources/sql/case_list_start.sqlite.json from the case list's statement builders.

Run after changing a statement the list starts with (tests/services/test_case_list_start.py
says when): ``.venv/bin/python tools/update_case_list_start.py``.
"""

import json

from sqlalchemy.dialects import sqlite

from app.resources import resource_path
from app.services.case_list_snapshot import SNAPSHOT_PARTS, start_snapshot


def main() -> None:
    """Write the snapshot for SQLite (SQLCipher), the only store that starts without
    SQLAlchemy (a team server is opened the full way)."""
    text = json.dumps(start_snapshot(sqlite.dialect()), ensure_ascii=False, indent=1)
    resource_path(*SNAPSHOT_PARTS).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
