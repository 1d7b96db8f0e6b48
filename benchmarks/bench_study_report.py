"""12. The usability study's report (``kiosk report``) for 20 participants × 6 tasks.

The study directory is synthetic (kiosk/usability/synthetic.py: the shipped example study run
through the real Session by simulated participants, two conditions, one session cut short) with
realistic sizes: each participant's screens are the kiosk's own 1080×1920 screenshots from
docs/screenshots (≈ 150 KB each), as the recorder keeps them. Timed: writing report.html and the
four CSV files from the directory (reading every record and screenshot, the analysis, the HTML
with each screenshot embedded once, heat maps and replays), RUNS times, median and max. Target:
≤ 10 s. Baseline, same run: only reading the 20 records (read_record). Then the CLI end to end in
a fresh process (``kiosk report DIR --out OUT``), once.
"""

from __future__ import annotations

import os
import subprocess
import time

import common
from common import Row, info_row, median, ms, target_row

PARTICIPANTS, RUNS = 20, 5
TARGET = 10.0


def secs(v: float) -> str:
    return f"{v:.2f} s" if v >= 1 else ms(v)


def run() -> list[Row]:
    from kiosk.usability.analysis import record_paths
    from kiosk.usability.events import read_record
    from kiosk.usability.report import write_report
    from kiosk.usability.synthetic import write_study_dir

    root = common.fresh_dir("study-report")
    t0 = time.perf_counter()
    study_dir, _ = write_study_dir(root, participants=PARTICIPANTS, seed=12, cut_short=1,
                                   real_screens=common.ROOT / "docs" / "screenshots")
    made = time.perf_counter() - t0
    paths = record_paths(study_dir)
    events = sum(len(read_record(p).events) for p in paths)
    shots = list(study_dir.glob("participants/*/screens/*.png"))
    size = sum(p.stat().st_size for p in study_dir.rglob("*") if p.is_file())

    reads = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        for p in paths:
            read_record(p)
        reads.append(time.perf_counter() - t0)
    base = median(reads)

    times = []
    out = root / "out"
    done: dict = {}
    for _ in range(RUNS):
        t0 = time.perf_counter()
        done = write_report(study_dir, out)  # study.yaml read as the CLI does
        times.append(time.perf_counter() - t0)
    a = done["analysis"]
    med = median(times)

    env = dict(os.environ, PYTHONPATH=str(common.ROOT))
    t0 = time.perf_counter()
    proc = subprocess.run([common.PYTHON, "-m", "kiosk", "report", str(study_dir), "--out", str(root / "cli")],
                          capture_output=True, text=True, env=env, cwd=common.ROOT)
    cli = time.perf_counter() - t0
    cli_note = "exit 0" if proc.returncode == 0 else f"exit {proc.returncode}: {proc.stderr.strip()[-120:]}"
    return [
        target_row(f"12. study report: report.html + 4 CSV for {PARTICIPANTS} participants × 6 tasks "
                   f"({len(a.runs)} attempts, {events:,} events, {len(shots)} screenshots), median of {RUNS}",
                   med, f"{secs(base)} (reading the {len(paths)} records only)", TARGET, fmt=secs,
                   measured=f"{secs(med)} (max {secs(max(times))})"),
        info_row("  ↳ the report's size; the study directory; making it (synthetic, not timed above)",
                 f"report.html {done['html_bytes'] / 1e6:.1f} MB; {sum(done['rows'].values()):,} CSV rows",
                 f"directory {size / 1e6:.1f} MB", f"generated in {secs(made)}"),
        target_row("12. CLI kiosk report DIR --out OUT, end to end (fresh process, start-up included)", cli,
                   cli_note, TARGET, fmt=secs),
    ]


if __name__ == "__main__":
    common.run_standalone(run)
