"""The store: the only module that writes SQL (SQLAlchemy Core 2.x).

SQLite in WAL mode is the embedded default; the statements are portable Core so the same store
runs on PostgreSQL. The schema is versioned and migrated forward only. Writes run in explicit
transactions (``BEGIN IMMEDIATE`` on SQLite, so two processes never hand out the same number).
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        UniqueConstraint, create_engine, event, func, insert, select, update)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, IntegrityError

from kiosk.domain.tickets import OPEN_STATUSES, Ticket, format_number
from kiosk.store.errors import StoreError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DB_NAME = "kiosk.sqlite3"

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

counters = Table(
    "counters", metadata,
    Column("day", String(10), primary_key=True),
    Column("category", String(32), primary_key=True),
    Column("last_seq", Integer, nullable=False),
)

tickets = Table(
    "tickets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("category", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(16), nullable=False),
    Column("item_code", String(16)),
    Column("bundle_code", String(16)),
    Column("subject", String(200), nullable=False),
    Column("person_key", String(64)),
    Column("green", Boolean, nullable=False, default=False),
    Column("green_reason", String(32), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("issued_at", Float, nullable=False),
    UniqueConstraint("day", "category", "seq", name="uq_ticket_number"),
)
Index("ix_tickets_day_status", tickets.c.day, tickets.c.category, tickets.c.status)
Index("ix_tickets_person", tickets.c.day, tickets.c.person_key)

ticket_events = Table(
    "ticket_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False),
    Column("at", Float, nullable=False),
    Column("event", String(16), nullable=False),
    Column("window", Integer),
    Column("detail", String(200), nullable=False, default=""),
)
Index("ix_events_ticket", ticket_events.c.ticket_id)


def _migrate_1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[meta, counters, tickets, ticket_events])
    conn.execute(insert(meta).values(key="person_salt", value=secrets.token_hex(16)))


#: Forward-only migrations: MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS = [_migrate_1]


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            _sqlite_setup(self.engine)
        try:
            self._migrate()
            self._salt = bytes.fromhex(self._meta("person_salt"))
        except DatabaseError as exc:  # OperationalError included: locked, read-only, full, not a DB
            raise StoreError(_explain(exc)) from exc

    @classmethod
    def open(cls, data_dir: Path) -> "Store":
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the data directory {data_dir}: {exc.strerror or exc}") from exc
        return cls(f"sqlite:///{data_dir / DB_NAME}")

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions ------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction; on SQLite it takes the write lock up front (BEGIN IMMEDIATE)."""
        with self.engine.connect().execution_options(kiosk_immediate=True) as conn:
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def _migrate(self) -> None:
        with self.write() as conn:
            metadata.create_all(conn, tables=[meta])
            row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
            version = int(row[0]) if row else 0
            if version > len(MIGRATIONS):
                raise StoreError(f"the database has schema version {version}, newer than this kiosk "
                                 f"understands ({len(MIGRATIONS)}); update the kiosk")
            for step in MIGRATIONS[version:]:
                step(conn)
            if version < len(MIGRATIONS):
                if row:
                    conn.execute(update(meta).where(meta.c.key == "schema_version").values(value=str(len(MIGRATIONS))))
                else:
                    conn.execute(insert(meta).values(key="schema_version", value=str(len(MIGRATIONS))))

    def _meta(self, key: str) -> str:
        with self.read() as conn:
            return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar_one()

    @property
    def schema_version(self) -> int:
        return int(self._meta("schema_version"))

    @property
    def salt(self) -> bytes:
        return self._salt

    # --- tickets -------------------------------------------------------------------------------

    def issue_ticket(self, *, day: str, category: str, prefix: str, subject: str,
                     item_code: str | None = None, bundle_code: str | None = None,
                     person_key: str | None = None, green: bool = False, green_reason: str = "",
                     now: float | None = None) -> Ticket:
        """Give out the next number of ``category`` on ``day`` and record the ticket, atomically."""
        now = time.time() if now is None else now
        for attempt in range(3):
            try:
                with self.write() as conn:
                    seq = _next_seq(conn, day, category)
                    values = dict(day=day, category=category, seq=seq, number=format_number(prefix, seq),
                                  item_code=item_code, bundle_code=bundle_code, subject=subject[:200],
                                  person_key=person_key, green=green, green_reason=green_reason,
                                  status="waiting", issued_at=now)
                    tid = conn.execute(insert(tickets).values(**values)).inserted_primary_key[0]
                    conn.execute(insert(ticket_events).values(ticket_id=tid, at=now, event="issued", detail=""))
                    return Ticket(id=tid, **{k: v for k, v in values.items()})
            except IntegrityError:  # another host won the race for this number (PostgreSQL)
                if attempt == 2:
                    raise
            except DatabaseError as exc:
                raise StoreError(_explain(exc)) from exc
        raise AssertionError("unreachable")

    def open_ticket_for(self, day: str, person_key: str, category: str, item_code: str | None,
                        bundle_code: str | None) -> Ticket | None:
        """This person's open ticket today for exactly this request (item, bundle or bare category)."""
        q = select(tickets).where(tickets.c.day == day, tickets.c.person_key == person_key,
                                  tickets.c.category == category, tickets.c.status.in_(OPEN_STATUSES))
        q = q.where(tickets.c.item_code == item_code) if item_code else q.where(tickets.c.item_code.is_(None))
        q = q.where(tickets.c.bundle_code == bundle_code) if bundle_code else q.where(tickets.c.bundle_code.is_(None))
        with self.read() as conn:
            row = conn.execute(q.order_by(tickets.c.id.desc())).first()
        return _ticket(row) if row else None

    def people_ahead(self, ticket: Ticket) -> int:
        q = select(func.count()).select_from(tickets).where(
            tickets.c.day == ticket.day, tickets.c.category == ticket.category,
            tickets.c.status == "waiting", tickets.c.seq < ticket.seq)
        with self.read() as conn:
            return conn.execute(q).scalar_one()

    def waiting_count(self, day: str, category: str) -> int:
        q = select(func.count()).select_from(tickets).where(
            tickets.c.day == day, tickets.c.category == category, tickets.c.status == "waiting")
        with self.read() as conn:
            return conn.execute(q).scalar_one()

    def tickets_on(self, day: str) -> list[Ticket]:
        with self.read() as conn:
            rows = conn.execute(select(tickets).where(tickets.c.day == day).order_by(tickets.c.id)).all()
        return [_ticket(r) for r in rows]

    def ticket(self, ticket_id: int) -> Ticket | None:
        with self.read() as conn:
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
        return _ticket(row) if row else None


def _next_seq(conn: Connection, day: str, category: str) -> int:
    where = (counters.c.day == day) & (counters.c.category == category)
    if conn.execute(update(counters).where(where).values(last_seq=counters.c.last_seq + 1)).rowcount:
        return conn.execute(select(counters.c.last_seq).where(where)).scalar_one()
    conn.execute(insert(counters).values(day=day, category=category, last_seq=1))
    return 1


def _ticket(row) -> Ticket:
    m = row._mapping
    return Ticket(id=m["id"], day=m["day"], category=m["category"], seq=m["seq"], number=m["number"],
                  item_code=m["item_code"], bundle_code=m["bundle_code"], subject=m["subject"],
                  green=bool(m["green"]), green_reason=m["green_reason"], status=m["status"],
                  issued_at=m["issued_at"], person_key=m["person_key"])


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("kiosk_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _explain(exc: DatabaseError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "readonly" in text or "read-only" in text:
        return "the data directory is read-only: the kiosk cannot save tickets"
    if "disk is full" in text or "database or disk is full" in text:
        return "the disk is full: the kiosk cannot save tickets"
    if "unable to open" in text:
        return "the database file cannot be opened (check the data directory's permissions)"
    if "not a database" in text:
        return "the file in the data directory is not a kiosk database"
    return f"database error: {text}"
