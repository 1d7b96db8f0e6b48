"""The hall's tables and their versioned migrations (SQLite and PostgreSQL alike).

Versions are ``major.minor``. A *minor* step only adds (a table, a nullable column, an index):
terminals of the same major keep working on a database one minor ahead of them, so a hall's PCs
can be upgraded one at a time and the first upgraded one migrates. A *major* step changes what
older code relies on: a terminal refuses a database of a newer major ("update this terminal"),
and the first terminal of the new major migrates an older one. Migrations run under the hall's
write lock, so two terminals starting together migrate once.

A database is ours when its ``meta`` table says ``app = yichuang-kiosk`` (SQLite also carries
``PRAGMA application_id``); a file or schema with other tables is refused, never adopted, and an
empty SQLite file (0 bytes: truncated) is refused before anything touches it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection

from kiosk.domain.lifecycle import OPEN_STATUSES
from kiosk.domain.ports import StoreCode, StoreError

log = logging.getLogger(__name__)

APP = "yichuang-kiosk"
SQLITE_APPLICATION_ID = 0x594B4953  # "YKIS"
#: The schema this code writes. Same major: compatible; see the module docstring.
SCHEMA = (2, 2)
LOCK_KEY = 0x6B696F736B

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

_OPEN = "status IN ({})".format(", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES)))

tickets = Table(
    "tickets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("category", String(32), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("number", String(16), nullable=False),
    Column("item_code", String(16)),
    Column("bundle_code", String(16)),
    Column("request_key", String(48), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("person_key", String(64)),  # keyed with the day's secret; erased at day close
    Column("green", Boolean, nullable=False, default=False),
    Column("green_reason", String(32), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("issued_at", Float, nullable=False),
    Column("queued_at", Float, nullable=False),
    Column("waiting_since", Float),
    Column("appointment_at", Float),
    Column("window", Integer),
    Column("target_window", Integer),
    Column("calls", Integer, nullable=False, default=0),
    Column("called_at", Float),
    Column("started_at", Float),
    Column("held", Float, nullable=False, default=0.0),
    Column("suspended_at", Float),
    UniqueConstraint("day", "number", name="uq_ticket_number"),
)
Index("ix_tickets_queue", tickets.c.day, tickets.c.status, tickets.c.category, tickets.c.queued_at)
Index("ix_tickets_window", tickets.c.day, tickets.c.window, tickets.c.status)

#: Partial indexes, in SQL both engines read alike (declaring them per dialect would load
#: SQLAlchemy's PostgreSQL dialect into every SQLite kiosk).
PARTIAL_INDEXES = (
    # one open ticket per person, request and day: a constraint, not a check-then-act
    f"CREATE UNIQUE INDEX IF NOT EXISTS uq_open_request ON tickets (day, person_key, request_key) "
    f"WHERE person_key IS NOT NULL AND {_OPEN}",
    # day close finds the identity hashes still held without reading a year of tickets
    "CREATE INDEX IF NOT EXISTS ix_tickets_hashed ON tickets (day) WHERE person_key IS NOT NULL",
)

ticket_events = Table(
    "ticket_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False),
    Column("day", String(10), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("at", Float, nullable=False),
    Column("window", Integer),
    Column("category", String(32), nullable=False),
    Column("to_category", String(32)),
    Column("to_window", Integer),
    Column("other_window", Integer),
    Column("reason", String(32)),
    Column("duration", Float),
    Column("ended_call", Boolean, nullable=False, default=False),
    Column("green", Boolean, nullable=False, default=False),
)
Index("ix_events_ticket", ticket_events.c.ticket_id)
# statistics and the consoles' figures: every column they read is in the index (no table lookups)
Index("ix_events_stats", ticket_events.c.day, ticket_events.c.kind, ticket_events.c.window, ticket_events.c.category,
      ticket_events.c.ended_call, ticket_events.c.duration, ticket_events.c.ticket_id)
# the latest events of a kind in a category (recent greens, recent services): a backward range scan, not a sort
Index("ix_events_latest", ticket_events.c.day, ticket_events.c.kind, ticket_events.c.category, ticket_events.c.id)

windows = Table(
    "windows", metadata,
    Column("number", Integer, primary_key=True, autoincrement=False),
    Column("paused", Boolean, nullable=False, default=False),
    Column("reason", String(32)),
    Column("updated_at", Float, nullable=False),
)

window_events = Table(
    "window_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("window", Integer, nullable=False),
    Column("at", Float, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("reason", String(32)),
)

# --- the hall's promises (schema 2.2): 好差评, 办不成事, 意见箱, 容缺承诺, 服务专员, 预约, 零材料 ----------

ratings = Table(
    "ratings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id"), nullable=False),
    Column("day", String(10), nullable=False),
    Column("number", String(16), nullable=False),
    Column("window", Integer),
    Column("category", String(32), nullable=False),
    Column("item_code", String(16)),
    Column("bundle_code", String(16)),
    Column("level", Integer, nullable=False),
    Column("tags", String(200), nullable=False, default=""),  # tag codes, comma-separated
    Column("text", String(2000), nullable=False, default=""),
    Column("source", String(16), nullable=False),
    Column("at", Float, nullable=False),
    UniqueConstraint("ticket_id", name="uq_rating_ticket"),  # one rating per ticket, ever
)
Index("ix_ratings_day", ratings.c.day, ratings.c.window, ratings.c.category, ratings.c.level)

follow_ups = Table(
    "follow_ups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rating_id", Integer, ForeignKey("ratings.id"), nullable=False),
    Column("opened_at", Float, nullable=False),
    Column("call_due", Float, nullable=False),
    Column("fix_due", Float, nullable=False),
    Column("status", String(16), nullable=False),
    Column("called_at", Float),
    Column("call_note", String(2000), nullable=False, default=""),
    Column("closed_at", Float),
    Column("fix_note", String(2000), nullable=False, default=""),
    Column("after_level", Integer),
    UniqueConstraint("rating_id", name="uq_follow_up_rating"),
)
Index("ix_follow_ups_status", follow_ups.c.status, follow_ups.c.call_due)

cases = Table(
    "cases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("at", Float, nullable=False),
    Column("item_code", String(16)),
    Column("tried", String(400), nullable=False, default=""),
    Column("snags", String(200), nullable=False, default=""),
    Column("text", String(2000), nullable=False, default=""),
    Column("contact", String(16), nullable=False, default=""),  # erased when closed
    Column("ticket_id", Integer, ForeignKey("tickets.id")),
    Column("number", String(16), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("outcome", String(16)),
    Column("outcome_note", String(2000), nullable=False, default=""),
    Column("closed_at", Float),
)
Index("ix_cases_status", cases.c.status, cases.c.day)

opinions = Table(
    "opinions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("at", Float, nullable=False),
    Column("topic", String(16), nullable=False),
    Column("text", String(2000), nullable=False),
    Column("contact", String(16), nullable=False, default=""),  # erased when closed
    Column("anonymous", Boolean, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reply", String(2000), nullable=False, default=""),
    Column("closed_at", Float),
)
Index("ix_opinions_status", opinions.c.status, opinions.c.day)

commitments = Table(
    "commitments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", Integer, ForeignKey("tickets.id")),
    Column("number", String(16), nullable=False, default=""),
    Column("day", String(10), nullable=False),
    Column("at", Float, nullable=False),
    Column("item_code", String(16), nullable=False),
    Column("materials", String(2000), nullable=False),  # material names, one per line
    Column("applicant_kind", String(16), nullable=False),
    Column("applicant", String(32), nullable=False),  # a credit code, or a masked ID
    Column("applicant_name", String(200), nullable=False, default=""),
    Column("due", Float, nullable=False),
    Column("status", String(16), nullable=False),
    Column("fulfilled_at", Float),
)
Index("ix_commitments_status", commitments.c.status, commitments.c.due)
Index("ix_commitments_ticket", commitments.c.ticket_id)

help_requests = Table(
    "help_requests", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("at", Float, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("group_code", String(32), nullable=False),
    Column("officer_id", String(32), nullable=False),
    Column("item_code", String(16)),
    Column("address", String(400), nullable=False, default=""),  # erased when done
    Column("contact", String(16), nullable=False, default=""),  # erased when done
    Column("ticket_id", Integer, ForeignKey("tickets.id")),
    Column("number", String(16), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("updated_at", Float),
)
Index("ix_help_officer", help_requests.c.officer_id, help_requests.c.status)

appointments = Table(
    "appointments", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(8), nullable=False),
    Column("day", String(10), nullable=False),
    Column("slot", Float, nullable=False),
    Column("item_code", String(16)),
    Column("category", String(32)),
    Column("person_hash", String(64), nullable=False),
    Column("id_masked", String(24), nullable=False),
    Column("phone_masked", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("at", Float, nullable=False),
    Column("status", String(16), nullable=False),
    Column("ticket_id", Integer, ForeignKey("tickets.id")),
    Column("number", String(16), nullable=False, default=""),
    Column("checked_in_at", Float),
    UniqueConstraint("code", name="uq_appointment_code"),
)
Index("ix_appointments_day", appointments.c.day, appointments.c.person_hash)

self_services = Table(
    "self_services", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("day", String(10), nullable=False),
    Column("at", Float, nullable=False),
    Column("item_code", String(16), nullable=False),
    Column("applicant", String(32), nullable=False),
    Column("result", String(40), nullable=False),
)
Index("ix_self_services_day", self_services.c.day)

#: Every change to a record above, in commit order: the change feed of the promises' screens.
record_log = Table(
    "record_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # the table
    Column("record_id", Integer, nullable=False),
    Column("at", Float, nullable=False),
)

PROMISE_TABLES = [ratings, follow_ups, cases, opinions, commitments, help_requests, appointments, self_services,
                  record_log]
TABLES = [meta, counters, tickets, ticket_events, windows, window_events, *PROMISE_TABLES]

def _indexes_2_1(conn: Connection) -> None:
    """2.0 → 2.1: the statistics' covering index, the latest-events index, day close's index."""
    for name in ("ix_events_day_kind", "ix_events_day_kind_category"):
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for index in ticket_events.indexes:
        index.create(conn, checkfirst=True)
    for ddl in PARTIAL_INDEXES:
        conn.execute(text(ddl))


def _promises_2_2(conn: Connection) -> None:
    """2.1 → 2.2: the tables of the hall's promises (ratings, follow-ups, cases, opinions,
    commitments, help requests, appointments, self-service records and their change log)."""
    metadata.create_all(conn, tables=PROMISE_TABLES, checkfirst=True)


#: Minor steps within the current major: MINOR_STEPS[n] takes x.n to x.(n+1). Additive only
#: (a terminal one minor behind must keep working on the result).
MINOR_STEPS: list[Callable[[Connection], None]] = [_indexes_2_1, _promises_2_2]


def set_meta(conn: Connection, key: str, value: str) -> None:
    if not conn.execute(update(meta).where(meta.c.key == key).values(value=value)).rowcount:
        conn.execute(insert(meta).values(key=key, value=value))


def _version(conn: Connection) -> tuple[int, int] | None:
    rows = dict(conn.execute(select(meta.c.key, meta.c.value)).all())
    if rows.get("app") == APP:
        return int(rows["schema_major"]), int(rows["schema_minor"])
    if "schema_version" in rows and "person_salt" in rows:  # the first release (schema 1)
        return (1, 0)
    return None


def prepare(conn: Connection, dialect: str) -> None:
    """Create, check or migrate the schema, under the hall's write lock."""
    if dialect == "sqlite":
        conn = conn.execution_options(kiosk_immediate=True)
    with conn.begin():
        if dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
        names = set(inspect(conn).get_table_names())
        if not names:
            _create(conn, dialect)
            return
        version = _version(conn) if "meta" in names else None
        if version is None:
            raise StoreError("this database holds other tables, not a kiosk's: it was not changed. "
                             "Give the kiosk its own database (or data directory).", StoreCode.NOT_OURS)
        major, minor = version
        if major > SCHEMA[0]:
            raise StoreError(f"the database is schema {major}.{minor}, newer than this terminal understands "
                             f"({SCHEMA[0]}.{SCHEMA[1]}): update this terminal's software.", StoreCode.SCHEMA)
        if major < SCHEMA[0]:
            if major != 1 or dialect != "sqlite":  # schema 1 only ever ran on SQLite
                raise StoreError(f"the database is schema {major}.{minor}, too old to migrate automatically.",
                                 StoreCode.SCHEMA)
            log.warning("migrating the database from schema 1 to %d.%d", *SCHEMA)
            migrate_1_to_2(conn, dialect)
            return
        for step in MINOR_STEPS[minor:]:
            step(conn)
        if minor < SCHEMA[1]:
            set_meta(conn, "schema_minor", str(SCHEMA[1]))
        elif minor > SCHEMA[1]:
            log.info("database schema %d.%d is a newer minor than this terminal's %d.%d: compatible",
                     major, minor, *SCHEMA)


def _create(conn: Connection, dialect: str) -> None:
    metadata.create_all(conn, tables=TABLES)
    for ddl in PARTIAL_INDEXES:
        conn.execute(text(ddl))
    _stamp(conn, dialect)


def _stamp(conn: Connection, dialect: str) -> None:
    set_meta(conn, "app", APP)
    set_meta(conn, "schema_major", str(SCHEMA[0]))
    set_meta(conn, "schema_minor", str(SCHEMA[1]))
    if dialect == "sqlite":
        conn.exec_driver_sql(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")


# --- schema 1 → 2 ------------------------------------------------------------------------------

_V1_SUSPEND = {"等候容缺材料": "awaiting_material", "需要复印材料": "copying", "后台审核": "back_office",
               "申请人临时离开": "applicant_away"}
_V1_PAUSE = {"午间轮岗": "lunch", "业务培训": "training", "系统故障": "fault", "临时离开": "away"}


def migrate_1_to_2(conn: Connection, dialect: str) -> None:
    """(SQLite only: the first release had no other engine.) The first release stored events
    with a text detail ("old->new@w", Chinese reasons) and keyed identity hashes with a salt kept
    in the same database. Keep every ticket and event,
    give the events their real fields and durations, and erase the old hashes (they could be
    reversed from the file alone)."""
    for name in ("tickets", "ticket_events", "windows", "window_events", "meta"):
        conn.exec_driver_sql(f'ALTER TABLE {name} RENAME TO v1_{name}')
    for ix in ("ix_tickets_day_status", "ix_tickets_person", "ix_events_ticket"):  # free the names
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {ix}")
    metadata.create_all(conn, tables=[meta, tickets, ticket_events, windows, window_events, *PROMISE_TABLES])
    for ddl in PARTIAL_INDEXES:
        conn.execute(text(ddl))
    old_tickets = {r["id"]: dict(r) for r in conn.exec_driver_sql("SELECT * FROM v1_tickets").mappings()}
    events: dict[int, list[dict[str, Any]]] = {}
    for r in conn.exec_driver_sql("SELECT * FROM v1_ticket_events ORDER BY id").mappings():
        events.setdefault(r["ticket_id"], []).append(dict(r))
    new_events: list[dict[str, Any]] = []
    for tid, t in old_tickets.items():
        state = _replay_v1(t, events.get(tid, []), new_events)
        t.update(state)
        t["person_key"] = None
        t["request_key"] = (f"item:{t['item_code']}" if t["item_code"] else f"bundle:{t['bundle_code']}"
                            if t["bundle_code"] else f"category:{t['category']}")
    cols = [c.name for c in tickets.columns]
    if old_tickets:
        conn.execute(insert(tickets), [{k: t.get(k) for k in cols} for t in old_tickets.values()])
    if new_events:
        conn.execute(insert(ticket_events), new_events)
    for r in conn.exec_driver_sql("SELECT * FROM v1_windows").mappings():
        conn.execute(insert(windows).values(number=r["number"], paused=r["paused"],
                                            reason=_V1_PAUSE.get(r["reason"], "away") if r["paused"] else None,
                                            updated_at=r["updated_at"]))
    for r in conn.exec_driver_sql("SELECT * FROM v1_window_events ORDER BY id").mappings():
        conn.execute(insert(window_events).values(id=r["id"], window=r["window"], at=r["at"], kind=r["event"],
                                                  reason=_V1_PAUSE.get(r["detail"], "away")
                                                  if r["event"] == "paused" else None))
    for name in ("window_events", "windows", "ticket_events", "tickets", "meta"):
        conn.exec_driver_sql(f"DROP TABLE v1_{name}")
    _stamp(conn, dialect)


def _replay_v1(t: dict[str, Any], evs: list[dict[str, Any]], out: list[dict[str, Any]]) -> dict[str, Any]:
    """One schema-1 ticket's events with real fields and durations; returns its new columns."""
    first = next((e["detail"] for e in evs if e["event"] == "transferred" and "->" in e["detail"]), None)
    category = first.split("->", 1)[0] if first else t["category"]
    wait_from = called = started = suspended = None
    held = 0.0
    susp_window = None
    for e in evs:
        at, kind = e["at"], e["event"]
        row: dict[str, Any] = dict(id=e["id"], ticket_id=t["id"], day=t["day"], kind=kind, at=at, window=e["window"],
                                   category=category, to_category=None, to_window=None, other_window=None,
                                   reason=None, duration=None, ended_call=False, green=bool(t["green"]))
        if kind == "issued" or kind == "reactivated":
            wait_from, called = at, None
        elif kind == "called":
            row["duration"] = at - wait_from if wait_from is not None else None
            wait_from, called = None, at
        elif kind == "started":
            row.update(duration=at - called if called is not None else None, ended_call=called is not None)
            called, started, held = None, at, 0.0
        elif kind == "done":
            row["duration"] = max(0.0, at - started - held) if started is not None else None
            started = None
        elif kind == "no_show":
            row["ended_call"] = called is not None
            called = None
        elif kind == "transferred":
            old_new, _, win = e["detail"].partition("@")
            new = old_new.split("->", 1)[1] if "->" in old_new else category
            row.update(to_category=new, to_window=int(win) if win.isdigit() else None, ended_call=called is not None)
            category, wait_from, called, started, held = new, at, None, None, 0.0
        elif kind == "suspended":
            row["reason"] = _V1_SUSPEND.get(e["detail"], "applicant_away")
            suspended, susp_window = at, e["window"]
        elif kind == "resumed":
            hold = at - suspended if suspended is not None else 0.0
            row.update(duration=hold, other_window=susp_window)
            held, suspended = held + hold, None
        out.append(row)
    return dict(waiting_since=wait_from, started_at=started, held=held, suspended_at=suspended)
