"""Store errors, importable without SQLAlchemy."""


class StoreError(Exception):
    """The data directory cannot be used (unwritable, full, or not a kiosk database)."""
