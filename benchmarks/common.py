"""Shared bits for the benchmark scripts: the Row type, median, the markdown table, temp/cache dirs,
the subprocess child runner and a paint watcher.

Not a test helper: benchmarks measure, they never fail. Everything here is plain Python + Qt.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
for _p in (str(ROOT), str(BENCH_DIR)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

PYTHON = sys.executable
CHILD = BENCH_DIR / "_child.py"


# --- rows and the table ----------------------------------------------------------------------

@dataclass
class Row:
    what: str
    measured: str
    baseline: str
    ratio: str  # "ratio or target"
    verdict: str  # PASS / MISS / info

    def as_dict(self) -> dict:
        return asdict(self)


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def p90(values) -> float:
    """The 90th percentile (the sample at rank 0.9·(n−1) of the sorted values)."""
    s = sorted(values)
    return s[int(0.9 * (len(s) - 1))] if s else float("nan")


def ms(seconds: float) -> str:
    v = seconds * 1000
    if v < 0.1:
        return f"{v * 1000:.1f} µs"
    return f"{v:.3f} ms" if v < 1 else f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms" if v < 1000 else f"{v:.0f} ms"


def mib(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def target_row(what: str, value: float, baseline: str, target: float, fmt=ms) -> Row:
    """A row with an absolute target (value and target in the same unit, fmt renders them)."""
    return Row(what, fmt(value), baseline, f"target ≤ {fmt(target)}", verdict(value <= target))


def ratio_row(what: str, value: float, base: float, limit: float, fmt=ms) -> Row:
    r = value / base if base else float("inf")
    return Row(what, fmt(value), fmt(base), f"{r:.2f}× (target ≤ {limit:g}×)", verdict(r <= limit))


def info_row(what: str, measured: str, baseline: str = "—", ratio: str = "—") -> Row:
    return Row(what, measured, baseline, ratio, "info")


HEADERS = ("what", "measured", "baseline (same run)", "ratio or target", "verdict")


def table(rows: list[Row]) -> str:
    cells = [HEADERS] + [(r.what, r.measured, r.baseline, r.ratio, r.verdict) for r in rows]
    cells = [[c.replace("|", "\\|") for c in row] for row in cells]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADERS))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


def print_table(rows: list[Row]) -> None:
    print(table(rows), flush=True)


# --- directories -----------------------------------------------------------------------------

_session: Path | None = None


def session_dir() -> Path:
    """One temporary folder per run_all (shared with its module subprocesses via the environment)."""
    global _session
    if _session is None:
        env = os.environ.get("KIOSK_BENCH_SESSION")
        if env:
            _session = Path(env)
            _session.mkdir(parents=True, exist_ok=True)
        else:
            _session = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
            os.environ["KIOSK_BENCH_SESSION"] = str(_session)
            import atexit
            atexit.register(shutil.rmtree, _session, True)
    return _session


def fresh_dir(name: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=name + "-", dir=session_dir()))


def warm_cache_dir() -> Path:
    """A data dir ``cache/`` filled by one kiosk start (theme QSS + icons, pinyin.json)."""
    cache = session_dir() / "warm-cache"
    if not (cache / "pinyin.json").exists():
        data = fresh_dir("warmup")
        run_child("kiosk", data, fill_cache=True)
        register_warm_cache(data)
    return cache


def register_warm_cache(data_dir: Path) -> None:
    cache = session_dir() / "warm-cache"
    if not cache.exists() and (Path(data_dir) / "cache" / "pinyin.json").exists():
        shutil.copytree(Path(data_dir) / "cache", cache)


def data_dir_with_warm_cache(name: str) -> Path:
    """A fresh data dir (no database yet) whose cache/ is a copy of the warm cache."""
    warm = warm_cache_dir()
    d = fresh_dir(name)
    shutil.copytree(warm, d / "cache")
    return d


# --- the subprocess child --------------------------------------------------------------------

def run_child(mode: str, data_dir: Path | None = None, fill_cache: bool = False, flow: bool = False,
              timeout: float = 60) -> dict:
    """Spawn ``_child.py`` and return what it reported, plus ``wall``: seconds from just before
    the spawn until the child's monotonic 'painted' timestamp (CLOCK_MONOTONIC is system-wide)."""
    args = [PYTHON, str(CHILD), mode]
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    if fill_cache:
        args.append("--fill-cache")
    if flow:
        args.append("--flow")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("QT_SCALE_FACTOR", None)
    t_spawn = time.monotonic()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    report: dict = {}
    for raw in proc.stdout:
        parts = raw.split()
        if not parts:
            continue
        if parts[0] == "painted":
            report["painted_at"] = float(parts[1])
            report["wall"] = float(parts[1]) - t_spawn
            report["read_wall"] = time.monotonic() - t_spawn
        elif len(parts) == 2:
            try:
                report[parts[0]] = float(parts[1])
            except ValueError:
                report[parts[0]] = parts[1]
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if proc.returncode != 0 or "wall" not in report:
        raise RuntimeError(f"child {mode} failed (rc={proc.returncode}):\n{err[-3000:]}")
    return report


# --- Qt helpers for the in-process benchmarks -------------------------------------------------

def qapp():
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([sys.argv[0]])


class PaintWatcher:
    """Event filter noting when given widgets receive QEvent.Paint (a real paint, not grab())."""

    def __init__(self):
        from PySide6.QtCore import QEvent, QObject

        watcher = self

        class _Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and obj in watcher.pending:
                    watcher.pending.remove(obj)
                return False

        self._filter = _Filter()
        self.targets: list = []
        self.pending: list = []

    def arm(self, *widgets) -> None:
        self.disarm()
        self.targets = list(widgets)
        self.pending = list(widgets)
        for w in widgets:
            w.installEventFilter(self._filter)

    def wait(self, timeout: float = 5.0) -> float:
        """Process events until every armed widget has been painted; returns the time the event
        loop pass containing the last of those paints finished (that whole frame is done)."""
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        deadline = time.perf_counter() + timeout
        while self.pending:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if self.pending and time.perf_counter() > deadline:
                raise TimeoutError(f"{self.pending!r} not painted within {timeout} s")
        return time.perf_counter()

    def disarm(self) -> None:
        for w in self.targets:
            try:
                w.removeEventFilter(self._filter)
            except RuntimeError:  # already deleted
                pass
        self.targets, self.pending = [], []


def build_kiosk(data_dir: Path, catalogue=None, hall=None, **settings):
    """build_kiosk_window on ``data_dir`` (the app's own composition root), shown and painted."""
    import datetime as _dt

    from kiosk.app import Settings, build_kiosk_window, load_data

    app = qapp()
    if catalogue is None or hall is None:
        c, h = load_data()
        catalogue, hall = catalogue or c, hall or h
    fixed = _dt.datetime(2026, 11, 27, 10, 12)
    window, store = build_kiosk_window(app, Settings(data_dir=Path(data_dir), **settings), catalogue, hall,
                                       clock=lambda: fixed)
    watcher = PaintWatcher()
    watcher.arm(window)
    window.show()
    watcher.wait()
    watcher.disarm()
    return app, window, store


def dispose_kiosk(app, window, store) -> None:
    from PySide6.QtWidgets import QApplication

    app.removeEventFilter(window.idle)
    window.idle.timer.stop()
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    store.close()


def run_standalone(run) -> None:
    """``python benchmarks/bench_x.py``: run one module and print its rows as a table."""
    t = time.perf_counter()
    rows = run()
    print_table(rows)
    print(f"\n({time.perf_counter() - t:.1f} s)")
