"""0. The realistic hall data (benchmarks/hall_data.py): what it holds, what it costs to make.

The SQLite file is generated once (per VERSION, seed, schema and day) into ``benchmarks/.cache/``
and copied for each benchmark that uses it; PostgreSQL gets the same rows by COPY into a template
database once per run, which each benchmark clones (CREATE DATABASE … TEMPLATE). Target: loading
PostgreSQL for a run ≤ 60 s. Baseline: copying the cached SQLite file.
"""

from __future__ import annotations

import time

import common
from common import Row, info_row, ms, target_row

PG_TARGET = 60.0


def secs(v: float) -> str:
    return f"{v:.1f} s" if v >= 1 else ms(v)


def run() -> list[Row]:
    import hall_data

    t0 = time.perf_counter()
    path, s = hall_data.cached_file()
    took = time.perf_counter() - t0
    copy = common.fresh_db("sqlite", "hall", "data")
    waiting_at = ", ".join(f"{w}: {st}" for w, st in sorted(s.at_windows.items(), key=lambda kv: int(kv[0])))
    how = (f"cached ({path.parent.name}); generated in {secs(s.generate_s)} when made" if s.cached
           else f"generated now in {secs(took)}")
    rows = [
        info_row(f"0. hall data: {s.days} working days ({s.first_day} on) + today {s.today}: {s.tickets:,} tickets, "
                 f"{s.events:,} events, {s.window_events} window events; today {s.today_tickets:,} tickets "
                 f"({s.today_events:,} events), {s.waiting} waiting, {s.suspended} suspended, at windows {{{waiting_at}}}, "
                 f"paused {s.paused}", f"SQLite file {s.size_mb:.0f} MiB, {how}",
                 f"{secs(copy.prepare_s)} (copy per benchmark)", f"seed {s.seed}, {s.version}"),
    ]
    if "postgresql" in common.engines():
        server = common.pg()
        name = "tpl_" + hall_data.cache_key(__import__("datetime").date.today()).replace("-", "_")
        existed = server.exists(name)
        t0 = time.perf_counter()
        common.hall_template()
        load = time.perf_counter() - t0
        clone = common.fresh_db("postgresql", "hall", "data")
        if existed:
            rows.append(info_row("0. hall data into PostgreSQL: template already loaded in this run", "—",
                                 f"{secs(copy.prepare_s)} (SQLite file copy)", f"clone per benchmark {secs(clone.prepare_s)}"))
        else:
            rows.append(target_row("0. hall data into PostgreSQL: schema by SqlStore, COPY of every row from the "
                                   "SQLite file, sequences, VACUUM ANALYZE (a template database, once per run)", load,
                                   f"{secs(copy.prepare_s)} (SQLite file copy)", PG_TARGET, fmt=secs,
                                   note=f"; clone per benchmark {secs(clone.prepare_s)}"))
    return rows + common.skipped_rows("0.")


if __name__ == "__main__":
    common.run_standalone(run)
