"""Shared bits for the benchmark scripts: the Row type, median, the markdown table, temp/cache dirs,
the subprocess child runner, a paint watcher, and the two engines (:func:`fresh_db`): SQLite in a
temp data dir, PostgreSQL on a throw-away cluster (tests/pgcluster.py's PgServer) that the run
starts itself, each either empty or holding the realistic hall data (benchmarks/hall_data.py).

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
    # for the engines side by side (run_all's second table): which figure, on which engine and data
    metric: str = ""
    engine: str = ""
    data: str = ""
    short: str = ""  # the figure as that table shows it

    def as_dict(self) -> dict:
        return asdict(self)

    def tag(self, metric: str, db: Db, short: str) -> Row:
        self.metric, self.engine, self.data, self.short = metric, db.engine, db.data, short
        return self


def free_and_open(store, hall, numbers) -> None:
    """Windows ``numbers`` of ``hall`` without a ticket and not paused (set-up, not timed)."""
    import datetime as _dt

    from kiosk.domain.counter import Counter
    from kiosk.domain.lifecycle import Status

    rows = store.hall_rows(_dt.date.today().isoformat())
    for n in numbers:
        c = Counter(store, hall, n)
        here = next((t for t in rows.at_windows if t.window == n and t.status != Status.SUSPENDED), None)
        if here is not None and here.status == Status.CALLED:
            c.start()
        if here is not None:
            c.finish()
        if n in rows.paused:
            c.reopen()


def click(widget, pos=None) -> None:
    """A real mouse click on ``widget`` (at ``pos``, else its centre), as a finger's tap arrives."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    if pos is None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    else:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def pct(values, q: float) -> float:
    """The q-th percentile, nearest rank (q in 0–100)."""
    s = sorted(values)
    if not s:
        return float("nan")
    return s[max(0, min(len(s) - 1, int(round(q / 100 * len(s) + 0.5)) - 1))]


def spread(values, f=None) -> str:
    """"median (p90 …, max …)" of durations in seconds."""
    f = f or ms
    return f"{f(median(values))} (p90 {f(p90(values))}, max {f(max(values))})"


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


def target_row(what: str, value: float, baseline: str, target: float, fmt=ms, measured: str | None = None,
               note: str = "") -> Row:
    """A row with an absolute target (value and target in the same unit, fmt renders them)."""
    return Row(what, measured or fmt(value), baseline, f"target ≤ {fmt(target)}{note}", verdict(value <= target))


def ratio_row(what: str, value: float, base: float, limit: float, fmt=ms) -> Row:
    r = value / base if base else float("inf")
    return Row(what, fmt(value), fmt(base), f"{r:.2f}× (target ≤ {limit:g}×)", verdict(r <= limit))


def info_row(what: str, measured: str, baseline: str = "—", ratio: str = "—") -> Row:
    return Row(what, measured, baseline, ratio, "info")


HEADERS = ("what", "measured", "baseline (same run)", "ratio or target", "verdict")


def table(rows: list[Row]) -> str:
    return markdown(HEADERS, [(r.what, r.measured, r.baseline, r.ratio, r.verdict) for r in rows])


def markdown(headers, body) -> str:
    cells = [headers] + list(body)
    cells = [[c.replace("|", "\\|") for c in row] for row in cells]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"
    out = [line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)


ENGINE_LABEL = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
DATA_LABEL = {"empty": "empty hall", "hall": "hall data"}


def engines_table(rows: list[Row]) -> str:
    """The tagged rows side by side: one line per figure, one column per engine and data set."""
    cols = [(e, d) for e in ENGINE_LABEL for d in DATA_LABEL]
    order: list[str] = []
    cells: dict[tuple[str, str, str], Row] = {}
    for r in rows:
        if r.metric:
            if r.metric not in order:
                order.append(r.metric)
            cells[(r.metric, r.engine, r.data)] = r
    mark = {"PASS": " ✓", "MISS": " ✗"}
    body = []
    for m in order:
        line = [m]
        for e, d in cols:
            r = cells.get((m, e, d))
            line.append("—" if r is None else r.short + mark.get(r.verdict, ""))
        body.append(line)
    heads = ["figure (✓ PASS / ✗ MISS)"] + [f"{ENGINE_LABEL[e]}, {DATA_LABEL[d]}" for e, d in cols]
    return markdown(heads, body)


def print_table(rows: list[Row]) -> None:
    print(table(rows), flush=True)
    if any(r.metric for r in rows):
        print("\nThe engines side by side:\n", flush=True)
        print(engines_table(rows), flush=True)


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
    """A data dir's ``cache/`` as one complete kiosk start left it (whatever it writes there: theme
    export, catalogue and pinyin caches — or nothing, where the shipped ones are current)."""
    cache = session_dir() / "warm-cache"
    if not (cache / ".complete").exists():
        data = fresh_dir("warmup")
        run_child("kiosk", data, fill_cache=True)
        register_warm_cache(data)
    return cache


def register_warm_cache(data_dir: Path) -> None:
    """Keep ``data_dir``'s cache (after a start that ran its warm-up to the end) as the warm cache."""
    cache = session_dir() / "warm-cache"
    if (cache / ".complete").exists():
        return
    shutil.rmtree(cache, ignore_errors=True)
    if (Path(data_dir) / "cache").is_dir():
        shutil.copytree(Path(data_dir) / "cache", cache)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / ".complete").touch()


def data_dir_with_warm_cache(name: str) -> Path:
    """A fresh data dir (no database yet) whose cache/ is a copy of the warm cache."""
    warm = warm_cache_dir()
    d = fresh_dir(name)
    shutil.copytree(warm, d / "cache")
    return d


# --- the subprocess child --------------------------------------------------------------------

def child_env(bytecode: bool = True) -> dict:
    """The environment of a measured child process: offscreen, this checkout first on the path, and
    (``bytecode``) Python's compiled modules kept and reused, as on an installed kiosk — ``pip install``
    byte-compiles every module. They go to a folder of this run (PYTHONPYCACHEPREFIX), filled by the
    first runs (warm-up runs, not measured), never into the source tree; this machine's own setting
    PYTHONDONTWRITEBYTECODE=1 (every start compiles every module from source again) is kept with
    ``bytecode=False``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("QT_SCALE_FACTOR", None)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(session_dir() / "pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def compile_ahead() -> None:
    """Byte-compile this checkout's kiosk package into the run's pycache folder, as ``pip install``
    does (the standard library and the other packages a start imports are compiled into it by the
    first, unmeasured, runs)."""
    stamp = session_dir() / "pycache" / ".compiled"
    if stamp.exists():
        return
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "kiosk")], env=child_env(), capture_output=True,
                   cwd=ROOT)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()


def run_child(mode: str, data_dir: Path | None = None, fill_cache: bool = False, flow: bool = False,
              timeout: float = 60, extra: tuple[str, ...] = (), bytecode: bool = True) -> dict:
    """Spawn ``_child.py`` and return what it reported, plus ``wall``: seconds from just before
    the spawn until the child's monotonic 'painted' timestamp (CLOCK_MONOTONIC is system-wide)."""
    args = [PYTHON, str(CHILD), mode]
    if data_dir is not None:
        args += ["--data-dir", str(data_dir)]
    if fill_cache:
        args.append("--fill-cache")
    if flow:
        args.append("--flow")
    args += list(extra)
    if bytecode:
        compile_ahead()
    env = child_env(bytecode)
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
    try:
        rows = run()
    finally:
        drop_dbs()
        stop_pg()
    print_table(rows)
    print(f"\n({time.perf_counter() - t:.1f} s)")


# --- the engines --------------------------------------------------------------------------------

#: The hall's identity secret in every benchmark desk (the terminals of one hall share it).
SECRET = bytes(range(32))
DATASETS = ("empty", "hall")
PG_ENV = "KIOSK_BENCH_PG"  # "SOCKET_DIR:PORT" of the run's server, shared with the module processes


@dataclass
class Db:
    """One database for one benchmark: SQLite in ``data_dir``, or PostgreSQL at ``url`` (then
    ``data_dir`` is the terminal's own folder: cache, slips, secret)."""

    engine: str  # "sqlite" / "postgresql"
    data: str  # "empty" / "hall"
    data_dir: Path
    url: str | None = None
    prepare_s: float = 0.0  # copying the hall data file / cloning the template database
    pg_name: str = ""  # the PostgreSQL database's name

    @property
    def label(self) -> str:
        return f"{ENGINE_LABEL[self.engine]}, {DATA_LABEL[self.data]}"

    @property
    def arg(self) -> str:
        """What a worker process is given: the PostgreSQL URL or the SQLite data dir."""
        return self.url or str(self.data_dir)

    def store(self):
        from kiosk.store.db import SqlStore

        return SqlStore(self.url) if self.url else SqlStore.open(self.data_dir)

    def settings(self, **kw):
        from kiosk.app import Settings

        return Settings(data_dir=self.data_dir, db=self.url, **kw)

    def cli(self) -> list[str]:
        """The CLI options that point a ``kiosk`` command at this database."""
        return ["--data-dir", str(self.data_dir)] + (["--db", self.url] if self.url else [])


def open_store(arg: str):
    """A worker's store from :attr:`Db.arg`."""
    from kiosk.store.db import SqlStore

    return SqlStore(arg) if arg.startswith("postgresql") else SqlStore.open(Path(arg))


class PgHandle:
    """The run's PostgreSQL server (a PgServer this process started, or the one run_all started)."""

    def __init__(self, socket_dir: str, port: int, server=None):
        self.socket_dir, self.port, self.server = socket_dir, port, server

    def url(self, dbname: str = "postgres") -> str:
        from urllib.parse import quote

        return f"postgresql+psycopg://postgres@/{dbname}?host={quote(self.socket_dir)}&port={self.port}"

    def connect(self, dbname: str = "postgres"):
        import psycopg

        return psycopg.connect(host=self.socket_dir, port=self.port, user="postgres", dbname=dbname,
                               autocommit=True, connect_timeout=5)

    def exists(self, name: str) -> bool:
        with self.connect() as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None

    def create(self, name: str, template: str | None = None) -> None:
        from psycopg import sql

        q = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            q = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
        with self.connect() as conn:
            conn.execute(q)


_pg: PgHandle | None = None
_pg_missing: str | None = None
_names = iter(range(1, 1_000_000))


def pg() -> PgHandle | None:
    """The run's PostgreSQL server, started on first use (None, with :func:`pg_missing` saying
    why, when this machine cannot run one)."""
    global _pg, _pg_missing
    if _pg is not None or _pg_missing is not None:
        return _pg
    env = os.environ.get(PG_ENV)
    if env:
        sock, port = env.rsplit(":", 1)
        _pg = PgHandle(sock, int(port))
        return _pg
    if os.environ.get("KIOSK_BENCH_NO_PG"):
        _pg_missing = "PostgreSQL left out (KIOSK_BENCH_NO_PG)"
        return None
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from pgcluster import PgError, PgServer, find_bindir, missing
    except ImportError as exc:  # pgcluster is a pytest plugin: it needs pytest
        _pg_missing = f"tests/pgcluster.py cannot be imported ({exc})"
        return None
    finally:
        sys.path.remove(str(ROOT / "tests"))
    _pg_missing = missing()
    if _pg_missing:
        return None
    server = PgServer(find_bindir())
    import atexit

    atexit.register(server.cleanup)
    try:
        server.init()
        with open(server.datadir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("max_connections = 200\n")  # 8 workers × pool + boards + consoles, with room
        server.start()
    except PgError as exc:
        _pg_missing = f"the PostgreSQL server did not start: {str(exc).splitlines()[0]}"
        server.cleanup()
        return None
    _pg = PgHandle(str(server.socket_dir), server.port, server)
    os.environ[PG_ENV] = f"{_pg.socket_dir}:{_pg.port}"
    return _pg


def pg_missing() -> str | None:
    pg()
    return _pg_missing


def stop_pg() -> None:
    """Stop the server this process started (run_all's, or a standalone module's)."""
    global _pg
    if _pg is not None and _pg.server is not None:
        _pg.server.cleanup()
        os.environ.pop(PG_ENV, None)
        _pg = None


def engines() -> list[str]:
    """The engines this run measures (PostgreSQL only where a server can run)."""
    wanted = os.environ.get("KIOSK_BENCH_ENGINES", "sqlite,postgresql").split(",")
    return [e for e in ("sqlite", "postgresql") if e in wanted and (e == "sqlite" or pg() is not None)]


def skipped_rows(prefix: str) -> list[Row]:
    """A row saying PostgreSQL was left out, when it was."""
    if "postgresql" in engines():
        return []
    return [info_row(f"{prefix} PostgreSQL rows left out", "—", "—", pg_missing() or "KIOSK_BENCH_ENGINES")]


def hall_template() -> str:
    """The name of the template database holding the hall data (loaded once per run)."""
    import hall_data

    server = pg()
    assert server is not None
    name = "tpl_" + hall_data.cache_key(__import__("datetime").date.today()).replace("-", "_")
    if not server.exists(name):
        loading = f"{name}_loading_{os.getpid()}"
        server.create(loading)
        hall_data.load_postgres(server.url(loading))
        with server.connect() as conn:
            conn.execute(f'ALTER DATABASE "{loading}" RENAME TO "{name}"')
    return name


def fresh_db(engine: str, data: str, name: str) -> Db:
    """A database of its own for one benchmark: ``data`` "empty" or "hall" (the realistic data)."""
    import hall_data

    d = fresh_dir(f"{name}-{engine}-{data}")
    if engine == "sqlite":
        t0 = time.perf_counter()
        if data == "hall":
            hall_data.sqlite_data_dir(d)
        return Db(engine, data, d, None, time.perf_counter() - t0)
    server = pg()
    assert server is not None, pg_missing()
    db_name = f"b{os.getpid()}_{next(_names)}_{name.replace('-', '_')}_{data}"
    template = hall_template() if data == "hall" else None
    t0 = time.perf_counter()
    server.create(db_name, template)
    _created.append(db_name)
    return Db(engine, data, d, server.url(db_name), time.perf_counter() - t0, db_name)


_created: list[str] = []


def drop_dbs() -> None:
    """Drop the PostgreSQL databases this process made (each hall clone is ~200 MB on disk)."""
    if not _created or _pg is None:
        return
    from psycopg import sql

    try:
        with _pg.connect() as conn:
            for name in _created:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    except Exception as exc:  # the server may be gone already: nothing to tidy then
        print(f"could not drop the benchmark databases: {exc}", file=sys.stderr)
    _created.clear()


def combos(datasets=DATASETS) -> list[tuple[str, str]]:
    """(engine, data) pairs of this run, engines side by side."""
    return [(e, d) for d in datasets for e in engines()]


# --- same-run baselines: the bare statement on the same engine ---------------------------------

def bare_commits(db: Db, n: int, warmup: int = 10, kind: str = "insert") -> list[float]:
    """``BEGIN [IMMEDIATE]; INSERT (or UPDATE one of 300 rows); COMMIT`` with the bare driver
    (sqlite3 in WAL, synchronous=NORMAL like the store; psycopg 3 on the run's server), n times."""
    key = "INTEGER PRIMARY KEY" if db.engine == "sqlite" else "SERIAL PRIMARY KEY"
    ddl = (f"CREATE TABLE bare_t (id {key}, day TEXT, category TEXT, seq INTEGER, number TEXT, "
           "status TEXT, win INTEGER, calls INTEGER, at REAL)")
    ins = "INSERT INTO bare_t (day, category, seq, number, status, calls, at) VALUES ({})"
    upd = "UPDATE bare_t SET status = 'called', win = {0}, calls = 1, at = {0} WHERE id = {0}"
    if db.engine == "sqlite":
        import sqlite3

        conn = sqlite3.connect(fresh_dir("bare") / "bare.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        ph, begin = "?", "BEGIN IMMEDIATE"
        run = conn.execute
    else:
        name = f"bare_{os.getpid()}_{next(_names)}"  # its own database: the kiosk's refuses foreign tables
        pg().create(name)
        _created.append(name)
        conn = pg().connect(name)
        ph, begin = "%s", "BEGIN"
        run = conn.execute
    run("DROP TABLE IF EXISTS bare_t")
    run(ddl)
    run(begin)
    for i in range(300):
        run(ins.format(", ".join([ph] * 7)), ("2026-11-27", "comprehensive", i + 1, f"A{i + 1:03d}", "waiting", 0,
                                               time.time()))
    run("COMMIT")
    out = []
    for i in range(warmup + n):
        t0 = time.perf_counter()
        run(begin)
        if kind == "insert":
            run(ins.format(", ".join([ph] * 7)), ("2026-11-27", "comprehensive", i + 1, f"A{i + 1:03d}", "waiting", 0,
                                                   time.time()))
        else:
            run(upd.format(ph), (i % 300 + 1,) * 3)
        run("COMMIT")
        if i >= warmup:
            out.append(time.perf_counter() - t0)
    conn.close()
    return out


def bare_label(db: Db, kind: str = "insert") -> str:
    what = "INSERT" if kind == "insert" else "UPDATE"
    return ("sqlite3 BEGIN IMMEDIATE; " if db.engine == "sqlite" else "psycopg BEGIN; ") + what + "; COMMIT"
