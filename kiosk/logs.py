"""Logging: a rotating log in the data directory, Qt's messages routed into it.

The log is private (folder 0700, files 0600) and never holds an ID number or a mobile number:
:class:`MaskPersonalData` masks them in every record's final text, exception included.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

from kiosk.files import private_opener, secure_dir

log = logging.getLogger(__name__)

#: An 18-character resident ID (GB 11643: 17 digits and a digit or X), not inside a longer number.
RESIDENT_ID = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")
#: A mainland mobile number (1[3-9] and 9 digits), also written +86 138-1234-5678 or 138 1234 5678.
MOBILE = re.compile(r"(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)")


def mask_personal_data(text: str) -> str:
    """``text`` with resident IDs as ``110105********002X`` and mobiles as ``138****5678``."""
    text = RESIDENT_ID.sub(r"\1********\2", text)
    return MOBILE.sub(r"\1****\2", text)


class MaskPersonalData(logging.Filter):
    """Masks resident IDs and mobile numbers in the record's message (arguments merged in),
    exception text and stack. Installed on handlers, so it sees every logger's records."""

    _format_exception = logging.Formatter().formatException

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = None
        if message is not None:
            masked = mask_personal_data(message)
            if masked != message:
                record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._format_exception(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are 0600 whatever the process umask."""

    def _open(self):
        return self._builtin_open(self.baseFilename, self.mode, encoding=self.encoding, errors=self.errors,
                                  opener=private_opener)


def _mask(handler: logging.Handler) -> None:
    if not any(isinstance(f, MaskPersonalData) for f in handler.filters):
        handler.addFilter(MaskPersonalData())


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to the console (warnings) and to ``data_dir/logs/kiosk.log``; return that file, or None
    when it cannot be written. Every root handler masks personal data. Calling it again adds no
    second handler for the same file."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
               for h in root.handlers):
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    path = Path(data_dir) / "logs" / "kiosk.log"
    if not any(isinstance(h, logging.FileHandler) and h.baseFilename == os.path.abspath(path)
               for h in root.handlers):
        try:
            secure_dir(path.parent)
            handler = _PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError as exc:
            log.warning("no log file in %s: %s", path.parent, exc)
            path = None
        else:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            root.addHandler(handler)
    for h in root.handlers:
        _mask(h)
    return path
