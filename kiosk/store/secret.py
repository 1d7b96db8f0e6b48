"""The hall's identity secret: a file outside the database (mode 0600).

Each day's identity hashes are keyed with a key derived from this secret and the day
(kiosk.domain.tickets.day_key), so the database alone can give back no ID number, and at day
close the hashes of earlier days are erased. Every terminal of one hall must hold the same secret
(copy ``secret.key`` to each PC of a multi-PC hall); the store checks it by a fingerprint.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kiosk.domain.ports import StoreCode, StoreError

SECRET_NAME = "secret.key"
ENV = "KIOSK_SECRET_FILE"


def secret_path(data_dir: Path) -> Path:
    return Path(os.environ.get(ENV) or Path(data_dir) / SECRET_NAME)


def load_secret(data_dir: Path) -> bytes:
    """Read the secret, creating it (0600, atomically: two terminals starting together agree)."""
    path = secret_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        text = path.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise StoreError(f"the identity secret {path} cannot be read or created ({exc.strerror or exc}): "
                         f"check the data directory's permissions", StoreCode.SECRET) from exc
    except UnicodeDecodeError:
        text = ""
    if len(text) < 32 or any(c not in "0123456789abcdef" for c in text):
        if not text:  # a second terminal read it between create and write: read again
            text = path.read_text(encoding="ascii").strip()
        if len(text) < 32 or any(c not in "0123456789abcdef" for c in text):
            raise StoreError(f"the identity secret {path} is damaged: restore it from another terminal of this hall "
                             f"(or delete it: today's one-ticket-per-person checks then start afresh)", StoreCode.SECRET)
    return bytes.fromhex(text)
