"""A seeded, time-compressed day in the hall (Qt-free): citizens arrive and take tickets, staff at
the simulated windows call, serve and mark no-shows.

Everything random is drawn from one ``random.Random(seed)`` in a fixed order, and every event
runs at its own simulated time (the clock is held at that instant while it runs), so the same
seed on the same day gives the same day — however fast or slow the real clock ticks. A person
can use the kiosk and any window left out of ``staffed`` by hand at the same time.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import math
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kiosk.domain.catalogue import Catalogue, Item
from kiosk.domain.counter import Counter
from kiosk.domain.desk import DeskError, Request, TicketDesk
from kiosk.domain.lifecycle import HallError, Status
from kiosk.domain.personas import PERSONAS
from kiosk.domain.ports import StoreError

#: Arrivals per hour over the day: morning peak, 午间 dip, afternoon, quiet end.
ARRIVAL_PROFILE = ((8.5, 36), (9.0, 58), (11.0, 42), (12.0, 16), (13.5, 46), (15.0, 40), (16.5, 20), (17.0, 0))
OPEN_HOUR, CLOSE_HOUR = 8.5, 17.0


class SimClock:
    """Simulated wall clock: ``speed`` simulated seconds per real second from ``start``; ``at(t)``
    holds it at one instant while an event runs."""

    def __init__(self, start: _dt.datetime, speed: float = 30.0, monotonic: Callable[[], float] = time.monotonic):
        self.start, self.speed, self._mono = start, speed, monotonic
        self._t0 = monotonic()
        self._held: _dt.datetime | None = None

    def __call__(self) -> _dt.datetime:
        if self._held is not None:
            return self._held
        return self.start + _dt.timedelta(seconds=(self._mono() - self._t0) * self.speed)

    @contextmanager
    def at(self, moment: _dt.datetime) -> Iterator[None]:
        previous, self._held = self._held, moment
        try:
            yield
        finally:
            self._held = previous


def rate_at(hour: float) -> float:
    """Arrivals per hour at ``hour`` (decimal hours since midnight)."""
    rate = 0.0
    for start, value in ARRIVAL_PROFILE:
        if hour >= start:
            rate = value
    return rate if OPEN_HOUR <= hour < CLOSE_HOUR else 0.0


@dataclass(frozen=True)
class Visitor:
    at: _dt.datetime
    request: Request
    persona: str | None  # a demo persona id when they show an ID card
    green: bool
    appointment: bool
    no_show: bool  # took a ticket and wandered off
    service_minutes: float
    walk_up_minutes: float


@dataclass
class Simulation:
    seed: int
    day: _dt.date
    catalogue: Catalogue
    desk: TicketDesk
    counters: dict[int, Counter]  # the windows the simulation staffs
    clock: SimClock
    no_show_rate: float = 0.05
    green_rate: float = 0.08
    appointment_rate: float = 0.10
    visitors: list[Visitor] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (time, what, number) for tests and demos

    def __post_init__(self) -> None:
        self.rng = random.Random(f"{self.seed}/{self.day.isoformat()}")
        self._queue: list[tuple[_dt.datetime, int, str, Callable[[], None]]] = []
        self._seq = 0
        self._people: dict[int, Visitor] = {}  # ticket id -> visitor
        self.visitors = self._plan()
        for v in self.visitors:
            self._schedule(v.at, "arrive", lambda v=v: self._arrive(v))
        opening = self._moment(OPEN_HOUR)
        for n in sorted(self.counters):
            self._schedule(opening + _dt.timedelta(seconds=5 * n), f"open {n}", lambda n=n: self._window_step(n))

    # --- the plan: who comes when, for what -------------------------------------------------

    def _moment(self, hour: float) -> _dt.datetime:
        return _dt.datetime.combine(self.day, _dt.time()) + _dt.timedelta(hours=hour)

    def _plan(self) -> list[Visitor]:
        """Arrivals by thinning a Poisson process at the profile's peak rate."""
        items = [i for i in self.catalogue.items if i.visits == 1]
        weights = [self._weight(i) for i in items]
        peak = max(r for _, r in ARRIVAL_PROFILE)
        out, hour = [], OPEN_HOUR
        while True:
            hour += self.rng.expovariate(peak)
            if hour >= CLOSE_HOUR:
                return out
            if self.rng.random() * peak > rate_at(hour):
                continue
            roll = self.rng.random()
            if roll < 0.06:
                request, base = Request(category="consult"), 4.0
            elif roll < 0.09 and self.catalogue.bundles:
                bundle = self.rng.choice(self.catalogue.bundles)
                request, base = Request(bundle_code=bundle.code), 20.0
            else:
                item = self.rng.choices(items, weights)[0]
                request, base = Request(item_code=item.code), self._service_base(item)
            green = self.rng.random() < self.green_rate
            persona = self.rng.choice([p.id for p in PERSONAS if p.id not in ("resident",)]) if green else None
            out.append(Visitor(
                at=self._moment(hour), request=request, persona=persona, green=green,
                appointment=self.rng.random() < self.appointment_rate,
                no_show=self.rng.random() < self.no_show_rate,
                service_minutes=max(1.0, self.rng.lognormvariate(math.log(base), 0.45)),
                walk_up_minutes=0.3 + self.rng.random()))

    @staticmethod
    def _weight(item: Item) -> float:
        popular = {"SHBX": 3, "YLBX": 3, "HJBL": 2.5, "BDCD": 2, "GJJF": 2, "QYKB": 2, "GTGS": 2, "JZZM": 1.5}
        return popular.get(item.theme, 1.0)

    @staticmethod
    def _service_base(item: Item) -> float:
        return {"realty": 14.0, "police": 7.0, "assist": 12.0}.get(item.window, 9.0) * \
            (1.25 if item.kind == "承诺件" else 0.85)

    # --- running --------------------------------------------------------------------------------

    def _schedule(self, at: _dt.datetime, what: str, action: Callable[[], None]) -> None:
        self._seq += 1
        heapq.heappush(self._queue, (at, self._seq, what, action))

    def advance(self, until: _dt.datetime, budget: int = 10_000) -> int:
        """Run every event due by ``until`` (at most ``budget``); returns how many ran."""
        ran = 0
        while self._queue and self._queue[0][0] <= until and ran < budget:
            at, _, _what, action = heapq.heappop(self._queue)
            with self.clock.at(at):
                action()
            ran += 1
        return ran

    def run_day(self) -> None:
        self.advance(self._moment(CLOSE_HOUR + 3), budget=10 ** 7)

    def _note(self, what: str, number: str) -> None:
        self.log.append((self.clock().strftime("%H:%M:%S"), what, number))

    def _arrive(self, v: Visitor) -> None:
        p = next((x for x in PERSONAS if x.id == v.persona), None)
        appointment_at = self.clock().timestamp() + self.rng.uniform(-600, 600) if v.appointment else None
        try:
            slip = self.desk.issue(v.request, p.resident_id if p else None, p.tags if p else (), v.green,
                                   appointment_at=appointment_at)
        except DeskError:  # this persona already holds a ticket for it today: they just wait
            return
        self._people[slip.ticket.id] = v
        self._note("issued", slip.ticket.number)

    def _window_step(self, n: int) -> None:
        counter = self.counters[n]
        now = self.clock()
        if now >= self._moment(CLOSE_HOUR + 2):
            return
        try:
            ticket = counter.call_next()  # refused while paused or busy (a person at it by hand)
        except (HallError, StoreError) as exc:  # a person at the same window by hand: try again later
            if exc.__class__ is StoreError:
                self._note(f"window {n} skipped: {exc}", "")
            self._schedule(now + _dt.timedelta(seconds=60), f"retry {n}", lambda: self._window_step(n))
            return
        if ticket is None:
            self._schedule(now + _dt.timedelta(seconds=45), f"idle {n}", lambda: self._window_step(n))
            return
        self._note(f"called {n}", ticket.number)
        v = self._people.get(ticket.id)
        if v is not None and v.no_show:
            self._schedule(now + _dt.timedelta(seconds=61), f"recall {n}", lambda: self._recall(n))
            return
        walk = v.walk_up_minutes if v else 0.8
        service = v.service_minutes if v else 9.0
        self._schedule(now + _dt.timedelta(minutes=walk), f"start {n}", lambda: self._start(n, service))

    def _recall(self, n: int) -> None:
        try:
            ticket = self.counters[n].recall()
        except (HallError, StoreError) as exc:
            self._note(f"recall {n} failed: {exc}", "")
            self._schedule(self.clock() + _dt.timedelta(seconds=5), f"next {n}", lambda: self._window_step(n))
            return
        if ticket.status == Status.NO_SHOW:
            self._note(f"no-show {n}", ticket.number)
            self._schedule(self.clock() + _dt.timedelta(seconds=5), f"next {n}", lambda: self._window_step(n))
        else:
            self._schedule(self.clock() + _dt.timedelta(seconds=61), f"recall {n}", lambda: self._recall(n))

    def _start(self, n: int, service_minutes: float) -> None:
        try:
            self.counters[n].start()
        except (HallError, StoreError) as exc:
            self._note(f"start {n} failed: {exc}", "")
            self._schedule(self.clock() + _dt.timedelta(seconds=5), f"next {n}", lambda: self._window_step(n))
            return
        self._schedule(self.clock() + _dt.timedelta(minutes=service_minutes), f"finish {n}", lambda: self._finish(n))

    def _finish(self, n: int) -> None:
        try:
            t = self.counters[n].finish()
            self._note(f"done {n}", t.number)
        except (HallError, StoreError) as exc:
            self._note(f"finish {n} failed: {exc}", "")
        self._schedule(self.clock() + _dt.timedelta(seconds=20), f"next {n}", lambda: self._window_step(n))
