"""Run every kiosk benchmark and print one markdown table (and the engines side by side).

    python benchmarks/run_all.py                     # everything (≈ 8–10 minutes on 2 cores)
    python benchmarks/run_all.py --only hall         # one group (see GROUPS), or several: --only board,stats
    python benchmarks/run_all.py startup             # modules whose name contains "startup" (as before)
    python benchmarks/run_all.py --engines sqlite    # leave PostgreSQL out (or: --engines postgresql)

Each module (bench_*.py, ``run() -> list[Row]``) runs in its own fresh Python process, one after
the other, so one benchmark's QApplication, imports and memory never colour the next. The rows on
the hall's database run on both engines: SQLite in a temp data dir, and PostgreSQL on a throw-away
cluster this script starts first (tests/pgcluster.py's PgServer: initdb + postgres as the
``postgres`` user on a Unix socket in a temp dir) and stops at the end; without the server
binaries the PostgreSQL rows are left out, with the reason in the table. The realistic hall data
comes from benchmarks/hall_data.py (cached under benchmarks/.cache/).

After the table: a PASS/MISS verdict per target, and how busy the machine was (other processes
make every figure slower). The exit code is 0 when every benchmark ran, whatever the verdicts (a
MISS is a measurement, not a failure); 1 only if a benchmark itself crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import common
from common import Row, print_table

#: group → module, in run order (data first: the others reuse what it prepared)
GROUPS = {"data": "bench_data", "startup": "bench_startup", "search": "bench_search",
          "navigation": "bench_navigation", "switch": "bench_switch", "warmup": "bench_warmup",
          "tickets": "bench_tickets", "memory": "bench_memory",
          "calls": "bench_calls", "board": "bench_board", "concurrency": "bench_concurrency",
          "hall": "bench_hall", "stats": "bench_stats", "rating": "bench_rating",
          "report": "bench_study_report", "recording": "study_recording"}
#: the modules that measure the hall's database (the others need no PostgreSQL server)
DB_MODULES = {"bench_data", "bench_tickets", "bench_calls", "bench_board", "bench_concurrency", "bench_hall",
              "bench_stats", "bench_rating"}
ALIASES = {"issue": "tickets", "call": "calls", "nav": "navigation", "start": "startup", "pg": "data"}
MARK = "@@ROWS@@ "


def _child(module: str) -> int:
    """In the module's own process: run it and hand the rows back as one JSON line."""
    try:
        rows = __import__(module).run()
    finally:
        common.drop_dbs()
    print(MARK + json.dumps([r.as_dict() for r in rows], ensure_ascii=False), flush=True)
    return 0


TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks() -> tuple[int, int]:
    """(busy, total) clock ticks of the whole machine so far (/proc/stat: user nice system idle
    iowait irq softirq steal; guest time is already in user)."""
    try:
        with open("/proc/stat") as f:
            user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f.readline().split()[1:9])
    except (OSError, ValueError):
        return 0, 1
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


def busy_share(before: tuple[int, int], after: tuple[int, int]) -> float:
    return (after[0] - before[0]) / max(1, after[1] - before[1])


def tree_ticks(root: int) -> int:
    """CPU clock ticks used so far by ``root`` and its descendants (/proc/PID/stat: the live ones,
    and through their ``cutime``/``cstime`` the ones they have reaped, such as closed backends)."""
    parent: dict[int, int] = {}
    used: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        used[int(entry)] = sum(int(x) for x in fields[11:15])  # utime, stime, and of its reaped children
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += used.get(pid, 0)
        todo += [p for p, pp in parent.items() if pp == pid]
    return total


def our_ticks() -> int:
    """CPU ticks of this run: this process, its finished children, and the PostgreSQL server."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    server = common._pg.server if common._pg is not None else None
    pg = tree_ticks(server._proc.pid) if server is not None and server._proc is not None else 0
    return round(seconds * TICK) + pg


def main(argv: list[str]) -> int:
    if argv[:1] == ["--module"]:
        return _child(argv[1])
    ap = argparse.ArgumentParser(description="Run the kiosk benchmarks and print one table.")
    ap.add_argument("names", nargs="*", help="only modules whose name contains one of these")
    ap.add_argument("--only", default="", help=f"comma-separated groups: {', '.join(GROUPS)}")
    ap.add_argument("--engines", default="sqlite,postgresql", help="sqlite, postgresql or both (comma-separated)")
    args = ap.parse_args(argv)
    wanted = list(GROUPS.values())
    if args.only:
        groups = [ALIASES.get(g.strip(), g.strip()) for g in args.only.split(",") if g.strip()]
        unknown = [g for g in groups if g not in GROUPS]
        if unknown:
            ap.error(f"unknown group(s) {', '.join(unknown)}; groups: {', '.join(GROUPS)}")
        wanted = [m for g, m in GROUPS.items() if g in groups]
    if args.names:
        wanted = [m for m in wanted if any(a in m for a in args.names)]
    if not DB_MODULES.intersection(wanted):
        args.engines = "sqlite"  # nothing here touches the hall's database: no server to start
    os.environ["KIOSK_BENCH_ENGINES"] = args.engines
    common.session_dir()  # shared by the module processes (warm cache, data dirs); removed at exit
    t_all = time.perf_counter()
    c0 = cpu_ticks()  # nothing of ours runs during this second
    time.sleep(1.0)
    idle_busy = busy_share(c0, cpu_ticks())  # before anything of ours runs: other processes
    load0 = os.getloadavg()[0]
    rows: list[Row] = []
    crashed = False
    notes: list[str] = []
    others_all: list[float] = []
    try:
        t0 = time.perf_counter()
        if "postgresql" in common.engines():  # one server for the whole run (started here), shared with the modules
            print(f"PostgreSQL server started in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        elif "postgresql" in args.engines:
            print(f"PostgreSQL left out: {common.pg_missing()}", file=sys.stderr, flush=True)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(common.ROOT))
        for module in wanted:
            t0 = time.perf_counter()
            b0, o0 = cpu_ticks(), our_ticks()
            print(f"running {module} ...", file=sys.stderr, flush=True)
            proc = subprocess.run([common.PYTHON, str(common.BENCH_DIR / "run_all.py"), "--module", module],
                                  capture_output=True, text=True, env=env, cwd=common.ROOT)
            got = [line[len(MARK):] for line in proc.stdout.splitlines() if line.startswith(MARK)]
            if proc.returncode != 0 or not got:
                crashed = True
                tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
                rows.append(Row(f"{module} crashed", "—", "—", tail[0][:160], "ERROR"))
                print(proc.stderr[-4000:], file=sys.stderr)
            else:
                rows += [Row(**d) for d in json.loads(got[-1])]
            took = time.perf_counter() - t0
            b1, o1 = cpu_ticks(), our_ticks()
            others = max(0.0, ((b1[0] - b0[0]) - (o1 - o0)) / max(1, b1[1] - b0[1]))
            others_all.append(others * took)
            notes.append(f"{module.removeprefix('bench_')} {took:.0f} s, {100 * others:.0f} %")
            print(f"  {module}: {took:.1f} s", file=sys.stderr, flush=True)
    finally:
        common.stop_pg()
    print_table(rows)
    misses = [r for r in rows if r.verdict == "MISS"]
    print(f"\n{sum(r.verdict == 'PASS' for r in rows)} PASS, {len(misses)} MISS"
          f"{', ' + str(sum(r.verdict == 'ERROR' for r in rows)) + ' ERROR' if crashed else ''}; "
          f"total {time.perf_counter() - t_all:.0f} s on {os.cpu_count()} CPUs "
          f"(QT_QPA_PLATFORM=offscreen, Python {sys.version.split()[0]}, engines: {', '.join(common.engines())})")
    for r in misses:
        print(f"  MISS: {r.what.strip()} — {r.measured} ({r.ratio})")
    spent = time.perf_counter() - t_all
    print(f"\nMachine: other processes (not this run's) kept {100 * idle_busy:.0f} % of the {os.cpu_count()} CPUs busy "
          f"just before the run (load average {load0:.2f}) and {100 * sum(others_all) / max(1e-9, spent):.0f} % "
          f"during it; per module (its time, others' share of the CPUs meanwhile): {'; '.join(notes)}. Every figure "
          f"above is slower on a busy machine.")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
