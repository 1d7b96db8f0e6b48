"""11. Queue statistics (kiosk.domain.stats.period_stats) for a day and for a year, on each engine,
on the hall data (250 working days ≈ 200,000 tickets + today's 3,000) and on an empty hall; and
the CLI ``kiosk stats --from … --to … --csv FILE`` end to end (a fresh process).

period_stats = HallStore.stats_rows (a few GROUP BY queries and three window-function queries for
the p90s) + building the figures. Day: today (3,000 tickets); year: the first history day to today.
Target: a year ≤ 2 s. Runs: DAY_RUNS for a day, YEAR_RUNS for a year (median, max). The slowest
statements of a year's run are listed (a ``before/after_cursor_execute`` listener; SQLite streams
GROUP BY results, so part of a statement's time shows in the next). Baseline: one bare GROUP BY
(category, kind) with count and sum over the same period with the bare driver on the same engine.
CLI baseline: ``kiosk stats --day`` for a day without tickets (start-up, opening the store).
"""

from __future__ import annotations

import os
import subprocess
import time

import common
from common import Row, info_row, median, ms, target_row

DAY_RUNS, YEAR_RUNS = 5, 3
YEAR_TARGET = 2.0


def secs(v: float) -> str:
    return f"{v:.2f} s" if v >= 1 else ms(v)


def bare_group_by(db: common.Db, first: str, last: str) -> float:
    """One GROUP BY category, kind with count and sum over ``first``..``last`` (bare driver)."""
    q = ("SELECT category, kind, count(*), sum(duration) FROM ticket_events WHERE day BETWEEN {0} AND {0} "
         "GROUP BY category, kind")
    if db.engine == "sqlite":
        import sqlite3

        conn = sqlite3.connect(db.data_dir / "kiosk.sqlite3")
        q = q.format("?")
    else:
        conn = common.pg().connect(db.pg_name)
        q = q.format("%s")
    times = []
    try:
        for _ in range(3):
            t0 = time.perf_counter()
            conn.execute(q, (first, last)).fetchall()
            times.append(time.perf_counter() - t0)
    finally:
        conn.close()
    return median(times)


def period(db: common.Db, first: str, last: str, runs: int) -> tuple[list[float], list[tuple[float, str]], int]:
    """(times of period_stats, the slowest statements of the last run, tickets counted)."""
    from sqlalchemy import event

    from kiosk.app import load_data
    from kiosk.domain.stats import period_stats

    _, hall = load_data()
    store = db.store()
    stmts: list[tuple[float, str]] = []

    def before(conn, cursor, statement, *_args) -> None:
        conn.info["bench_t0"] = time.perf_counter()

    def after(conn, cursor, statement, *_args) -> None:
        stmts.append((time.perf_counter() - conn.info["bench_t0"], " ".join(statement.split())))

    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)
    times = []
    try:
        for _ in range(runs):
            stmts.clear()
            t0 = time.perf_counter()
            stats = period_stats(store, first, last, hall)
            times.append(time.perf_counter() - t0)
    finally:
        store.close()
    return times, sorted(stmts, reverse=True)[:3], stats.overall.tickets


def label(statement: str) -> str:
    """A few words that say which stats query it is."""
    s = statement.replace('"', "")
    if "row_number()" in s:
        scope = s.split("PARTITION BY ", 1)[1].split(",", 1)[0].replace("ticket_events.", "")
        return f"p90 window function by {scope}"
    if "count(DISTINCT" in s:
        return "distinct tickets per window"
    head = s.split(" FROM ", 1)[0].replace("SELECT ", "").replace("ticket_events.", "")
    return "GROUP BY " + head.split(",", 1)[0]


def cli(db: common.Db, args: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(common.ROOT))
    t0 = time.perf_counter()
    proc = subprocess.run([common.PYTHON, "-m", "kiosk", "stats", *db.cli(), *args], capture_output=True, text=True,
                          env=env, cwd=common.ROOT)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"kiosk stats failed (rc={proc.returncode}):\n{proc.stderr[-2000:]}")
    return took


def run() -> list[Row]:
    import datetime as _dt

    import hall_data

    _, summary = hall_data.cached_file()
    first, today = summary.first_day, _dt.date.today().isoformat()
    rows: list[Row] = []
    for engine, data in common.combos():
        db = common.fresh_db(engine, data, "stats")
        day, _, day_tickets = period(db, today, today, DAY_RUNS)
        year, slowest, year_tickets = period(db, first, today, YEAR_RUNS)
        base = bare_group_by(db, first, today)
        med = median(year)
        rows += [
            target_row(f"11. period_stats for a year ({first}…{today}, {year_tickets:,} tickets) — {db.label}, "
                       f"median of {YEAR_RUNS}", med, f"{secs(base)} (one bare GROUP BY category, kind)", YEAR_TARGET,
                       fmt=secs, measured=f"{secs(med)} (max {secs(max(year))})")
            .tag("stats: a year (period_stats), median", db, secs(med)),
            info_row(f"  ↳ {db.label}: a day ({day_tickets:,} tickets) median (max); the year's slowest statements",
                     f"{ms(median(day))} ({ms(max(day))}); " + ", ".join(f"{label(s)} {secs(t)}" for t, s in slowest),
                     "—", f"year {med / base:.1f}× the bare GROUP BY"),
        ]
        if data == "hall":
            out = common.fresh_dir("stats-csv") / "year.csv"
            whole = cli(db, ["--from", first, "--to", today, "--csv", str(out)])
            empty = cli(db, ["--day", "2000-01-03"])
            lines = out.read_text(encoding="utf-8-sig").count("\n")
            rows.append(target_row(f"11. CLI kiosk stats --from {first} --to {today} --csv FILE, end to end (fresh "
                                   f"process; {lines} CSV lines) — {db.label}", whole,
                                   f"{secs(empty)} (kiosk stats --day, a day without tickets)", YEAR_TARGET, fmt=secs,
                                   note=" (the year's target; start-up included)")
                        .tag("stats: CLI --from/--to --csv, a year", db, secs(whole)))
    return rows + common.skipped_rows("11.")


if __name__ == "__main__":
    common.run_standalone(run)
