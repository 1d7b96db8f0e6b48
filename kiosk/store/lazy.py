"""Open the store on first use, so the kiosk paints home before SQLAlchemy is even imported."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.domain.ports import StoreCode, StoreError


def check_data_dir(data_dir: Path) -> None:
    """Fail early and clearly when the data directory cannot be created or written."""
    from kiosk.files import secure_dir  # the data directory is created, or made, 0700

    data_dir = Path(data_dir)
    try:
        secure_dir(data_dir)
        fd, probe = tempfile.mkstemp(dir=data_dir, prefix=".write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise StoreError(f"the data directory {data_dir} is not writable: {exc.strerror or exc}",
                         StoreCode.DISK_FULL if exc.errno == errno.ENOSPC else StoreCode.CANNOT_OPEN) from exc


class LazyStore:
    """Stands in for a :class:`kiosk.domain.ports.HallStore`; ``opener`` opens the real one at
    the first use."""

    def __init__(self, opener: Callable[[], Any]):
        self._opener = opener
        self._store: Any = None

    def get(self) -> Any:
        if self._store is None:
            self._store = self._opener()
        return self._store

    @property
    def opened(self) -> bool:
        return self._store is not None

    def replace(self, store: Any) -> Any:
        """Put ``store`` in place of the one opened (a wrapper around it); returns the one it replaced."""
        previous = self.get()
        self._store = store
        return previous

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
