"""A seeded, time-compressed day in the hall (Qt-free): citizens arrive and take tickets, staff at
the simulated windows call, serve and mark no-shows, take their lunch in turn (午间岗) and, in
some scenarios, stop for a fault.

The day is calibrated to the hall (kiosk.sim.load): each pool of windows gets the arrivals its
staffed windows can take at the scenario's peak utilisation and wait (Erlang C), shaped over the
day (kiosk.sim.scenarios); people come from a quarter of an hour before the windows open until
they close (``hall.yaml``'s hours), so nobody takes a ticket after closing, and the windows serve
the last ones and stop. Someone who would wait too long, or not be called before closing, comes
back another day (``went_home``).

Everything random is drawn from one ``random.Random`` (seeded by the seed and the scenario) in a
fixed order, and every event runs at its own simulated time (the clock is held at that instant
while it runs), so the same seed and scenario give the same day — whatever the date and however
fast or slow the real clock ticks. A person can use the kiosk and any window left out of
``staffed`` by hand at the same time: the simulated windows look for tickets they were not told
about every ``poll_seconds``.

What happens after a service: each of ``after_service``'s hooks is called with the
:class:`Served` visit once its ticket is done, in order (a hook may draw from ``sim.rng`` and
:meth:`Simulation.schedule` later steps, such as a rating at the pad).
"""

from __future__ import annotations

import datetime as _dt
import heapq
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from kiosk.domain.catalogue import Catalogue, Item
from kiosk.domain.counter import Counter
from kiosk.domain.desk import DeskError, Request, Slip, TicketDesk
from kiosk.domain.hall import Hall, HoursKind
from kiosk.domain.lifecycle import HallError, PauseReason, Status, Ticket
from kiosk.domain.personas import PERSONAS
from kiosk.domain.ports import StoreError
from kiosk.domain.queue import expected_wait
from kiosk.sim.load import (
    NO_SHOW_GAP_SECONDS,
    TURN_SECONDS,
    WALK_UP,
    Pool,
    max_rate,
    pools,
    recall_seconds,
    service_minutes,
)
from kiosk.sim.scenarios import NORMAL, Burst, Scenario

POPULAR_THEMES = {"SHBX": 3, "YLBX": 3, "HJBL": 2.5, "BDCD": 2, "GJJF": 2, "QYKB": 2, "GTGS": 2, "JZZM": 1.5}
BUNDLE_SHARE = 0.05  # of a category's visitors who come for a 一件事 package (when it has any)
EARLY = _dt.timedelta(minutes=15)  # people come this long before the windows open (Scenario.early)
TOO_LONG = 45.0  # minutes: a visitor who would wait longer comes back another day (or books a slot)
LUNCH_QUEUE = 2  # a window on the lunch rota goes when at most this many wait per window that stays
RETRY_SECONDS = 60.0  # a window refused (a person at it by hand) tries again this much later


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

    def restart(self, at: _dt.datetime) -> None:
        """Run on from ``at``, counting real time from now (a demo starts at its moment however
        long its windows took to build)."""
        self.start, self._t0 = at, self._mono()

    @contextmanager
    def at(self, moment: _dt.datetime) -> Iterator[None]:
        previous, self._held = self._held, moment
        try:
            yield
        finally:
            self._held = previous


def demo_day(hall: Hall, today: _dt.date) -> _dt.date:
    """The day a demo simulates: ``today`` if its windows call and keep a lunch rota (a working
    day), else the next such day (a Sunday demo shows Monday); else the next day the windows
    call at all; else ``today``."""
    days = [today + _dt.timedelta(days=i) for i in range(8)]
    for wanted in (lambda d: any(h.kind == HoursKind.LUNCH and h.on(d) for h in hall.hours),
                   lambda d: True):
        for day in days:
            if hall.calling_periods(day) and wanted(day):
                return day
    return today


@dataclass(frozen=True)
class Visitor:
    at: _dt.datetime
    category: str
    request: Request
    persona: str | None  # a demo persona id when they show an ID card
    green: bool
    appointment_offset: float | None  # seconds from arrival to their appointment slot, if they booked one
    no_show: bool  # took a ticket and wandered off
    service_minutes: float
    walk_up_minutes: float
    burst: bool = False  # came with the scenario's rush

    @property
    def appointment(self) -> bool:
        return self.appointment_offset is not None


@dataclass(frozen=True)
class Served:
    """A finished service, for the ``after_service`` hooks: who, which ticket, at which window."""

    visitor: Visitor | None  # None: a ticket a person took at the kiosk by hand
    ticket: Ticket
    window: int


@dataclass
class Pause:
    """A window the simulation paused: why, from when, until when (None: still paused)."""

    window: int
    reason: PauseReason
    start: _dt.datetime
    end: _dt.datetime | None = None


AfterService = Callable[["Simulation", Served], None]


@dataclass
class Simulation:
    seed: int
    day: _dt.date
    catalogue: Catalogue
    desk: TicketDesk
    counters: dict[int, Counter]  # the windows the simulation staffs
    clock: SimClock
    scenario: Scenario = NORMAL
    no_show_rate: float = 0.05
    green_rate: float = 0.08
    appointment_rate: float = 0.10
    poll_seconds: float | None = 60.0  # idle windows look for tickets a person took; None: only when told
    visitors: list[Visitor] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (time, what, number) for tests and demos
    pauses: list[Pause] = field(default_factory=list)
    went_home: list[Visitor] = field(default_factory=list)  # would have waited too long: no ticket
    after_service: list[AfterService] = field(default_factory=list)
    #: how a visitor gets their ticket when it comes with a promise (a case, an officer, a check-in …):
    #: the slip, or None for the plain ticket (kiosk.sim.promises)
    issue_ticket: Callable[[Simulation, Visitor], Slip | None] | None = None

    def __post_init__(self) -> None:
        self.hall: Hall = self.desk.hall
        self.rng = random.Random(f"{self.seed}/{self.scenario.visitors_of}")
        self._queue: list[tuple[_dt.datetime, int, str, Callable[[], None]]] = []
        self._seq = 0
        self._people: dict[int, Visitor] = {}  # ticket id -> visitor
        self._token: dict[int, int] = {n: 0 for n in self.counters}  # a window's live next step
        self._idle_since: dict[int, _dt.datetime] = {}  # windows waiting for a ticket
        self._pause_due: dict[int, tuple[PauseReason, _dt.datetime]] = {}
        self._waiting: dict[int, str] = {}  # tickets the simulation issued that wait: id -> category
        self.periods = self.hall.calling_periods(self.day)
        self.opening = self.periods[0][0] if self.periods else self.moment(0)
        self.closing = self.periods[-1][1] if self.periods else self.moment(0)
        self.pools: list[Pool] = pools(self.hall, self.counters, self.no_show_rate)
        s = self.scenario
        self.peak_rates = [max_rate(len(p.windows), p, s.load, s.wait) for p in self.pools]  # per minute
        self.lunch = [span for h in self.hall.hours if h.kind == HoursKind.LUNCH if (span := h.on(self.day))]
        self.rota = [n for p in self.pools for n in p.windows[1::2]] if s.lunch_rota else []
        main = max(range(len(self.pools)), key=lambda i: len(self.pools[i].windows)) if self.pools else None
        self.main_pool = main
        self._requests = self._choices()
        self.visitors = self._plan()
        for v in self.visitors:
            self.schedule(v.at, "arrive", lambda v=v: self._arrive(v))
        for i, n in enumerate(sorted(self.counters)):
            self._window_later(n, self.opening + _dt.timedelta(seconds=5 * i), "open")
        for start, end in self.lunch:
            for n in self.rota:
                self.schedule(start, f"lunch {n}", lambda n=n, end=end: self._pause_at(n, PauseReason.LUNCH, end))
        if main is not None:
            for f in s.faults:
                windows = self.pools[main].windows
                if f.which < len(windows):
                    n = windows[f.which]
                    self.schedule(self.moment(f.at), f"fault {n}",
                                  lambda n=n, f=f: self._pause_at(n, PauseReason(f.reason), self.moment(f.until)))

    # --- the plan: who comes when, for what -------------------------------------------------

    def moment(self, hour: float) -> _dt.datetime:
        """The simulated day at ``hour`` (decimal hours)."""
        return _dt.datetime.combine(self.day, _dt.time()) + _dt.timedelta(hours=hour)

    def hour_of(self, when: _dt.datetime) -> float:
        """``when`` in decimal hours of the simulated day."""
        return (when - self.moment(0)).total_seconds() / 3600

    def planned_open(self, pool: int, when: _dt.datetime) -> int:
        """How many of ``pool``'s windows the day's plan has calling at ``when`` (the lunch rota out)."""
        windows = self.pools[pool].windows
        out = sum(1 for n in windows if n in self.rota for start, end in self.lunch if start <= when < end)
        return len(windows) - out

    def rates(self, when: _dt.datetime) -> list[float]:
        """Per pool, the planned arrivals a minute at ``when``: the day's shape times the peak rate,
        never more than the windows the plan has open take (the lunch rota); in the quarter hour
        before opening the scenario's ``early`` share; none while the windows do not call."""
        s, hour = self.scenario, self.hour_of(when)
        if self.opening - EARLY <= when < self.opening:
            shape = s.early
        elif self.hall.calling_at(when):
            shape = s.rate(hour)
        else:
            return [0.0 for _ in self.pools]
        out = []
        for i, pool in enumerate(self.pools):
            rate = shape * self.peak_rates[i]
            c = self.planned_open(i, when)
            if c < len(pool.windows):
                rate = min(rate, max_rate(c, pool, s.load, s.wait))
            out.append(rate)
        return out

    def _stretches(self) -> list[tuple[_dt.datetime, _dt.datetime]]:
        """The day cut where a rate changes (the shape, the hours, the lunch rota)."""
        moments = [self.moment(h) for h, _ in self.scenario.shape]
        moments += [t for span in self.periods + self.lunch for t in span]
        start = self.opening - EARLY
        cuts = sorted({m for m in moments if start < m < self.closing} | {start, self.closing})
        return list(zip(cuts, cuts[1:]))

    def _plan(self) -> list[Visitor]:
        """Who comes when: each stretch of the day brings each pool the visitors its rate plans —
        the expected number, its fraction rounded up or down at random — at random moments within
        it (a Poisson process given that number: random in the short run, as planned over the
        day); then the scenario's rush, for the largest pool. For each visitor their category and
        request. Drawn in order: stretch, pool, visitor; then each rush (so a scenario with a
        rush has its ``stream``'s day and the group on top)."""
        if not self.pools or not self.periods:
            return []
        out: list[Visitor] = []
        for a, b in self._stretches():
            minutes = (b - a).total_seconds() / 60
            for pool, rate in zip(self.pools, self.rates(a)):
                out += self._arrivals(pool, a, b, rate * minutes, None)
        if self.main_pool is not None:
            pool = self.pools[self.main_pool]
            for burst in self.scenario.bursts:
                a = self.moment(burst.at)
                expected = burst.extra * len(pool.windows) / pool.occupancy * burst.minutes
                out += self._arrivals(pool, a, a + _dt.timedelta(minutes=burst.minutes), expected, burst)
        return sorted(out, key=lambda v: v.at)

    def _arrivals(self, pool: Pool, a: _dt.datetime, b: _dt.datetime, expected: float,
                  burst: Burst | None) -> list[Visitor]:
        rng = self.rng
        n = int(expected) + (rng.random() < expected - int(expected))
        out = []
        for at in sorted(a + (b - a) * rng.random() for _ in range(n)):
            category = rng.choices(pool.categories, pool.shares)[0]
            out.append(self._visitor(at, category, burst))
        return out

    def _choices(self) -> dict[str, tuple[list[Item], list[float], list[str]]]:
        """Per category: its items (one visit) with their weights, and its package codes."""
        out = {}
        for c in self.hall.categories:
            items = [i for i in self.catalogue.items if i.visits == 1 and i.window == c.code]
            bundles = [b.code for b in self.catalogue.bundles if b.window == c.code]
            out[c.code] = (items, [POPULAR_THEMES.get(i.theme, 1.0) for i in items], bundles)
        return out

    def _visitor(self, at: _dt.datetime, category: str, burst: Burst | None) -> Visitor:
        items, weights, bundles = self._requests[category]
        rng = self.rng
        roll = rng.random()
        if not items:
            request = Request(category=category)
        elif bundles and roll < BUNDLE_SHARE:
            request = Request(bundle_code=rng.choice(bundles))
        else:
            request = Request(item_code=rng.choices(items, weights)[0].code)
        green = rng.random() < (burst.green if burst else self.green_rate)
        persona = rng.choice([p.id for p in PERSONAS if p.id != "resident"]) if green else None
        appointment = rng.uniform(-600, 600) if rng.random() < self.appointment_rate and not burst else None
        mean = self.hall.category(category).service_minutes
        return Visitor(
            at=at, category=category, request=request, persona=persona, green=green,
            appointment_offset=appointment, no_show=rng.random() < self.no_show_rate,
            service_minutes=service_minutes(rng, mean),
            walk_up_minutes=rng.uniform(*WALK_UP), burst=burst is not None)

    # --- running --------------------------------------------------------------------------------

    def schedule(self, at: _dt.datetime, what: str, action: Callable[[], None]) -> None:
        """Run ``action`` at simulated time ``at`` (events at the same time run in the order scheduled)."""
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
        """Run the whole day, to the last service (at most three hours past closing)."""
        self.advance(self.closing + _dt.timedelta(hours=3), budget=10 ** 7)

    @property
    def done(self) -> bool:
        """Whether nothing is left to happen today."""
        return not self._queue

    def _note(self, what: str, number: str) -> None:
        self.log.append((self.clock().strftime("%H:%M:%S"), what, number))

    def expected_wait(self, category: str) -> float:
        """Minutes until someone who takes a ticket of ``category`` now is called, as the visitor
        judges it by the queue: the tickets the simulation issued that wait for the same windows,
        served by those of its windows that are not paused (as the slip's estimate)."""
        i = next(i for i, p in enumerate(self.pools) if category in p.categories)
        pool = self.pools[i]
        ahead = sum(1 for c in self._waiting.values() if c in pool.categories)
        paused = sum(1 for p in self.pauses if p.window in pool.windows and p.end is None)
        open_ = max(1, len(pool.windows) - paused)  # all paused: one is back before long
        idle = sum(1 for n in pool.windows if n in self._idle_since)
        return expected_wait(ahead, max(0, open_ - idle), open_, pool.occupancy)

    def _arrive(self, v: Visitor) -> None:
        p = next((x for x in PERSONAS if x.id == v.persona), None)
        now = self.clock()
        wait = self.expected_wait(v.category)
        if wait > TOO_LONG or now + _dt.timedelta(minutes=wait) > self.closing:
            self.went_home.append(v)  # would wait too long, or not be called before closing
            self._note(f"went home ({v.category})", "")
            return
        appointment_at = now.timestamp() + v.appointment_offset if v.appointment_offset is not None else None
        try:
            slip = self.issue_ticket(self, v) if self.issue_ticket is not None else None
            if slip is None:
                slip = self.desk.issue(v.request, p.resident_id if p else None, p.tags if p else (), v.green,
                                       appointment_at=appointment_at)
        except DeskError:  # this persona already holds a ticket for it today: they just wait
            return
        self._people[slip.ticket.id] = v
        self._waiting[slip.ticket.id] = slip.ticket.category
        self._note("issued", slip.ticket.number)
        self._wake(slip.ticket.category)

    def _wake(self, category: str) -> None:
        """The staffed window that has waited longest for a ticket of ``category`` calls now."""
        idle = [(since, n) for n, since in self._idle_since.items() if category in self.counters[n].categories]
        if idle:
            self._window_later(min(idle)[1], self.clock(), "wake")

    # --- the windows ----------------------------------------------------------------------------

    def _window_later(self, n: int, at: _dt.datetime, what: str, step: Callable[[], None] | None = None) -> None:
        """Window ``n``'s next step (its step before this one, if still to come, is dropped)."""
        self._token[n] += 1
        token, step = self._token[n], step or (lambda: self._window_step(n))
        self.schedule(at, f"{what} {n}", lambda: step() if self._token[n] == token else None)

    def _pause_at(self, n: int, reason: PauseReason, until: _dt.datetime) -> None:
        """Window ``n`` pauses for ``reason`` until ``until`` once its visitor (if any) is done."""
        self._pause_due[n] = (reason, until)
        if n in self._idle_since:
            self._window_later(n, self.clock(), "pause")

    def _can_leave(self, n: int) -> bool:
        """Whether window ``n``'s pool keeps its queue without it: at most LUNCH_QUEUE people wait
        per window that stays open."""
        pool = next(p for p in self.pools if n in p.windows)
        paused = {p.window for p in self.pauses if p.end is None}
        staying = [m for m in pool.windows if m != n and m not in paused]
        waiting = sum(1 for c in self._waiting.values() if c in pool.categories)
        return bool(staying) and waiting <= LUNCH_QUEUE * len(staying)

    def _window_step(self, n: int) -> None:
        counter = self.counters[n]
        now = self.clock()
        idle_since = self._idle_since.pop(n, None)
        due = self._pause_due.pop(n, None)
        if due is not None and due[0] == PauseReason.LUNCH and now < due[1] and not self._can_leave(n):
            self._pause_due[n] = due  # 午间岗: lunch waits until the others can keep the queue
        elif due is not None and now < due[1]:
            reason, until = due
            try:
                counter.pause(reason)
            except (HallError, StoreError) as exc:
                self._note(f"pause {n} failed: {exc}", "")
            else:
                self.pauses.append(Pause(n, reason, now))
                self._note(f"paused {n} {reason.value}", "")
                self._window_later(n, until, "reopen", lambda: self._reopen(n))
                return
        try:
            ticket = counter.call_next()  # refused while paused or busy (a person at it by hand)
        except (HallError, StoreError) as exc:  # a person at the same window by hand: try again later
            if exc.__class__ is StoreError:
                self._note(f"window {n} skipped: {exc}", "")
            self._window_later(n, now + _dt.timedelta(seconds=RETRY_SECONDS), "retry")
            return
        if ticket is None:
            if now < self.closing:  # after closing, with nobody left, the window is done for the day
                self._idle_since[n] = idle_since or now  # a look that found nobody changes nothing
                if self.poll_seconds:
                    self._window_later(n, now + _dt.timedelta(seconds=self.poll_seconds), "poll")
            return
        self._note(f"called {n}", ticket.number)
        self._waiting.pop(ticket.id, None)
        v = self._people.get(ticket.id)
        if v is not None and v.no_show:
            self._window_later(n, now + _dt.timedelta(seconds=recall_seconds(self.hall.policy)), "recall",
                               lambda: self._recall(n))
            return
        walk = v.walk_up_minutes if v else sum(WALK_UP) / 2
        service = v.service_minutes if v else float(self.hall.category(ticket.category).service_minutes)
        self._window_later(n, now + _dt.timedelta(minutes=walk), "start", lambda: self._start(n, service))

    def _reopen(self, n: int) -> None:
        try:
            self.counters[n].reopen()
        except (HallError, StoreError) as exc:
            self._note(f"reopen {n} failed: {exc}", "")
        pause = next(p for p in reversed(self.pauses) if p.window == n)
        pause.end = self.clock()
        self._note(f"reopened {n}", "")
        self._window_step(n)

    def _next(self, n: int, seconds: float) -> None:
        self._window_later(n, self.clock() + _dt.timedelta(seconds=seconds), "next")

    def _recall(self, n: int) -> None:
        try:
            ticket = self.counters[n].recall()
        except (HallError, StoreError) as exc:
            self._note(f"recall {n} failed: {exc}", "")
            self._next(n, NO_SHOW_GAP_SECONDS)
            return
        if ticket.status == Status.NO_SHOW:
            self._note(f"no-show {n}", ticket.number)
            self._next(n, NO_SHOW_GAP_SECONDS)
        else:
            self._window_later(n, self.clock() + _dt.timedelta(seconds=recall_seconds(self.hall.policy)),
                               "recall", lambda: self._recall(n))

    def _start(self, n: int, service_minutes: float) -> None:
        try:
            self.counters[n].start()
        except (HallError, StoreError) as exc:
            self._note(f"start {n} failed: {exc}", "")
            self._next(n, NO_SHOW_GAP_SECONDS)
            return
        self._window_later(n, self.clock() + _dt.timedelta(minutes=service_minutes), "finish",
                           lambda: self._finish(n))

    def _finish(self, n: int) -> None:
        try:
            t = self.counters[n].finish()
        except (HallError, StoreError) as exc:
            self._note(f"finish {n} failed: {exc}", "")
        else:
            self._note(f"done {n}", t.number)
            served = Served(self._people.get(t.id), t, n)
            for hook in self.after_service:
                hook(self, served)
        self._next(n, TURN_SECONDS)
