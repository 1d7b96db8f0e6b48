"""What a simulated day came to, read back from the store (Qt-free): arrivals, waits, how busy
each pool of windows was at its busiest hour, the last call, who was served.

Waits are the ``called`` events' own figures (issued → first call, as ``kiosk stats`` counts
them); a window is busy from its call of a ticket to that ticket's done or no-show; a pool's
utilisation over an hour is its windows' busy minutes over their open minutes (less the pauses
the simulation made: lunch, faults).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import math
from dataclasses import dataclass

from kiosk.domain.lifecycle import Kind, Status
from kiosk.domain.ports import HallStore
from kiosk.sim.simulation import Simulation

HOUR = _dt.timedelta(hours=1)


@dataclass(frozen=True)
class Wait:
    issued: _dt.datetime
    minutes: float
    category: str
    green: bool
    window: int | None


@dataclass(frozen=True)
class PoolFigures:
    name: str
    windows: tuple[int, ...]
    planned: float  # the utilisation the day was planned for at its peak
    peak: float  # the utilisation over the planned peak, as it came


@dataclass(frozen=True)
class DayFigures:
    arrivals: int
    first_issued: _dt.datetime | None
    last_issued: _dt.datetime | None
    served: int
    no_shows: int
    left_open: int  # tickets neither done nor no-show (waiting, at a window)
    waits: tuple[Wait, ...]
    last_call: _dt.datetime | None
    pools: tuple[PoolFigures, ...]
    peak: tuple[_dt.datetime, _dt.datetime]  # the planned peak: the day's shape at its highest
    busy: dict[int, list[tuple[_dt.datetime, _dt.datetime]]]  # per window: from a call to done / no-show
    paused: dict[int, list[tuple[_dt.datetime, _dt.datetime]]]  # per window: the simulation's pauses
    calls: dict[int, list[_dt.datetime]]  # per window: its calls (recalls too)

    @property
    def mean_wait(self) -> float:
        return mean([w.minutes for w in self.waits])

    @property
    def p90_wait(self) -> float:
        return nearest_rank([w.minutes for w in self.waits], 0.9)

    def utilisation(self, windows: tuple[int, ...], start: _dt.datetime, end: _dt.datetime) -> float:
        """Busy minutes of ``windows`` over their open minutes (less their pauses) from ``start`` to ``end``."""
        used = sum(_overlap(a, b, start, end) for n in windows for a, b in self.busy.get(n, []))
        room = sum((end - start).total_seconds() - sum(_overlap(a, b, start, end) for a, b in self.paused.get(n, []))
                   for n in windows)
        return used / room if room > 0 else 0.0


def nearest_rank(values: list[float], pct: float) -> float:
    """The ``pct`` percentile by nearest rank (as kiosk.domain.stats), 0 without values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct * len(ordered)) - 1)]


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _overlap(a: _dt.datetime, b: _dt.datetime, lo: _dt.datetime, hi: _dt.datetime) -> float:
    return max(0.0, (min(b, hi) - max(a, lo)).total_seconds())


def planned_peak(sim: Simulation) -> tuple[_dt.datetime, _dt.datetime]:
    """The first stretch of the day when its shape is at its highest (9:00–11:00 on an ordinary day)."""
    shape = sim.scenario.shape
    top = max(r for _, r in shape)
    i = next(i for i, (_, r) in enumerate(shape) if r == top)
    end = shape[i + 1][0] if i + 1 < len(shape) else sim.hour_of(sim.closing)
    return sim.moment(shape[i][0]), min(sim.moment(end), sim.closing)


def day_figures(sim: Simulation, store: HallStore) -> DayFigures:
    day = sim.day.isoformat()
    tickets = store.tickets_on(day)
    at = _dt.datetime.fromtimestamp
    by_id = {t.id: t for t in tickets}
    waits: list[Wait] = []
    busy: dict[int, list[tuple[_dt.datetime, _dt.datetime]]] = {}
    calls: dict[int, list[_dt.datetime]] = {}
    open_calls: dict[int, tuple[int, _dt.datetime]] = {}
    for e in store.history(day):
        d = e.data
        if e.kind == Kind.CALLED and d.window is not None:
            t = by_id[e.ticket_id]
            waits.append(Wait(at(d.at - (d.duration or 0.0)), (d.duration or 0.0) / 60, d.category, t.green, d.window))
            open_calls[e.ticket_id] = (d.window, at(d.at))
        if e.kind in (Kind.CALLED, Kind.RECALLED) and d.window is not None:
            calls.setdefault(d.window, []).append(at(d.at))
        if e.kind in (Kind.DONE, Kind.NO_SHOW) and e.ticket_id in open_calls:
            window, since = open_calls.pop(e.ticket_id)
            busy.setdefault(window, []).append((since, at(d.at)))
    paused: dict[int, list[tuple[_dt.datetime, _dt.datetime]]] = {}
    for p in sim.pauses:
        paused.setdefault(p.window, []).append((p.start, p.end or sim.closing + 3 * HOUR))
    issued = sorted(at(t.issued_at) for t in tickets)
    figures = DayFigures(
        arrivals=len(tickets), first_issued=issued[0] if issued else None,
        last_issued=issued[-1] if issued else None,
        served=sum(t.status == Status.DONE for t in tickets),
        no_shows=sum(t.status == Status.NO_SHOW for t in tickets),
        left_open=sum(t.status not in (Status.DONE, Status.NO_SHOW) for t in tickets),
        waits=tuple(waits), last_call=max((c for cs in calls.values() for c in cs), default=None), pools=(),
        peak=planned_peak(sim), busy=busy, paused=paused, calls=calls)
    pools = tuple(PoolFigures(pool.name, pool.windows, sim.peak_rates[i] * pool.occupancy / len(pool.windows),
                              figures.utilisation(pool.windows, *figures.peak))
                  for i, pool in enumerate(sim.pools))
    return dataclasses.replace(figures, pools=pools)
