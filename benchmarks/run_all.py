"""Run every kiosk benchmark and print one markdown table.

    python benchmarks/run_all.py            # everything (≈ 1.5 minutes on 2 cores)
    python benchmarks/run_all.py startup    # only modules whose name contains "startup"

Each module (bench_*.py, ``run() -> list[Row]``) runs in its own fresh Python process, one after
the other, so one benchmark's QApplication, imports and memory never colour the next. The exit
code is 0 when every benchmark ran, whatever the verdicts (a MISS is a measurement, not a
failure); 1 only if a benchmark itself crashed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import common
from common import Row, print_table

MODULES = ("bench_startup", "bench_search", "bench_navigation", "bench_tickets", "bench_memory",
           "bench_calls", "bench_board", "bench_concurrency")
MARK = "@@ROWS@@ "


def _child(module: str) -> int:
    """In the module's own process: run it and hand the rows back as one JSON line."""
    rows = __import__(module).run()
    print(MARK + json.dumps([r.as_dict() for r in rows], ensure_ascii=False), flush=True)
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--module"]:
        return _child(argv[1])
    wanted = [m for m in MODULES if not argv or any(a in m for a in argv)]
    common.session_dir()  # shared by the module processes (warm cache, data dirs); removed at exit
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(common.ROOT))
    rows: list[Row] = []
    crashed = False
    t_all = time.perf_counter()
    for module in wanted:
        t0 = time.perf_counter()
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
        print(f"  {module}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    print_table(rows)
    misses = sum(r.verdict == "MISS" for r in rows)
    print(f"\n{sum(r.verdict == 'PASS' for r in rows)} PASS, {misses} MISS; "
          f"total {time.perf_counter() - t_all:.0f} s on {os.cpu_count()} CPUs "
          f"(QT_QPA_PLATFORM=offscreen, Python {sys.version.split()[0]})")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
