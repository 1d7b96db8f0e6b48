"""The demo simulation: a seeded day that is the same every time, and looks like a hall."""

from __future__ import annotations

import datetime as dt

from conftest import make_desk

from kiosk.domain.counter import Counter
from kiosk.sim.simulation import SimClock, Simulation, rate_at
from kiosk.store.db import Store

DAY = dt.date(2026, 11, 27)


def run(tmp_path, catalogue, hall, seed, staffed=(2, 3, 4, 5, 6, 7, 8, 9, 10)):
    store = Store.open(tmp_path)
    clock = SimClock(dt.datetime.combine(DAY, dt.time(8, 30)), speed=60)
    desk = make_desk(store, catalogue, hall, clock)
    sim = Simulation(seed, DAY, catalogue, desk, {n: Counter(store, hall, n, clock) for n in staffed}, clock)
    sim.run_day()
    tickets = store.tickets_on(DAY.isoformat())
    events = store.history(DAY.isoformat())
    store.close()
    return sim, tickets, events


def test_same_seed_same_day(tmp_path, catalogue, hall):
    a, ta, ea = run(tmp_path / "a", catalogue, hall, seed=7)
    b, tb, eb = run(tmp_path / "b", catalogue, hall, seed=7)
    key = [(t.number, t.status, t.window, t.green, round(t.issued_at)) for t in ta]
    assert key == [(t.number, t.status, t.window, t.green, round(t.issued_at)) for t in tb]
    assert [(e.kind, e.data.window, round(e.data.at)) for e in ea] == [(e.kind, e.data.window, round(e.data.at)) for e in eb]
    assert a.log == b.log
    other = Simulation(8, DAY, catalogue, a.desk, {}, a.clock)  # another seed plans another day
    assert [v.at for v in other.visitors] != [v.at for v in a.visitors]


def test_the_day_looks_like_a_hall(tmp_path, catalogue, hall):
    sim, tickets, events = run(tmp_path, catalogue, hall, seed=2026)
    assert 250 <= len(tickets) <= 450
    hours = [dt.datetime.fromtimestamp(t.issued_at).hour for t in tickets]
    per_hour = {h: hours.count(h) for h in range(8, 17)}
    assert per_hour[9] + per_hour[10] > 2 * per_hour[12]  # morning peak, 午间 dip
    assert per_hour[14] > per_hour[12]
    statuses = {t.status for t in tickets}
    assert statuses <= {"done", "no_show", "waiting"} and "done" in statuses
    no_shows = sum(t.status == "no_show" for t in tickets)
    assert 0 < no_shows < 0.15 * len(tickets)
    assert any(t.green for t in tickets) and any(t.appointment_at for t in tickets)
    assert {t.category for t in tickets} >= {"comprehensive", "realty", "police", "consult"}
    assert all(t.window != 1 for t in tickets)  # window 1 is left to a person
    called_windows = {e.data.window for e in events if e.kind == "called"}
    assert called_windows >= {2, 3, 4, 5, 6, 8}
    done = sum(t.status == "done" for t in tickets)
    assert done > 0.85 * len(tickets)  # nearly everyone is served by the end of the day


def test_rate_profile():
    assert rate_at(8.0) == 0 and rate_at(17.5) == 0
    assert rate_at(9.5) > rate_at(12.5) < rate_at(14.0)


def test_sim_clock_runs_fast_and_holds(monkeypatch):
    t = [100.0]
    clock = SimClock(dt.datetime(2026, 11, 27, 8, 30), speed=30, monotonic=lambda: t[0])
    t[0] += 2
    assert clock() == dt.datetime(2026, 11, 27, 8, 31)
    with clock.at(dt.datetime(2026, 11, 27, 12, 0)):
        assert clock() == dt.datetime(2026, 11, 27, 12, 0)
    assert clock() == dt.datetime(2026, 11, 27, 8, 31)
