"""Subprocess body for bench_concurrency's burst (spawned by it; not a benchmark module itself).

    python benchmarks/_issue_worker.py DB COUNT CATEGORY PREFIX DAY

DB is a SQLite data dir or a PostgreSQL URL. Opens the store, issues a few warm-up tickets on the
day before DAY (so they do not count), prints ``ready``, waits for a line on stdin (the start
signal, so all workers begin together), then issues COUNT tickets on DAY with SqlStore.issue,
timing each, and prints one JSON line:
``{"times": [seconds, ...], "lock": [seconds, ...], "cpu": [seconds, ...], "numbers": [...], "wall": seconds}``
— ``lock``: the part of each issue spent waiting for the hall's write lock (SQLite: ``BEGIN
IMMEDIATE``; PostgreSQL: ``pg_advisory_xact_lock``), measured with SQLAlchemy's
before/after_cursor_execute events; ``cpu``: the process CPU time of each issue.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
import time
from pathlib import Path

WARMUP = 5


def main() -> int:
    db, count, category, prefix, day = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import open_store
    from sqlalchemy import event

    from kiosk.domain.lifecycle import NewTicket

    store = open_store(db)
    lock: list[float] = []

    def before(conn, cursor, statement, *_args) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn, cursor, statement, *_args) -> None:
        if statement.startswith("BEGIN") or "pg_advisory_xact_lock" in statement:
            lock.append(time.perf_counter() - conn.info["bench_t0"])

    # read-only timing of the statements the store runs
    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)

    def new(on: str, subject: str) -> NewTicket:
        return NewTicket(day=on, category=category, prefix=prefix, subject=subject, request_key="item:QYKB-001",
                         now=time.time(), item_code="QYKB-001")

    earlier = (_dt.date.fromisoformat(day) - _dt.timedelta(days=1)).isoformat()
    for _ in range(WARMUP):
        store.issue(new(earlier, "warm-up"))
    store.close_days_before(day)  # what the first issue on DAY would do first (not timed)
    print("ready", flush=True)
    sys.stdin.readline()
    times, cpu, numbers = [], [], []
    lock.clear()
    t_start = time.perf_counter()
    for _ in range(count):
        c0, t0 = time.process_time(), time.perf_counter()
        t = store.issue(new(day, "营业执照办理"))
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        numbers.append(t.number)
    wall = time.perf_counter() - t_start
    store.close()
    print(json.dumps({"times": times, "lock": lock, "cpu": cpu, "numbers": numbers, "wall": wall}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
