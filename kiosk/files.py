"""File privacy: the data directory is its owner's alone (0700) and every file the kiosk writes
is 0600 — the database and its -wal/-shm, slips, logs and caches.

:func:`secure_process` runs first thing in every command, so whatever any layer creates later is
private without each writer having to remember it; :func:`secure_dir` creates or tightens the
data directory itself. Pure Python (no Qt): the store and the command line both use it.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
PRIVATE_UMASK = 0o077


def secure_process() -> None:
    """Make every file and folder this process creates from now on private to its owner."""
    os.umask(PRIVATE_UMASK)


def secure_dir(path: Path) -> Path:
    """Create ``path`` (with its parents) as a private folder, or make an existing one 0700.

    Raises OSError when it cannot be created. A folder that exists but cannot be tightened (it
    belongs to another user) is logged and left as it is: whether it is writable is the caller's
    question."""
    path = Path(path)
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR:
        try:
            os.chmod(path, PRIVATE_DIR)
        except OSError as exc:
            log.warning("cannot make %s private (mode 0700): %s", path, exc.strerror or exc)
    return path


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: a new file is created 0600 and an existing one made so."""
    fd = os.open(path, flags, PRIVATE_FILE)
    if hasattr(os, "fchmod"):
        try:
            os.fchmod(fd, PRIVATE_FILE)
        except OSError:  # not ours: it is still written, and the 0700 folder guards it
            pass
    return fd
