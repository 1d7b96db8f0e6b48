"""Open the store on first use, so the kiosk paints home before SQLAlchemy is even imported."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kiosk.store.errors import StoreError


def check_data_dir(data_dir: Path) -> None:
    """Fail early and clearly when the data directory cannot be created or written."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=data_dir, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise StoreError(f"the data directory {data_dir} is not writable: {exc.strerror or exc}") from exc


class LazyStore:
    """Stands in for :class:`kiosk.store.db.Store`; the real one is opened by the first use."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._store = None

    def get(self):
        if self._store is None:
            from kiosk.store.db import Store

            self._store = Store.open(self.data_dir)
        return self._store

    @property
    def opened(self) -> bool:
        return self._store is not None

    def __getattr__(self, name: str):
        return getattr(self.get(), name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
