"""Engines for the two databases, and one clear sentence for every way opening or writing fails."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from kiosk.domain.ports import StoreCode, StoreError

DB_NAME = "kiosk.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"
LOW_SPACE = 1 << 20  # under 1 MiB free, an I/O error is a full disk


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir) / DB_NAME}"


def normalise_url(db: str) -> str:
    """``postgresql://…`` (as people write it) → the psycopg 3 driver's URL; others unchanged."""
    if db.startswith("postgres://"):
        db = "postgresql://" + db[len("postgres://"):]
    if db.startswith("postgresql://"):
        db = "postgresql+psycopg://" + db[len("postgresql://"):]
    return db


def describe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "the given database"


def make_engine(url: str, data_dir: Path | None = None) -> Engine:
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"'{url}' is not a database address: use postgresql://user@host/dbname",
                         StoreCode.CANNOT_OPEN) from None
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        check_sqlite_file(path)
        engine = create_engine(url)
        _sqlite_setup(engine)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise StoreError(f"{describe(url)}: only SQLite and PostgreSQL are supported", StoreCode.CANNOT_OPEN)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'", StoreCode.CANNOT_OPEN) from None
    return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4,
                         connect_args={"connect_timeout": 5, "application_name": "yichuang-kiosk"})


def check_sqlite_file(path: Path) -> None:
    """Refuse, before SQLite touches it, a database file that is empty (truncated: numbers
    already printed today would come back) or is not an SQLite file at all."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not the kiosk's database: move it away.", StoreCode.NOT_OURS)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path} cannot be read ({exc.strerror}): check its permissions.",
                         StoreCode.CANNOT_OPEN) from exc
    if not head:
        raise StoreError(f"{path} is empty (0 bytes): it was probably cut short. Restore it from a backup, "
                         f"or move it away to start a new day book; it was not changed.", StoreCode.NOT_OURS)
    if head != SQLITE_HEADER:
        raise StoreError(f"{path} is not a kiosk database (not an SQLite file): it was not changed. "
                         f"Move it away or choose another data directory.", StoreCode.NOT_OURS)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA secure_delete = ON")  # erased identity hashes are overwritten, not left in free pages
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("kiosk_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def store_error(exc: BaseException, url: str = "", data_dir: Path | None = None) -> StoreError:
    """A database error as a StoreError: its code, and one sentence a person can act on."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig)
    low = text.lower()
    if _disk_full(orig, data_dir):
        return StoreError("the disk is full: free some space on it, then try again", StoreCode.DISK_FULL)
    if "readonly" in low or "read-only" in low:
        return StoreError("the data directory is read-only: the kiosk cannot save tickets", StoreCode.READ_ONLY)
    if "unable to open" in low:
        return StoreError("the database file cannot be opened (check the data directory's permissions)",
                          StoreCode.CANNOT_OPEN)
    if "not a database" in low or "file is encrypted" in low or "malformed" in low:
        return StoreError("the file in the data directory is not a kiosk database (or is damaged)", StoreCode.NOT_OURS)
    if "does not exist" in low and "database" in low:
        return StoreError(f"the database {describe(url)} does not exist: create it first (createdb)",
                          StoreCode.CANNOT_OPEN)
    if "password authentication failed" in low or "authentication" in low:
        return StoreError(f"the database server refused the login for {describe(url)}", StoreCode.CANNOT_OPEN)
    if (isinstance(exc, DBAPIError) and exc.connection_invalidated) or any(s in low for s in _AWAY):
        return StoreError(f"the database server ({describe(url)}) cannot be reached", StoreCode.UNREACHABLE)
    return StoreError(f"database error: {text.splitlines()[0] if text else type(orig).__name__}")


_AWAY = ("connection refused", "server closed the connection", "terminating connection", "could not connect",
         "no such file or directory", "connection failed", "the database system is", "consuming input failed",
         "connection timeout", "connection is lost", "connection is closed")


def _disk_full(orig: BaseException, data_dir: Path | None) -> bool:
    text = str(orig).lower()
    if "disk is full" in text or "no space left" in text or getattr(orig, "errno", None) == errno.ENOSPC:
        return True
    if data_dir is not None and ("disk i/o error" in text or "unable to open" in text):
        try:
            return shutil.disk_usage(data_dir).free < LOW_SPACE
        except OSError:
            return False
    return False

