"""A throw-away PostgreSQL server for the tests (a pytest plugin, registered in conftest.py).

Fixtures:

- ``pg_server`` (session): the running :class:`PgServer`, started on first use.
- ``pg_url`` (function): a SQLAlchemy URL of a brand-new empty database, dropped afterwards.
- ``engine_url`` (function, params ``sqlite`` / ``postgresql``): ``None`` for SQLite, else a ``pg_url``.

The server listens on a Unix socket only (no TCP) in a fresh temp dir; the superuser ``postgres``
connects without a password. Without the server binaries the PostgreSQL tests are skipped, except
under ``CI=true``, where anything that stops the server from running is an error. Tests that use the
server carry the ``postgresql`` mark (``-m "not postgresql"`` leaves them out).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn
from urllib.parse import quote

import pytest

if TYPE_CHECKING:
    import psycopg

PG_ROOT = Path("/usr/lib/postgresql")
OS_USER = "postgres"  # initdb and postgres refuse to run as root; as root we run them as this user
START_TIMEOUT = 30.0

# A tiny init for the server: a child subreaper, so that server processes orphaned by a kill -9 of
# the postmaster are reaped here rather than left as zombies under a PID 1 that may not reap them
# (soon enough): a zombie postmaster's PID still "exists", and a restart then refuses the data dir.
# It exits once the whole server is gone. Should the test process die, it asks the server for a fast
# shutdown and removes the temp dir. argv: the temp dir, then the server's command line.
_REAPER = """
import ctypes, os, shutil, signal, sys
libc = ctypes.CDLL(None)
if hasattr(libc, "prctl"):  # Linux
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
orphaned = False

def fast_shutdown(signum, frame):
    global orphaned
    orphaned = True
    try:
        with open(os.path.join(sys.argv[1], "data", "postmaster.pid")) as pidfile:
            os.kill(int(pidfile.readline()), signal.SIGINT)
    except (OSError, ValueError):
        pass

signal.signal(signal.SIGTERM, fast_shutdown)
child = os.spawnvp(os.P_NOWAIT, sys.argv[2], sys.argv[2:])
code = 0
while True:
    try:
        pid, status = os.wait()
    except ChildProcessError:
        break
    if pid == child:
        code = os.waitstatus_to_exitcode(status)
if orphaned:
    shutil.rmtree(sys.argv[1], ignore_errors=True)
sys.exit(code if code >= 0 else 128 - code)
"""


class PgError(RuntimeError):
    """The server could not be set up, started or stopped; the message carries its output."""


def find_bindir() -> Path | None:
    """The newest ``/usr/lib/postgresql/VERSION/bin`` holding the server, else the one initdb on PATH is in."""

    def version(bindir: Path) -> tuple[int, ...]:
        return tuple(int(p) for p in bindir.parent.name.split(".") if p.isdigit())

    dirs = sorted((d / "bin" for d in PG_ROOT.glob("*")), key=version, reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        dirs.append(Path(initdb).resolve().parent)
    return next((d for d in dirs if all((d / p).is_file() for p in ("initdb", "pg_ctl", "postgres"))), None)


def missing() -> str | None:
    """What stops a server from running here (a sentence), or None if nothing does."""
    if find_bindir() is None:
        return (f"PostgreSQL server binaries not found: no {PG_ROOT}/*/bin/initdb, no initdb on PATH"
                " (Debian: apt-get install postgresql)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(OS_USER)
        except KeyError:
            return f"running as root, and there is no {OS_USER!r} OS user to run the server as"
        if not (shutil.which("runuser") or shutil.which("su")):
            return f"running as root, and neither runuser nor su is there to run the server as {OS_USER!r}"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "the PostgreSQL client psycopg is not installed (pip install 'psycopg[binary]')"
    return None


def skip_or_fail(reason: str) -> NoReturn:
    """Skip the test, but under ``CI=true`` fail it: CI must never silently skip PostgreSQL."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One throw-away cluster in a temp dir: a Unix socket only, superuser ``postgres``, trust auth."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = _free_port()  # names the socket file only: the server listens on no TCP port
        self.base = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))
        self.datadir = self.base / "data"
        self.socket_dir = self.base / "sock"
        self.logfile = self.base / "server.log"
        self.socket_dir.mkdir()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(OS_USER)
            for path in (self.base, self.socket_dir):
                os.chown(path, user.pw_uid, user.pw_gid)
            if shutil.which("runuser"):
                self._as_user = ["runuser", "-u", OS_USER, "--"]
            else:
                self._as_user = ["su", OS_USER, "-s", "/bin/sh", "-c"]
        self._proc: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)

    def _command(self, program: str, *args: str) -> list[str]:
        argv = [str(self.bindir / program), *args]
        if self._as_user[:1] == ["su"]:
            return [*self._as_user, shlex.join(argv)]
        return [*self._as_user, *argv]

    def _run(self, program: str, *args: str) -> None:
        argv = self._command(program, *args)
        done = subprocess.run(argv, cwd=self.base, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PgError(f"{shlex.join(argv)} exited {done.returncode}:\n{done.stdout}{done.stderr}")

    def init(self) -> None:
        """initdb the data dir and configure it for the socket, the port and speed (fsync off)."""
        self._run("initdb", "-D", str(self.datadir), "-U", "postgres", "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        with open(self.datadir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "\n# throw-away test server (tests/pgcluster.py)\n"
                "listen_addresses = ''\n"
                f"unix_socket_directories = '{self.socket_dir}'\n"
                f"port = {self.port}\n"
                "fsync = off\n"
            )

    def log(self) -> str:
        """Everything the server has logged so far."""
        try:
            return self.logfile.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    @property
    def pid(self) -> int:
        """The postmaster's process id."""
        try:
            return int((self.datadir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (FileNotFoundError, ValueError) as exc:
            raise PgError("the server is not running") from exc

    @property
    def running(self) -> bool:
        """Whether the server started by :meth:`start` is still up."""
        return self._proc is not None and self._proc.poll() is None

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL of database ``dbname`` on this server (psycopg 3 driver)."""
        return f"postgresql+psycopg://postgres@/{dbname}?host={quote(str(self.socket_dir))}&port={self.port}"

    def connect(self, dbname: str = "postgres", autocommit: bool = True) -> psycopg.Connection:
        """A new psycopg connection as ``postgres`` (the caller closes it)."""
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, user="postgres",
                               dbname=dbname, autocommit=autocommit, connect_timeout=5)  # fmt: skip

    def start(self) -> None:
        """Start the postmaster on the data dir and wait until it accepts connections."""
        import psycopg

        if self.running:
            return
        argv = [sys.executable, "-I", "-S", "-c", _REAPER, str(self.base),
                *self._command("postgres", "-D", str(self.datadir))]  # fmt: skip
        with open(self.logfile, "ab") as log:
            self._proc = subprocess.Popen(argv, cwd=self.base, stdin=subprocess.DEVNULL, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                self.connect().close()
                return
            except psycopg.OperationalError as exc:
                if self._proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise PgError(f"the PostgreSQL server did not start ({exc}); its log:\n{self.log()}") from None
            time.sleep(0.02)

    def stop(self) -> None:
        """Stop the server (``pg_ctl stop -m fast``), by kill -9 if that does not do it."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                self._run("pg_ctl", "stop", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "30")
                proc.wait(timeout=30)
            except (PgError, subprocess.TimeoutExpired):
                with contextlib.suppress(PgError, ProcessLookupError):
                    os.kill(self.pid, signal.SIGKILL)
                proc.kill()
        proc.wait()

    def kill9(self) -> None:
        """Crash the server: SIGKILL to the postmaster; returns once every server process is gone."""
        if not self.running:
            raise PgError("the server is not running")
        assert self._proc is not None
        os.kill(self.pid, signal.SIGKILL)
        try:
            self._proc.wait(timeout=30)  # the reaper exits once the postmaster and its children are reaped
        except subprocess.TimeoutExpired:
            raise PgError(f"server processes outlived the postmaster's kill -9; log:\n{self.log()}") from None
        self._proc = None

    def restart(self) -> None:
        """Start the server again on the same data dir (stopping it first if it runs)."""
        self.stop()
        self.start()

    def create_database(self) -> str:
        """Create a new empty database and return its name."""
        from psycopg import sql

        name = f"test_{next(self._names)}_{uuid.uuid4().hex[:8]}"
        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> bool:
        """Drop a database, ending its connections first; False (no error) if that fails."""
        import psycopg
        from psycopg import sql

        try:
            with self.connect() as conn:
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                             " WHERE datname = %s AND pid <> pg_backend_pid()", [name])  # fmt: skip
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        except (psycopg.Error, PgError):
            return False
        return True

    def cleanup(self) -> None:
        """Stop the server and remove its temp dir."""
        try:
            self.stop()
        finally:
            shutil.rmtree(self.base, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: uses the throw-away PostgreSQL server (tests/pgcluster.py)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgresql)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The session's PostgreSQL server, started on first use and removed at the end of the session."""
    reason = missing()
    if reason:
        skip_or_fail(reason)
    bindir = find_bindir()
    assert bindir is not None
    server = PgServer(bindir)
    try:
        failure = None
        try:
            server.init()
            server.start()
        except PgError as exc:
            failure = str(exc)
        if failure:
            pytest.fail(failure, pytrace=False)
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """SQLAlchemy URL of a brand-new empty database on ``pg_server``, dropped after the test."""
    if not pg_server.running:  # an earlier test crashed it and did not restart it
        pg_server.restart()
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def engine_url(request: pytest.FixtureRequest) -> str | None:
    """Run the test for both back ends: ``None`` for SQLite (use a tmp data dir), else a ``pg_url``."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("pg_url")
    return url
