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
from typing import Callable, Iterator, Sequence

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
    Column("queued_at", Float, nullable=False),  # place in the queue: kept on transfer, moved on reactivation
    Column("appointment_at", Float),  # slot start of a checked-in appointment
    Column("window", Integer),  # the window that called / serves / suspended it
    Column("target_window", Integer),  # transferred to one particular window
    Column("calls", Integer, nullable=False, default=0),
    Column("called_at", Float),
    # numbers come from `counters` per (day, category); a transfer changes the category, not the number
    UniqueConstraint("day", "number", name="uq_ticket_number"),
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

windows = Table(
    "windows", metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("paused", Boolean, nullable=False, default=False),
    Column("reason", String(100), nullable=False, default=""),
    Column("updated_at", Float, nullable=False),
)

window_events = Table(
    "window_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("window", Integer, nullable=False),
    Column("at", Float, nullable=False),
    Column("event", String(16), nullable=False),  # paused / reopened
    Column("detail", String(100), nullable=False, default=""),
)


def _migrate_1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[meta, counters, tickets, ticket_events, windows, window_events])
    conn.execute(insert(meta).values(key="person_salt", value=secrets.token_hex(16)))


#: Forward-only migrations: MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS = [_migrate_1]


class Store:
    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = create_engine(url)
        self._watch = None  # a connection kept for change_token()
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
        if self._watch is not None:
            self._watch.close()
            self._watch = None
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
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except DatabaseError as exc:  # a vanished, locked or broken database: say so, never a traceback
            raise StoreError(_explain(exc)) from exc

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
                     appointment_at: float | None = None, now: float | None = None) -> Ticket:
        """Give out the next number of ``category`` on ``day`` and record the ticket, atomically."""
        now = time.time() if now is None else now
        for attempt in range(3):
            try:
                with self.write() as conn:
                    seq = _next_seq(conn, day, category)
                    values = dict(day=day, category=category, seq=seq, number=format_number(prefix, seq),
                                  item_code=item_code, bundle_code=bundle_code, subject=subject[:200],
                                  person_key=person_key, green=green, green_reason=green_reason,
                                  status="waiting", issued_at=now, queued_at=now, appointment_at=appointment_at,
                                  calls=0)
                    tid = conn.execute(insert(tickets).values(**values)).inserted_primary_key[0]
                    conn.execute(insert(ticket_events).values(ticket_id=tid, at=now, event="issued", detail=""))
                    return Ticket(id=tid, **values)
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


    # --- the queue: every change is one transaction guarded by the ticket's current status ------

    def call_next(self, *, day: str, window: int, categories: Sequence[str], now: float,
                  choose: Callable[[list[Ticket], list[bool]], Ticket | None]) -> Ticket | None:
        """Call the next ticket for ``window``. ``choose(candidates, recent_greens)`` is the
        domain's rule (kiosk.domain.queue); it runs inside the write lock, so two windows — in
        two processes — can never call the same ticket."""
        with self._queue_write() as conn:
            self._require_free(conn, day, window)
            rows = conn.execute(select(tickets).where(
                tickets.c.day == day, tickets.c.status == "waiting", tickets.c.category.in_(list(categories)),
                (tickets.c.target_window.is_(None)) | (tickets.c.target_window == window))).all()
            recent = conn.execute(
                select(tickets.c.green).select_from(ticket_events.join(tickets))
                .where(tickets.c.day == day, ticket_events.c.event == "called",
                       tickets.c.category.in_(list(categories)))
                .order_by(ticket_events.c.id.desc()).limit(50)).scalars().all()
            chosen = choose([_ticket(r) for r in rows], [bool(g) for g in recent])
            if chosen is None:
                return None
            return self._move(conn, chosen.id, ("waiting",), "called", now, window,
                              dict(status="called", window=window, target_window=None, calls=1, called_at=now))

    def call_number(self, *, day: str, window: int, number: str, now: float) -> Ticket:
        """Call one particular waiting ticket (指定叫号)."""
        with self._queue_write() as conn:
            self._require_free(conn, day, window)
            row = conn.execute(select(tickets).where(tickets.c.day == day, tickets.c.number == number)).first()
            if row is None:
                raise QueueError("no_such_ticket", number)
            return self._move(conn, row.id, ("waiting",), "called", now, window,
                              dict(status="called", window=window, target_window=None, calls=1, called_at=now))

    def recall(self, *, day: str, window: int, now: float, interval: float, max_calls: int) -> Ticket:
        """Call the window's ticket again; the call after ``max_calls`` makes it a no-show."""
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("called",))
            if t.called_at is not None and now - t.called_at < interval:
                raise QueueError("too_soon", str(int(interval - (now - t.called_at)) + 1))
            if t.calls >= max_calls:
                return self._move(conn, t.id, ("called",), "no_show", now, window,
                                  dict(status="no_show", window=None), detail=f"after {t.calls} calls")
            return self._move(conn, t.id, ("called",), "recalled", now, window,
                              dict(calls=t.calls + 1, called_at=now))

    def start(self, *, day: str, window: int, now: float) -> Ticket:
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("called",))
            return self._move(conn, t.id, ("called",), "started", now, window, dict(status="serving"))

    def finish(self, *, day: str, window: int, now: float) -> Ticket:
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("serving",))
            return self._move(conn, t.id, ("serving",), "done", now, window, dict(status="done"))

    def no_show(self, *, day: str, window: int, now: float) -> Ticket:
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("called",))
            return self._move(conn, t.id, ("called",), "no_show", now, window, dict(status="no_show", window=None))

    def transfer(self, *, day: str, window: int, now: float, category: str, to_window: int | None = None) -> Ticket:
        """Send the window's ticket to another category or window; it keeps its place (queued_at)."""
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("called", "serving"))
            # the detail's form "old->new[@window]" is read by kiosk.domain.stats: keep it
            detail = f"{t.category}->{category}" + (f"@{to_window}" if to_window else "")
            return self._move(conn, t.id, ("called", "serving"), "transferred", now, window,
                              dict(status="waiting", category=category, window=None, target_window=to_window,
                                   calls=0, called_at=None), detail=detail)

    def suspend(self, *, day: str, window: int, now: float, reason: str) -> Ticket:
        """挂起: e.g. waiting for a 容缺 material; the window can serve others meanwhile."""
        with self._queue_write() as conn:
            t = self._current(conn, day, window, ("serving",))
            return self._move(conn, t.id, ("serving",), "suspended", now, window, dict(status="suspended"),
                              detail=reason[:100])

    def resume(self, *, day: str, window: int, ticket_id: int, now: float) -> Ticket:
        with self._queue_write() as conn:
            self._require_free(conn, day, window)
            return self._move(conn, ticket_id, ("suspended",), "resumed", now, window,
                              dict(status="serving", window=window))

    def reactivate(self, *, day: str, number: str, now: float, behind: int,
                   rejoin: Callable[[list[float], int, float], float]) -> Ticket:
        """A no-show comes back the same day: it rejoins behind ``behind`` people of its category."""
        with self._queue_write() as conn:
            row = conn.execute(select(tickets).where(tickets.c.day == day, tickets.c.number == number)).first()
            if row is None:
                raise QueueError("no_such_ticket", number)
            waiting = conn.execute(select(tickets.c.queued_at).where(
                tickets.c.day == day, tickets.c.category == row.category, tickets.c.status == "waiting")).scalars().all()
            return self._move(conn, row.id, ("no_show",), "reactivated", now, None,
                              dict(status="waiting", queued_at=rejoin(list(waiting), behind, now), calls=0,
                                   called_at=None, window=None))

    def cancel(self, *, ticket_id: int, now: float) -> Ticket:
        with self._queue_write() as conn:
            return self._move(conn, ticket_id, ("waiting", "no_show"), "cancelled", now, None, dict(status="cancelled"))

    def set_paused(self, *, window: int, paused: bool, reason: str, now: float) -> None:
        with self._queue_write() as conn:
            values = dict(paused=paused, reason=reason[:100] if paused else "", updated_at=now)
            if not conn.execute(update(windows).where(windows.c.number == window).values(**values)).rowcount:
                conn.execute(insert(windows).values(number=window, **values))
            conn.execute(insert(window_events).values(window=window, at=now, event="paused" if paused else "reopened",
                                                      detail=values["reason"]))

    # --- queue reads ----------------------------------------------------------------------------

    def paused_windows(self) -> dict[int, str]:
        with self.read() as conn:
            rows = conn.execute(select(windows.c.number, windows.c.reason).where(windows.c.paused.is_(True))).all()
        return {r.number: r.reason for r in rows}

    def at_window(self, day: str, window: int) -> list[Ticket]:
        """The window's called / serving ticket (first) and its suspended ones."""
        with self.read() as conn:
            rows = conn.execute(select(tickets).where(
                tickets.c.day == day, tickets.c.window == window,
                tickets.c.status.in_(("called", "serving", "suspended"))).order_by(tickets.c.id)).all()
        found = [_ticket(r) for r in rows]
        return sorted(found, key=lambda t: t.status == "suspended")

    def waiting(self, day: str) -> list[Ticket]:
        with self.read() as conn:
            rows = conn.execute(select(tickets).where(tickets.c.day == day, tickets.c.status == "waiting")
                                .order_by(tickets.c.queued_at, tickets.c.id)).all()
        return [_ticket(r) for r in rows]

    def count_ahead(self, ticket: Ticket, categories: Sequence[str], windows: Sequence[int],
                    green_only: bool) -> int:
        """Waiting tickets queued before ``ticket`` that ``windows`` may call (their ``categories``,
        not transferred to another window); with ``green_only``, green ones only."""
        t = tickets.c
        q = select(func.count()).select_from(tickets).where(
            t.day == ticket.day, t.status == "waiting", t.id != ticket.id, t.category.in_(list(categories)),
            (t.queued_at < ticket.queued_at) | ((t.queued_at == ticket.queued_at) & (t.id < ticket.id)),
            t.target_window.is_(None) | t.target_window.in_(list(windows)))
        if green_only:
            q = q.where(t.green.is_(True))
        with self.read() as conn:
            return conn.execute(q).scalar_one()

    def busy_windows(self, day: str) -> set[int]:
        with self.read() as conn:
            rows = conn.execute(select(tickets.c.window).where(
                tickets.c.day == day, tickets.c.status.in_(("called", "serving")))).scalars().all()
        return {w for w in rows if w is not None}

    def service_minutes(self, day: str, categories: Sequence[str], limit: int = 30) -> list[float]:
        """Durations (minutes) of the latest finished services in ``categories``: started → done."""
        started = ticket_events.alias("started")
        done = ticket_events.alias("done")
        q = (select(done.c.at - started.c.at)
             .select_from(done.join(started, (started.c.ticket_id == done.c.ticket_id) & (started.c.event == "started"))
                          .join(tickets, tickets.c.id == done.c.ticket_id))
             .where(done.c.event == "done", tickets.c.day == day, tickets.c.category.in_(list(categories)))
             .order_by(done.c.id.desc()).limit(limit))
        with self.read() as conn:
            return [max(0.0, d) / 60 for d in conn.execute(q).scalars().all()]

    def events_after(self, ticket_event_id: int, window_event_id: int, limit: int = 500) -> tuple[list, list]:
        """The change feed: ticket events (with the ticket) and window events after the given ids."""
        with self.read() as conn:
            te = conn.execute(select(ticket_events.c.id, ticket_events.c.at, ticket_events.c.event,
                                     ticket_events.c.window, ticket_events.c.detail, tickets)
                              .select_from(ticket_events.join(tickets))
                              .where(ticket_events.c.id > ticket_event_id)
                              .order_by(ticket_events.c.id).limit(limit)).all()
            we = conn.execute(select(window_events).where(window_events.c.id > window_event_id)
                              .order_by(window_events.c.id).limit(limit)).all()
        return ([(r[0], r[1], r[2], r[3], r[4], _ticket_from(r._mapping, offset=True)) for r in te],
                [tuple(r) for r in we])

    def last_event_ids(self) -> tuple[int, int]:
        with self.read() as conn:
            a = conn.execute(select(func.max(ticket_events.c.id))).scalar() or 0
            b = conn.execute(select(func.max(window_events.c.id))).scalar() or 0
        return a, b

    def recent_calls(self, day: str, limit: int = 8) -> list[tuple[Ticket, int, float]]:
        """The latest calls and recalls, newest first: (ticket, window, at)."""
        with self.read() as conn:
            rows = conn.execute(select(ticket_events.c.window, ticket_events.c.at, tickets)
                                .select_from(ticket_events.join(tickets))
                                .where(tickets.c.day == day, ticket_events.c.event.in_(("called", "recalled")))
                                .order_by(ticket_events.c.id.desc()).limit(limit)).all()
        return [(_ticket_from(r._mapping, offset=True), r[0], r[1]) for r in rows]

    def day_events(self, day: str) -> list[tuple[int, float, str, int | None, str, Ticket]]:
        """Every event of ``day`` in order, for the statistics: (id, at, event, window, detail, ticket)."""
        with self.read() as conn:
            rows = conn.execute(select(ticket_events.c.id, ticket_events.c.at, ticket_events.c.event,
                                       ticket_events.c.window, ticket_events.c.detail, tickets)
                                .select_from(ticket_events.join(tickets)).where(tickets.c.day == day)
                                .order_by(ticket_events.c.id)).all()
        return [(r[0], r[1], r[2], r[3], r[4], _ticket_from(r._mapping, offset=True)) for r in rows]

    def change_token(self) -> int:
        """Changes whenever another connection commits (SQLite's PRAGMA data_version on a connection
        kept for this purpose; elsewhere the newest event ids). Cheap enough to ask often."""
        if self.engine.dialect.name == "sqlite":
            if self._watch is None:
                self._watch = self.engine.raw_connection()
            cur = self._watch.cursor()
            try:
                return cur.execute("PRAGMA data_version").fetchone()[0]
            finally:
                cur.close()
        a, b = self.last_event_ids()
        return a * 1_000_003 + b

    # --- helpers --------------------------------------------------------------------------------

    @contextmanager
    def _queue_write(self) -> Iterator[Connection]:
        try:
            with self.write() as conn:
                yield conn
        except DatabaseError as exc:
            raise StoreError(_explain(exc)) from exc

    @staticmethod
    def _require_free(conn: Connection, day: str, window: int) -> None:
        paused = conn.execute(select(windows.c.paused).where(windows.c.number == window)).scalar()
        if paused:
            raise QueueError("window_paused", str(window))
        busy = conn.execute(select(tickets.c.number).where(
            tickets.c.day == day, tickets.c.window == window, tickets.c.status.in_(("called", "serving")))).first()
        if busy is not None:
            raise QueueError("window_busy", busy[0])

    @staticmethod
    def _current(conn: Connection, day: str, window: int, statuses: tuple[str, ...]) -> Ticket:
        row = conn.execute(select(tickets).where(tickets.c.day == day, tickets.c.window == window,
                                                 tickets.c.status.in_(statuses))).first()
        if row is None:
            raise QueueError("no_current_ticket", str(window))
        return _ticket(row)

    @staticmethod
    def _move(conn: Connection, ticket_id: int, from_statuses: tuple[str, ...], event: str, now: float,
              window: int | None, values: dict, detail: str = "") -> Ticket:
        done = conn.execute(update(tickets).where(tickets.c.id == ticket_id, tickets.c.status.in_(from_statuses))
                            .values(**values)).rowcount
        if done != 1:
            row = conn.execute(select(tickets.c.number, tickets.c.status).where(tickets.c.id == ticket_id)).first()
            raise QueueError("wrong_state", f"{row[0]} is {row[1]}" if row else str(ticket_id))
        conn.execute(insert(ticket_events).values(ticket_id=ticket_id, at=now, event=event, window=window,
                                                  detail=detail))
        return _ticket(conn.execute(select(tickets).where(tickets.c.id == ticket_id)).one())


class QueueError(Exception):
    """A queue action that does not apply now. ``code`` says why (for a translated message),
    ``detail`` says about what: window_busy (the number there), window_paused, no_current_ticket,
    too_soon (seconds left), no_such_ticket, wrong_state."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code, self.detail = code, detail


def _next_seq(conn: Connection, day: str, category: str) -> int:
    where = (counters.c.day == day) & (counters.c.category == category)
    if conn.execute(update(counters).where(where).values(last_seq=counters.c.last_seq + 1)).rowcount:
        return conn.execute(select(counters.c.last_seq).where(where)).scalar_one()
    conn.execute(insert(counters).values(day=day, category=category, last_seq=1))
    return 1


_TICKET_FIELDS = [c.name for c in tickets.columns]


def _ticket(row) -> Ticket:
    return _ticket_from(row._mapping)


def _ticket_from(m, offset: bool = False) -> Ticket:
    """A Ticket from a row mapping; ``offset``: the ticket columns come after other columns (joins)."""
    if offset:
        values = list(m.values())[-len(_TICKET_FIELDS):]
        m = dict(zip(_TICKET_FIELDS, values))
    return Ticket(id=m["id"], day=m["day"], category=m["category"], seq=m["seq"], number=m["number"],
                  item_code=m["item_code"], bundle_code=m["bundle_code"], subject=m["subject"],
                  green=bool(m["green"]), green_reason=m["green_reason"], status=m["status"],
                  issued_at=m["issued_at"], person_key=m["person_key"], queued_at=m["queued_at"],
                  appointment_at=m["appointment_at"], window=m["window"], target_window=m["target_window"],
                  calls=m["calls"] or 0, called_at=m["called_at"])


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
