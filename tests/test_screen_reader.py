"""A real screen-reader client on the real kiosk.

A private session bus, the accessibility bus (Debian's at-spi2-core: at-spi-bus-launcher, which
brings the AT-SPI registry), an Xvfb X server, and the kiosk itself on Qt's xcb platform with
accessibility on. Then tests/atspi/walk_kiosk.py — run by the system Python with Debian's
python3-pyatspi, the client library screen readers such as Orca use — goes home → 取号办事 →
综合咨询 → the 70+ persona card → 确认取号 → slip using only each control's default AT-SPI action,
and reads the slip from the accessible tree. The number it read must be the ticket the store
holds, with the green channel on the slip and on the ticket. On the way it lets the kiosk's idle
warning come up and checks that the screen reader's action on the card counts as activity.

Without the Debian packages the test is skipped and names them; under ``CI=true`` it fails
instead (.ci/run installs them).
"""

from __future__ import annotations

import datetime as _dt
import sys
import time
from pathlib import Path

from a11ydesktop import run_client

ROOT = Path(__file__).resolve().parent.parent
CLIENT = ROOT / "tests" / "atspi" / "walk_kiosk.py"
IDLE_SECONDS = 5  # the kiosk's shortest idle time: the walk waits for its warning once


def test_screen_reader_takes_a_green_ticket(desktop, tmp_path):
    started = time.monotonic()
    data = tmp_path / "data"
    kiosk = desktop.processes.start("kiosk", [sys.executable, "-m", "kiosk", "--data-dir", str(data), "--window",
                                              "540x960", "--lang", "zh_CN", "--idle", str(IDLE_SECONDS), "--warn", "20"],
                                    desktop.qt_env, cwd=ROOT)
    result, context = run_client(desktop, CLIENT, ["--pid", str(kiosk.pid), "--idle-check", str(IDLE_SECONDS)], "kiosk")
    walked_in = time.monotonic() - started

    # the path, each control activated by its default action (index 0): Press, or Toggle on a check box
    path = [(s["screen"], s["name"], s["action"]) for s in result["steps"]]
    assert [p[0] for p in path] == ["home", "ticket_menu", "identity", "identity"], context
    assert path[0][1:] == ("取号办事", "Press") and path[1][2] == "Press", context
    assert path[1][1].startswith("综合咨询"), context
    card = result["steps"][2]
    assert card["role"] == "check box" and card["action"] == "Toggle" and card["id"].endswith("persona_elder"), context
    assert path[3][1:] == ("确认取号", "Press"), context
    assert result.get("idle_warning_seen") and result.get("idle_reset_by_action"), context

    # the slip as the tree says it
    number = result["number"]
    assert number and number.startswith("Z"), context  # Z: 综合咨询
    assert result["green"] and "绿色通道" in result["green"], context

    # leave, then ask the store (the kiosk ends cleanly on SIGTERM)
    desktop.processes.stop(kiosk)
    assert kiosk.returncode == 0, f"the kiosk did not end cleanly ({kiosk.returncode}){context}"
    from kiosk.store.db import open_store

    store = open_store(None, data)
    try:
        tickets = store.tickets_on(_dt.date.today().isoformat())
    finally:
        store.close()
    assert [t.number for t in tickets] == [number], context
    (ticket,) = tickets
    assert ticket.category == "consult" and ticket.green and ticket.green_reason == "elder", ticket
    assert walked_in < 60, f"the walk took {walked_in:.1f} s"
