"""Ctrl+C (SIGINT) and SIGTERM end every terminal cleanly: exit 0, no traceback, in a moment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _started(log: Path, proc: subprocess.Popen, timeout: float = 30) -> None:
    """Wait until the terminal has logged its start and settled into its event loop."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and proc.poll() is None:
        if log.exists() and log.stat().st_size > 0:
            time.sleep(1.5)
            return
        time.sleep(0.1)
    raise AssertionError(f"the terminal did not start: {proc.poll()}")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("terminal", [[], ["board"], ["counter", "2"]])
def test_a_signal_closes_the_terminal_cleanly(tmp_path, terminal, sig):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_DB", None)
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", *terminal, "--data-dir", str(data)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _started(data / "logs" / "kiosk.log", proc)
        assert proc.poll() is None
        begun = time.monotonic()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
        took = time.monotonic() - begun
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert took < 5
    assert f"{signal.Signals(sig).name}: closing" in (data / "logs" / "kiosk.log").read_text(encoding="utf-8")
