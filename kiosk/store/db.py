"""The SQL store: the hall's persistence behind :class:`kiosk.domain.ports.HallStore`.

One set of SQLAlchemy Core statements runs on two engines: embedded SQLite (WAL) in the data
directory, the default, and PostgreSQL (psycopg 3) for a hall on several PCs. The store decides
nothing — the rules in :mod:`kiosk.domain.lifecycle` hand it moves — but it keeps the
invariants that span processes in the database itself:

- numbers come from ``counters`` inside the issuing transaction (unique per day, gap-free);
- one open ticket per person and request and day is a partial unique index, so the loser of a
  race gets :class:`~kiosk.domain.ports.DuplicateRequest` and the reprint path;
- every write holds the hall's write lock (``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped
  advisory lock on PostgreSQL) while the rule reads and the move applies, so two windows never
  call the same ticket and the event ids are in commit order for the change feed;
- every move is guarded by the status the rule saw (``UPDATE … WHERE status = …``).

The change feed is ``PRAGMA data_version`` on SQLite and LISTEN/NOTIFY on PostgreSQL
(:mod:`kiosk.store.feed`). The schema is versioned ``major.minor`` (:mod:`kiosk.store.schema`).
"""

from __future__ import annotations

import datetime as _dt
import errno
import logging
import os
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import and_, case, func, insert, or_, select, text, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import DBAPIError, IntegrityError

from kiosk.domain.lifecycle import (
    AT_WINDOW,
    OPEN_STATUSES,
    Code,
    EventData,
    HallError,
    Kind,
    Move,
    NewTicket,
    PauseReason,
    Status,
    Ticket,
    TicketEvent,
    WindowEvent,
    WindowKind,
)
from kiosk.domain.ports import (
    CallRow,
    ChangeFeed,
    Decide,
    DuplicateRequest,
    HallRows,
    QuotaReached,
    StatGroup,
    StatsRows,
    StoreCode,
    StoreError,
    WindowFigures,
    WindowState,
)
from kiosk.domain.tickets import format_number
from kiosk.store import schema
from kiosk.store.connect import DB_NAME, make_engine, store_error
from kiosk.store.records import RecordTables
from kiosk.store.schema import counters, meta, ticket_events, tickets, window_events, windows

log = logging.getLogger(__name__)

__all__ = ["SqlStore", "Store", "StoreError", "DB_NAME"]

T = TypeVar("T")
#: PostgreSQL: the hall's write lock (a transaction-scoped advisory lock) and its NOTIFY channel.
LOCK_KEY = 0x6B696F736B  # "kiosk"
CHANNEL = "kiosk_hall"
RETRIES = 3

_EVENT_COLUMNS = [c.label(f"e_{c.name}") for c in ticket_events.columns]


class SqlStore(RecordTables):
    """The hall's store on SQLite or PostgreSQL (``url``); the promises' records are in
    :class:`kiosk.store.records.RecordTables`."""

    def __init__(self, url: str, data_dir: Path | None = None):
        self.url = url
        self.engine: Engine = make_engine(url, data_dir)
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite" and not Path(self.engine.url.database or "").exists():
            _create_sqlite(Path(self.engine.url.database or ""), data_dir)
        self._closed_before = ""  # days before this one have had their identity hashes erased
        try:
            with self.engine.connect() as conn:
                schema.prepare(conn, self.dialect)
        except DBAPIError as exc:
            self.engine.dispose()
            raise store_error(exc, self.url, data_dir) from exc
        except StoreError:
            self.engine.dispose()
            raise
        self.data_dir = data_dir

    @classmethod
    def open(cls, data_dir: Path) -> SqlStore:
        """The embedded SQLite store in ``data_dir``."""
        from kiosk.files import secure_dir
        from kiosk.store.connect import sqlite_url

        data_dir = Path(data_dir)
        try:
            secure_dir(data_dir)  # created 0700, or tightened to 0700
        except OSError as exc:
            raise StoreError(f"cannot create the data directory {data_dir}: {exc.strerror or exc}",
                             StoreCode.CANNOT_OPEN) from exc
        return cls(sqlite_url(data_dir), data_dir)

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"SqlStore({self.dialect})"

    # --- transactions ------------------------------------------------------------------------

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one write transaction holding the hall's write lock. A connection lost
        before the commit (a server restart) is retried on a new one; any other database error
        is one sentence in a StoreError."""
        for attempt in range(RETRIES):
            committing = False
            try:
                with self.engine.connect() as conn:
                    if self.dialect == "sqlite":
                        conn = conn.execution_options(kiosk_immediate=True)
                    with conn.begin():
                        if self.dialect == "postgresql":
                            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
                        result = work(conn)
                        if self.dialect == "postgresql":
                            conn.execute(text("SELECT pg_notify(:c, '')"), {"c": CHANNEL})
                        committing = True
                    return result
            except IntegrityError:
                raise
            except DBAPIError as exc:
                if exc.connection_invalidated and not committing and attempt < RETRIES - 1:
                    log.warning("database connection lost, trying again: %s", exc.orig)
                    time.sleep(0.3 * (attempt + 1))
                    continue
                raise store_error(exc, self.url, self.data_dir) from exc
        raise AssertionError("unreachable")

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn
        except DBAPIError as exc:
            raise store_error(exc, self.url, self.data_dir) from exc

    # --- writes --------------------------------------------------------------------------------

    def issue(self, new: NewTicket) -> Ticket:
        return self._issued(lambda conn: self._issue_in(conn, new), new)

    def _issue_in(self, conn: Connection, new: NewTicket) -> Ticket:
        """Number and record ``new`` inside the write transaction ``conn``."""
        seq = _next_seq(conn, new.day, new.category)
        if new.quota is not None and new.item_code:  # under the hall's write lock: no other ticket meanwhile
            issued = conn.execute(select(func.count()).select_from(tickets).where(
                tickets.c.day == new.day, tickets.c.item_code == new.item_code)).scalar_one()
            if issued >= new.quota:
                raise QuotaReached(new.item_code)
        values = new.values(seq, format_number(new.prefix, seq))
        tid = conn.execute(insert(tickets).values(**values).returning(tickets.c.id)).scalar_one()
        ticket = _ticket_of({"id": tid, **values})
        _insert_event(conn, ticket, new.event())
        return ticket

    def _issued(self, work: Callable[[Connection], T], new: NewTicket) -> T:
        """Run a write that issues ``new`` (and perhaps records something with it): the
        one-open-ticket rule's refusal is DuplicateRequest, carrying the ticket already held."""
        if new.day > self._closed_before:  # the first ticket of a day (in this process) closes the earlier days
            self.close_days_before(new.day)
        try:
            return self._write(work)
        except IntegrityError as exc:
            if new.person_key:
                held = self.open_ticket_for(new.day, new.person_key, new.request_key)
                if held is not None:
                    raise DuplicateRequest(held) from None
            raise store_error(exc, self.url, self.data_dir) from exc

    def act(self, day: str, window: int, decide: Decide) -> Move | None:
        def work(conn: Connection) -> Move | None:
            move = decide(_window_state(conn, day, window), _Tx(conn, day))
            if move is not None:
                _apply(conn, move)
            return move

        return self._guarded(work)

    def apply(self, move: Move) -> Ticket:
        self._guarded(lambda conn: _apply(conn, move))
        return move.after

    def _guarded(self, work: Callable[[Connection], T]) -> T:
        """A move the database's constraints refuse (a rule that let it through) is a refusal,
        never a raw integrity error."""
        try:
            return self._write(work)
        except IntegrityError as exc:
            log.error("a move broke a database constraint: %s", exc.orig)
            raise HallError(Code.WRONG_STATE, number="?", status="constraint") from exc

    def set_paused(self, window: int, reason: PauseReason | None, now: float) -> None:
        def work(conn: Connection) -> None:
            values = dict(paused=reason is not None, reason=reason.value if reason else None, updated_at=now)
            if not conn.execute(update(windows).where(windows.c.number == window).values(**values)).rowcount:
                conn.execute(insert(windows).values(number=window, **values))
            conn.execute(insert(window_events).values(
                window=window, at=now, kind=(WindowKind.PAUSED if reason else WindowKind.REOPENED).value,
                reason=values["reason"]))

        self._write(work)

    def secret_matches(self, day: str, fingerprint: str) -> bool:
        """Whether this terminal's key for ``day`` is the hall's (the day's first terminal records
        the fingerprint: a keyed hash of a constant, which tells nothing about any ID)."""
        def work(conn: Connection) -> bool:
            have = conn.execute(select(meta.c.value).where(meta.c.key == "secret_check")).scalar()
            seen_day, _, seen = (have or "").partition(" ")
            if have is None or seen_day < day:
                schema.set_meta(conn, "secret_check", f"{day} {fingerprint}")
                return True
            return seen_day > day or seen == fingerprint

        return self._write(work)

    def close_days_before(self, day: str) -> int:
        with self._read() as conn:  # already closed (by another terminal): no write transaction
            done = conn.execute(select(meta.c.value).where(meta.c.key == "closed_before")).scalar()
        if done is not None and done >= day:
            self._closed_before = max(self._closed_before, done)
            return 0
        erased = self._write(lambda conn: self._close_days(conn, day))
        if erased and self.dialect == "sqlite":  # and out of the write-ahead log too (best effort: readers may hold it)
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA busy_timeout = 200")  # never hold up the day's first ticket
                    try:
                        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    finally:
                        conn.exec_driver_sql("PRAGMA busy_timeout = 10000")
            except DBAPIError as exc:
                log.info("day close: the log was not truncated now (%s); SQLite reuses it soon", exc.orig)
        return erased

    def _close_days(self, conn: Connection, day: str) -> int:
        """Day close: every earlier day's identity hashes are erased (their key is gone too)."""
        done = conn.execute(select(meta.c.value).where(meta.c.key == "closed_before")).scalar()
        erased = 0
        if done is None or done < day:
            erased = conn.execute(update(tickets).where(tickets.c.day < day, tickets.c.person_key.is_not(None))
                                  .values(person_key=None)).rowcount
            schema.set_meta(conn, "closed_before", day)
        self._closed_before = max(day, done or "")
        if erased:
            log.info("day close: erased %d identity hashes of days before %s", erased, day)
        return erased

    # --- reads ---------------------------------------------------------------------------------

    def ticket(self, ticket_id: int) -> Ticket | None:
        with self._read() as conn:
            row = conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
        return _ticket(row) if row else None

    def ticket_by_number(self, day: str, number: str) -> Ticket | None:
        with self._read() as conn:
            row = conn.execute(select(tickets).where(tickets.c.day == day, tickets.c.number == number)).first()
        return _ticket(row) if row else None

    def open_ticket_for(self, day: str, person_key: str, request_key: str) -> Ticket | None:
        q = select(tickets).where(tickets.c.day == day, tickets.c.person_key == person_key,
                                  tickets.c.request_key == request_key, _open())
        with self._read() as conn:
            row = conn.execute(q).first()
        return _ticket(row) if row else None

    def tickets_on(self, day: str) -> list[Ticket]:
        with self._read() as conn:
            rows = conn.execute(select(tickets).where(tickets.c.day == day).order_by(tickets.c.id)).all()
        return [_ticket(r) for r in rows]

    def issued_for_item(self, day: str, item_code: str) -> int:
        q = select(func.count()).select_from(tickets).where(tickets.c.day == day, tickets.c.item_code == item_code)
        with self._read() as conn:
            return int(conn.execute(q).scalar_one())

    def count_ahead(self, ticket: Ticket, categories: Sequence[str], windows_: Sequence[int],
                    green_only: bool) -> int:
        """Waiting tickets queued before ``ticket`` that ``windows_`` may call (their
        ``categories``, not transferred to another window); with ``green_only``, green ones only."""
        t = tickets.c
        q = select(func.count()).select_from(tickets).where(
            t.day == ticket.day, t.status == Status.WAITING.value, t.id != ticket.id, t.category.in_(list(categories)),
            or_(t.queued_at < ticket.queued_at, and_(t.queued_at == ticket.queued_at, t.id < ticket.id)),
            or_(t.target_window.is_(None), t.target_window.in_(list(windows_))))
        if green_only:
            q = q.where(t.green.is_(True))
        with self._read() as conn:
            return int(conn.execute(q).scalar_one())

    def busy_windows(self, day: str) -> set[int]:
        with self._read() as conn:
            rows = conn.execute(select(tickets.c.window).where(
                tickets.c.day == day, tickets.c.status.in_([s.value for s in AT_WINDOW]))).scalars().all()
        return {w for w in rows if w is not None}

    def paused_windows(self) -> dict[int, PauseReason]:
        with self._read() as conn:
            return _paused(conn)

    def service_minutes(self, day: str, categories: Sequence[str], limit: int = 30) -> list[float]:
        """Durations (minutes) of the latest finished services in ``categories``."""
        with self._read() as conn:
            found = _latest(conn, ticket_events.c.duration, day, Kind.DONE, categories, limit)
        return [max(0.0, d) / 60 for d in found if d is not None]

    def hall_rows(self, day: str, recent: int = 32) -> HallRows:
        """What the board and every console show, in five small queries (none reads the day)."""
        t = tickets.c
        with self._read() as conn:
            here = [_ticket(r) for r in conn.execute(select(tickets).where(
                t.day == day, t.status.in_([Status.CALLED.value, Status.SERVING.value, Status.SUSPENDED.value]))
                .order_by(t.id))]
            waiting = {(r[0], r[1]): int(r[2]) for r in conn.execute(
                select(t.category, t.target_window, func.count()).where(t.day == day, t.status == Status.WAITING.value)
                .group_by(t.category, t.target_window))}
            paused = _paused(conn)
            calls = tuple(CallRow(_ticket(r), r.e_window, r.e_at, r.e_kind == Kind.RECALLED.value)
                          for r in conn.execute(_recent_calls(day, recent)))
            figures = _figures(conn, day)
        return HallRows(day, tuple(here), waiting, paused, calls, figures)

    def window_figures(self, day: str) -> dict[int, WindowFigures]:
        with self._read() as conn:
            return _figures(conn, day)

    def history(self, day: str) -> list[TicketEvent]:
        q = (select(tickets, *_EVENT_COLUMNS).select_from(ticket_events.join(tickets))
             .where(ticket_events.c.day == day).order_by(ticket_events.c.id))
        with self._read() as conn:
            return [_event(r) for r in conn.execute(q)]

    # --- the change feed -------------------------------------------------------------------------

    def cursor(self) -> tuple[int, int]:
        with self._read() as conn:
            a = conn.execute(select(func.max(ticket_events.c.id))).scalar() or 0
            b = conn.execute(select(func.max(window_events.c.id))).scalar() or 0
        return int(a), int(b)

    def events_after(self, cursor: tuple[int, int], limit: int = 500) -> tuple[
            list[TicketEvent], list[WindowEvent], tuple[int, int]]:
        """Ticket events (with each ticket as it is now) and window events after ``cursor``."""
        te_q = (select(tickets, *_EVENT_COLUMNS).select_from(ticket_events.join(tickets))
                .where(ticket_events.c.id > cursor[0]).order_by(ticket_events.c.id).limit(limit))
        we_q = select(window_events).where(window_events.c.id > cursor[1]).order_by(window_events.c.id).limit(limit)
        with self._read() as conn:
            te = [_event(r) for r in conn.execute(te_q)]
            we = [WindowEvent(r.id, r.window, WindowKind(r.kind), r.at, PauseReason(r.reason) if r.reason else None)
                  for r in conn.execute(we_q)]
        return te, we, (te[-1].id if te else cursor[0], we[-1].id if we else cursor[1])

    def feed(self) -> ChangeFeed:
        from kiosk.store.feed import PostgresFeed, SqliteFeed

        if self.dialect == "postgresql":
            return PostgresFeed(self.url, CHANNEL)
        return SqliteFeed(self.engine)

    # --- statistics ----------------------------------------------------------------------------------

    def stats_rows(self, first: str, last: str) -> StatsRows:
        """A period's figures: one GROUP BY over the period's events and one read of its wait and
        service samples, both from the covering index ix_events_stats (no table lookups), and two
        small reads for transfers and holds. The 90th percentiles are the domain's rule
        (kiosk.domain.stats)."""
        for day in (first, last):
            _dt.date.fromisoformat(day)  # a date, nothing else (the samples' query is sent with literal values)
        e = ticket_events.c
        span = e.day.between(first, last)
        ended = func.sum(case((e.ended_call.is_(True), 1), else_=0))
        keys = (e.day, e.kind, e.window, e.category)
        by_category: dict[tuple[str, str], list[float]] = {}
        by_window: dict[tuple[int, str], list[float]] = {}
        by_day: dict[tuple[str, str], list[float]] = {}

        def add(into: dict[Any, list[float]], key: Any, n: int, ended_n: int, samples: int, total: float) -> None:
            acc = into.setdefault(key, [0, 0, 0, 0.0])
            acc[0] += n
            acc[1] += ended_n
            acc[2] += samples
            acc[3] += total

        def flat(groups: dict[Any, list[float]]) -> list[StatGroup]:
            return [(k[0], k[1], int(a[0]), int(a[1]), int(a[2]), float(a[3])) for k, a in groups.items()]

        with self._read() as conn:
            for day, kind, window, category, n, ended_n, samples, total in conn.execute(
                    select(*keys, func.count(), ended, func.count(e.duration), func.coalesce(func.sum(e.duration), 0.0))
                    .where(span).group_by(*keys)):
                n, ended_n, samples, total = int(n), int(ended_n or 0), int(samples), float(total)
                add(by_category, (category, kind), n, ended_n, samples, total)
                add(by_day, (day, kind), n, ended_n, samples, total)
                if window is not None:
                    add(by_window, (int(window), kind), n, ended_n, samples, total)
            transferred_in = [(r[0], int(r[1])) for r in conn.execute(
                select(e.to_category, func.count()).where(span, e.kind == Kind.TRANSFERRED.value)
                .group_by(e.to_category))]
            holds = [(int(r[0]), float(r[1] or 0.0)) for r in conn.execute(
                select(e.other_window, func.sum(e.duration)).where(
                    span, e.kind == Kind.RESUMED.value, e.other_window.is_not(None)).group_by(e.other_window))]
            window_tickets = [(int(r[0]), int(r[1])) for r in conn.execute(
                select(e.window, func.count(e.ticket_id.distinct())).where(
                    span, e.kind == Kind.CALLED.value, e.window.is_not(None)).group_by(e.window))]
            samples = _raw_rows(conn, select(e.category, e.window, e.kind, e.duration).where(
                span, e.kind.in_([Kind.CALLED.value, Kind.DONE.value]), e.duration.is_not(None)))
        return StatsRows(by_category=flat(by_category), by_window=flat(by_window), by_day=flat(by_day),
                         transferred_in=transferred_in, window_holds=holds, window_tickets=window_tickets,
                         samples=[(c, int(w) if w is not None else None, k, float(d)) for c, w, k, d in samples])


#: The embedded default's name in older code and tests.
Store = SqlStore


def open_store(db: str | None, data_dir: Path) -> SqlStore:
    """The hall's store: the PostgreSQL database ``db`` (a URL), else SQLite in ``data_dir``."""
    return SqlStore(db) if db else SqlStore.open(data_dir)


def _create_sqlite(path: Path, data_dir: Path | None) -> None:
    """A new database file appears whole: made under a private name, then linked into place, so
    a terminal starting at the same instant finds no file or a complete one — never the 0-byte
    file that it must refuse as a cut-short database."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.new")
    engine = make_engine(f"sqlite:///{tmp}", data_dir)
    try:
        with engine.connect() as conn:
            schema.prepare(conn, "sqlite")
        engine.dispose()  # the last connection folds the write-ahead log into the file
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another terminal made it first: use theirs
    except DBAPIError as exc:
        raise store_error(exc, "", data_dir) from exc
    except OSError as exc:
        raise StoreError(f"cannot create the database {path}: {exc.strerror or exc}",
                         StoreCode.DISK_FULL if exc.errno == errno.ENOSPC else StoreCode.CANNOT_OPEN) from exc
    finally:
        engine.dispose()
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)


class _Tx:
    """Reads for a rule inside the write transaction (see kiosk.domain.ports.Tx)."""

    def __init__(self, conn: Connection, day: str):
        self.conn, self.day = conn, day

    def waiting(self, categories: Sequence[str]) -> list[Ticket]:
        rows = self.conn.execute(select(tickets).where(
            tickets.c.day == self.day, tickets.c.status == Status.WAITING.value,
            tickets.c.category.in_(list(categories))))
        return [_ticket(r) for r in rows]

    def recent_greens(self, categories: Sequence[str], limit: int) -> list[bool]:
        rows = _latest(self.conn, ticket_events.c.green, self.day, Kind.CALLED, categories, limit)
        return [bool(g) for g in rows]

    def by_number(self, number: str) -> Ticket | None:
        row = self.conn.execute(select(tickets).where(tickets.c.day == self.day, tickets.c.number == number)).first()
        return _ticket(row) if row else None

    def by_id(self, ticket_id: int) -> Ticket | None:
        row = self.conn.execute(select(tickets).where(tickets.c.id == ticket_id)).first()
        return _ticket(row) if row else None

    def open_for(self, person_key: str, request_key: str) -> Ticket | None:
        row = self.conn.execute(select(tickets).where(
            tickets.c.day == self.day, tickets.c.person_key == person_key, tickets.c.request_key == request_key,
            _open())).first()
        return _ticket(row) if row else None


def _latest(conn: Connection, column: Any, day: str, kind: Kind, categories: Sequence[str], limit: int) -> list[Any]:
    """``column`` of the latest ``limit`` events of ``kind`` in ``categories`` today, newest first:
    one backward index scan per category (ix_events_latest), never a sort of the day's events."""
    e = ticket_events.c
    found: list[tuple[int, Any]] = []
    for category in categories:
        found += [(int(r[0]), r[1]) for r in conn.execute(
            select(e.id, column).where(e.day == day, e.kind == kind.value, e.category == category)
            .order_by(e.id.desc()).limit(limit))]
    return [value for _id, value in sorted(found, key=lambda r: r[0], reverse=True)[:limit]]


def _raw_rows(conn: Connection, query: Any) -> list[tuple[Any, ...]]:
    """A large read straight from the driver's cursor: plain tuples, half the time of Core's rows
    for the ~400,000 samples of a year. The query's values are rendered into it (trusted values only)."""
    sql = str(query.compile(conn.engine, compile_kwargs={"literal_binds": True}))
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _open() -> Any:
    return tickets.c.status.in_([s.value for s in OPEN_STATUSES])


def _window_state(conn: Connection, day: str, window: int) -> WindowState:
    reason = conn.execute(select(windows.c.reason).where(windows.c.number == window, windows.c.paused.is_(True))).first()
    here = [_ticket(r) for r in conn.execute(select(tickets).where(
        tickets.c.day == day, tickets.c.window == window,
        tickets.c.status.in_([Status.CALLED.value, Status.SERVING.value, Status.SUSPENDED.value])).order_by(tickets.c.id))]
    current = next((t for t in here if t.status in AT_WINDOW), None)
    return WindowState(window, PauseReason(reason[0]) if reason and reason[0] else None, current,
                       tuple(t for t in here if t.status == Status.SUSPENDED))


def _apply(conn: Connection, move: Move) -> None:
    values = {k: (v.value if isinstance(v, Status) else v) for k, v in move.changes.items()}
    t = move.ticket
    done = conn.execute(update(tickets).where(tickets.c.id == t.id, tickets.c.status == t.status.value)
                        .values(**values)).rowcount
    if done != 1:
        now = conn.execute(select(tickets.c.status).where(tickets.c.id == t.id)).scalar()
        raise HallError(Code.WRONG_STATE, number=t.number, status=now or "gone")
    _insert_event(conn, move.after, move.event)


def _insert_event(conn: Connection, ticket: Ticket, ev: EventData) -> None:
    conn.execute(insert(ticket_events).values(
        ticket_id=ticket.id, day=ticket.day, kind=ev.kind.value, at=ev.at, window=ev.window, category=ev.category,
        to_category=ev.to_category, to_window=ev.to_window, other_window=ev.other_window, reason=ev.reason,
        duration=ev.duration, ended_call=ev.ended_call, green=ticket.green))


def _next_seq(conn: Connection, day: str, category: str) -> int:
    where = and_(counters.c.day == day, counters.c.category == category)
    seq = conn.execute(update(counters).where(where).values(last_seq=counters.c.last_seq + 1)
                       .returning(counters.c.last_seq)).scalar()
    if seq is not None:
        return int(seq)
    conn.execute(insert(counters).values(day=day, category=category, last_seq=1))
    return 1


def _paused(conn: Connection) -> dict[int, PauseReason]:
    rows = conn.execute(select(windows.c.number, windows.c.reason).where(windows.c.paused.is_(True))
                        .order_by(windows.c.number))
    return {int(r[0]): _pause_reason(r[1]) for r in rows}


def _pause_reason(code: str | None) -> PauseReason:
    try:
        return PauseReason(code or "")
    except ValueError:
        return PauseReason.AWAY


def _recent_calls(day: str, limit: int) -> Any:
    """The latest calls and recalls: their ids from the index alone, then only those rows joined."""
    e = ticket_events.c
    latest = (select(e.id).where(e.day == day, e.kind.in_([Kind.CALLED.value, Kind.RECALLED.value]))
              .order_by(e.id.desc()).limit(limit).subquery())
    return (select(tickets, *_EVENT_COLUMNS).select_from(ticket_events.join(tickets))
            .where(e.id.in_(select(latest.c.id))).order_by(e.id.desc()))


def _figures(conn: Connection, day: str) -> dict[int, WindowFigures]:
    e = ticket_events.c
    out: dict[int, dict[str, Any]] = {}
    for window, kind, n, total in conn.execute(
            select(e.window, e.kind, func.count(), func.sum(e.duration))
            .where(e.day == day, e.kind.in_([Kind.DONE.value, Kind.NO_SHOW.value]), e.window.is_not(None))
            .group_by(e.window, e.kind)):
        f = out.setdefault(int(window), {})
        if kind == Kind.DONE.value:
            f.update(served=int(n), service_seconds=float(total or 0.0))
        else:
            f["no_shows"] = int(n)
    return {w: WindowFigures(**f) for w, f in sorted(out.items())}


def _ticket(row: Row[Any]) -> Ticket:
    return _ticket_of(row._mapping)


def _ticket_of(m: Any) -> Ticket:
    return Ticket(
        id=int(m["id"]), day=m["day"], category=m["category"], seq=int(m["seq"]), number=m["number"],
        item_code=m["item_code"], bundle_code=m["bundle_code"], subject=m["subject"], green=bool(m["green"]),
        green_reason=m["green_reason"] or "", status=Status(m["status"]), issued_at=float(m["issued_at"]),
        person_key=m.get("person_key"), request_key=m.get("request_key") or "", queued_at=float(m["queued_at"]),
        waiting_since=m.get("waiting_since"), appointment_at=m.get("appointment_at"), window=m.get("window"),
        target_window=m.get("target_window"), calls=int(m.get("calls") or 0), called_at=m.get("called_at"),
        started_at=m.get("started_at"), held=float(m.get("held") or 0.0), suspended_at=m.get("suspended_at"))


def _event(row: Row[Any]) -> TicketEvent:
    m = row._mapping
    data = EventData(Kind(m["e_kind"]), float(m["e_at"]), m["e_window"], m["e_category"], m["e_to_category"],
                     m["e_to_window"], m["e_other_window"], m["e_reason"], m["e_duration"], bool(m["e_ended_call"]))
    return TicketEvent(int(m["e_id"]), int(m["e_ticket_id"]), m["number"], m["e_day"], data, _ticket_of(m))
