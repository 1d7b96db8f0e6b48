"""Several processes on one hall, on SQLite and on PostgreSQL: unique gap-free numbers, one
ticket per person and request whoever races, nothing called or served twice, and nothing
committed lost when a process — or the database server — is killed in the middle of a burst."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from collections import Counter as Tally
from pathlib import Path

import hall_worker
import pytest

WORKER = str(Path(__file__).with_name("hall_worker.py"))
DAY = "2026-11-27"


def spawn(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, WORKER, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture
def db(engine_url, tmp_path, store_opener):
    """The database the workers share, its schema made first so they race only for numbers."""
    store_opener().close()
    return engine_url or str(tmp_path / "data")


@pytest.mark.parametrize("procs", [2, 4])
def test_racing_kiosks_give_one_person_one_ticket(db, store_opener, procs):
    """Every round, ``procs`` kiosks ask at the same instant for the same person and request:
    exactly one ticket, and every other kiosk is offered that ticket's reprint."""
    rounds = 200
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(procs), ctx.Queue()
    workers = [ctx.Process(target=hall_worker.race, args=(db, rounds, barrier, out)) for _ in range(procs)]
    for w in workers:
        w.start()
    results = [out.get(timeout=300) for _ in workers]
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    for r in range(rounds):
        got = [res[r] for res in results]
        assert sorted(kind for kind, _ in got) == ["held"] * (procs - 1) + ["new"], (r, got)
        assert len({number for _, number in got}) == 1, (r, got)  # the reprint is the winner's ticket
    tickets = store_opener().tickets_on(DAY)
    assert len(tickets) == rounds
    assert sorted(t.seq for t in tickets) == list(range(1, rounds + 1))  # no number lost to a race


def test_eight_issuers_and_four_windows(db, store_opener, tmp_path):
    stop = tmp_path / "stop"
    consoles = [spawn("console", db, w, stop) for w in (1, 2, 3, 4)]
    categories = ("comprehensive", "consult") * 4
    issuers = [spawn("issue", db, 300, cat) for cat in categories]
    for p in issuers:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    stop.touch()
    served = []
    for p in consoles:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        served.append(int(out.strip()))

    store = store_opener()
    tickets = store.tickets_on(DAY)
    assert len(tickets) == 2400
    by_cat: dict[str, list[int]] = {}
    for t in tickets:
        by_cat.setdefault(t.category, []).append(t.seq)
    assert sorted(by_cat["comprehensive"]) == list(range(1, 1201))  # unique and gap-free
    assert sorted(by_cat["consult"]) == list(range(1, 1201))
    assert len({t.number for t in tickets}) == 2400
    events = store.history(DAY)
    calls = Tally(e.ticket_id for e in events if e.kind == "called")
    dones = Tally(e.ticket_id for e in events if e.kind == "done")
    assert max(calls.values()) == 1 and max(dones.values()) == 1  # never called or served twice
    assert sum(served) == len(dones) == 2400 and all(t.status == "done" for t in tickets)
    assert min(served) > 0  # every window took part


def test_kill_9_of_a_kiosk_in_a_burst_loses_nothing_committed(db, store_opener):
    p = spawn("burst", db)
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
    store = store_opener()
    if store.dialect == "sqlite":
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    tickets = store.tickets_on(DAY)
    assert set(printed) <= {t.number for t in tickets}  # every ticket the process reported as issued is there
    seqs = sorted(t.seq for t in tickets)
    assert seqs == list(range(1, len(seqs) + 1))
    from conftest import SECRET  # noqa: F401 - the workers' secret

    from kiosk.domain.lifecycle import NewTicket

    nxt = store.issue(NewTicket(day=DAY, category="comprehensive", prefix="A", subject="after the crash",
                                request_key="category:comprehensive", now=1.0))
    assert nxt.seq == len(seqs) + 1  # numbering continues


@pytest.mark.postgresql
def test_kill_9_of_the_database_server_mid_burst(pg_server, pg_url):
    """The server dies under a kiosk issuing tickets: after the restart every number it printed
    is there, numbering is gap-free, and the same kiosk goes on issuing without a restart."""
    from kiosk.store.db import SqlStore

    SqlStore(pg_url).close()
    p = spawn("burst", pg_url)
    printed = []
    try:
        for line in p.stdout:
            printed.append(line.strip())
            if len(printed) == 100:
                pg_server.kill9()
                pg_server.restart()
            if len(printed) >= 200:
                break
    finally:
        p.kill()
        p.wait(timeout=30)
        p.stdout.close()
        p.stderr.close()
    assert len(printed) >= 200  # it recovered by itself and went on
    store = SqlStore(pg_url)
    try:
        tickets = store.tickets_on(DAY)
    finally:
        store.close()
    assert set(printed) <= {t.number for t in tickets}
    seqs = sorted(t.seq for t in tickets)
    assert seqs == list(range(1, len(seqs) + 1))


def test_terminals_starting_together_on_a_new_data_directory(tmp_path):
    """Three terminals open a data directory that has no database yet at the same instant: all
    start (none sees the other's half-made file and refuses it as a cut-short database)."""
    ctx = multiprocessing.get_context("spawn")
    for n in range(8):
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=hall_worker.open_at_once, args=(str(tmp_path / f"d{n}"), start, out))
                 for _ in range(3)]
        for p in procs:
            p.start()
        start.set()
        results = [out.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=30)
        assert results == ["ok"] * 3, results
        assert not [f.name for f in (tmp_path / f"d{n}").iterdir() if f.name.endswith(".new")]  # no leftovers
