"""Privacy Desk: a case manager for data-subject requests and complaints.

Layers (see DESIGN.md): ``app.store`` (encrypted engine, keys, migrations) <- ``app.models``
(ORM) <- ``app.services`` (plain-Python use cases) <- ``app.reports`` (PDF) <- ``app.ui`` (Qt).
Only ``app.ui`` imports Qt.
"""

__version__ = "0.1.0"
