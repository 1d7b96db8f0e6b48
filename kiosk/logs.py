"""Logging: a rotating log in the data directory, Qt's messages routed into it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

log = logging.getLogger(__name__)


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
               for h in root.handlers):
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    path = Path(data_dir) / "logs" / "kiosk.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        log.warning("no log file in %s: %s", path.parent, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
