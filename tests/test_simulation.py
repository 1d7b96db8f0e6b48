"""The demo simulation: a seeded day that is the same every time, planned from the hall file
(Erlang C, kiosk.sim.load), open only in the hall's hours. (tests/test_scenarios.py runs whole
days and checks their figures.)"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types

import pytest
from conftest import make_desk

from kiosk.domain.counter import Counter
from kiosk.domain.lifecycle import Status
from kiosk.domain.queue import QueuePolicy, erlang_c
from kiosk.sim.load import mean_wait, service_minutes, ticket_cost
from kiosk.sim.scenarios import NORMAL, SCENARIOS
from kiosk.sim.simulation import EARLY, Served, SimClock, Simulation, demo_day
from kiosk.store.db import Store

DAY = dt.date(2026, 11, 27)  # a Friday
STAFFED = (2, 3, 4, 5, 6, 7, 8, 9, 10)


def start(tmp_path, catalogue, hall, seed, day=DAY, scenario=NORMAL, poll_seconds=60.0):
    store = Store.open(tmp_path)
    clock = SimClock(dt.datetime.combine(day, dt.time(8, 30)), speed=60)
    desk = make_desk(store, catalogue, hall, clock)
    sim = Simulation(seed, day, catalogue, desk, {n: Counter(store, hall, n, clock) for n in STAFFED}, clock,
                     scenario, poll_seconds=poll_seconds)
    return sim, store


def plan(catalogue, hall, seed=1, day=DAY, scenario=NORMAL, staffed=STAFFED) -> Simulation:
    """A simulation's plan only (nothing runs): who comes when."""
    return Simulation(seed, day, catalogue, types.SimpleNamespace(hall=hall), dict.fromkeys(staffed), None, scenario)


def morning(tmp_path, catalogue, hall, seed, until=dt.time(10), **kw):
    sim, store = start(tmp_path, catalogue, hall, seed, **kw)
    sim.advance(dt.datetime.combine(sim.day, until))
    key = [(t.number, t.status, t.window, t.green, round(t.issued_at) % 86400) for t in store.tickets_on(sim.day.isoformat())]
    events = [(e.kind, e.data.window, round(e.data.at) % 86400) for e in store.history(sim.day.isoformat())]
    store.close()
    return sim, key, events


def test_same_seed_same_day(tmp_path, catalogue, hall):
    a, ta, ea = morning(tmp_path / "a", catalogue, hall, seed=7)
    b, tb, eb = morning(tmp_path / "b", catalogue, hall, seed=7)
    assert len(ta) > 40 and ta == tb and ea == eb and a.log == b.log
    assert [v.at for v in plan(catalogue, hall, seed=8).visitors] != [v.at for v in a.visitors]  # another seed
    # whatever the date: the same seed and scenario on another weekday bring the same people at the same times
    monday = plan(catalogue, hall, seed=7, day=dt.date(2026, 11, 30))
    assert [(v.at.time(), v.request) for v in monday.visitors] == [(v.at.time(), v.request) for v in a.visitors]


def test_looking_for_tickets_changes_nothing(tmp_path, catalogue, hall):
    """The demo's windows also look every minute for tickets a person took at the kiosk; in a day
    with no person about, that finds nothing: the tests' headless day is the demo's day."""
    _, looked, looked_events = morning(tmp_path / "a", catalogue, hall, seed=3, poll_seconds=60.0)
    _, told, told_events = morning(tmp_path / "b", catalogue, hall, seed=3, poll_seconds=None)
    assert looked == told and looked_events == told_events


def test_windows_find_a_ticket_a_person_took(tmp_path, catalogue, hall):
    from kiosk.domain.desk import Request

    sim, store = start(tmp_path, catalogue, hall, seed=1, scenario=dataclasses.replace(NORMAL, shape=((8.5, 0.0),),
                                                                                        early=0.0))
    assert sim.visitors == []  # nobody planned: every window waits
    sim.advance(dt.datetime.combine(DAY, dt.time(9)))
    with sim.clock.at(dt.datetime.combine(DAY, dt.time(9, 0, 10))):
        ticket = sim.desk.issue(Request(category="police")).ticket
    sim.advance(dt.datetime.combine(DAY, dt.time(9, 2)))
    called = store.ticket(ticket.id)
    assert called.status in (Status.CALLED, Status.SERVING) and called.window == 8
    store.close()


def test_what_happens_after_a_service_is_a_hook(tmp_path, catalogue, hall):
    sim, store = start(tmp_path, catalogue, hall, seed=2)
    seen: list[Served] = []
    sim.after_service.append(lambda s, served: seen.append(served))
    sim.advance(dt.datetime.combine(DAY, dt.time(9, 30)))
    done = [t for t in store.tickets_on(DAY.isoformat()) if t.status == Status.DONE]
    assert sorted(s.ticket.id for s in seen) == sorted(t.id for t in done) and len(done) > 5
    assert all(s.visitor is not None and s.window == s.ticket.window and s.ticket.status == Status.DONE for s in seen)
    store.close()


def test_the_day_is_planned_from_the_hall(catalogue, hall):
    sim = plan(catalogue, hall)
    assert [(p.windows, p.categories) for p in sim.pools] == [
        ((2, 3, 4, 5), ("comprehensive", "consult")), ((6, 7), ("realty",)), ((8,), ("police",)),
        ((9,), ("cannot_do",)), ((10,), ("assist",))]
    for pool, rate in zip(sim.pools, sim.peak_rates):
        c = len(pool.windows)
        load = rate * pool.occupancy / c
        # at the peak: as busy as planned or as long a wait as planned, whichever comes first (Erlang C)
        assert load <= NORMAL.load + 1e-9 and mean_wait(c, rate, pool) <= NORMAL.wait + 1e-6
        assert load >= NORMAL.load - 1e-6 or mean_wait(c, rate, pool) >= NORMAL.wait - 1e-3
    main = sim.pools[0]
    assert sim.peak_rates[0] * main.occupancy / 4 == pytest.approx(NORMAL.load)  # four windows: busy first
    assert sim.peak_rates[2] * sim.pools[2].occupancy < 0.75  # one window: its wait binds first
    # the hall file decides: services twice as long, half the people; a window fewer, fewer people
    slow = dataclasses.replace(hall, categories=tuple(dataclasses.replace(c, service_minutes=2 * c.service_minutes)
                                                      for c in hall.categories))
    slower = plan(catalogue, slow)
    assert slower.peak_rates[0] == pytest.approx(sim.peak_rates[0] / 2, rel=0.1)
    fewer = plan(catalogue, hall, staffed=(2, 3, 4, 6, 7, 8, 9, 10))
    assert fewer.peak_rates[0] < 0.8 * sim.peak_rates[0]
    assert len(fewer.visitors) < len(sim.visitors)


def test_calibration_facts():
    p_wait, wq = erlang_c(3, 24 / 60, 10 / 60)  # DESIGN §5: c = 3, λ = 24/h, μ = 10/h
    assert p_wait == pytest.approx(0.6472, abs=1e-4) and wq == pytest.approx(6.47, abs=0.01)
    import random

    rng = random.Random(5)
    services = [service_minutes(rng, 9.0) for _ in range(40_000)]
    assert sum(services) / len(services) == pytest.approx(9.0, rel=0.02)  # the hall file's mean, capped tail and all
    assert max(services) <= 4 * 9.0
    mean_cost, scv = ticket_cost(9.0, 0.0, QueuePolicy())
    assert mean_cost == pytest.approx(0.8 + 9.0 + 1 / 3) and 0.3 < scv < 1


def test_people_come_only_while_the_windows_call(catalogue, hall):
    friday = plan(catalogue, hall)
    times = [v.at for v in friday.visitors]
    assert min(times) >= dt.datetime.combine(DAY, dt.time(8, 30)) - EARLY
    assert max(times) < dt.datetime.combine(DAY, dt.time(17))
    saturday = plan(catalogue, hall, day=dt.date(2026, 11, 28))  # 09:00–16:00, no lunch rota
    assert saturday.lunch == [] and saturday.rota and saturday.visitors
    assert min(v.at for v in saturday.visitors).time() >= dt.time(8, 45)
    assert max(v.at for v in saturday.visitors).time() < dt.time(16)
    assert plan(catalogue, hall, day=dt.date(2026, 11, 29)).visitors == []  # Sunday: no window calls


def test_the_demo_runs_on_a_working_day(hall):
    assert demo_day(hall, DAY) == DAY
    assert demo_day(hall, dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)  # Saturday shows Monday (with lunch)
    assert demo_day(hall, dt.date(2026, 11, 29)) == dt.date(2026, 11, 30)
    assert set(SCENARIOS) >= {"normal", "quiet", "busy-morning", "lunch", "window-down", "rush"}


def test_sim_clock_runs_fast_and_holds(monkeypatch):
    t = [100.0]
    clock = SimClock(dt.datetime(2026, 11, 27, 8, 30), speed=30, monotonic=lambda: t[0])
    t[0] += 2
    assert clock() == dt.datetime(2026, 11, 27, 8, 31)
    t[0] += 60  # a slow start: the demo still begins at its moment
    clock.restart(dt.datetime(2026, 11, 27, 11, 40))
    assert clock() == dt.datetime(2026, 11, 27, 11, 40)
    t[0] += 2
    assert clock() == dt.datetime(2026, 11, 27, 11, 41)
    with clock.at(dt.datetime(2026, 11, 27, 12, 0)):
        assert clock() == dt.datetime(2026, 11, 27, 12, 0)
    assert clock() == dt.datetime(2026, 11, 27, 11, 41)
    t[0] += 60  # a slow start: the demo still begins at its moment
    clock.restart(dt.datetime(2026, 11, 27, 11, 40))
    assert clock() == dt.datetime(2026, 11, 27, 11, 40)
    t[0] += 2
    assert clock() == dt.datetime(2026, 11, 27, 11, 41)
