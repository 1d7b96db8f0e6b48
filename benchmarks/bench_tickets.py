"""5. Issuing a ticket, committed: Store.issue_ticket and TicketDesk.issue on a fresh SQLite data dir.

Median over 200 (after 10 warm-up issues); target ≤ 10 ms each. Baseline: a bare ``sqlite3``
INSERT + COMMIT (BEGIN IMMEDIATE, WAL, synchronous=NORMAL like the Store) in a fresh file on the
same disk, 200 times.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
import time

import common
from common import Row, info_row, median, ms, target_row

N, WARMUP = 200, 10
TARGET = 0.010
FIXED_NOW = _dt.datetime(2026, 11, 27, 10, 12)


def bare_sqlite(n: int) -> list[float]:
    path = common.fresh_dir("sqlite-bare") / "bare.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT, category TEXT, seq INTEGER, "
                 "number TEXT, subject TEXT, issued_at REAL)")
    out = []
    for i in range(WARMUP + n):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (day, category, seq, number, subject, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                      ("2026-11-27", "comprehensive", i + 1, f"A{i + 1:03d}", "demo", time.time()))
        conn.execute("COMMIT")
        if i >= WARMUP:
            out.append(time.perf_counter() - t0)
    conn.close()
    return out


def store_issue(n: int) -> list[float]:
    from kiosk.store.db import Store

    store = Store.open(common.fresh_dir("store"))
    day, out = FIXED_NOW.date().isoformat(), []
    cats = (("comprehensive", "A"), ("realty", "B"), ("police", "C"))
    for i in range(WARMUP + n):
        cat, prefix = cats[i % len(cats)]
        t0 = time.perf_counter()
        store.issue_ticket(day=day, category=cat, prefix=prefix, subject="营业执照办理", item_code="QYKB-001",
                           now=FIXED_NOW.timestamp())
        if i >= WARMUP:
            out.append(time.perf_counter() - t0)
    store.close()
    return out


def desk_issue(n: int, with_id: bool) -> list[float]:
    """TicketDesk.issue for distinct items; with_id: a persona's resident ID and the green channel
    (the one-open-ticket check, person key and green reason run too)."""
    from kiosk.app import load_data
    from kiosk.domain.desk import Request, TicketDesk
    from kiosk.domain.personas import persona
    from kiosk.store.db import Store

    catalogue, hall = load_data()
    store = Store.open(common.fresh_dir("desk"))
    desk = TicketDesk(store, catalogue, hall, lambda: FIXED_NOW)
    p = persona("elder")
    items = catalogue.items
    assert len(items) >= WARMUP + n, "need a distinct item per issue"
    out = []
    for i in range(WARMUP + n):
        req = Request(item_code=items[i].code)
        t0 = time.perf_counter()
        if with_id:
            desk.issue(req, p.resident_id, p.tags, use_green=True)
        else:
            desk.issue(req)
        if i >= WARMUP:
            out.append(time.perf_counter() - t0)
    store.close()
    return out


def run() -> list[Row]:
    bare = bare_sqlite(N)
    store = store_issue(N)
    desk_id = desk_issue(N, with_id=True)
    desk_anon = desk_issue(N, with_id=False)
    b = median(bare)
    base = f"{ms(b)} (sqlite3 INSERT+COMMIT, WAL)"
    return [
        target_row(f"5. Store.issue_ticket, committed (fresh SQLite data dir, median of {N})", median(store), base,
                   TARGET),
        target_row(f"5. TicketDesk.issue, persona ID + green channel (dup check, issue, people ahead), median of {N}", median(desk_id), base, TARGET),
        info_row("  ↳ TicketDesk.issue without ID / p90 Store.issue_ticket / p90 TicketDesk.issue",
                 f"{ms(median(desk_anon))} / {ms(common.p90(store))} / "
                 f"{ms(common.p90(desk_id))}", base,
                 f"Store {median(store) / b:.1f}×, desk {median(desk_id) / b:.1f}× the bare INSERT"),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
