"""The hall's identity secret: a file outside the database (mode 0600), one key per day.

``secret.key`` holds a day and that day's key. Each day's identity hashes are keyed with the
day's key (kiosk.domain.tickets.person_key), so the database alone can give back no ID number.
At day close the file moves forward: the next day's key is a one-way hash of the last one and the
old key is overwritten, so once the day is over nothing left on the machine can re-key — and so
give back — that day's hashes (which the store erases then too). Every PC of a hall starts from a
copy of the same file and moves it forward on its own, so all of them agree every day without
exchanging anything more.
"""

from __future__ import annotations

import datetime as _dt
import errno
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from kiosk.domain.ports import StoreCode, StoreError

SECRET_NAME = "secret.key"
ENV = "KIOSK_SECRET_FILE"
_STEP = b"kiosk identity key: next day"


def secret_path(data_dir: Path) -> Path:
    return Path(os.environ.get(ENV) or Path(data_dir) / SECRET_NAME)


def next_key(key: bytes) -> bytes:
    """The following day's key: one way, so today's key says nothing about yesterday's."""
    return hmac.new(key, _STEP, hashlib.sha256).digest()


class HallSecret:
    """The day keys of one hall (kiosk.domain.tickets.DayKeys), kept in ``path``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.day, self.key = "", b""
        if self.path.exists():  # a damaged file is said at start-up, not at the first ticket
            self.day, self.key = self._read()

    def key_for(self, day: str) -> bytes:
        """The key of ``day``: the file is created on the first day asked for, and moved forward
        (its older key overwritten) on a later one."""
        if day == self.day:
            return self.key
        if day > self.day:  # another terminal may have made the file, or moved it on already
            self.day, self.key = self._read_or_create(day)
        if day < self.day:
            raise StoreError(f"the identity secret {self.path} is already for {self.day}, after {day}: "
                             f"check this computer's date and time", StoreCode.SECRET)
        key = self.key
        for _ in range((_dt.date.fromisoformat(day) - _dt.date.fromisoformat(self.day)).days):
            key = next_key(key)
        self._write(day, key, replace=True)
        self.day, self.key = day, key
        return key

    # --- the file ------------------------------------------------------------------------------------

    def _read_or_create(self, day: str) -> tuple[str, bytes]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                self._write(day, secrets.token_bytes(32), replace=False)
        except OSError as exc:
            raise self._error(exc) from exc
        return self._read()

    def _read(self) -> tuple[str, bytes]:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except OSError as exc:
            raise self._error(exc) from exc
        except UnicodeDecodeError:
            text = ""
        day, _, key = text.partition(" ")
        try:
            _dt.date.fromisoformat(day)
            raw = bytes.fromhex(key)
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise StoreError(f"the identity secret {self.path} is damaged: restore it from another terminal of this "
                             f"hall (or delete it: today's one-ticket-per-person checks then start afresh)",
                             StoreCode.SECRET)
        return day, raw

    def _write(self, day: str, key: bytes, replace: bool) -> None:
        """Write the file whole under a private name, then put it in place: created only if none is
        there (another terminal's wins), or replacing the older day's (whose key is overwritten)."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(f"{day} {key.hex()}\n")
                fh.flush()
                os.fsync(fh.fileno())
            if replace:
                os.replace(tmp, self.path)
            else:
                try:
                    os.link(tmp, self.path)
                except FileExistsError:
                    pass
        except OSError as exc:
            raise self._error(exc) from exc
        finally:
            tmp.unlink(missing_ok=True)

    def _error(self, exc: OSError) -> StoreError:
        if exc.errno == errno.ENOSPC:
            return StoreError(f"the disk is full: the identity secret {self.path} cannot be written", StoreCode.DISK_FULL)
        return StoreError(f"the identity secret {self.path} cannot be read or created ({exc.strerror or exc}): "
                          f"check the data directory's permissions", StoreCode.SECRET)


def load_secret(data_dir: Path) -> HallSecret:
    """The hall's secret (created, 0600 and whole, at the first ticket with an ID: two terminals
    starting together agree)."""
    return HallSecret(secret_path(data_dir))
