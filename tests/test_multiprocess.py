"""Several processes on one data directory: unique gap-free numbers, no ticket served twice,
nothing committed is lost when a process is killed in the middle of a burst."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter as Tally
from pathlib import Path

from kiosk.store.db import Store

WORKER = str(Path(__file__).with_name("hall_worker.py"))
DAY = "2026-11-27"


def spawn(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, WORKER, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_four_issuers_and_two_consoles(tmp_path):
    Store.open(tmp_path).close()  # schema first, so the workers race only for numbers
    stop = tmp_path / "stop"
    consoles = [spawn("console", tmp_path, w, stop) for w in (1, 2)]
    issuers = [spawn("issue", tmp_path, 250, cat, prefix)
               for cat, prefix in (("comprehensive", "A"), ("comprehensive", "A"), ("consult", "Z"), ("comprehensive", "A"))]
    for p in issuers:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    stop.touch()
    served = []
    for p in consoles:
        out, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
        served.append(int(out.strip()))

    store = Store.open(tmp_path)
    tickets = store.tickets_on(DAY)
    assert len(tickets) == 1000
    by_cat = {}
    for t in tickets:
        by_cat.setdefault(t.category, []).append(t.seq)
    assert sorted(by_cat["comprehensive"]) == list(range(1, 751))  # unique and gap-free
    assert sorted(by_cat["consult"]) == list(range(1, 251))
    assert len({t.number for t in tickets}) == 1000
    events = store.day_events(DAY)
    calls = Tally(e[5].id for e in events if e[2] == "called")
    dones = Tally(e[5].id for e in events if e[2] == "done")
    assert max(calls.values()) == 1 and max(dones.values()) == 1  # never called or served twice
    assert sum(served) == len(dones) == 1000 and all(t.status == "done" for t in tickets)
    assert min(served) > 0  # both consoles took part
    store.close()


def test_kill_9_in_a_burst_loses_nothing_committed(tmp_path):
    Store.open(tmp_path).close()
    p = spawn("burst", tmp_path)
    printed = []
    for line in p.stdout:
        printed.append(line.strip())
        if len(printed) >= 150:
            os.kill(p.pid, signal.SIGKILL)
            break
    p.wait(timeout=30)
    p.stdout.close()
    p.stderr.close()
    assert p.returncode == -signal.SIGKILL
    store = Store.open(tmp_path)
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    numbers = {t.number for t in store.tickets_on(DAY)}
    assert set(printed) <= numbers  # every ticket the process reported as issued is there
    seqs = sorted(t.seq for t in store.tickets_on(DAY))
    assert seqs == list(range(1, len(seqs) + 1))
    nxt = store.issue_ticket(day=DAY, category="comprehensive", prefix="A", subject="after the crash")
    assert nxt.seq == len(seqs) + 1  # numbering continues
    store.close()
