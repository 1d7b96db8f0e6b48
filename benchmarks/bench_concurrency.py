"""9. Many processes on one hall, on each engine, on an empty hall and on the hall data.

9a. Burst: 4 child processes (``_issue_worker.py``) open the same database, warm up, wait for a
common start signal, then each issues 200 tickets of the same category back to back with
SqlStore.issue — the worst case: every issue races for the same (day, category) counter row
under the hall's write lock — timing every issue. Median and p90/p99/max of all 800; target ≤ 10
ms median (DESIGN: issue a ticket ≤ 10 ms). Baseline: one such worker alone (200 issues, a fresh
database of the same kind), same run. Correctness is checked from the database afterwards: the
800 numbers unique, the category's sequence gap-free.

9b. A hall at a realistic pace: 8 processes at ≈ 4 operations/s each (Poisson), for SECONDS —
2 kiosks issuing with TicketDesk.issue (30 % with a resident ID) and 6 windows (1–6) working with a
Counter (call_next, start, finish, …), ``_hall_worker.py``; the issue mix matches what windows 1–6
call, so the queue stays about as long. Target: issue and call p99 ≤ 100 ms. Baseline: 1 kiosk +
1 window at the same pace, alone on a database of the same kind (BASE_SECONDS). Afterwards: nothing
called twice, numbers unique.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import subprocess

import common
from common import Row, info_row, median, ms, p90, pct, verdict

PROCS, EACH = 4, 200
TARGET = 0.010
CATEGORY, PREFIX = "comprehensive", "A"
WORKER = common.BENCH_DIR / "_issue_worker.py"
HALL_WORKER = common.BENCH_DIR / "_hall_worker.py"
KIOSKS, WINDOWS, RATE = 2, 6, 4.0
SECONDS, BASE_SECONDS = 15.0, 8.0
P99_TARGET = 0.100


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of the whole machine since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f.readline().split()[1:9])
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


LAST_CPU = [0.0]  # the machine's busy share while the last workers ran (0–1, of all CPUs)


def _spawn(args_list: list[list[str]], timeout: float = 180) -> list[dict]:
    """Start the workers, release them together once all are ready, return their JSON reports
    (and note in LAST_CPU how busy the machine was while they worked)."""
    env = dict(os.environ, PYTHONPATH=str(common.ROOT))
    ps = [subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=env, cwd=common.ROOT) for args in args_list]
    try:
        for p in ps:
            line = p.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"worker failed: {line!r}\n{p.stderr.read()[-3000:]}")
        busy0, total0 = cpu_ticks()
        for p in ps:  # the start signal, as close together as pipes allow
            p.stdin.write("go\n")
            p.stdin.flush()
        reports = []
        for p in ps:
            out, err = p.communicate(timeout=timeout)
            if p.returncode != 0:
                raise RuntimeError(f"worker failed (rc={p.returncode}):\n{err[-3000:]}")
            reports.append(json.loads(out.strip().splitlines()[-1]))
            if len(reports) == 1:
                busy1, total1 = cpu_ticks()
                LAST_CPU[0] = (busy1 - busy0) / max(1, total1 - total0)
        return reports
    finally:
        for p in ps:
            if p.poll() is None:
                p.kill()
                p.wait()


# --- 9a. the burst ---------------------------------------------------------------------------------

def burst(db: common.Db, procs: int, each: int) -> list[dict]:
    db.store().close()  # the schema first, so the workers race only for numbers
    day = _dt.date.today().isoformat()
    args = [common.PYTHON, str(WORKER), db.arg, str(each), CATEGORY, PREFIX, day]
    return _spawn([args] * procs)


def check_burst(db: common.Db, reports: list[dict]) -> tuple[bool, str]:
    day = _dt.date.today().isoformat()
    store = db.store()
    try:
        seqs = sorted(t.seq for t in store.tickets_on(day) if t.number.startswith(PREFIX))
    finally:
        store.close()
    numbers = [n for r in reports for n in r["numbers"]]
    expected = sum(len(r["numbers"]) for r in reports)
    unique = len(set(numbers))
    gap_free = seqs == list(range(1, len(seqs) + 1))
    ok = unique == expected and gap_free
    mine = sorted(int(n[1:]) for n in numbers)
    return ok, (f"{expected} issued, {unique} unique numbers, {'gap-free' if gap_free else 'GAPS'} "
                f"{PREFIX}{mine[0]:03d}…{PREFIX}{mine[-1]:03d}")


def burst_rows(engine: str, data: str) -> list[Row]:
    single = burst(common.fresh_db(engine, data, "issue-1p"), 1, EACH)[0]
    db = common.fresh_db(engine, data, "issue-4p")
    reports = burst(db, PROCS, EACH)
    ok, said = check_burst(db, reports)
    times = [t for r in reports for t in r["times"]]
    locks = [t for r in reports for t in r["lock"]]
    cpus = [t for r in reports for t in r["cpu"]]
    b, med = median(single["times"]), median(times)
    wall = max(r["wall"] for r in reports)
    slow = [i for i, t in enumerate(times) if t > TARGET]
    slow_total = sum(times[i] for i in slow)
    slow_lock = sum(locks[i] for i in slow)
    note = "✓ " + said if ok else "✗ NOT CORRECT: " + said
    waits = "BEGIN IMMEDIATE" if engine == "sqlite" else "pg_advisory_xact_lock"
    return [
        Row(f"9a. SqlStore.issue, {PROCS} processes × {EACH} at once (same category) — {db.label}, median of "
            f"{len(times)}", f"{ms(med)} (p90 {ms(p90(times))}, p99 {ms(pct(times, 99))}, max {ms(max(times))})",
            f"{ms(b)} (1 process alone, median of {EACH})", f"target ≤ {TARGET * 1000:.0f} ms; {med / b:.1f}× alone; "
            f"{note}", verdict(med <= TARGET and ok))
        .tag("burst: 4 procs × 200 issues, median (p99)", db, f"{ms(med)} ({ms(pct(times, 99))})"),
        info_row(f"  ↳ {db.label}: throughput; issues over {TARGET * 1000:.0f} ms and where their time goes",
                 f"{len(times) / wall:.0f} tickets/s ({PROCS} procs) vs {EACH / single['wall']:.0f}/s (1); "
                 f"{len(slow)} of {len(times)} slow, {100 * slow_lock / slow_total if slow else 0:.0f} % of their "
                 f"time waiting in {waits} (write lock)", f"p90 {ms(p90(single['times']))} alone",
                 f"CPU per issue median {ms(median(cpus))}; {os.cpu_count()} CPUs"),
    ]


# --- 9b. the paced hall -----------------------------------------------------------------------------

def free_windows(db: common.Db, numbers) -> None:
    """Windows ``numbers`` open and without a ticket (not timed)."""
    from kiosk.app import load_data

    _, hall = load_data()
    store = db.store()
    try:
        common.free_and_open(store, hall, numbers)
    finally:
        store.close()


def paced(db: common.Db, kiosks: int, windows: int, seconds: float) -> tuple[list[dict], int]:
    """The workers' reports, and the newest event id before they started."""
    free_windows(db, range(1, windows + 1))
    store = db.store()
    try:
        cursor = store.cursor()[0]
    finally:
        store.close()
    base = [common.PYTHON, str(HALL_WORKER)]
    args = [base + ["kiosk", db.arg, str(seconds), str(RATE), str(100 + k)] for k in range(kiosks)]
    args += [base + ["window", db.arg, str(seconds), str(RATE), str(200 + w), str(w)] for w in range(1, windows + 1)]
    return _spawn(args), cursor


def _ops(reports: list[dict], name: str) -> list[list[float]]:
    return [x for r in reports for x in r["ops"].get(name, [])]


def check_paced(db: common.Db, cursor: int) -> tuple[bool, str]:
    """Nothing called twice since ``cursor`` (the run neither transfers nor reactivates), numbers unique."""
    from sqlalchemy import func, select

    from kiosk.store.schema import ticket_events, tickets

    day = _dt.date.today().isoformat()
    store = db.store()
    try:
        with store.engine.connect() as conn:
            twice = conn.execute(select(func.count()).select_from(
                select(ticket_events.c.ticket_id).where(ticket_events.c.id > cursor,
                                                        ticket_events.c.kind == "called")
                .group_by(ticket_events.c.ticket_id).having(func.count() > 1).subquery())).scalar_one()
            dup = conn.execute(select(func.count()).select_from(
                select(tickets.c.number).where(tickets.c.day == day).group_by(tickets.c.number)
                .having(func.count() > 1).subquery())).scalar_one()
    finally:
        store.close()
    ok = twice == 0 and dup == 0
    return ok, f"{twice} tickets called twice, {dup} duplicate numbers"


def paced_rows(engine: str, data: str) -> list[Row]:
    alone, _ = paced(common.fresh_db(engine, data, "paced-base"), 1, 1, BASE_SECONDS)
    db = common.fresh_db(engine, data, "paced")
    reports, cursor = paced(db, KIOSKS, WINDOWS, SECONDS)
    busy = LAST_CPU[0]
    ok, said = check_paced(db, cursor)
    cpu_op = median([x[3] for name in ("issue", "call", "start", "finish") for x in _ops(reports, name)])
    issue, call = [x[1] for x in _ops(reports, "issue")], [x[1] for x in _ops(reports, "call")]
    start, finish = [x[1] for x in _ops(reports, "start")], [x[1] for x in _ops(reports, "finish")]
    b_issue, b_call = [x[1] for x in _ops(alone, "issue")], [x[1] for x in _ops(alone, "call")]
    errors = [e for r in reports for e in r["errors"]]
    n_ops = sum(len(v) for r in reports for v in r["ops"].values())
    wall = max(r["wall"] for r in reports)
    empty = len(_ops(reports, "empty"))
    p99i, p99c = pct(issue, 99), pct(call, 99)
    worst_lock = max((x[2] for name in ("issue", "call") for x in _ops(reports, name)), default=0.0)
    slow = [x for name in ("issue", "call") for x in _ops(reports, name) if x[1] > P99_TARGET]
    lock_share = sum(x[2] for x in slow) / sum(x[1] for x in slow) if slow else 0.0
    good = p99i <= P99_TARGET and p99c <= P99_TARGET and ok and not errors
    base = (f"1 kiosk + 1 window alone: issue p99 {ms(pct(b_issue, 99))}, call p99 {ms(pct(b_call, 99))}"
            if b_issue and b_call else "—")
    return [
        Row(f"9b. {KIOSKS + WINDOWS} processes at ≈ {RATE:g} ops/s each ({KIOSKS} kiosks: TicketDesk.issue; "
            f"{WINDOWS} windows: call/start/finish), {SECONDS:g} s — {db.label}",
            f"issue p50 {ms(median(issue))} / p99 {ms(p99i)}; call p50 {ms(median(call))} / p99 {ms(p99c)}",
            base, f"target p99 ≤ {P99_TARGET * 1000:.0f} ms for both; {len(issue)} issues, {len(call)} calls"
            + (f"; {len(errors)} ERRORS: {errors[0]}" if errors else "") + (f"; ✗ {said}" if not ok else ""),
            verdict(good))
        .tag("8 procs paced: issue / call p99", db, f"{ms(p99i)} / {ms(p99c)}"),
        info_row(f"  ↳ {db.label}: max issue / call / start / finish; ops/s; calls that found nobody; slow ops",
                 f"{ms(max(issue))} / {ms(max(call))} / {ms(max(start))} / {ms(max(finish))}; "
                 f"{n_ops / wall:.1f} ops/s; {empty} empty calls; {len(slow)} ops over {P99_TARGET * 1000:.0f} ms "
                 f"({100 * lock_share:.0f} % of their time waiting for the write lock, longest wait {ms(worst_lock)}); "
                 f"client CPU per op median {ms(cpu_op)}; machine {100 * busy:.0f} % busy ({os.cpu_count()} CPUs, "
                 f"the {'server and ' if engine == 'postgresql' else ''}8 clients on them)",
                 f"alone: issue p50 {ms(median(b_issue))}, call p50 {ms(median(b_call))}" if b_issue and b_call else "—",
                 ("✓ " if ok else "✗ ") + said),
    ]


def run() -> list[Row]:
    rows: list[Row] = []
    for engine, data in common.combos():
        rows += burst_rows(engine, data)
    for engine, data in common.combos():
        rows += paced_rows(engine, data)
    return rows + common.skipped_rows("9.")


if __name__ == "__main__":
    common.run_standalone(run)
