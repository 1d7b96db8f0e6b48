"""5. Issuing a ticket, committed: TicketDesk.issue (and the store's SqlStore.issue alone) on each
engine, on an empty hall and on the realistic hall data (a year of history + 3,000 tickets today).

TicketDesk.issue with a persona's resident ID and the green channel is what a kiosk tap does: the
person key, the one-open-ticket rule (a database constraint), numbering, the insert and its event,
then the slip's figures (people ahead, busy and paused windows, recent services). Distinct items
(one request each), the wall clock (today is the hall data's today). Median, p90 and max over
N (after WARMUP); target ≤ 10 ms. Baseline: the bare driver's BEGIN; INSERT; COMMIT on the same
engine (sqlite3 on a fresh file in WAL with synchronous=NORMAL like the store; psycopg 3 on the
same PostgreSQL server).

On PostgreSQL also with the server's production durability: the throw-away cluster runs with
fsync=off; one row turns fsync and synchronous_commit on for its measurement (SQLite's
synchronous=NORMAL in WAL mode does not flush at commit either, but survives a process crash).

Also, on the hall data: the **first issue of a day**, which closes the earlier days (erases their
identity hashes: ``UPDATE tickets SET person_key = NULL WHERE day < today AND person_key IS NOT
NULL`` over the year) inside the write lock — measured once per engine with yesterday's hashes
still there, in a fresh store (a new process's state).
"""

from __future__ import annotations

import datetime as _dt
import random
import time

import common
from common import Row, info_row, median, ms, spread, target_row

N, WARMUP = 200, 10
TARGET = 0.010


def desk_issue(db: common.Db, n: int, with_id: bool, offset: int = 0) -> list[float]:
    """TicketDesk.issue for distinct items; with_id: a persona's resident ID and the green channel."""
    from kiosk.app import load_data
    from kiosk.domain.desk import Request, TicketDesk
    from kiosk.domain.personas import persona

    catalogue, hall = load_data()
    store = db.store()
    desk = TicketDesk(store, catalogue, hall, _dt.datetime.now, secret=common.SECRET)
    p = persona("elder")
    items = catalogue.items
    assert len(items) >= offset + WARMUP + n, "need a distinct item per issue"
    out = []
    try:
        for i in range(WARMUP + n):
            req = Request(item_code=items[offset + i].code)
            t0 = time.perf_counter()
            if with_id:
                desk.issue(req, p.resident_id, p.tags, use_green=True)
            else:
                desk.issue(req)
            if i >= WARMUP:
                out.append(time.perf_counter() - t0)
    finally:
        store.close()
    return out


def store_issue(db: common.Db, n: int) -> list[float]:
    """SqlStore.issue alone (numbering, insert, event; no slip figures)."""
    from kiosk.domain.lifecycle import NewTicket

    store = db.store()
    day, out = _dt.date.today().isoformat(), []
    cats = (("comprehensive", "A"), ("realty", "B"), ("police", "C"))
    try:
        for i in range(WARMUP + n):
            cat, prefix = cats[i % len(cats)]
            new = NewTicket(day=day, category=cat, prefix=prefix, subject="营业执照办理", request_key="item:QYKB-001",
                            now=time.time(), item_code="QYKB-001")
            t0 = time.perf_counter()
            store.issue(new)
            if i >= WARMUP:
                out.append(time.perf_counter() - t0)
    finally:
        store.close()
    return out


def day_close(db: common.Db) -> tuple[float, float, int]:
    """(first issue of the day with yesterday's ID hashes still there, the next issue, hashes erased)."""
    from sqlalchemy import func, select, update

    from kiosk.app import load_data
    from kiosk.domain.desk import Request, TicketDesk
    from kiosk.store.schema import meta, tickets

    catalogue, hall = load_data()
    today = _dt.date.today().isoformat()
    store = db.store()
    try:
        with store.engine.begin() as conn:
            yesterday = conn.execute(select(func.max(tickets.c.day)).where(tickets.c.day < today)).scalar()
            ids = conn.execute(select(tickets.c.id).where(tickets.c.day == yesterday)).scalars().all()
            rng = random.Random(5)
            keyed = [{"i": i, "k": f"{rng.getrandbits(128):032x}"} for i in ids if rng.random() < 0.3]
            from sqlalchemy import bindparam

            conn.execute(update(tickets).where(tickets.c.id == bindparam("i")).values(person_key=bindparam("k")),
                         keyed)
            conn.execute(update(meta).where(meta.c.key == "closed_before").values(value=yesterday))
    finally:
        store.close()
    store = db.store()  # a terminal starting: it does not know the day was closed
    try:
        desk = TicketDesk(store, catalogue, hall, _dt.datetime.now, secret=common.SECRET)
        t0 = time.perf_counter()
        desk.issue(Request(category="consult"))
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        desk.issue(Request(category="consult"))
        second = time.perf_counter() - t0
    finally:
        store.close()
    return first, second, len(keyed)


def durable_pg() -> list[Row]:
    """The throw-away server runs with fsync=off (tests/pgcluster.py); a hall's server would not.
    The same issue with the server's production durability (fsync=on, synchronous_commit=on, set
    with ALTER SYSTEM + reload, reset afterwards)."""
    server = common.pg()
    db = common.fresh_db("postgresql", "empty", "issue-fsync")
    with server.connect() as conn:
        conn.execute("ALTER SYSTEM SET fsync = on")
        conn.execute("ALTER SYSTEM SET synchronous_commit = on")
        conn.execute("SELECT pg_reload_conf()")
    try:
        time.sleep(0.5)
        with server.connect() as conn:
            on = conn.execute("SHOW fsync").fetchone()[0]
        bare = common.bare_commits(db, N // 2)
        desk = desk_issue(db, N // 2, with_id=True)
    finally:
        with server.connect() as conn:
            conn.execute("ALTER SYSTEM RESET fsync")
            conn.execute("ALTER SYSTEM RESET synchronous_commit")
            conn.execute("SELECT pg_reload_conf()")
    return [target_row(f"5. TicketDesk.issue with the server flushing its log at every commit (fsync={on}, "
                       f"synchronous_commit=on, as a hall's server runs) — {db.label}, median of {N // 2}", median(desk),
                       f"{ms(median(bare))} ({common.bare_label(db)}, same settings)", TARGET, measured=spread(desk))
            .tag("issue: TicketDesk.issue, PostgreSQL fsync=on", db, ms(median(desk)))]


def run() -> list[Row]:
    rows: list[Row] = []
    for engine, data in common.combos():
        db = common.fresh_db(engine, data, "issue")
        bare = common.bare_commits(db, N)
        desk_id = desk_issue(db, N, with_id=True)
        desk_anon = desk_issue(db, N, with_id=False, offset=WARMUP + N // 2)
        store = store_issue(db, N)
        b = median(bare)
        base = f"{ms(b)} ({common.bare_label(db)})"
        med = median(desk_id)
        rows += [
            target_row(f"5. TicketDesk.issue, persona ID + green channel (dup check, issue, slip figures), committed "
                       f"— {db.label}, median of {N}", med, base, TARGET, measured=spread(desk_id))
            .tag("issue: TicketDesk.issue, median (p90)", db, f"{ms(med)} ({ms(common.p90(desk_id))})"),
            target_row(f"5. SqlStore.issue alone (numbering, ticket, event; no slip figures), committed — {db.label}, "
                       f"median of {N}", median(store), base, TARGET, measured=spread(store),
                       note=f"; desk {med / b:.1f}×, store {median(store) / b:.1f}× the bare INSERT"),
            info_row(f"  ↳ {db.label}: TicketDesk.issue without ID", spread(desk_anon), base, "—"),
        ]
    if "postgresql" in common.engines():
        rows += durable_pg()
    for engine in common.engines():
        db = common.fresh_db(engine, "hall", "dayclose")
        first, second, erased = day_close(db)
        rows.append(target_row(f"5. first issue of a day on a year of history: day close erases yesterday's "
                               f"{erased} ID hashes (UPDATE tickets … WHERE day < today) in the write lock — "
                               f"{db.label}", first, f"{ms(second)} (the next issue)", TARGET)
                    .tag("issue: first of the day (day close)", db, ms(first)))
    return rows + common.skipped_rows("5.")


if __name__ == "__main__":
    common.run_standalone(run)
