"""Every demo scenario (kiosk.sim.scenarios) does what its description says: each is run headless
for a whole day on a temporary SQLite store, with the seed a presenter gets by default, and its
figures — read back from the store — are checked: the waits, how busy the windows were at the
planned peak, nothing issued after closing, everyone served or a no-show by the end, and what
the scenario is about (the lunch rota, the window down, the rush)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_desk

from kiosk.domain.counter import Counter
from kiosk.domain.lifecycle import PauseReason
from kiosk.sim.figures import DayFigures, day_figures, mean
from kiosk.sim.scenarios import SCENARIOS
from kiosk.sim.simulation import EARLY, SimClock, Simulation
from kiosk.store.db import Store

DAY = dt.date(2026, 11, 27)  # a Friday: the weekday hours, with lunchtime
STAFFED = (2, 3, 4, 5, 6, 7, 8, 9, 10)  # as `kiosk hall --simulate`: window 1 is left to a person
SEED = 1  # the command line's default


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute))


def run(tmp_path, catalogue, hall, code: str, seed: int = SEED) -> tuple[Simulation, DayFigures, Store]:
    store = Store.open(tmp_path)
    clock = SimClock(at(8, 30), speed=60)
    desk = make_desk(store, catalogue, hall, clock)
    sim = Simulation(seed, DAY, catalogue, desk, {n: Counter(store, hall, n, clock) for n in STAFFED}, clock,
                     SCENARIOS[code], poll_seconds=None)
    sim.run_day()
    return sim, day_figures(sim, store), store


def waits(f: DayFigures, start: dt.datetime, end: dt.datetime, **match) -> list[float]:
    """Waits of the tickets issued from ``start`` to ``end`` (and matching ``match``: green=…, category=…)."""
    return [w.minutes for w in f.waits if start <= w.issued < end and all(getattr(w, k) == v for k, v in match.items())]


def main_pool(sim: Simulation):
    return sim.pools[sim.main_pool]


def check_day(sim: Simulation, f: DayFigures, store: Store) -> None:
    """What every scenario keeps: tickets only from a quarter before opening until closing, and
    by the end everyone served or a no-show, the last call soon after closing, every window the
    simulation paused open again, the planned load within a well-run hall's."""
    assert f.arrivals > 50
    assert f.first_issued >= sim.opening - EARLY
    assert f.last_issued < sim.closing == at(17), "nobody takes a ticket after closing"
    assert f.left_open == 0 and f.served + f.no_shows == f.arrivals
    assert f.no_shows <= 0.12 * f.arrivals
    assert f.last_call <= sim.closing + dt.timedelta(minutes=20), f"still calling at {f.last_call:%H:%M}"
    assert all(p.end is not None and p.end <= sim.closing for p in sim.pauses)
    assert not set(store.paused_windows()) & set(STAFFED)
    assert len(sim.went_home) <= 0.02 * len(sim.visitors), "people turned away: the hall is overloaded"
    assert all(p.planned <= 0.9 for p in f.pools)
    # a paused window calls nobody
    for n, spans in f.paused.items():
        assert not [c for c in f.calls.get(n, []) for a, b in spans if a <= c < b]


def check_normal(sim: Simulation, f: DayFigures, days) -> None:
    assert 3 <= f.mean_wait <= 12 and f.p90_wait <= 30
    main = f.pools[sim.main_pool]
    assert 0.8 <= main.planned <= 0.85 and abs(main.peak - main.planned) <= 0.15
    assert all(0.4 <= p.planned <= 0.85 for p in f.pools)
    assert {p.reason for p in sim.pauses} == {PauseReason.LUNCH}
    # it looks like the hall: every category, the green channel, appointments, window 1 left to a person
    assert {w.category for w in f.waits} == {c.code for c in sim.hall.categories}
    assert any(w.green for w in f.waits) and any(v.appointment for v in sim.visitors)
    assert 1 not in f.calls


def check_quiet(sim: Simulation, f: DayFigures, days) -> None:
    assert f.mean_wait <= 2 and f.p90_wait <= 5
    assert all(p.planned <= 0.5 and p.peak <= 0.65 for p in f.pools)


def check_busy_morning(sim: Simulation, f: DayFigures, days) -> None:
    main = f.pools[sim.main_pool]
    assert main.planned >= 0.85 and main.peak >= 0.75
    morning, afternoon = waits(f, at(8), at(12)), waits(f, at(13, 30), at(17))
    assert 5 <= mean(morning) <= 20 and mean(morning) >= 2 * mean(afternoon)
    assert f.p90_wait <= 40 and max(w.minutes for w in f.waits) <= 75


def check_lunch(sim: Simulation, f: DayFigures, days) -> None:
    assert sim.lunch == [(at(12), at(13, 30))]
    rota = {p.window for p in sim.pauses if p.reason == PauseReason.LUNCH}
    assert rota == {3, 5, 7}  # every second window of 2–5 and of 6–7; 8, 9 and 10 have nobody to cover them
    for p in sim.pauses:
        assert at(12) <= p.start < at(13, 30) and p.end == at(13, 30)  # a break waits while the queue is long
    staying = [n for n in STAFFED if n not in rota]
    calls = {n: [c for c in f.calls.get(n, []) if at(12) <= c < at(13, 30)] for n in staying}
    assert all(calls[n] for n in (2, 4, 6)), "午间不打烊: the windows that stay keep calling"
    came = waits(f, at(12), at(13, 30))
    assert len(came) >= 20 and mean(came) <= 15
    assert 2 <= f.mean_wait <= 12


def check_window_down(sim: Simulation, f: DayFigures, days) -> None:
    (fault,) = [p for p in sim.pauses if p.reason == PauseReason.FAULT]
    assert fault.window == 3 and at(10) <= fault.start < at(10, 30) and fault.end == at(11)
    others = (2, 4, 5)
    assert f.utilisation(others, fault.start, at(11)) >= 0.85, "the other windows absorb its queue"
    normal_sim, normal = days("normal")
    assert [v.at for v in normal_sim.visitors] == [v.at for v in sim.visitors]  # the same people come
    during, usual = waits(f, at(10), at(11, 30)), waits(normal, at(10), at(11, 30))
    assert mean(during) >= mean(usual) + 1, "waits rise"
    assert mean(waits(f, at(14), at(15))) <= mean(waits(normal, at(14), at(15))) + 2, "and recover"
    assert 3 <= f.mean_wait <= 15 and f.p90_wait <= 35


def check_rush(sim: Simulation, f: DayFigures, days) -> None:
    group = [v for v in sim.visitors if v.burst]
    assert 10 <= len(group) <= 20 and 0.2 <= mean([v.green for v in group]) <= 0.8
    assert all(at(11) <= v.at < at(11, 15) for v in group)
    normal_sim, normal = days("normal")
    assert [v.at for v in sim.visitors if not v.burst] == [v.at for v in normal_sim.visitors]  # and the day's people
    assert mean(waits(f, at(11), at(11, 30))) >= mean(waits(normal, at(11), at(11, 30))) + 5, "waits rise"
    green, ordinary = waits(f, at(11), at(11, 15), green=True), waits(f, at(11), at(11, 15), green=False)
    assert green and mean(green) < mean(ordinary), "the green channel goes first"
    assert max(w.minutes for w in f.waits) <= 80, "without starving the others"
    assert mean(waits(f, at(13), at(14))) <= mean(waits(normal, at(13), at(14))) + 4, "and recover"
    assert f.p90_wait <= 40


CHECKS = {"normal": check_normal, "quiet": check_quiet, "busy-morning": check_busy_morning,
          "lunch": check_lunch, "window-down": check_window_down, "rush": check_rush}


def test_every_scenario_is_checked():
    assert set(CHECKS) == set(SCENARIOS)


@pytest.fixture(scope="module")
def days(tmp_path_factory, catalogue, hall):
    """Each scenario's day, run once for the module: ``days(code)`` → (simulation, figures)."""
    done: dict[str, tuple[Simulation, DayFigures]] = {}

    def day(code: str) -> tuple[Simulation, DayFigures]:
        if code not in done:
            sim, figures, store = run(tmp_path_factory.mktemp(code), catalogue, hall, code)
            try:
                check_day(sim, figures, store)
            finally:
                store.close()
            done[code] = sim, figures
        return done[code]

    return day


@pytest.mark.parametrize("code", list(SCENARIOS))
def test_scenario_keeps_its_description(days, code):
    sim, figures = days(code)
    CHECKS[code](sim, figures, days)
