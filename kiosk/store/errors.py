"""Store errors, importable without SQLAlchemy (the domain's port defines them)."""

from kiosk.domain.ports import DuplicateRequest, StoreError

__all__ = ["StoreError", "DuplicateRequest"]
