"""The hall's promises in a whole simulated day: ratings, follow-ups, cases, officers, check-ins,
commitments, opinions and self-services at realistic rates — and `kiosk stats` counts what the day did."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from collections import Counter as Tally
from pathlib import Path

from conftest import make_desk

from kiosk.domain.counter import Counter
from kiosk.domain.promises import Promises
from kiosk.domain.stats import period_stats
from kiosk.sim.promises import SimulatedPromises
from kiosk.sim.scenarios import NORMAL
from kiosk.sim.simulation import SimClock, Simulation
from kiosk.store.db import Store

DAY = dt.date(2026, 11, 27)  # a Friday
STAFFED = (2, 3, 4, 5, 6, 7, 8, 9, 10)
ROOT = Path(__file__).resolve().parent.parent


def run_day(data: Path, catalogue, hall, seed=7):
    store = Store.open(data)
    clock = SimClock(dt.datetime.combine(DAY, dt.time(8, 0)), speed=60)
    desk = make_desk(store, catalogue, hall, clock)
    sim = Simulation(seed, DAY, catalogue, desk, {n: Counter(store, hall, n, clock) for n in STAFFED}, clock, NORMAL)
    extra = SimulatedPromises(Promises(store, desk))
    extra.attach(sim)
    sim.run_day()
    return sim, extra, store


def test_a_simulated_day_keeps_its_promises_and_stats_count_them(tmp_path, catalogue, hall):
    sim, extra, store = run_day(tmp_path / "data", catalogue, hall)
    day = DAY.isoformat()
    did = Tally(what.split()[0] if what.startswith(("rated", "check-in")) else what for what, _ in extra.log)
    tickets = store.tickets_on(day)
    served = [t for t in tickets if t.status == "done"]
    ratings = store.ratings_between(day, day)
    # realistic rates: most services rated, about one in a hundred a 差评, each with its follow-up and call
    assert len(served) > 150
    assert 0.6 < len(ratings) / len(served) < 0.85
    bad = [r for r in ratings if r.level.bad]
    follow = store.follow_ups(open_only=False)
    assert len(follow) == len(bad) <= 0.05 * len(ratings)
    assert sum(1 for f in follow if f.called_at is not None) == did["called back"]
    assert all(f.call_due >= f.called_at for f in follow if f.called_at is not None)  # called back in time
    # every D ticket came with its case, closed when its service ended
    d_tickets = [t for t in tickets if t.category == "cannot_do"]
    cases = store.cases()
    assert d_tickets and {c.ticket_id for c in cases} == {t.id for t in d_tickets}
    assert sum(1 for c in cases if c.status == "closed") == sum(1 for t in d_tickets if t.status == "done")
    # appointments booked the day before and checked in; officers; commitments; opinions; self-services
    appointments = store.appointments_on(day)
    assert appointments and sum(a.status == "checked_in" for a in appointments) == did["check-in"]
    assert did["officer"] == sum(1 for r in store.help_requests() if r.kind == "officer")
    assert did["commitment"] == len(store.commitments()) > 0
    assert did["opinion"] == len(store.opinions()) and did["self-service"] == len(store.self_services(day))
    # nothing issued after closing, and the day ended with nobody left at a window
    assert all(dt.datetime.fromtimestamp(t.issued_at) <= sim.closing for t in tickets)
    assert not [t for t in tickets if t.status in ("waiting", "called", "serving", "suspended")]

    # kiosk stats (the domain's figures and the command's CSV) count exactly what the day did
    stats = period_stats(store, day, hall=hall, now=dt.datetime.combine(DAY, dt.time(23)).timestamp())
    total = stats.overall
    assert total.rated == len(ratings) and total.bad == len(bad)
    assert total.levels == dict(Tally(int(r.level) for r in ratings))
    store.close()
    out = tmp_path / "stats.csv"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KIOSK_DB", None)
    done = subprocess.run([sys.executable, "-m", "kiosk", "stats", "--data-dir", str(tmp_path / "data"), "--day", day,
                           "--csv", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    whole = rows[-1]  # the whole day comes last
    assert int(whole["rated"]) == len(ratings)
    by_window = {r["key"]: r for r in rows if r["scope"] == "window"}
    per_window = Tally(str(r.window) for r in ratings)
    assert {k: int(by_window[k]["rated"]) for k in per_window} == dict(per_window)


def test_the_promises_leave_the_queue_as_it_was(tmp_path, catalogue, hall):
    """The promises draw from their own random stream: the same visitors come at the same times."""
    with_them, _, a = run_day(tmp_path / "a", catalogue, hall, seed=3)
    store = Store.open(tmp_path / "b")
    clock = SimClock(dt.datetime.combine(DAY, dt.time(8, 0)), speed=60)
    desk = make_desk(store, catalogue, hall, clock)
    plain = Simulation(3, DAY, catalogue, desk, {n: Counter(store, hall, n, clock) for n in STAFFED}, clock, NORMAL)
    assert [(v.at, v.request) for v in plain.visitors] == [(v.at, v.request) for v in with_them.visitors]
    a.close()
    store.close()
