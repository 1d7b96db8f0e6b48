"""A desktop for a real screen-reader client (a pytest plugin, conftest's ``pytest_plugins``).

A private session bus, the accessibility bus (Debian's at-spi2-core: at-spi-bus-launcher, which
brings the AT-SPI registry) and an Xvfb X server; the program under test runs on Qt's xcb
platform with accessibility on, and a client under tests/atspi/ — run by the system Python with
Debian's python3-pyatspi, the library screen readers such as Orca use — walks it.

Fixtures: ``processes`` (every process a test starts, all ended at its end) and ``desktop``
(the buses and the X server up: ``desktop.env`` for a client, ``desktop.qt_env`` for the Qt
program). ``desktop`` skips naming the Debian packages that are missing — and fails instead
under ``CI=true`` (.ci/run installs them). ``run_client`` runs a walk and returns what it printed.
"""

from __future__ import annotations

import ctypes.util
import json
import os
import selectors
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def missing_packages() -> list[str]:
    """The Debian packages (with what is missing of each) a screen-reader test needs and cannot find."""
    need = []
    if not shutil.which("Xvfb"):
        need.append("xvfb (Xvfb)")
    if not shutil.which("dbus-daemon"):
        need.append("dbus-daemon (dbus-daemon)")
    if not Path(BUS_LAUNCHER).exists():
        need.append(f"at-spi2-core ({BUS_LAUNCHER})")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        need.append(f"python3-pyatspi (import pyatspi in {SYSTEM_PYTHON})")
    for lib, package in (("xcb-cursor", "libxcb-cursor0"), ("xcb-icccm", "libxcb-icccm4"),
                         ("xcb-keysyms", "libxcb-keysyms1")):
        if ctypes.util.find_library(lib) is None:
            need.append(f"{package} (lib{lib}, for Qt's xcb platform)")
    return need


class Processes:
    """Every process the test starts, each in a process group of its own; all of them (and
    whatever they started: the accessibility bus, the registry) are ended at the end."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, argv: list[str], env: dict[str, str], **kw) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "wb")
        kw.setdefault("stdout", log)
        try:
            proc = subprocess.Popen(argv, env=env, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True, **kw)
        finally:
            log.close()  # the child holds its own copy
        self.started.append((name, proc))
        return proc

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def stop(self, proc: subprocess.Popen, wait: float = 5.0) -> None:
        """SIGTERM to the process's group, SIGKILL if it does not end in ``wait`` seconds; then
        SIGKILL to what is left of the group (children that outlived it). Once per process."""
        if getattr(proc, "stopped", False):
            return
        proc.stopped = True
        for sig, patience in ((signal.SIGTERM, wait), (signal.SIGKILL, 5.0)):
            if proc.poll() is not None:
                break
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(patience)
            except subprocess.TimeoutExpired:
                continue
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if proc.stdout is not None:
            proc.stdout.close()

    def stop_all(self) -> None:
        for _, proc in reversed(self.started):
            self.stop(proc)


def first_line(proc: subprocess.Popen, what: str, timeout: float = 10.0) -> str:
    """The first line a child writes to its stdout pipe (a bus address, a display number)."""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or proc.poll() is not None and not sel.select(0):
            raise AssertionError(f"{what} did not start (exit {proc.poll()}): {data!r}")
        if sel.select(left):
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise AssertionError(f"{what} closed its output: {data!r}")
            data += chunk
    sel.close()
    return data.split(b"\n", 1)[0].decode().strip()


@dataclass
class Desktop:
    processes: Processes
    env: dict[str, str]  # the session bus and the display: what a screen-reader client gets
    qt_env: dict[str, str]  # and Qt's xcb platform with accessibility on: what the program under test gets


@pytest.fixture
def processes(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    procs = Processes(logs)
    try:
        yield procs
    finally:
        procs.stop_all()


@pytest.fixture
def desktop(processes, tmp_path) -> Desktop:
    need = missing_packages()
    if need:
        reason = "the screen-reader test needs Debian's " + ", ".join(need)
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot run in CI: {reason}", pytrace=False)
        pytest.skip(reason)
    return start_desktop(processes, tmp_path)


def start_desktop(processes: Processes, tmp_path: Path) -> Desktop:
    """The session bus, the accessibility bus and an X server, started by ``processes``."""
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("QT_", "DBUS_", "AT_SPI", "DISPLAY", "WAYLAND", "XAUTHORITY"))}
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    base["XDG_RUNTIME_DIR"] = str(runtime)

    # a private session bus; the accessibility bus launcher registers on it (org.a11y.Bus)
    bus = processes.start("session-bus", ["dbus-daemon", "--session", "--nofork", "--print-address=1"], base,
                          stdout=subprocess.PIPE)
    env = dict(base, DBUS_SESSION_BUS_ADDRESS=first_line(bus, "the session bus"))
    processes.start("a11y-bus", [BUS_LAUNCHER, "--launch-immediately"], env)

    # an X server on a free display (-displayfd: it picks the display and says which)
    xvfb = processes.start("xvfb", ["Xvfb", "-displayfd", "1", "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
                           env, stdout=subprocess.PIPE)
    env["DISPLAY"] = ":" + first_line(xvfb, "Xvfb")
    qt_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", HOME=str(tmp_path))
    return Desktop(processes, env, qt_env)


def run_client(desktop: Desktop, script: Path, args: list[str], watched: str, timeout: float = 45) -> tuple[dict, str]:
    """Run the walk ``script`` (system Python) with ``args``; (the JSON object it printed last, a
    context for assertion messages: the result, its stderr and the log of process ``watched``)."""
    try:
        client = subprocess.run([SYSTEM_PYTHON, str(script), *args], env=desktop.env, capture_output=True, text=True,
                                timeout=timeout, start_new_session=True)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"the screen-reader client hung:\n{exc.stdout}\n{exc.stderr}\n"
                             f"{watched} log:\n{desktop.processes.log(watched)}") from None
    lines = [line for line in client.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the client printed no result (exit {client.returncode}):\n{client.stdout}\n{client.stderr}"
    result = json.loads(lines[-1])
    context = (f"\nclient result: {json.dumps(result, ensure_ascii=False, indent=1)}\nclient stderr: {client.stderr}"
               f"\n{watched} log:\n{desktop.processes.log(watched)}")
    assert result["ok"], f"the screen reader did not get through: {result['error']}{context}"
    assert client.returncode == 0, context
    return result, context
